"""``rr.write`` and ``rr.write_stream``: draw values the way their type reads best."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, Iterable

from ._text import plain, render_markdown
from .context import current_block, current_run
from .element import commit, place, ui
from .elements.exception import exception
from .elements.json import json
from .elements.markdown import MARKDOWN, markdown
from .elements.text import text


@ui
def write(*args: object, unsafe_allow_html: bool = False) -> None:
    """Draw each argument the way its type reads best. Nothing becomes trusted HTML."""
    for arg in args:
        if isinstance(arg, str):
            markdown(arg, unsafe_allow_html=unsafe_allow_html)
        elif isinstance(arg, bool | int | float) or arg is None:
            markdown(f"`{arg!r}`" if isinstance(arg, bool) or arg is None else str(arg))
        elif isinstance(arg, BaseException):
            exception(arg)
        elif isinstance(arg, dict | list | tuple):
            json(arg)
        else:
            text(repr(arg))


@ui
async def write_stream(stream: AsyncIterable[object] | Iterable[object]) -> str:
    """Draw text as it arrives from a (async) generator; returns the whole text.

    The element is redrawn at most every 50 ms (and once at the end), so a fast stream of
    small chunks does not re-render and re-send the growing text for each one.
    """
    run = current_run()
    path = place(run, current_block())
    chunks: list[str] = []
    shown = -1.0
    later: asyncio.TimerHandle | None = None
    loop = asyncio.get_running_loop()

    def show(now: bool = False) -> None:
        """Draw the text so far, or make sure it is drawn within 50 ms."""
        nonlocal shown, later
        wait = 0.05 - (loop.time() - shown)
        if now or wait <= 0:
            if later is not None:
                later.cancel()
                later = None
            shown = loop.time()
            if not (run.stopping or run.detached):
                commit(run, path, MARKDOWN.props({"html": render_markdown("".join(chunks))}))
        elif later is None:
            later = loop.call_later(wait, show, True)

    try:
        show(now=True)
        if isinstance(stream, AsyncIterable):
            async for chunk in stream:
                chunks.append(plain(chunk))
                show()
        else:
            for chunk in stream:
                chunks.append(plain(chunk))
                show()
        show(now=True)
    finally:
        if later is not None:
            later.cancel()
    return "".join(chunks)


__all__ = ["write", "write_stream"]
