"""``rr.write`` and ``rr.write_stream``: draw values the way their type reads best."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, Iterable
from typing import Any

from ._text import plain, render_markdown
from .context import Run, current_block, current_run
from .element import commit, place, ui
from .elements.exception import exception
from .elements.json import json
from .elements.markdown import MARKDOWN, markdown
from .elements.text import text
from .threads import on_loop, script_loop


@ui
def write(*args: object, unsafe_allow_html: bool = False) -> None:
    """Draw the arguments the way their types read best. Nothing becomes trusted HTML.

    As in Streamlit, consecutive strings and simple values (numbers, booleans, ``None``, shown
    as code) go into one Markdown element, joined by spaces; anything else gets its own.
    """
    line: list[str] = []

    def flush() -> None:
        if line:
            markdown(" ".join(line), unsafe_allow_html=unsafe_allow_html)
            line.clear()

    for arg in args:
        if isinstance(arg, str):
            line.append(arg)
        elif isinstance(arg, bool | int | float) or arg is None:
            line.append(f"`{arg!r}`")
        else:
            flush()
            if isinstance(arg, BaseException):
                exception(arg)
            elif isinstance(arg, dict | list | tuple):
                json(arg)
            else:
                text(repr(arg))
    flush()


class _Stream:
    """The text of a stream so far, redrawn at most every 50 ms (and once at the end), so a
    fast stream of small chunks does not re-render and re-send the growing text for each."""

    def __init__(self, run: Run, block: str) -> None:
        self.run = run
        self.path = place(run, block)
        self.chunks: list[str] = []
        self.loop = asyncio.get_running_loop()
        self.shown = -1.0
        self.later: asyncio.TimerHandle | None = None
        self.show(now=True)

    def add(self, chunk: object) -> None:
        self.chunks.append(plain(chunk))
        self.show()

    def show(self, now: bool = False) -> None:
        wait = 0.05 - (self.loop.time() - self.shown)
        if now or wait <= 0:
            self.stop_timer()
            self.shown = self.loop.time()
            if not (self.run.stopping or self.run.detached):
                html = render_markdown("".join(self.chunks))
                commit(self.run, self.path, MARKDOWN.props({"html": html}))
        elif self.later is None:
            self.later = self.loop.call_later(wait, self.show, True)

    def stop_timer(self) -> None:
        if self.later is not None:
            self.later.cancel()
            self.later = None

    def finish(self) -> str:
        self.show(now=True)
        return "".join(self.chunks)


@ui.here  # it handles a script thread itself: a sync stream is read in that thread
def write_stream(stream: Any) -> Any:
    """Draw text as it arrives from a generator (sync or async) and return the whole text.

    In an ``async def`` script, ``await rr.write_stream(...)``; in a plain script (a worker
    thread) it returns the text, a sync stream being read in that thread.
    """
    if callable(stream) and not isinstance(stream, AsyncIterable | Iterable):
        stream = stream()  # Streamlit takes a generator function too, and calls it
    if script_loop() is not None:
        return _from_thread(stream)
    return _on_loop(current_run(), current_block(), stream)


async def _on_loop(run: Run, block: str, stream: AsyncIterable[object] | Iterable[object]) -> str:
    out = _Stream(run, block)
    try:
        if isinstance(stream, AsyncIterable):
            async for chunk in stream:
                out.add(chunk)
        else:
            for chunk in stream:
                out.add(chunk)
        return out.finish()
    finally:
        out.stop_timer()


def _from_thread(stream: AsyncIterable[object] | Iterable[object]) -> str:
    if isinstance(stream, AsyncIterable):  # an async stream is read on the loop
        text: str = on_loop(lambda: _on_loop(current_run(), current_block(), stream))
        return text
    out: _Stream = on_loop(lambda: _Stream(current_run(), current_block()))
    try:
        for chunk in stream:  # a blocking stream blocks only this script's thread
            on_loop(out.add, chunk)
        return str(on_loop(out.finish))
    finally:
        on_loop(out.stop_timer)


__all__ = ["write", "write_stream"]
