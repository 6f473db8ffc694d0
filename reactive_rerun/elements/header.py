"""``rr.header``: a section heading (`h2`), with an anchor link, help, icon and layout."""

from __future__ import annotations

from typing import Literal

from ._heading import heading, heading_kind

HEADER = heading_kind("header", "a section heading (`h2`)")


@HEADER.function
def header(
    body: object,
    anchor: str | Literal[False] | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    divider: bool | str | None = False,
    width: Literal["stretch", "content"] | int = "stretch",
    text_alignment: Literal["left", "center", "right", "justify"] = "left",
    wrap: bool = True,
) -> None:
    """Show ``body`` as a section heading.

    ``anchor=False`` drops its link; ``divider`` draws a coloured rule.
    """
    heading(
        HEADER, body, anchor, help=help, icon=icon, divider=divider, width=width,
        text_alignment=text_alignment, wrap=wrap,
    )


__all__ = ["HEADER", "header"]
