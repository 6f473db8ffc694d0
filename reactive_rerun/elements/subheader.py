"""``rr.subheader``: a sub-section heading (`h3`), with an anchor link, help, icon and layout."""

from __future__ import annotations

from typing import Literal

from ._heading import heading, heading_kind

SUBHEADER = heading_kind("subheader", "a sub-section heading (`h3`)")


@SUBHEADER.function
def subheader(
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
    """Show ``body`` as a sub-section heading.

    ``anchor=False`` drops its link; ``divider`` draws a coloured rule.
    """
    heading(
        SUBHEADER, body, anchor, help=help, icon=icon, divider=divider, width=width,
        text_alignment=text_alignment, wrap=wrap,
    )


__all__ = ["SUBHEADER", "subheader"]
