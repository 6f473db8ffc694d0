"""``rr.tabs``: one container per tab label; the selected tab can be a widget value."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..layout import open_block
from ..widget import WIDGET_FIELDS, show
from ._tracked import TrackedContainer, on_change_mode
from .tab import TAB


def _read(props: dict[str, Any]) -> Any:
    return props["labels"][props["index"]]


def _enter(props: dict[str, Any], value: Any) -> Any:
    return props["labels"].index(value)


TABS = Element(
    "tabs", (*WIDGET_FIELDS, "labels", "index", "width", "height"),
    doc="widget fields (`id` null when the selection is not tracked), `labels` (list), `index` "
        "(the selected tab: initial, or the tracked value), `width`, `height`; holds `tab` "
        "blocks",
    block=True, value_field="index", read=_read, enter=_enter,
)


@TABS.function
def tabs(
    tabs: Sequence[str],
    *,
    width: Literal["stretch"] | int = "stretch",
    height: Literal["content", "stretch"] | int = "content",
    default: str | None = None,
    key: str | int | None = None,
    on_change: Literal["ignore", "rerun"] | Callback = "ignore",
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    bind: Literal["query-params"] | None = None,
) -> list[TrackedContainer]:
    """One container per tab label, in order. ``default`` names the tab shown first; with
    ``on_change="rerun"`` (or a callback) switching tabs reruns the script, each tab's ``.open``
    tells whether it is selected and ``session_state[key]`` holds the selected label."""
    names = [str(label) for label in tabs]
    if not names:
        raise APIError("tabs() needs at least one tab label.")
    where = f"tabs {names!r}"
    if default is not None and default not in names:
        raise APIError(f"{where}: default {default!r} is not one of the tab labels.")
    _params.bind(where, bind)
    tracked, callback = on_change_mode(where, on_change)
    first = names.index(default) if default is not None else 0
    fields: dict[str, Any] = {
        "labels": names, "width": _params.width(where, width, content=False),
        "height": _params.height(where, height),
    }
    if not tracked:
        row = open_block(
            TABS, id=None, label="", help=None, disabled=False, form=None,
            label_visibility="visible", index=first, **fields,
        )
        return [TrackedContainer(open_block(TAB, row.path, label=n).path, None) for n in names]

    def decode(wire: Any) -> str:
        if isinstance(wire, bool) or not isinstance(wire, int) or not 0 <= wire < len(names):
            raise ValueError(f"expected a tab index 0..{len(names) - 1}, got {wire!r}")
        return names[wire]

    def encode(value: Any) -> int:
        return names.index(value)

    paths: list[str] = []
    selected = show(
        TABS, "", key=key, identity=(tuple(names), first), default=names[first], decode=decode,
        encode=encode, help=None, disabled=False, callback=callback, args=args, kwargs=kwargs,
        extra=fields, placed=paths.append,
    )
    at = names.index(selected)
    return [
        TrackedContainer(open_block(TAB, paths[0], label=n).path, i == at)
        for i, n in enumerate(names)
    ]


__all__ = ["TABS", "tabs"]
