"""Plain (non-async) scripts run in worker threads; their UI calls are carried out on the loop.

A Streamlit script is synchronous: ``time.sleep``, ``requests``, a sync LLM client. Run on the
event loop it would block every session, so it runs in a worker thread (``in_thread``), and each
UI call it makes is handed to the loop and waited for (``on_loop``): the page, the session and
its state are only ever touched on the loop. A run cancelled by a newer event stops the thread
at its next UI call (the call raises ``CancelledError`` there).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import inspect
import threading
from collections.abc import Awaitable, Callable, Coroutine, Generator
from typing import Any, TypeVar

R = TypeVar("R")

_local = threading.local()  # .loop: the loop this script thread serves
_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=512, thread_name_prefix="rr-script")


def script_loop() -> asyncio.AbstractEventLoop | None:
    """The loop whose script this thread runs, or None (not a script thread)."""
    loop: asyncio.AbstractEventLoop | None = getattr(_local, "loop", None)
    return loop


async def in_thread(fn: Callable[..., R], *args: Any) -> R:
    """Run ``fn(*args)`` in a script thread, in a copy of the current context."""
    loop = asyncio.get_running_loop()
    ctx = contextvars.copy_context()

    def work() -> R:
        _local.loop = loop
        try:
            return ctx.run(fn, *args)
        finally:
            _local.loop = None

    return await loop.run_in_executor(_POOL, work)


def on_loop(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """From a script thread: run ``fn`` on the loop in this thread's context, wait, return.

    A coroutine function is awaited there to its end, so ``rr.write_stream(gen)`` in a plain
    script returns the text, as in Streamlit.
    """
    loop = script_loop()
    assert loop is not None
    ctx = contextvars.copy_context()
    done: concurrent.futures.Future[Any] = concurrent.futures.Future()

    def call() -> None:
        try:
            result = ctx.run(fn, *args, **kwargs)
        except BaseException as exc:
            done.set_exception(exc)
            return
        if isinstance(result, Awaitable):
            task = loop.create_task(_awaited(result), context=ctx)
            task.add_done_callback(lambda t: _settle(done, t))
        else:
            done.set_result(result)

    try:
        loop.call_soon_threadsafe(call)
    except RuntimeError:  # the loop is closed: the server is gone, so is this run
        raise asyncio.CancelledError from None
    while True:
        try:
            return done.result(timeout=1.0)
        except concurrent.futures.TimeoutError:
            if loop.is_closed():
                raise asyncio.CancelledError from None


async def _awaited(awaitable: Awaitable[Any]) -> Any:
    return await awaitable


def _settle(done: concurrent.futures.Future[Any], task: asyncio.Task[Any]) -> None:
    if task.cancelled():
        done.set_exception(asyncio.CancelledError())
    elif task.exception() is not None:
        done.set_exception(task.exception())
    else:
        done.set_result(task.result())


def run_ui(fn: Callable[..., R], *args: Any) -> R:
    """Call ``fn`` on the loop: directly there, handed over from a script thread."""
    if getattr(_local, "loop", None) is not None:
        return on_loop(fn, *args)  # type: ignore[no-any-return]
    return fn(*args)


class Awaited:
    """What an async UI call returns on the loop: awaitable once; if it is never awaited, the
    page says so (a coroutine a script forgot to await would otherwise vanish silently)."""

    __slots__ = ("_coro", "_what", "_report", "_used")

    def __init__(
        self, coro: Coroutine[Any, Any, Any], what: str, report: Callable[[str], None]
    ) -> None:
        self._coro, self._what, self._report, self._used = coro, what, report, False

    def __await__(self) -> Generator[Any, None, Any]:
        self._used = True
        return self._coro.__await__()

    def __del__(self) -> None:
        if self._used:
            return
        self._coro.close()
        try:
            self._report(
                f"`{self._what}(...)` was called but never awaited, so it did nothing. "
                f"In an `async def`, write `await {self._what}(...)`."
            )
        except BaseException:  # a finaliser must not raise
            pass


def is_async(fn: Callable[..., Any]) -> bool:
    """Whether ``fn`` is an ``async def`` (a plain ``def`` runs in a script thread)."""
    return inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(
        getattr(fn, "__call__", None)  # noqa: B004 - an object with an async __call__
    )


__all__ = ["Awaited", "in_thread", "is_async", "on_loop", "run_ui", "script_loop"]
