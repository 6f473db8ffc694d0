"""``rr.markdown``: Markdown, rendered on the server with raw HTML escaped."""

from __future__ import annotations

from typing import Literal

from .. import _params
from .._text import plain, render_markdown
from ..element import Element

MARKDOWN = Element(
    "markdown", ("html", "help", "width", "text_alignment", "wrap"),
    doc="`html` (server-rendered Markdown); `help`, `width`, `text_alignment`, `wrap`",
    defaults={"help": None, "width": "auto", "text_alignment": "left", "wrap": True},
)


@MARKDOWN.function
def markdown(
    body: object,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: Literal["stretch", "content", "auto"] | int = "auto",
    text_alignment: Literal["left", "center", "right", "justify"] = "left",
    anchors: bool = True,
    wrap: bool = True,
) -> None:
    """Render ``body`` as Markdown; raw HTML in it is shown as text unless allowed.

    ``anchors``: its headings get ids (linkable as ``#their-text``) unless False.
    """
    MARKDOWN.draw(
        html=render_markdown(
            plain(body), unsafe_allow_html=unsafe_allow_html,
            anchors=_params.flag("markdown", "anchors", anchors),
        ),
        help=_params.text("markdown", "help", help),
        width=_params.width("markdown", width, auto=True),
        text_alignment=_params.alignment("markdown", text_alignment),
        wrap=_params.flag("markdown", "wrap", wrap),
    )


__all__ = ["MARKDOWN", "markdown"]
