"""``rr.text``: plain text."""

from __future__ import annotations

from typing import Literal

from .. import _params
from .._text import plain
from ..element import Element

TEXT = Element(
    "text", ("text", "help", "width", "text_alignment", "wrap"),
    doc="`text`, plain text with its whitespace kept; `help`, `width`, `text_alignment`, `wrap`",
    defaults={"help": None, "width": "content", "text_alignment": "left", "wrap": True},
)


@TEXT.function
def text(
    body: object,
    *,
    help: str | None = None,
    width: Literal["stretch", "content"] | int = "content",
    text_alignment: Literal["left", "center", "right", "justify"] = "left",
    wrap: bool = True,
) -> None:
    """Show ``body`` as plain text: never Markdown, whitespace kept."""
    TEXT.draw(
        text=plain(body), help=_params.text("text", "help", help),
        width=_params.width("text", width),
        text_alignment=_params.alignment("text", text_alignment),
        wrap=_params.flag("text", "wrap", wrap),
    )


__all__ = ["TEXT", "text"]
