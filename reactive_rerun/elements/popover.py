"""``rr.popover``: a container that opens over the page from a button."""

from __future__ import annotations

from typing import Literal

from ..context import current_block, current_run
from ..element import Element, commit, place
from ..errors import APIError
from ..layout import Container

POPOVER = Element(
    "popover", ("label", "help", "kind", "disabled", "wide", "icon"),
    doc="`label` (its button), `help`, `kind` (`primary` / `secondary` / `tertiary`), "
    "`disabled`, `wide` (the button takes the container's width), `icon` (emoji or "
    "`:material/name:`)",
    block=True,
)


@POPOVER.function
def popover(
    label: str,
    *,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    help: str | None = None,
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Literal["content", "stretch"] | int = "content",
) -> Container:
    """A button that opens a panel over the page; the panel is the container
    (``with rr.popover("Settings"): ...``). Its contents are drawn on every run, open or not.
    ``icon`` (an emoji or ``:material/name:``) is shown before the label."""
    if type not in ("primary", "secondary", "tertiary"):
        raise APIError(f"popover type must be 'primary', 'secondary' or 'tertiary', not {type!r}")
    if icon is not None and not isinstance(icon, str):
        raise APIError(f"popover icon must be an emoji or ':material/name:', not {icon!r}")
    wide = bool(use_container_width) or width == "stretch"
    run = current_run()
    path = place(run, current_block())
    commit(run, path, POPOVER.props({
        "label": str(label), "help": help, "kind": type, "disabled": bool(disabled), "wide": wide,
        "icon": icon or None,
    }))
    return Container(path)

__all__ = ["POPOVER", "popover"]
