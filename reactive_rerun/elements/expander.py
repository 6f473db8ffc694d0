"""``rr.expander``: a collapsible container; its open state can be a widget value."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..layout import open_block
from ..widget import WIDGET_FIELDS, boolean, show
from ._tracked import TrackedContainer, on_change_mode

EXPANDER = Element(
    "expander", (*WIDGET_FIELDS, "expanded", "icon", "variant", "width"),
    doc="widget fields (`id` null when its state is not tracked), `expanded` (the open state: "
        "initial, or the tracked value), `icon`, `variant` (`default` / `compact` / `step`), "
        "`width`",
    block=True, value_field="expanded",
)
TYPES = ("default", "compact", "step")


@EXPANDER.function
def expander(
    label: str,
    expanded: bool = False,
    *,
    key: str | int | None = None,
    icon: str | None = None,
    type: Literal["default", "compact", "step"] = "default",
    width: Literal["stretch"] | int = "stretch",
    on_change: Literal["ignore", "rerun"] | Callback = "ignore",
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    bind: Literal["query-params"] | None = None,
) -> TrackedContainer:
    """A collapsible container. ``expanded`` is its initial state; with ``on_change="rerun"``
    (or a callback) opening and closing it reruns the script, ``.open`` tells whether it is
    open and ``session_state[key]`` holds that."""
    where = f"expander {label!r}"
    if type not in TYPES:
        raise APIError(f"{where}: type must be one of {', '.join(TYPES)}, not {type!r}.")
    _params.bind(where, bind)
    tracked, callback = on_change_mode(where, on_change)
    fields: dict[str, Any] = {
        "label": str(label), "icon": _params.icon(where, icon), "variant": type,
        "width": _params.width(where, width, content=False),
    }
    if not tracked:
        block = open_block(
            EXPANDER, id=None, help=None, disabled=False, form=None, label_visibility="visible",
            expanded=bool(expanded), **fields,
        )
        return TrackedContainer(block.path, None)
    paths: list[str] = []
    fields.pop("label")
    value = show(
        EXPANDER, str(label), key=key, identity=(bool(expanded),), default=bool(expanded),
        decode=boolean, help=None, disabled=False, callback=callback, args=args, kwargs=kwargs,
        extra=fields, placed=paths.append,
    )
    return TrackedContainer(paths[0], bool(value))


__all__ = ["EXPANDER", "expander"]
