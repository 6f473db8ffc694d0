"""What both load clients share: a session interface, and the load patterns built on it.

A *client session* connects, waits for its first run to finish, learns its buttons' ids, and
then clicks: ``click(label)`` sends one click; ``on_done`` is called with the time a run
*finished* (a completed run: ``end`` with status ``complete`` for reactive_rerun,
``script_finished`` ``FINISHED_SUCCESSFULLY`` / ``FINISHED_FRAGMENT_RUN_SUCCESSFULLY`` for
Streamlit). Runs that ended early because a newer click pre-empted them do not count.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from . import wsraw

now = time.perf_counter


class ClientSession:
    """Base class: connection, counters, and the "run finished" signal."""

    framework = "?"

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.conn: wsraw.WSConn | None = None
        self.buttons: dict[str, str] = {}  # label -> widget id
        self.errors: list[str] = []
        self.completed = 0
        self.on_done: Callable[[float], None] | None = None
        self._done_waiter: asyncio.Future[float] | None = None
        self.lost = False

    # subclasses: _open (connect + start first run), _click(label)
    async def _open(self) -> None:
        raise NotImplementedError

    def _click(self, label: str) -> None:
        raise NotImplementedError

    def _submit(self, label: str, text: str) -> None:  # a chat_input's submission
        raise NotImplementedError

    async def open(self, within: float = 30.0) -> None:
        loop = asyncio.get_running_loop()
        self._done_waiter = loop.create_future()
        async with asyncio.timeout(within):
            await self._open()
            await self._done_waiter
        self._done_waiter = None

    def click(self, label: str) -> float:
        """Send a click; returns the send time."""
        t = now()
        self._click(label)
        return t

    async def click_wait(self, label: str, within: float = 10.0) -> float:
        """Click and wait for the run to finish; returns click -> run finished in seconds."""
        loop = asyncio.get_running_loop()
        self._done_waiter = loop.create_future()
        try:
            t0 = self.click(label)
            async with asyncio.timeout(within):
                t1 = await self._done_waiter
        finally:
            self._done_waiter = None
        return t1 - t0

    async def submit_wait(self, label: str, text: str, within: float = 60.0) -> float:
        """Submit ``text`` in the chat_input ``label`` and wait for the run it causes to finish;
        returns submit -> run finished in seconds."""
        loop = asyncio.get_running_loop()
        self._done_waiter = loop.create_future()
        try:
            t0 = now()
            self._submit(label, text)
            async with asyncio.timeout(within):
                t1 = await self._done_waiter
        finally:
            self._done_waiter = None
        return t1 - t0

    def _run_finished(self) -> None:
        t = now()
        self.completed += 1
        if self._done_waiter is not None and not self._done_waiter.done():
            self._done_waiter.set_result(t)
        if self.on_done is not None:
            self.on_done(t)

    def _error(self, what: str) -> None:
        self.errors.append(what)
        if self._done_waiter is not None and not self._done_waiter.done():
            self._done_waiter.set_exception(RuntimeError(what))

    def _lost(self) -> None:
        if not self.lost and not getattr(self, "_closing", False):
            self.lost = True
            self._error("connection lost")

    @property
    def bytes_in(self) -> int:
        return self.conn.bytes_in if self.conn else 0

    @property
    def bytes_out(self) -> int:
        return self.conn.bytes_out if self.conn else 0

    def close(self) -> None:
        self._closing = True
        if self.conn is not None:
            self.conn.close()


Factory = Callable[[], ClientSession]


def percentiles(samples: list[float]) -> dict[str, Any]:
    """p50 / p90 / p99 / max in milliseconds."""
    if not samples:
        return {"n": 0}
    s = sorted(samples)

    def q(p: float) -> float:
        return s[min(len(s) - 1, round(p * (len(s) - 1)))] * 1000

    return {
        "n": len(s),
        "p50": q(0.50),
        "p90": q(0.90),
        "p99": q(0.99),
        "max": s[-1] * 1000,
        "mean": statistics.fmean(s) * 1000,
    }


async def open_many(
    factory: Factory, count: int, *, concurrency: int = 50, within: float = 120.0
) -> tuple[list[ClientSession], int]:
    """Open ``count`` sessions, ``concurrency`` at a time; returns (sessions, failures)."""
    sem = asyncio.Semaphore(concurrency)
    sessions: list[ClientSession] = []
    failures = 0
    deadline = now() + within

    async def one() -> None:
        nonlocal failures
        async with sem:
            s = factory()
            try:
                await s.open(within=max(1.0, deadline - now()))
                sessions.append(s)
            except (Exception, TimeoutError):
                failures += 1
                s.close()

    await asyncio.gather(*(one() for _ in range(count)))
    return sessions, failures


async def sequential(
    session: ClientSession, label: str, count: int, *, budget: float, within: float = 10.0
) -> tuple[list[float], int]:
    """``count`` click -> run finished round trips one after the other (bounded by ``budget`` s)."""
    samples: list[float] = []
    errors = 0
    end = now() + budget
    for _ in range(count):
        if now() > end:
            break
        try:
            samples.append(await session.click_wait(label, within))
        except (Exception, TimeoutError):
            errors += 1
            if session.lost:
                break
    return samples, errors


async def closed_loop(
    sessions: list[ClientSession], label: str, duration: float, *, drain: float = 10.0
) -> dict[str, Any]:
    """Every session clicks as soon as its previous run finished, for ``duration`` seconds."""
    latencies: list[float] = []
    stop = False
    sent = [0]
    started: dict[int, float] = {}
    t_start = now()

    def make(i: int, s: ClientSession) -> Callable[[float], None]:
        def done(t: float) -> None:
            t0 = started.pop(i, None)
            if t0 is not None:
                latencies.append(t - t0)
            if not stop and not s.lost:
                try:
                    started[i] = s.click(label)
                    sent[0] += 1
                except Exception:
                    s._error("send failed")

        return done

    errors0 = sum(len(s.errors) for s in sessions)
    for i, s in enumerate(sessions):
        s.on_done = make(i, s)
    for i, s in enumerate(sessions):
        started[i] = s.click(label)
        sent[0] += 1
    await asyncio.sleep(duration)
    stop = True
    t_stop = now()
    completed_in_window = len(latencies)
    drain_end = now() + drain
    while started and now() < drain_end:  # noqa: ASYNC110 - the loop's callbacks empty it
        await asyncio.sleep(0.01)
    for s in sessions:
        s.on_done = None
    elapsed = t_stop - t_start
    return {
        "sessions": len(sessions),
        "duration_s": elapsed,
        "clicks": sent[0],
        "completed": completed_in_window,
        "reruns_per_s": completed_in_window / elapsed if elapsed else 0.0,
        "unfinished": len(started),
        "errors": sum(len(s.errors) for s in sessions) - errors0 + len(started),
        "latency": percentiles(latencies),
    }


async def open_loop(
    sessions: list[ClientSession],
    label: str,
    duration: float,
    *,
    period: float = 1.0,
    drain: float = 10.0,
    seed: int = 7,
) -> dict[str, Any]:
    """Every session clicks once per ``period`` (random phase) whether or not its last run ended.

    A run finishing answers every click of that session sent before it (Streamlit and
    reactive_rerun both coalesce clicks that arrive during a run into the next run).
    """
    rng = random.Random(seed)
    latencies: list[float] = []
    outstanding: list[deque[float]] = [deque() for _ in sessions]
    timeouts = 0
    send_failures = 0
    sent = 0
    loop_late: list[float] = []

    def make(i: int) -> Callable[[float], None]:
        q = outstanding[i]

        def done(t: float) -> None:
            while q:
                latencies.append(t - q.popleft())

        return done

    errors0 = sum(len(s.errors) for s in sessions)
    for i, s in enumerate(sessions):
        s.on_done = make(i)
    t_start = now()
    # one ticker for all sessions: a time-ordered schedule
    schedule = sorted((t_start + rng.random() * period, i) for i in range(len(sessions)))
    heap = deque(schedule)
    t_end = t_start + duration
    while heap:
        due, i = heap[0]
        if due >= t_end:
            break
        delay = due - now()
        if delay > 0:
            await asyncio.sleep(delay)
        t = now()
        while heap and heap[0][0] <= t and heap[0][0] < t_end:
            due, i = heap.popleft()
            loop_late.append(t - due)
            s = sessions[i]
            if not s.lost:
                try:
                    outstanding[i].append(s.click(label))
                    sent += 1
                except Exception:
                    send_failures += 1
            heap.append((due + period, i))  # due times stay ordered: all share one period
    drain_end = now() + drain
    while any(outstanding) and now() < drain_end:  # noqa: ASYNC110 - callbacks empty it
        await asyncio.sleep(0.01)
    elapsed = now() - t_start
    for q in outstanding:
        timeouts += len(q)
        q.clear()
    for s in sessions:
        s.on_done = None
    return {
        "sessions": len(sessions),
        "offered_per_s": len(sessions) / period,
        "duration_s": duration,
        "clicks": sent,
        "answered": len(latencies),
        "answered_per_s": len(latencies) / elapsed if elapsed else 0.0,
        "timeouts": timeouts,
        "errors": sum(len(s.errors) for s in sessions) - errors0 + timeouts + send_failures,
        "latency": percentiles(latencies),
        "client_schedule_lag_p99_ms": percentiles(loop_late).get("p99", 0.0),
    }


async def gather_bounded(coros: list[Awaitable[Any]], limit: int) -> list[Any]:
    sem = asyncio.Semaphore(limit)

    async def one(c: Awaitable[Any]) -> Any:
        async with sem:
            return await c

    return await asyncio.gather(*(one(c) for c in coros))
