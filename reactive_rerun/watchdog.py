"""Warn when a run holds the event loop: every other session waits meanwhile.

A run's coroutine is driven step by step (each step is the code between two awaits); a step
longer than the threshold is logged with the script line that was executing while it held the
loop. A monitor thread finds that line: each loop thread publishes the deadline of its step in
flight, and the monitor, which sleeps while no step is in flight, samples the loop thread's
stack once a step is past its deadline.
"""

from __future__ import annotations

import logging
import os
import sys
import sysconfig
import threading
import time
from collections.abc import Callable, Coroutine, Generator
from types import CoroutineType, FrameType
from typing import Any

logger = logging.getLogger("reactive_rerun")

FIX = "move blocking work off the loop: `await anyio.to_thread.run_sync(fn)` or `asyncio.to_thread`"


_NOT_SCRIPT = (sysconfig.get_paths()["stdlib"], os.path.dirname(__file__))


def where(coro: Coroutine[Any, Any, Any]) -> str:
    """The innermost script line (not library code) a coroutine is paused at."""
    code = getattr(coro, "cr_code", None)
    place = "?" if code is None else f"{code.co_filename}:{code.co_firstlineno} (its end)"
    inner: Any = coro
    while isinstance(inner, CoroutineType) and inner.cr_frame is not None:
        filename = inner.cr_frame.f_code.co_filename
        if inner is coro or not filename.startswith(_NOT_SCRIPT):
            place = f"{filename}:{inner.cr_frame.f_lineno}"
        inner = inner.cr_await
    return place


class _Slot:
    """One loop thread's step in flight, shared with the monitor thread.

    ``due`` is the deadline of the step in flight (``perf_counter`` seconds; 0.0 when no step
    is). Runs on one loop are sequential steps of one thread, so one slot per thread suffices.
    ``sample`` is ``(due, "file:line")``: the line the monitor saw that step executing.
    """

    __slots__ = ("thread", "due", "sample")

    def __init__(self, thread: int) -> None:
        self.thread = thread
        self.due = 0.0
        self.sample: tuple[float, str] | None = None


class _Monitor:
    """A daemon thread that samples the stack of a loop thread whose step runs past its deadline.

    It blocks on an event while no step is in flight; a step starting while it blocks wakes it
    (``waiting`` is one attribute read on the loop thread's hot path). Once awake it sleeps until
    the earliest deadline in flight, at most ``REST`` at a time, and blocks again when a look after
    such a sleep finds no step in flight: while runs are active it wakes about ``1 / REST`` times a
    second, however many steps they take; an idle process never wakes it.
    """

    REST = 0.05

    def __init__(self) -> None:
        self.slots: dict[int, _Slot] = {}
        self.lock = threading.Lock()
        self.event = threading.Event()
        self.waiting = False  # set by the monitor before it blocks; a starting step then wakes it
        self.thread: threading.Thread | None = None

    def slot(self) -> _Slot | None:
        """The calling thread's slot; None if the monitor thread cannot run."""
        ident = threading.get_ident()
        slot = self.slots.get(ident)
        if slot is not None and self.thread is not None:
            return slot
        with self.lock:
            if self.thread is None:
                thread = threading.Thread(
                    target=self._run, name="reactive_rerun watchdog", daemon=True
                )
                try:
                    thread.start()
                except RuntimeError:  # no threads here (or interpreter shutting down)
                    return None
                self.thread = thread
            return self.slots.setdefault(ident, _Slot(ident))

    def wake(self) -> None:
        self.waiting = False
        self.event.set()

    def _run(self) -> None:
        while True:
            self.waiting = True  # before looking: a step starting after the look wakes us
            if self._look(time.perf_counter()) is None:
                self.event.wait()
                self.event.clear()
            self.waiting = False
            now = time.perf_counter()
            due = self._look(now)
            time.sleep(self.REST if due is None else min(due - now, self.REST))

    def _look(self, now: float) -> float | None:
        """Sample each step past its deadline; the earliest deadline still ahead, or None."""
        earliest: float | None = None
        for slot in tuple(self.slots.values()):
            due = slot.due
            if not due:
                continue
            if due > now:
                earliest = due if earliest is None else min(earliest, due)
                continue
            earliest = now + self.REST if earliest is None else earliest  # still in flight
            sample = slot.sample
            if sample is not None and sample[0] == due:
                continue
            place = _script_line(sys._current_frames().get(slot.thread))
            if place is not None and slot.due == due:  # still the same step
                slot.sample = (due, place)
        return earliest

    def forget_thread(self) -> None:
        """In a forked child: the parent's monitor thread and loop threads are gone."""
        self.slots = {}
        self.lock = threading.Lock()
        self.event = threading.Event()
        self.waiting = False
        self.thread = None


def _script_line(frame: FrameType | None) -> str | None:
    """The innermost script frame's line in the stack a Watched step is running."""
    while frame is not None:
        code = frame.f_code
        if code is _STEPPER:
            return None  # reached the driver: the step is all library code
        if not code.co_filename.startswith(_NOT_SCRIPT):
            return f"{code.co_filename}:{frame.f_lineno}"
        frame = frame.f_back
    return None


_monitor = _Monitor()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_monitor.forget_thread)


class Watched:
    """Awaits ``coro``, reporting each step that runs longer than ``threshold`` seconds."""

    __slots__ = ("coro", "threshold", "report")

    def __init__(
        self,
        coro: Coroutine[Any, Any, Any],
        threshold: float,
        report: Callable[[float, str], None],
    ) -> None:
        self.coro = coro
        self.threshold = threshold
        self.report = report

    def __await__(self) -> Generator[Any, Any, Any]:
        coro, threshold = self.coro, self.threshold
        slot = _monitor.slot() or _Slot(0)  # a slot no monitor reads: where() names the line
        monitor = _monitor
        clock = time.perf_counter
        value: Any = None
        error: BaseException | None = None
        while True:
            start = clock()
            slot.due = start + threshold  # publish the step in flight to the monitor
            if monitor.waiting:
                monitor.wake()
            try:
                yielded = coro.send(value) if error is None else coro.throw(error)
            except StopIteration as stop:
                self._check(slot, start, threshold)
                return stop.value
            except BaseException:
                self._check(slot, start, threshold)
                raise
            self._check(slot, start, threshold)
            try:
                value, error = (yield yielded), None
            except BaseException as exc:  # cancellation and friends go into the script
                value, error = None, exc

    def _check(self, slot: _Slot, start: float, threshold: float) -> None:
        slot.due = 0.0
        held = time.perf_counter() - start
        if held > threshold:
            sample = slot.sample
            if sample is not None and sample[0] == start + threshold:  # this step's due
                place = sample[1]
            else:  # the monitor did not get to look: name where the run paused next
                place = f"{where(self.coro)}, where it paused next"
            self.report(held, place)


_STEPPER = Watched.__await__.__code__


def describe(held: float, place: str) -> str:
    return (
        f"a run held the event loop for {held * 1000:.0f} ms at {place}; every "
        f"session waited meanwhile: {FIX}"
    )


def reporter(session_id: str, show: Callable[[str], None] | None) -> Callable[[float, str], None]:
    """Log each block; in development mode also show it on the session's page."""

    def report(held: float, place: str) -> None:
        text = describe(held, place)
        logger.warning("session %s: %s", session_id[:8], text)
        if show is not None:
            show(text)

    return report

__all__ = ["FIX", "Watched", "describe", "reporter", "where"]
