"""``rr.caption``: small muted text."""

from __future__ import annotations

from typing import Literal

from .. import _params
from .._text import plain
from ..element import Element

CAPTION = Element(
    "caption", ("text", "help", "width", "text_alignment", "wrap"),
    doc="`text`, small muted text; `help`, `width`, `text_alignment`, `wrap`",
    defaults={"help": None, "width": "stretch", "text_alignment": "left", "wrap": True},
)


@CAPTION.function
def caption(
    body: object,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: Literal["stretch", "content"] | int = "stretch",
    text_alignment: Literal["left", "center", "right", "justify"] = "left",
    wrap: bool = True,
) -> None:
    """Show ``body`` as small, muted text (a note under a chart, say).

    The text is shown as typed: ``unsafe_allow_html`` is accepted and has no effect
    (docs/parameters.md).
    """
    _params.flag("caption", "unsafe_allow_html", unsafe_allow_html)
    CAPTION.draw(
        text=plain(body), help=_params.text("caption", "help", help),
        width=_params.width("caption", width),
        text_alignment=_params.alignment("caption", text_alignment),
        wrap=_params.flag("caption", "wrap", wrap),
    )


__all__ = ["CAPTION", "caption"]
