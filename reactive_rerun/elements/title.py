"""``rr.title``: the page heading (`h1`), with an anchor link, help, icon and layout."""

from __future__ import annotations

from typing import Literal

from ._heading import heading, heading_kind

TITLE = heading_kind("title", "the page heading (`h1`)")


@TITLE.function
def title(
    body: object,
    anchor: str | Literal[False] | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    width: Literal["stretch", "content"] | int = "stretch",
    text_alignment: Literal["left", "center", "right", "justify"] = "left",
    wrap: bool = True,
) -> None:
    """Show ``body`` as the page title.

    ``anchor=False`` drops its link.
    """
    heading(
        TITLE, body, anchor, help=help, icon=icon, divider=None, width=width,
        text_alignment=text_alignment, wrap=wrap,
    )


__all__ = ["TITLE", "title"]
