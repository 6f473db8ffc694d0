"""``rr.popover``: a container that opens over the page from a button; its open state can be a
widget value (``key``, ``on_change``), as ``rr.expander``'s."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..context import current_block, current_run
from ..element import Element, commit, place
from ..errors import APIError
from ..widget import WIDGET_FIELDS, boolean, show
from ._tracked import TrackedContainer, on_change_mode

POPOVER = Element(
    "popover", (*WIDGET_FIELDS, "kind", "wide", "icon", "open", "wrap", "width"),
    doc="widget fields (`id` null when the open state is not tracked; `label` is its button's), "
        "`kind` (`primary` / `secondary` / `tertiary`), `wide` (the button takes the "
        "container's width), `icon`, `open` (the tracked open state, else false), `wrap`, "
        "`width`",
    block=True, value_field="open",
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
    wrap: bool | None = None,
    key: str | int | None = None,
    on_change: Literal["ignore", "rerun"] | Callback = "ignore",
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
) -> TrackedContainer:
    """A button that opens a panel over the page; the panel is the container
    (``with rr.popover("Settings"): ...``). Its contents are drawn on every run, open or not;
    with ``on_change="rerun"`` (or a callback) opening or closing it reruns the script and
    ``.open`` tells whether it is open."""
    if type not in ("primary", "secondary", "tertiary"):
        raise APIError(f"popover type must be 'primary', 'secondary' or 'tertiary', not {type!r}")
    where = f"popover {label!r}"
    shown = _params.width(where, width)
    wide = bool(use_container_width) or shown == "stretch"
    fields: dict[str, Any] = {
        "kind": type, "wide": wide, "icon": _params.icon(where, icon),
        "wrap": _params.wrap(where, wrap), "width": "stretch" if wide else shown,
    }
    tracked, callback = on_change_mode(where, on_change)
    if not tracked:
        run = current_run()
        path = place(run, current_block())  # (open_block's own `kind` would clash with ours)
        commit(run, path, POPOVER.props({
            "id": None, "label": str(label), "help": help, "disabled": bool(disabled),
            "form": None, "label_visibility": "visible", "open": False, **fields,
        }))
        return TrackedContainer(path, None)
    paths: list[str] = []
    value = show(
        POPOVER, str(label), key=key, identity=(), default=False, decode=boolean, help=help,
        disabled=disabled, callback=callback, args=args, kwargs=kwargs, extra=fields,
        placed=paths.append,
    )
    return TrackedContainer(paths[0], bool(value))


__all__ = ["POPOVER", "popover"]
