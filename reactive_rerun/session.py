"""A session: its durable data, its run queue, and the driver task that runs the script.

Data path: ``Session.receive`` (a client message) -> widget value stored, callback queued ->
``RunQueue`` -> the driver starts a run task -> UI calls draw into ``Page`` -> ops are
batched into frames -> the transport's ``send``.

The durable part (``SessionData``) is kept apart from the live part (tasks, transport) so a
session store can keep it while no client is connected.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import secrets
import time
import traceback
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from . import protocol
from .context import Run, entered, in_fragment
from .delta import Page, is_under
from .display import HIDDEN_DETAILS
from .elements import commit, place
from .errors import APIError, RerunRequested, StopRun
from .flag import Flag
from .fragments import FragmentRecord
from .outbox import Outbox, Send
from .run_queue import PendingCallback, RunQueue
from .state import SessionState, WidgetMeta, WidgetStore
from .watchdog import Watched, reporter

logger = logging.getLogger("reactive_rerun")

Script = Callable[[], Coroutine[Any, Any, None]]


@dataclass(frozen=True)
class SessionConfig:
    """Per-app settings every session of the app follows."""

    show_error_details: bool = True
    dev_mode: bool = False  # show developer warnings (a blocked event loop) on the page too
    max_consecutive_reruns: int = 100
    cancel_grace: float = 2.0  # how long a cancelled run may take to unwind
    stale_after: float = 0.15  # runs longer than this confirm unchanged elements (``ok``)
    history_frames: int = 256  # frames kept for a reconnecting client
    max_pending_callbacks: int = 1000
    block_warning: float = 0.1  # seconds a run may hold the event loop before it is logged
    free_reruns: int = 3  # consecutive rerun()-triggered runs that start at once
    rerun_loop_pause: float = 0.01  # then each waits this long, doubling each time, ...
    rerun_loop_pause_max: float = 0.05  # ... up to this (other sessions go first)
    max_events_per_second: float = 1000.0  # a client's sustained message rate; more is dropped
    event_burst: int = 2000  # messages a client may send at once before the rate applies


@dataclass(eq=False)
class SessionData:
    """What a session store keeps: everything needed to resume the session elsewhere."""

    id: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    widgets: WidgetStore = field(default_factory=WidgetStore)
    page: Page = field(default_factory=Page)
    fragments: dict[str, FragmentRecord] = field(default_factory=dict)
    seq: int = 0
    state: SessionState = field(init=False)

    def __post_init__(self) -> None:
        self.state = SessionState(self.widgets)


class Session:
    """One browser tab: a driver task plus one task per run in flight."""

    def __init__(
        self, script: Script, config: SessionConfig | None = None, data: SessionData | None = None
    ) -> None:
        self.script = script
        self.config = config or SessionConfig()
        self.data = data or SessionData()
        self.queue = RunQueue()
        self.out = Outbox(self.data, self.config.history_frames)
        self.out.before_flush = self._confirm
        self._wake = Flag()
        self._idle = Flag()
        self._connected = Flag()
        self._tasks: asyncio.TaskGroup | None = None
        self._runs: dict[asyncio.Task[None], Run] = {}
        self._app_task: asyncio.Task[None] | None = None
        self._fragment_tasks: dict[str, asyncio.Task[None]] = {}
        self._timers: dict[str, asyncio.Task[None]] = {}
        self._run_ids = 0
        self._rerun_streak = 0
        self._allowance = float(self.config.event_burst)
        self._allowance_at = time.monotonic()
        self._throttled_notice = 0.0
        self._last_resync = -1.0
        self.tab: str | None = None  # the page load connected to this session (see registry)
        self.closed = False
        if not self.data.page.nodes:
            self.queue.request_app(user=True)  # the first run
            self._wake.set()

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def state(self) -> SessionState:
        return self.data.state

    @property
    def connected(self) -> bool:
        return self.out.send is not None

    @property
    def sender(self) -> Send | None:
        return self.out.send

    # -- transport side ---------------------------------------------------------------------

    def attach(
        self,
        send: Send,
        last_seq: int = 0,
        *,
        resumed: bool = False,
        on_replaced: Callable[[], None] | None = None,
    ) -> None:
        """Connect a client; it gets the frames it missed, or else the whole page.

        ``on_replaced`` is called if a later ``attach`` takes the session over.
        """
        self.out.attach(send, on_replaced)
        if resumed and self.out.replay(last_seq):
            self.out.ops.insert(0, protocol.op_session(self.id, True))
        else:
            self.out.replace([protocol.op_session(self.id, resumed), *self.data.page.snapshot()])
        self._connected.set()
        self.flush()

    def detach(self) -> None:
        self.out.detach()
        self._connected.clear()

    def resync(self) -> None:
        self.flush()  # what is pending goes first: the page snapshot follows it
        self.out.replace(self.data.page.snapshot())
        self.flush()

    def receive_text(self, text: str | bytes, max_bytes: int | None = None) -> None:
        """One raw client message: rate-limited before anything else is done with it."""
        if not self.admit():
            return
        try:
            if max_bytes is not None and isinstance(text, str):
                protocol.check_size(text, max_bytes)
            message = protocol.decode(text)
        except protocol.ProtocolError as exc:
            self.refuse(str(exc))
            return
        self.receive(message)

    def receive(self, message: protocol.ClientMessage) -> None:
        """Apply one decoded client message; a bad one gets an ``error`` op and changes nothing."""
        try:
            if message["t"] == "set":
                self._set_value(message["id"], message["v"])
            elif message["t"] == "click":
                self._click(message["id"])
            elif message["t"] == "submit":
                self._submit(message["form"], message["id"], message["values"])
            elif message["t"] == "resync":
                now = time.monotonic()
                if now - self._last_resync < 1.0:  # a full page is costly: no amplifier
                    raise protocol.ProtocolError("resync refused: at most one a second")
                self._last_resync = now
                self.resync()
            else:
                raise protocol.ProtocolError(f"unexpected message {message['t']!r}")
        except protocol.ProtocolError as exc:
            self.refuse(str(exc))

    def admit(self) -> bool:
        """Token bucket: a flood is dropped with one notice a second, never queued."""
        now = time.monotonic()
        rate, burst = self.config.max_events_per_second, self.config.event_burst
        self._allowance = min(burst, self._allowance + (now - self._allowance_at) * rate)
        self._allowance_at = now
        if self._allowance >= 1:
            self._allowance -= 1
            return True
        if now - self._throttled_notice >= 1.0:
            self._throttled_notice = now
            self.refuse(
                f"too many messages: at most {rate:g} per second are accepted; "
                "messages over the limit are dropped"
            )
        return False

    def _notice(self, text: str) -> None:
        self._emit(protocol.op_notice("warning", text))

    def refuse(self, reason: str) -> None:
        logger.info("session %s: refused a client message: %s", self.id[:8], reason)
        self._emit(protocol.op_error(reason))

    # -- widget events ----------------------------------------------------------------------

    def _widget(self, wid: str) -> WidgetMeta:
        meta = self.data.widgets.meta.get(wid)
        if meta is None:
            raise protocol.ProtocolError(f"unknown widget id {wid!r} (not on the page)")
        return meta

    def _decode(self, meta: WidgetMeta, wire: Any) -> Any:
        try:
            return meta.decode(wire)
        except (ValueError, TypeError, ArithmeticError) as exc:
            raise protocol.ProtocolError(f"bad value for {meta.kind} {meta.id!r}: {exc}") from None

    def _store(self, meta: WidgetMeta, value: Any) -> bool:
        """Store a widget's new value; True when it changed."""
        widgets, state = self.data.widgets, self.data.state
        if meta.key is not None:
            old = state.get(meta.key, _MISSING)
            state.set_from_widget(meta.key, value)
        else:
            old = widgets.values.get(meta.id, _MISSING)
            widgets.values[meta.id] = value
        self.data.page.echo(meta.id, meta.shows_in, meta.encode(value))
        return bool(old is _MISSING or old != value)

    def _set_value(self, wid: str, wire: Any) -> None:
        meta = self._widget(wid)
        if meta.trigger:
            raise protocol.ProtocolError(f"{meta.kind} {wid!r} takes 'click', not 'set'")
        if meta.form is not None:
            raise protocol.ProtocolError(f"{meta.kind} {wid!r} is in a form: send it with 'submit'")
        value = self._decode(meta, wire)
        self._room_for(meta)
        if self._store(meta, value):
            self._event(meta)

    def _click(self, wid: str) -> None:
        meta = self._widget(wid)
        if not meta.trigger or meta.form is not None:
            raise protocol.ProtocolError(f"{meta.kind} {wid!r} cannot be clicked")
        self._room_for(meta)
        self.data.widgets.arm(wid)
        self._event(meta)

    def _submit(self, form: str, wid: str, values: dict[str, Any]) -> None:
        button = self._widget(wid)
        if button.kind != "submit" or button.form != form:
            raise protocol.ProtocolError(f"{wid!r} is not a submit button of form {form!r}")
        decoded: list[tuple[WidgetMeta, Any]] = []
        for member, wire in values.items():  # check all before changing anything
            meta = self._widget(member)
            if meta.form != form or meta.trigger:
                raise protocol.ProtocolError(f"widget {member!r} is not a field of form {form!r}")
            decoded.append((meta, self._decode(meta, wire)))
        self._room_for(button)
        for meta, value in decoded:
            self._store(meta, value)
        self.data.widgets.arm(wid)
        self._event(button)

    def _room_for(self, meta: WidgetMeta) -> None:
        """Refuse an event whose callback would overflow the queue, before it changes state."""
        if meta.callback is not None and (
            len(self.queue.callbacks) >= self.config.max_pending_callbacks
        ):
            raise protocol.ProtocolError("too many events pending; slow down")

    def _event(self, meta: WidgetMeta) -> None:
        if meta.callback is not None:
            self.queue.callbacks.append(
                PendingCallback(meta.callback, meta.args, meta.kwargs, meta.fragment)
            )
        if meta.fragment is not None and meta.fragment in self.data.fragments:
            self.queue.request_fragment(meta.fragment, user=True)
        else:
            self.queue.request_app(user=True)
        self._poke()

    def _poke(self) -> None:
        self._idle.clear()
        self._wake.set()

    # -- the driver -------------------------------------------------------------------------

    async def drive(self) -> None:
        """The session's driver: takes requests off the run queue until the session closes."""
        try:
            async with asyncio.TaskGroup() as tasks:
                self._tasks = tasks
                while True:
                    self._update_idle()
                    await self._wake.wait()
                    self._wake.clear()
                    await self._dispatch()
        finally:
            self._tasks = None
            self.closed = True
            self._idle.set()

    async def _dispatch(self) -> None:
        queue = self.queue
        if queue.app:
            running = [t for t in (self._app_task, *self._fragment_tasks.values()) if t]
            await self._cancel(running)
            if not queue.user_work and self._rerun_streak >= self.config.free_reruns:
                await self._pace()  # a rerun loop: yield the loop to other sessions
            by_user, callbacks = queue.take_app()
            if self._loop_guard(by_user):
                return
            run = self._new_run("app", None)
            self._app_task = self._start(run, self._app_run(run, callbacks))
            return
        if self._app_task is not None and not self._app_task.done():
            return  # fragment reruns wait for the app run
        for fid in list(queue.fragments):
            if not queue.fragments.get(fid, True) and self._rerun_streak >= self.config.free_reruns:
                await self._pace()  # a fragment rerun loop: the same courtesy
                if queue.app:
                    return  # the app rerun goes first (the driver is woken again)
            if fid not in queue.fragments:
                continue
            record = self.data.fragments.get(fid)
            by_user, callbacks = queue.take_fragment(fid)
            if record is None:
                continue  # removed by an app run since the event was sent
            if self._loop_guard(by_user):
                return
            task = self._fragment_tasks.get(fid)
            if task is not None:
                await self._cancel([task])
            run = self._new_run("fragment", record)
            self._fragment_tasks[fid] = self._start(run, self._fragment_run(run, callbacks))

    async def _pace(self) -> None:
        """Wait a little before a rerun()-triggered run; a user event ends the wait at once."""
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            streak = self._rerun_streak - self.config.free_reruns
            pause = self.config.rerun_loop_pause * 2 ** min(streak, 16)
            async with asyncio.timeout(min(pause, self.config.rerun_loop_pause_max)):
                while not self.queue.user_work:
                    await self._wake.wait()
                    self._wake.clear()
        self._wake.set()

    def _loop_guard(self, by_user: bool) -> bool:
        self._rerun_streak = 0 if by_user else self._rerun_streak + 1
        if self._rerun_streak <= self.config.max_consecutive_reruns:
            return False
        self._rerun_streak = 0
        self.queue.drop_automatic()
        limit = self.config.max_consecutive_reruns
        logger.warning("session %s: stopped a rerun loop after %d runs", self.id[:8], limit)
        run = self._new_run("app", None)
        run.cursors["m"] = 1 + max(
            (int(p.rpartition(".")[2]) for p in self.data.page.kids.get("m", ())), default=-1
        )
        self._emit(protocol.op_start(run.id, "app", None))
        with entered(run, "m", None):
            commit(run, place(run, "m"), {
                "k": "alert",
                "level": "error",
                "html": (
                    f"<p><strong>Rerun loop stopped.</strong> The script called "
                    f"<code>rr.rerun()</code> in {limit} consecutive runs with no user event in "
                    "between. The next interaction runs the script again.</p>"
                ),
            })
        self._emit(protocol.op_end(run.id, "error"))
        return True

    def _new_run(self, scope: str, record: FragmentRecord | None) -> Run:
        self._run_ids += 1
        run = Run(self._run_ids, self, "app" if scope == "app" else "fragment", record)
        run.started = asyncio.get_running_loop().time()
        return run

    def _start(self, run: Run, body: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        assert self._tasks is not None
        task = self._tasks.create_task(body)
        self._runs[task] = run
        task.add_done_callback(self._run_done)
        return task

    def _run_done(self, task: asyncio.Task[None]) -> None:
        run = self._runs.pop(task, None)
        if self._app_task is task:  # an idle session keeps no finished task alive
            self._app_task = None
        elif run is not None and run.fragment is not None:
            if self._fragment_tasks.get(run.fragment.id) is task:
                del self._fragment_tasks[run.fragment.id]
        self._wake.set()

    async def _cancel(self, tasks: list[asyncio.Task[None]]) -> None:
        """Cancel runs and wait (within a bound) until they unwound: one writer at a time."""
        live = [t for t in tasks if not t.done()]
        if not live:
            return
        for task in live:
            self._runs[task].stopping = True
            task.cancel()
        _, pending = await asyncio.wait(live, timeout=self.config.cancel_grace)
        for task in pending:
            run = self._runs.get(task)
            if run is not None:
                run.detached = True
                self._emit(protocol.op_end(run.id, "cancelled"))
                logger.warning(
                    "session %s: run %d ignored cancellation for %.1f s; it may no longer draw",
                    self.id[:8], run.id, self.config.cancel_grace,
                )

    def _update_idle(self) -> None:
        busy = bool(self.queue) or any(not t.done() for t in self._runs)
        if busy:
            self._idle.clear()
        else:
            self._idle.set()

    async def until_idle(self) -> None:
        """Wait until no run is in flight and none is queued."""
        while True:
            await self._idle.wait()
            await asyncio.sleep(0)
            if self._idle.is_set() or self.closed:
                return

    # -- runs -------------------------------------------------------------------------------

    async def _app_run(self, run: Run, callbacks: list[PendingCallback]) -> None:
        with entered(run, "m", None):
            await self._execute(run, callbacks, self.script)

    async def _fragment_run(self, run: Run, callbacks: list[PendingCallback]) -> None:
        record = run.fragment
        assert record is not None
        with entered(run, record.path, record):
            await self._execute(run, callbacks, lambda: _call(record))

    async def _execute(
        self,
        run: Run,
        callbacks: list[PendingCallback],
        body: Callable[[], Coroutine[Any, Any, Any]],
    ) -> None:
        path = run.fragment.path if run.fragment is not None else None
        self._emit(protocol.op_start(run.id, run.scope, path))
        status: protocol.Status = "complete"
        try:
            if await self._run_callbacks(run, callbacks):
                self.queue.request_app(user=True)
                self._poke()
                status = "rerun"
            else:
                run.phase = "body"
                show = self._notice if self.config.dev_mode else None
                await Watched(body(), self.config.block_warning, reporter(self.id, show))
        except RerunRequested as signal:
            status = "rerun"
            if signal.scope == "fragment" and run.fragment is not None:
                self.queue.request_fragment(run.fragment.id, user=False)
            else:
                self.queue.request_app(user=False)
            self._poke()
        except StopRun:
            pass
        except asyncio.CancelledError:
            status = "cancelled"
            raise
        except (Exception, SystemExit) as exc:  # sys.exit() in one script must not stop the server
            status = "error"
            self._show_exception(run, exc)
        finally:
            if run.stopping and status != "cancelled":
                status = "cancelled"  # it swallowed its cancellation: still not a completed run
            self._finish(run, status)

    async def _run_callbacks(self, run: Run, callbacks: list[PendingCallback]) -> bool:
        """Run pending callbacks; True when one asked for an app rerun from a fragment run."""
        escalate = False
        for i, cb in enumerate(callbacks):
            if run.stopping:  # cancelled meanwhile: the rest wait for the next run
                self.queue.callbacks[:0] = callbacks[i:]
                break
            record = self.data.fragments.get(cb.fragment) if cb.fragment else None
            with in_fragment(record) if record is not None else contextlib.nullcontext():
                try:
                    result = cb.fn(*cb.args, **cb.kwargs)
                    if inspect.isawaitable(result):
                        await result
                except RerunRequested as signal:
                    escalate = escalate or (signal.scope == "app" and run.scope == "fragment")
                except StopRun:
                    pass
                except asyncio.CancelledError:
                    self.queue.callbacks[:0] = callbacks[i + 1:]
                    raise
                except (Exception, SystemExit) as exc:
                    self._show_exception(run, exc)
        return escalate

    def _show_exception(self, run: Run, exc: BaseException) -> None:
        logger.error("session %s: uncaught exception in a run", self.id[:8], exc_info=exc)
        if run.detached:
            return
        trace = None
        if self.config.show_error_details:
            trace = "".join(traceback.format_exception(exc)).rstrip()
        block = getattr(exc, "_rr_block", None) or (
            run.fragment.path if run.fragment is not None else "m"
        )
        if block not in self.data.page.nodes and block not in ("m", "s"):
            block = "m"
        props = {
            "k": "exception",
            "type": type(exc).__name__,
            "message": str(exc) if self.config.show_error_details else HIDDEN_DETAILS,
            "trace": trace,
        }
        home = run.fragment.path if run.fragment is not None else "m"
        for where in dict.fromkeys((block, home)):
            try:
                commit(run, place(run, where), props)
                return
            except APIError:  # e.g. an outside container this fragment run cannot reach
                continue

    def _finish(self, run: Run, status: protocol.Status) -> None:
        """Close a run: sweep what it did not draw, clean widget state, keep the registry."""
        if run.detached:
            return
        if status in ("complete", "error"):
            record = run.fragment
            roots = ("m", "s") if record is None else (record.path, *record.outlets.values())
            removed = self.data.page.sweep(roots, run.drawn)
            if removed:
                self._emit(protocol.op_rm(removed))
            self._clean_widgets(run, complete=status == "complete")
        if status != "cancelled":
            widgets = self.data.widgets
            for wid, click in run.triggers_seen.items():
                if widgets.triggers.get(wid) == click:  # not re-armed by a later click
                    del widgets.triggers[wid]
            self._register_fragments(run, complete=status == "complete")
        run.unconfirmed.clear()
        if run.confirm is not None:  # a fast run: its end freshens everything, no timer needed
            run.confirm.cancel()
            run.confirm = None
        run.stopping = True  # tasks the run spawned stop at their next UI call
        self._emit(protocol.op_end(run.id, status))

    def _clean_widgets(self, run: Run, *, complete: bool) -> None:
        widgets = self.data.widgets
        if run.fragment is None:
            unseen = {w for w in widgets.meta if w not in run.widgets_seen}
        else:
            fid = run.fragment.id
            seen = run.widgets_seen
            unseen = {w for w, m in widgets.meta.items() if m.fragment == fid and w not in seen}
        if not complete:  # off the page now, so no longer accepted; values kept after a failure
            for wid in unseen:
                widgets.meta.pop(wid, None)
            return
        if run.fragment is None:
            unseen |= {w for w in widgets.values if w not in run.widgets_seen}
            widgets.trigger_keys = {m.key for m in widgets.meta.values() if m.trigger and m.key}
        widgets.forget(unseen)

    def _register_fragments(self, run: Run, *, complete: bool) -> None:
        """The fragments a run drew are the session's; a completed run drops the ones it did
        not draw (all of them for an app run, its nested ones for a fragment run)."""
        fragments = self.data.fragments
        if complete and run.fragment is None:
            fragments.clear()
        elif complete and run.fragment is not None:
            root = run.fragment
            for fid, record in list(fragments.items()):
                nested = record is not root and is_under(record.path, root.path)
                if nested and fid not in run.fragments_called:
                    del fragments[fid]
        fragments.update(run.fragments_called)
        self._sync_timers()

    # -- fragment timers --------------------------------------------------------------------

    def _sync_timers(self) -> None:
        for fid in [f for f in self._timers if f not in self.data.fragments]:
            self._timers.pop(fid).cancel()
        for fid, record in self.data.fragments.items():
            if record.run_every is not None and fid not in self._timers and self._tasks:
                self._timers[fid] = self._tasks.create_task(self._tick(fid, record.run_every))

    async def _tick(self, fid: str, interval: float) -> None:
        loop = asyncio.get_running_loop()
        due = loop.time() + interval
        while fid in self.data.fragments:
            await asyncio.sleep(max(0.0, due - loop.time()))
            await self._connected.wait()
            now = loop.time()
            due = due + interval if due + interval > now else now + interval  # no drift build-up
            record = self.data.fragments.get(fid)
            if record is None or record.run_every != interval:
                break
            task = self._fragment_tasks.get(fid)
            if (task is None or task.done()) and fid not in self.queue.fragments:
                self.queue.request_fragment(fid, user=True)  # never overlaps a run in flight
                self._poke()
        self._timers.pop(fid, None)

    # -- output -----------------------------------------------------------------------------

    def draw(self, run: Run, path: str, props: dict[str, Any]) -> None:
        if run.detached:
            raise asyncio.CancelledError
        op = self.data.page.put(path, props)
        run.drawn.add(path)
        if op is not None:
            self._emit(op)
        else:
            if run.confirm is None:  # confirm it if the run is still going when dimming starts
                loop = asyncio.get_running_loop()
                run.confirm = loop.call_at(run.started + self.config.stale_after, self.flush)
            run.unconfirmed.append(path)

    def clear(self, run: Run, path: str) -> None:
        """Remove what was drawn at ``path`` (a spinner that finished, say)."""
        if self.data.page.remove(path):
            run.drawn.discard(path)
            self._emit(protocol.op_rm([path]))

    def _emit(self, op: str) -> None:
        self.out.emit(op)

    def flush(self) -> None:
        """Send what was drawn since the last flush as one frame."""
        self.out.flush()

    def _confirm(self, ops: list[str]) -> None:
        """Long runs confirm unchanged elements, so the client does not dim them as stale."""
        now = asyncio.get_running_loop().time()
        for run in self._runs.values():
            if run.unconfirmed and now >= run.started + self.config.stale_after:
                ops.append(protocol.op_ok(run.unconfirmed))
                run.unconfirmed = []
                run.confirm = None

    def close(self, reason: str = "session closed") -> None:
        """Tell the client the session is over; the owner then cancels ``drive``."""
        if self.out.send is not None:
            self._emit(protocol.op_close(reason))
            self.flush()
        self.closed = True


async def _call(record: FragmentRecord) -> Any:
    return await record.fn(*record.args, **record.kwargs)


_MISSING = object()

__all__ = ["APIError", "Session", "SessionConfig", "SessionData"]
