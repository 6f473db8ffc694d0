"""``rr.error`` / ``warning`` / ``info`` / ``success``: a coloured box of Markdown."""

from __future__ import annotations

from typing import Any, Literal

from .. import _params
from .._text import plain, render_markdown
from ..element import Element

ALERT = Element(
    "alert", ("level", "html", "icon", "title", "width"),
    doc="`level` (`error` / `warning` / `info` / `success`), `html` (server-rendered Markdown), "
        "`icon` (text or null), `title` (text or null), `width`",
)

Level = Literal["error", "warning", "info", "success"]
Width = Literal["stretch"] | int


def alert(
    level: Level, body: object, *, icon: str | None = None, width: Any = "stretch",
    title: object | None = None,
) -> None:
    ALERT.draw(
        level=level, html=render_markdown(plain(body)), icon=_params.icon(level, icon),
        title=None if title is None else plain(title),
        width=_params.width(level, width, content=False),
    )


@ALERT.function
def error(
    body: object, *, icon: str | None = None, width: Width = "stretch",
    title: object | None = None,
) -> None:
    """Show ``body`` (Markdown) as an error, with an optional icon (emoji or
    ``:material/name:``) and a bold ``title`` above it."""
    alert("error", body, icon=icon, width=width, title=title)


@ALERT.function
def warning(
    body: object, *, icon: str | None = None, width: Width = "stretch",
    title: object | None = None,
) -> None:
    """Show ``body`` (Markdown) as a warning."""
    alert("warning", body, icon=icon, width=width, title=title)


@ALERT.function
def info(
    body: object, *, icon: str | None = None, width: Width = "stretch",
    title: object | None = None,
) -> None:
    """Show ``body`` (Markdown) as information."""
    alert("info", body, icon=icon, width=width, title=title)


@ALERT.function
def success(
    body: object, *, icon: str | None = None, width: Width = "stretch",
    title: object | None = None,
) -> None:
    """Show ``body`` (Markdown) as a success."""
    alert("success", body, icon=icon, width=width, title=title)


__all__ = ["ALERT", "Level", "alert", "error", "info", "success", "warning"]
