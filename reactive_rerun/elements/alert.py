"""``rr.error`` / ``warning`` / ``info`` / ``success``: a coloured box of Markdown."""

from __future__ import annotations

from typing import Literal

from .._text import plain, render_markdown
from ..element import Element

ALERT = Element(
    "alert", ("level", "html"),
    doc="`level` (`error` / `warning` / `info` / `success`), `html` (server-rendered Markdown)",
)

Level = Literal["error", "warning", "info", "success"]


def alert(level: Level, body: object) -> None:
    ALERT.draw(level=level, html=render_markdown(plain(body)))


@ALERT.function
def error(body: object) -> None:
    """Show ``body`` (Markdown) as an error."""
    alert("error", body)


@ALERT.function
def warning(body: object) -> None:
    """Show ``body`` (Markdown) as a warning."""
    alert("warning", body)


@ALERT.function
def info(body: object) -> None:
    """Show ``body`` (Markdown) as information."""
    alert("info", body)


@ALERT.function
def success(body: object) -> None:
    """Show ``body`` (Markdown) as a success."""
    alert("success", body)

__all__ = ["ALERT", "Level", "alert", "error", "info", "success", "warning"]
