"""``Scheduler``: the session's driver task, which turns run requests into run tasks.

It takes requests off the ``RunQueue``, cancels what a new run supersedes (one writer per
session), paces rerun loops and stops runaway ones, and runs each fragment's ``run_every``
timer. Running a run is the ``Runner``'s job.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from typing import Any

from . import protocol
from .config import SessionConfig
from .context import Run, RunHost, entered
from .durable import FragmentRecord, SessionData
from .elements.alert import error
from .lazy_event import LazyEvent
from .run_queue import RunQueue
from .runner import Runner

logger = logging.getLogger("reactive_rerun")


class Scheduler:
    __slots__ = (
        "host", "data", "config", "queue", "runner", "runs", "closed", "connected",
        "_wake", "_idle", "_tasks", "_app_task", "_fragment_tasks", "_timers", "_run_ids",
        "_rerun_streak", "_stop",
    )

    def __init__(
        self, host: RunHost, data: SessionData, config: SessionConfig, queue: RunQueue
    ) -> None:
        self.host, self.data, self.config, self.queue = host, data, config, queue
        self.runner: Runner | None = None  # set by the session (the runner pokes this)
        self.runs: dict[asyncio.Task[None], Run] = {}
        self.closed = False
        self.connected = LazyEvent()
        self._wake = LazyEvent()
        self._idle = LazyEvent()
        self._tasks: asyncio.TaskGroup | None = None
        self._app_task: asyncio.Task[None] | None = None
        self._fragment_tasks: dict[str, asyncio.Task[None]] = {}
        self._timers: dict[str, asyncio.Task[None]] = {}
        self._run_ids = 0
        self._rerun_streak = 0
        self._stop = False

    def poke(self) -> None:
        """Something was queued: wake the driver."""
        self._idle.clear()
        self._wake.set()

    def stop(self) -> None:
        """The user pressed Stop: cancel the runs in flight (their output stays); queued
        events still run after."""
        self._stop = True
        self.poke()

    @property
    def _runner(self) -> Runner:
        assert self.runner is not None
        return self.runner

    async def drive(self) -> None:
        """The session's driver: takes requests off the run queue until the session closes."""
        try:
            async with asyncio.TaskGroup() as tasks:
                self._tasks = tasks
                self.sync_timers()
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
        running = [t for t in (self._app_task, *self._fragment_tasks.values()) if t]
        if self._stop:
            self._stop = False
            await self._cancel(running)
        if queue.app:
            if queue.app_waits and any(not t.done() for t in running):
                return  # a waiting event (a chat message) starts once the runs in flight end
            await self._cancel(running)
            if not queue.user_work and self._rerun_streak >= self.config.free_reruns:
                await self._pace()  # a rerun loop: yield the loop to other sessions
            by_user, callbacks = queue.take_app()
            if self._loop_guard(by_user):
                return
            run = self._new_run(None)
            self._app_task = self._start(run, self._runner.app_run(run, callbacks))
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
            task = self._fragment_tasks.get(fid)
            if fid in queue.waiting and task is not None and not task.done():
                continue  # waits for that fragment's run in flight
            quiet = queue.timed.get(fid, False)
            record = self.data.fragments.get(fid)
            by_user, callbacks = queue.take_fragment(fid)
            if record is None or fid not in self.host.live.fragments:
                continue  # removed by an app run since the event was sent
            if self._loop_guard(by_user):
                return
            task = self._fragment_tasks.get(fid)
            if task is not None:
                await self._cancel([task])
            run = self._new_run(record)
            run.quiet = quiet and not callbacks
            self._fragment_tasks[fid] = self._start(run, self._runner.fragment_run(run, callbacks))

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
        """Stop a rerun loop: the page keeps the last run's output, with an error after it."""
        self._rerun_streak = 0 if by_user else self._rerun_streak + 1
        if self._rerun_streak <= self.config.max_consecutive_reruns:
            return False
        self._rerun_streak = 0
        self.queue.drop_automatic()
        limit = self.config.max_consecutive_reruns
        logger.warning("session %s: stopped a rerun loop after %d runs", self.data.id[:8], limit)
        run = self._new_run(None)
        last = self._runner.interrupted
        self._runner.writer.emit(protocol.op_start(run.id, "app", None))
        if last is not None:  # the page keeps what the interrupted run drew; older leftovers go
            run.drawn, run.widgets_seen = set(last.drawn), set(last.widgets_seen)
            run.cursors = {"m": last.cursors.get("m", 0)}
            run.fragments_called = dict(last.fragments_called)
            run.fragment_calls = dict(last.fragment_calls)
        else:  # a fragment's loop: the page stays as it is, the error goes below it
            run.cursors = {"m": 1 + max(
                (int(p.rpartition(".")[2]) for p in self.data.page.kids.get("m", ())), default=-1
            )}
        with entered(run, "m", None):
            run.phase = "body"
            error(
                f"**Rerun loop stopped.** The script called `rr.rerun()` in {limit} consecutive "
                "runs with no user event in between. The next interaction runs the script again."
            )
        if last is not None:
            self._runner.finish(run, "error")
        else:
            self._runner.writer.end(run, "error")
        return True

    def _new_run(self, record: FragmentRecord | None) -> Run:
        self._run_ids += 1
        run = Run(self._run_ids, self.host, "app" if record is None else "fragment", record)
        run.started = asyncio.get_running_loop().time()
        return run

    def _start(self, run: Run, body: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        assert self._tasks is not None
        task = self._tasks.create_task(self._guarded(run, body))
        self.runs[task] = run
        task.add_done_callback(self._run_done)
        return task

    async def _guarded(self, run: Run, body: Coroutine[Any, Any, None]) -> None:
        """A run task never takes the driver down: whatever escapes it is logged, not raised."""
        try:
            await body
        except asyncio.CancelledError:
            raise
        except BaseException:
            logger.exception("session %s: run %d failed in the runtime", self.data.id[:8], run.id)

    def _run_done(self, task: asyncio.Task[None]) -> None:
        run = self.runs.pop(task, None)
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
            self.runs[task].stopping = True
            task.cancel()
        _, pending = await asyncio.wait(live, timeout=self.config.cancel_grace)
        for task in pending:
            run = self.runs.get(task)
            if run is not None:
                run.detached = True
                self._runner.writer.emit(protocol.op_end(run.id, "cancelled"))
                logger.warning(
                    "session %s: run %d ignored cancellation for %.1f s; it may no longer draw",
                    self.data.id[:8], run.id, self.config.cancel_grace,
                )

    def _update_idle(self) -> None:
        busy = bool(self.queue) or any(not t.done() for t in self.runs)
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

    # -- fragment timers --------------------------------------------------------------------

    def sync_timers(self) -> None:
        """One timer per drawn ``run_every`` fragment; none for the others."""
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
            await self.connected.wait()
            now = loop.time()
            due = due + interval if due + interval > now else now + interval  # no drift build-up
            record = self.data.fragments.get(fid)
            if record is None or record.run_every != interval:
                break
            task = self._fragment_tasks.get(fid)
            if (task is None or task.done()) and fid not in self.queue.fragments:
                self.queue.request_fragment(fid, user=True, timed=True)  # never overlaps a run
                self.poke()
        self._timers.pop(fid, None)


__all__ = ["Scheduler"]
