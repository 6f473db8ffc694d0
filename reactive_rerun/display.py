"""Elements that show things: text, Markdown, code, JSON, alerts, exceptions."""

from __future__ import annotations

import asyncio
import json as _json
import traceback
from collections.abc import AsyncIterable, AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Literal

from markdown_it import MarkdownIt

from .context import current_block, current_fragment, current_run
from .elements import commit, draw, place
from .errors import APIError, RerunRequested, StopRun

_safe_md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
_raw_md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def render_markdown(body: str, *, unsafe_allow_html: bool = False) -> str:
    """Markdown to HTML; raw HTML in ``body`` is escaped unless explicitly allowed."""
    return str((_raw_md if unsafe_allow_html else _safe_md).render(body))


def _text(body: object) -> str:
    return body if isinstance(body, str) else str(body)


def title(body: object) -> None:
    draw({"k": "title", "text": _text(body)})


def header(body: object) -> None:
    draw({"k": "header", "text": _text(body)})


def subheader(body: object) -> None:
    draw({"k": "subheader", "text": _text(body)})


def caption(body: object) -> None:
    draw({"k": "caption", "text": _text(body)})


def text(body: object) -> None:
    draw({"k": "text", "text": _text(body)})


def markdown(body: object, *, unsafe_allow_html: bool = False) -> None:
    html = render_markdown(_text(body), unsafe_allow_html=unsafe_allow_html)
    draw({"k": "markdown", "html": html})


def code(body: object, language: str | None = "python") -> None:
    draw({"k": "code", "text": _text(body), "lang": language})


def json(body: object, *, expanded: bool = True) -> None:
    if isinstance(body, str | bytes):
        try:
            body = _json.loads(body)
        except ValueError:
            pass
    pretty = _json.dumps(body, indent=2, default=repr, ensure_ascii=False)
    draw({"k": "json", "text": pretty, "expanded": expanded})


def divider() -> None:
    draw({"k": "divider"})


Level = Literal["error", "warning", "info", "success"]


def _alert(level: Level, body: object) -> None:
    draw({"k": "alert", "level": level, "html": render_markdown(_text(body))})


def error(body: object) -> None:
    _alert("error", body)


def warning(body: object) -> None:
    _alert("warning", body)


def info(body: object) -> None:
    _alert("info", body)


def success(body: object) -> None:
    _alert("success", body)


def exception(exc: BaseException) -> None:
    """Show an exception; the app's ``show_error_details=False`` hides its message and trace."""
    if current_run().session.config.show_error_details:
        trace: str | None = "".join(traceback.format_exception(exc)).rstrip()
        message = str(exc)
    else:
        trace, message = None, HIDDEN_DETAILS
    draw({"k": "exception", "type": type(exc).__name__, "message": message, "trace": trace})


HIDDEN_DETAILS = "This app has hidden the error details. The server log has the full error."


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
                commit(run, path, {"k": "markdown", "html": render_markdown("".join(chunks))})
        elif later is None:
            later = loop.call_later(wait, show, True)

    try:
        show(now=True)
        if isinstance(stream, AsyncIterable):
            async for chunk in stream:
                chunks.append(_text(chunk))
                show()
        else:
            for chunk in stream:
                chunks.append(_text(chunk))
                show()
        show(now=True)
    finally:
        if later is not None:
            later.cancel()
    return "".join(chunks)


@asynccontextmanager
async def spinner(body: str = "Running...") -> AsyncIterator[None]:
    """Show a spinner while the block runs; it disappears when the block ends."""
    run = current_run()
    slot = place(run, current_block())
    commit(run, slot, {"k": "block", "type": "empty"})
    commit(run, slot + ".0", {"k": "spinner", "text": body})
    try:
        yield
    finally:
        if not run.stopping and not run.detached:
            run.session.clear(run, slot + ".0")


def rerun(*, scope: str = "app") -> None:
    """Halt this run at once and queue another (``scope="fragment"``: this fragment only)."""
    run = current_run()
    if scope == "app":
        raise RerunRequested("app")
    if scope != "fragment":
        raise APIError(f'rr.rerun() takes scope="app" or scope="fragment", not {scope!r}.')
    if current_fragment() is None:
        raise APIError(
            'rr.rerun(scope="fragment") can only be called inside an @rr.fragment function; '
            "outside a fragment there is nothing to rerun on its own. Use rr.rerun()."
        )
    if run.scope == "app" and run.phase == "body":
        raise APIError(
            'rr.rerun(scope="fragment") is only valid while the fragment reruns on its own; '
            "during a full app run the fragment is redrawn anyway. Use rr.rerun() to rerun the app."
        )
    raise RerunRequested("fragment")


def stop() -> None:
    """End this run quietly, as if the script had finished here."""
    current_run()  # outside a run this is an APIError, not a stray BaseException
    raise StopRun


__all__ = [
    "caption", "code", "divider", "error", "exception", "header", "info", "json", "markdown",
    "rerun", "render_markdown", "spinner", "stop", "subheader", "success", "text", "title",
    "warning", "write", "write_stream",
]
