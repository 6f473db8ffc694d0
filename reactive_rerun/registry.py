"""The sessions of one app: open, resume within the timeout, expire, close.

Knows no transport. A session's record goes to the ``SessionStore`` when its client goes
away, so a session this process no longer holds (or another process saved) resumes from it.
``MemoryStore`` is the default.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from .config import SessionConfig
from .durable import SessionData
from .errors import BadRecord, SessionBusy, TooManySessions, UnstorableValue
from .runner import Script
from .session import Session
from .store import MemoryStore, SessionStore

logger = logging.getLogger("reactive_rerun")


class SessionRegistry:
    def __init__(
        self,
        script: Script,
        config: SessionConfig,
        *,
        timeout: float,
        max_sessions: int,
        store: SessionStore | None = None,
    ) -> None:
        self.script = script
        self.config = config
        self.timeout = timeout
        self.max_sessions = max_sessions
        self.store: SessionStore = store if store is not None else MemoryStore()
        self.live: dict[str, Session] = {}
        self._epochs: dict[str, int] = {}  # session id -> the epoch this worker owns it at
        self._save_waiting: set[str] = set()  # sessions with a save queued, not yet started
        self._drivers: dict[str, asyncio.Task[None]] = {}
        self._expiry: dict[str, asyncio.TimerHandle] = {}
        self._background: set[asyncio.Task[None]] = set()
        self._store_ops: dict[str, asyncio.Task[None]] = {}  # the last store write per session
        self._trimmer: asyncio.Task[None] | None = None
        self.history_age = 5.0  # seconds a frame sent to a connected client is kept for replay

    def __len__(self) -> int:
        return len(self.live)

    async def open(self, session_id: str | None, tab: str | None = None) -> tuple[Session, bool]:
        """The session to attach a new connection to, and whether it is resumed.

        A session whose socket is still connected is resumed only by the same page load (its
        ``tab`` token): that is a reconnect whose drop the server has not noticed yet. Any other
        socket presenting the id (a duplicated tab copies the id) gets a new session.
        """
        if session_id is not None:
            session = self.live.get(session_id)
            if session is not None and not session.closed and (
                not session.connected or (tab is not None and session.tab == tab)
            ):
                self._cancel_expiry(session_id)
                session.tab = tab
                return session, True
            if session is None:
                restored = await self._restore(session_id, tab)
                if restored is not None:
                    restored.tab = tab
                    return restored, True
        if len(self.live) >= self.max_sessions:
            self._evict_one()  # a flood of abandoned sessions must not lock real users out
        session = self._start(Session(self.script, self.config, SessionData()))
        session.tab = tab
        return session, False

    async def _restore(self, session_id: str, tab: str | None) -> Session | None:
        """Take a session over from the store (saved here earlier, or by another worker); a
        session another live worker serves to another tab stays there (a duplicated tab)."""
        try:
            stored = await self.store.claim(session_id, tab=tab)
        except SessionBusy:
            return None
        if stored is None or session_id in self.live:
            return self.live.get(session_id)
        try:
            session = Session.restore(self.script, self.config, stored.record)
        except BadRecord as exc:
            logger.warning("session %s: its stored record is unusable: %s", session_id[:8], exc)
            return None
        if session.id != session_id:
            return None
        self._epochs[session_id] = stored.epoch
        return self._start(session)

    def rerun_all(self) -> None:
        """Every live session reruns now (the script changed)."""
        for session in self.live.values():
            session.rerun()

    def _evict_one(self) -> None:
        """Make room: the session that has waited longest for its client goes first."""
        waiting = [sid for sid in self._expiry if sid in self.live]  # in order of disconnection
        if not waiting:
            raise TooManySessions(f"this server holds its limit of {self.max_sessions} sessions")
        self.expire(waiting[0], "session evicted: the server is full")

    def _start(self, session: Session) -> Session:
        self.live[session.id] = session
        self._epochs.setdefault(session.id, 1)
        if self.store.shared:  # other workers may take it over: keep the record current
            session.runner.after_run = lambda: self._save_soon(session)
            session.inbox.ack_after_save = True
        loop = asyncio.get_running_loop()
        self._drivers[session.id] = loop.create_task(session.drive())
        if self._trimmer is None or self._trimmer.done():
            self._trimmer = loop.create_task(self._trim_histories())
        return session

    async def _trim_histories(self) -> None:
        """Idle sessions do not keep old frames: a reconnect from that far back gets the page."""
        loop = asyncio.get_running_loop()
        while self.live:
            await asyncio.sleep(self.history_age / 2)
            cutoff = loop.time() - self.history_age
            for session in list(self.live.values()):
                session.out.forget_before(cutoff)

    def release(self, session: Session) -> None:
        """The connection went away: keep the session for ``timeout`` seconds, and its record."""
        session.detach()
        if session.closed:  # its driver ended (a crash): nothing to wait for
            self.expire(session.id)
        elif session.id in self.live:
            loop = asyncio.get_running_loop()
            self._cancel_expiry(session.id)
            self._expiry[session.id] = loop.call_later(self.timeout, self.expire, session.id)
            self._store_op(session.id, lambda: self.save(session))

    def _save_soon(self, session: Session) -> None:
        """After a completed or failed run: one save queued at a time (a newer snapshot is
        taken when the queued save starts, so it includes everything up to then)."""
        if session.id in self._save_waiting:
            return
        self._save_waiting.add(session.id)

        async def save() -> None:
            self._save_waiting.discard(session.id)
            if session.id in self.live:
                await self.save(session)

        self._store_op(session.id, save)

    async def save(self, session: Session) -> bool:
        """Write the session's record at the epoch this worker owns it at."""
        try:
            record = session.snapshot()
        except UnstorableValue as exc:
            logger.warning(
                "session %s: not saved to the session store (it resumes only in this process): %s",
                session.id[:8], str(exc),
            )
            return False
        epoch = self._epochs.get(session.id, 1)
        applied = session.data.last_event  # what this record includes
        if not await self.store.save(session.id, record, epoch, tab=session.tab):
            # another worker claimed it: that one owns it now; drop our copy without a word
            logger.info("session %s: taken over by another worker", session.id[:8])
            if self.live.get(session.id) is session:
                self.expire(session.id, keep_record=True, quiet=True)
            return False
        if session.inbox.ack_after_save and applied:
            session.acknowledge(applied)
        return True

    def _cancel_expiry(self, session_id: str) -> None:
        handle = self._expiry.pop(session_id, None)
        if handle is not None:
            handle.cancel()

    def expire(
        self,
        session_id: str,
        reason: str = "session expired",
        *,
        keep_record: bool = False,
        quiet: bool = False,
    ) -> None:
        """Drop a session: cancel its tasks and free its data (and its record, unless kept;
        ``quiet``: no close message, the client's reconnect finds the session elsewhere)."""
        self._cancel_expiry(session_id)
        session = self.live.pop(session_id, None)
        epoch = self._epochs.pop(session_id, 1)
        if not keep_record:
            self._store_op(session_id, lambda: self.store.delete(session_id, epoch))
        driver = self._drivers.pop(session_id, None)
        if session is not None and not quiet:
            session.close(reason)
        if driver is not None:
            driver.cancel()
            self._in_background(_reap(driver))

    def _store_op(self, session_id: str, op: Callable[[], Awaitable[Any]]) -> None:
        """Store writes of one session happen in order: a slow save never lands after the
        delete that followed it."""
        previous = self._store_ops.get(session_id)

        async def in_order() -> None:
            if previous is not None:
                await asyncio.gather(previous, return_exceptions=True)
            try:
                await op()
            except Exception:
                logger.exception("session %s: the session store failed", session_id[:8])

        task = asyncio.get_running_loop().create_task(in_order())
        self._store_ops[session_id] = task
        self._background.add(task)

        def done(task: asyncio.Task[None]) -> None:
            self._background.discard(task)
            if self._store_ops.get(session_id) is task:
                del self._store_ops[session_id]

        task.add_done_callback(done)

    async def settled(self) -> None:
        """Wait until every store write and session shutdown begun so far has finished."""
        while self._background:
            await asyncio.gather(*self._background, return_exceptions=True)

    def _in_background(self, work: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def close_all(self, reason: str = "server shutting down") -> None:
        """Shut down: every session's record is saved first, so another worker sharing the
        store resumes it. Clients are not told to drop their session (no ``close`` op): they see
        their socket close and reconnect with their session id, which a worker sharing the store
        resumes (with a store of its own, the new server starts them afresh)."""
        await asyncio.gather(*(self.save(s) for s in self.live.values()), return_exceptions=True)
        for session_id in list(self.live):
            self.expire(session_id, reason, keep_record=True, quiet=True)
        if self._trimmer is not None:
            self._trimmer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._trimmer
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)
        await self.store.close()


async def _reap(driver: asyncio.Task[None]) -> None:
    try:
        await driver
    except asyncio.CancelledError:
        pass
    except Exception:
        logger.exception("a session driver failed while closing")


__all__ = ["SessionRegistry"]
