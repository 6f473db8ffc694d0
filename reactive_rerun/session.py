"""``Session``: one browser tab, a thin facade over the parts that do the work.

Data path: a client message -> ``Inbox`` (rate limit, decode, store the value, queue the
callback) -> ``RunQueue`` -> ``Scheduler`` (the driver task starts a run task) -> ``Runner``
(callbacks, then the script; UI calls draw through the ``RunHost`` protocol) -> ``PageWriter``
(diff against the ``Page``, ops batched in frames) -> ``Outbox`` -> the transport's sink.

The durable part (``SessionData``: plain data, see ``durable.py``) is kept apart from the live
part (``Bindings``: decoders, callbacks, fragment functions; tasks; the transport), so a store
can keep the record and another process can resume the session from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from . import durable, protocol
from .bindings import Bindings
from .cache.store import forget_session
from .client_info import ClientInfo
from .config import SessionConfig
from .context import Run
from .durable import SessionData
from .inbox import Inbox
from .outbox import FrameSink, Outbox
from .run_queue import RunQueue
from .runner import Runner, Script
from .scheduler import Scheduler
from .state import SessionState
from .writer import PageWriter


class Session:
    """One browser tab: a driver task plus one task per run in flight."""

    __slots__ = (
        "config", "data", "live", "queue", "scheduler", "writer", "inbox", "runner", "tab",
        "client", "__weakref__",
    )

    def __init__(
        self, script: Script, config: SessionConfig | None = None, data: SessionData | None = None
    ) -> None:
        self.config = config or SessionConfig()
        self.data = data or SessionData()
        self.live = Bindings()
        self.queue = RunQueue()
        self.scheduler = Scheduler(self, self.data, self.config, self.queue)
        self.writer = PageWriter(self.data, self.config, self.scheduler.runs.values())
        poke = self.scheduler.poke
        self.inbox = Inbox(
            self.data, self.live, self.config, self.queue, self.writer, poke, self.scheduler.stop
        )
        self.runner = Runner(
            script, self.data, self.live, self.config, self.queue, self.writer, poke
        )
        self.runner.fragments_changed = self.scheduler.sync_timers
        self.runner.bound = self.inbox.release
        self.scheduler.runner = self.runner
        self.tab: str | None = None  # the page load connected to this session (see registry)
        self.client = ClientInfo()
        self.queue.request_app(user=True)  # the first run (after a restore: it binds the code)
        poke()

    @classmethod
    def restore(cls, script: Script, config: SessionConfig | None, record: bytes) -> Session:
        """A session resumed from its stored record, as another process would: client events
        wait for its first run, which binds the widgets again."""
        session = cls(script, config, durable.load(record))
        session.inbox.hold()
        return session

    def snapshot(self) -> bytes:
        """The session's record (plain data, msgpack); see ``durable.py``."""
        return durable.dump(self.data)

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def state(self) -> SessionState:
        return self.data.state

    @property
    def out(self) -> Outbox:
        return self.writer.out

    @property
    def closed(self) -> bool:
        return self.scheduler.closed

    @property
    def connected(self) -> bool:
        return self.writer.out.send is not None

    @property
    def sender(self) -> FrameSink | None:
        return self.writer.out.send

    # -- the RunHost protocol: what UI calls see ---------------------------------------------

    def draw(self, run: Run, path: str, props: dict[str, Any]) -> None:
        self.writer.draw(run, path, props)

    def clear(self, run: Run, path: str) -> None:
        self.writer.clear(run, path)

    def emit(self, op: str) -> None:
        self.writer.emit(op)

    def hint(self, kind: str) -> None:
        self.writer.out.hint(kind)

    # -- transport side ---------------------------------------------------------------------

    def attach(
        self,
        send: FrameSink,
        last_seq: int = 0,
        *,
        resumed: bool = False,
        on_replaced: Callable[[], None] | None = None,
    ) -> None:
        """Connect a client; it gets the frames it missed, or else the whole page.

        ``on_replaced`` is called if a later ``attach`` takes the session over.
        """
        out = self.writer.out
        out.attach(send, on_replaced)
        if resumed and out.replay(last_seq):
            out.ops.insert(0, protocol.op_session(self.id, True))
        else:
            out.replace([protocol.op_session(self.id, resumed), *self.data.page.snapshot()])
        self.scheduler.connected.set()
        self.writer.flush()

    def introduce(self, client: ClientInfo, *, new: bool, page: str = "") -> None:
        """What the browser said about itself; a new session takes its query parameters and
        the page its URL names."""
        self.client = client
        if new:
            query = urlsplit(client.url).query
            self.data.query = {k: v for k, v in parse_qs(query, keep_blank_values=True).items()}
            self.data.page_name = self.data.page_shown = page.strip("/")
        elif page.strip("/") != self.data.page_shown:  # a resumed tab loaded another page's URL
            self.inbox.receive({"t": "nav", "page": page.strip("/"), "back": True})

    def detach(self) -> None:
        self.writer.out.detach()
        self.scheduler.connected.clear()

    def receive_text(self, text: str | bytes, max_bytes: int | None = None) -> None:
        """One raw client message (rate-limited, decoded, applied)."""
        self.inbox.receive_text(text, max_bytes)

    def receive(self, message: protocol.ClientMessage) -> None:
        """One decoded client message (not rate-limited: the caller decoded it)."""
        self.inbox.receive(message)

    def admit(self) -> bool:
        return self.inbox.admit()

    def refuse(self, reason: str) -> None:
        self.writer.refuse(reason)

    def acknowledge(self, number: int) -> None:
        """Client events up to ``number`` are saved: the client may forget them."""
        self.writer.emit(protocol.op_ack(number))
        self.writer.flush()

    def rerun(self) -> None:
        """Queue an app rerun, as a user event would (the script file changed, say)."""
        self.queue.request_app(user=True)
        self.scheduler.poke()

    async def drive(self) -> None:
        """The session's driver task; runs until cancelled."""
        try:
            await self.scheduler.drive()
        finally:  # the session is over: its scope="session" cache entries and media go
            forget_session(self.id)
            self.live.media.close()
            self.live.uploads.close()

    async def until_idle(self) -> None:
        """Wait until no run is in flight and none is queued."""
        await self.scheduler.until_idle()

    def flush(self) -> None:
        self.writer.flush()

    def close(self, reason: str = "session closed") -> None:
        """Tell the client the session is over; the owner then cancels ``drive``."""
        if self.writer.out.send is not None:
            self.writer.emit(protocol.op_close(reason))
            self.writer.flush()
        self.scheduler.closed = True


__all__ = ["Script", "Session", "SessionConfig", "SessionData"]
