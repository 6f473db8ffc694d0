"""``rr.write`` and ``rr.write_stream``: draw values the way their type reads best."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, Callable, Iterable
from typing import Any

from ._text import plain, render_markdown
from .context import Run, current_block, current_run, within
from .element import commit, place, ui
from .elements.exception import exception
from .elements.json import json
from .elements.markdown import MARKDOWN, markdown
from .elements.text import text
from .errors import APIError
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


_NOT_TEXT = object()


def chunk_text(chunk: object) -> object:
    """The text a stream's chunk carries, or ``_NOT_TEXT`` for an object to ``rr.write``.

    Strings; OpenAI chat completion chunks (``chunk.choices[0].delta.content``, None is no
    text); OpenAI Responses API text deltas (``type == "response.output_text.delta"``);
    LangChain message chunks (``chunk.content``, a string or a list of text blocks).
    """
    if isinstance(chunk, str):
        return chunk
    choices = getattr(chunk, "choices", None)
    if isinstance(choices, list | tuple):
        try:
            content = choices[0].delta.content
        except (IndexError, AttributeError):
            return ""
        return content if isinstance(content, str) else ""
    kind = getattr(chunk, "type", None)
    if isinstance(kind, str) and kind.startswith("response."):
        delta = getattr(chunk, "delta", None)
        return delta if kind == "response.output_text.delta" and isinstance(delta, str) else ""
    content = getattr(chunk, "content", None)
    if isinstance(content, str) and not isinstance(chunk, type):
        return content
    if isinstance(content, list) and all(isinstance(c, str | dict) for c in content):
        return "".join(
            c if isinstance(c, str) else str(c.get("text", "")) for c in content
            if isinstance(c, str) or c.get("type") == "text"
        )
    return _NOT_TEXT


class _Stream:
    """The text of a stream so far, redrawn at most every 50 ms (and once at the end), so a
    fast stream of small chunks does not re-render and re-send the growing text for each.

    A chunk that is not text is written with ``rr.write`` after the text so far; text after
    it starts a new Markdown element. ``cursor`` (Markdown) follows the text while it streams.
    """

    def __init__(self, run: Run, block: str, cursor: str | None = None) -> None:
        self.run = run
        self.block = block
        self.cursor = cursor or ""
        self.path: str | None = place(run, block)
        self.chunks: list[str] = []
        self.items: list[object] = []  # finished text segments and the objects between them
        self.loop = asyncio.get_running_loop()
        self.shown = -1.0
        self.later: asyncio.TimerHandle | None = None
        self.show(now=True)

    def add(self, chunk: object) -> None:
        self.run.check()  # a stopped run stops reading its stream (also in a script thread)
        text = chunk_text(chunk)
        if text is _NOT_TEXT:
            self.end_text()
            self.items.append(chunk)
            with within(self.block):
                write(chunk)
            return
        if not text:
            return
        if self.path is None:
            self.path = place(self.run, self.block)
        self.chunks.append(plain(text))
        self.show()

    def show(self, now: bool = False, final: bool = False) -> None:
        wait = 0.05 - (self.loop.time() - self.shown)
        if now or final or wait <= 0:
            self.stop_timer()
            self.shown = self.loop.time()
            if self.path is not None and not self.run.detached and (
                final or not self.run.stopping
            ):
                text = "".join(self.chunks) + ("" if final else self.cursor)
                commit(self.run, self.path, MARKDOWN.props({
            "html": render_markdown(text), "help": None, "width": "auto", "text_alignment": "left",
            "wrap": True,
        }))
        elif self.later is None:
            self.later = self.loop.call_later(wait, self.show, True)

    def end_text(self) -> None:
        """Close the text segment so far (without the cursor)."""
        if self.path is not None:
            self.show(final=True)
            if self.chunks:
                self.items.append("".join(self.chunks))
        self.path = None
        self.chunks = []

    def stop_timer(self) -> None:
        if self.later is not None:
            self.later.cancel()
            self.later = None

    def finish(self) -> Any:
        self.end_text()
        if all(isinstance(item, str) for item in self.items):
            return "".join(self.items)  # type: ignore[arg-type]
        return self.items

    def halt(self) -> None:
        """The run was stopped: what was streamed so far stays, without the cursor."""
        self.stop_timer()
        if self.path is not None and self.cursor and not self.run.detached:
            self.show(final=True)


@ui.here  # it handles a script thread itself: a sync stream is read in that thread
def write_stream(
    stream: AsyncIterable[object] | Iterable[object] | Callable[[], Any],
    *,
    cursor: str | None = None,
) -> Any:
    """Draw a stream as it arrives (sync or async generator, iterable, OpenAI or LangChain
    stream) and return the whole text, or a list when it also carried other objects.

    Text chunks are shown as Markdown, ``cursor`` (Markdown, e.g. ``"▌"``) after them while
    they stream; any other chunk is written with ``rr.write`` after the text so far. In an
    ``async def`` script, ``await rr.write_stream(...)``; in a plain script (a worker thread)
    it returns the text, a sync stream being read in that thread.
    """
    if callable(stream) and not isinstance(stream, AsyncIterable | Iterable):
        stream = stream()  # Streamlit takes a generator function too
    assert not callable(stream) or isinstance(stream, AsyncIterable | Iterable)
    if cursor is not None and not isinstance(cursor, str):
        raise APIError(f"write_stream cursor must be a string or None, not {cursor!r}")
    if script_loop() is not None:
        return _from_thread(stream, cursor)
    return _on_loop(current_run(), current_block(), stream, cursor)


async def _on_loop(
    run: Run, block: str, stream: AsyncIterable[object] | Iterable[object], cursor: str | None
) -> Any:
    out = _Stream(run, block, cursor)
    try:
        if isinstance(stream, AsyncIterable):
            async for chunk in stream:
                out.add(chunk)
        elif isinstance(stream, Iterable):
            for chunk in stream:
                out.add(chunk)
        else:
            raise APIError(f"write_stream needs a generator or an iterable, not {stream!r}")
        return out.finish()
    except asyncio.CancelledError:
        out.halt()
        raise
    finally:
        out.stop_timer()


def _from_thread(stream: AsyncIterable[object] | Iterable[object], cursor: str | None) -> Any:
    if isinstance(stream, AsyncIterable):  # an async stream is read on the loop
        return on_loop(lambda: _on_loop(current_run(), current_block(), stream, cursor))
    out: _Stream = on_loop(lambda: _Stream(current_run(), current_block(), cursor))
    try:
        for chunk in stream:  # a blocking stream blocks only this script's thread
            on_loop(out.add, chunk)
        return on_loop(out.finish)
    except asyncio.CancelledError:
        on_loop(out.halt)
        raise
    finally:
        on_loop(out.stop_timer)


__all__ = ["write", "write_stream"]
