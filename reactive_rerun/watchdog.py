"""Warn when a run holds the event loop: every other session waits meanwhile.

A run's coroutine is driven step by step (each step is the code between two awaits); a step
longer than the threshold is logged with the script line where the run next paused.
"""

from __future__ import annotations

import logging
import os
import sysconfig
import time
from collections.abc import Callable, Coroutine, Generator
from types import CoroutineType
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
        value: Any = None
        error: BaseException | None = None
        while True:
            start = time.perf_counter()
            try:
                yielded = coro.send(value) if error is None else coro.throw(error)
            except StopIteration as stop:
                self._check(start, threshold)
                return stop.value
            except BaseException:
                self._check(start, threshold)
                raise
            self._check(start, threshold)
            try:
                value, error = (yield yielded), None
            except BaseException as exc:  # cancellation and friends go into the script
                value, error = None, exc

    def _check(self, start: float, threshold: float) -> None:
        held = time.perf_counter() - start
        if held > threshold:
            self.report(held, where(self.coro))


def describe(held: float, place: str) -> str:
    return (
        f"a run held the event loop for {held * 1000:.0f} ms (paused next at {place}); every "
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
