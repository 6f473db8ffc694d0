"""``rr.pydeck_chart``: a pydeck ``Deck``, shown as a documented stand-in (deck.gl not shipped).

deck.gl with its JSON converter and a base-map library is several megabytes of JavaScript and
needs a tile server, so it is not vendored (``docs/charts.md``). The page shows a box of the
chart's size naming the deck's layers, their row counts and the initial view; the parameters
are Streamlit's, and with ``on_select`` the call returns Streamlit's empty selection,
``{"selection": {"indices": {}, "objects": {}}}``, as nothing can be picked.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show
from .dataframe import Selection, _attrs

PYDECK = Element(
    "pydeck", (*WIDGET_FIELDS, "selection", "layers", "view", "width", "height", "alt"),
    doc="`layers` (`[{type, id, rows}]`: what the deck holds), `view` (its initial view "
        "state, or `null`), `width` (`stretch` / px), `height` (px), `alt`; with `on_select` a "
        "widget whose `selection` is always `{indices: {}, objects: {}}` (`id` `null` otherwise)",
    value_field="selection",
    enter=lambda props, value: dict(value.get("selection", value)),
)
MODES = ("single-object", "multi-object")


class PydeckState(Selection):
    """What ``pydeck_chart(on_select=...)`` returns: ``{"selection": {"indices": {},
    "objects": {}}}`` (keys read as attributes too)."""


def _deck(pydeck_obj: Any) -> dict[str, Any]:
    if pydeck_obj is None:
        return {}
    to_json = getattr(pydeck_obj, "to_json", None)
    if not callable(to_json):
        raise APIError(f"rr.pydeck_chart takes a pydeck Deck, not {type(pydeck_obj).__name__}")
    out = json.loads(to_json())
    return out if isinstance(out, dict) else {}


@PYDECK.function
def pydeck_chart(
    pydeck_obj: Any = None, *, width: int | Literal["stretch"] = "stretch",
    use_container_width: bool | None = None, height: int = 500,
    selection_mode: Literal["single-object", "multi-object"] = "single-object",
    on_select: Literal["rerun", "ignore"] | Callback = "ignore", key: str | int | None = None,
    alt: str | None = None,
) -> PydeckState | None:
    """Show a pydeck ``Deck`` as a stand-in box (see the module docstring)."""
    if use_container_width is not None:
        width = "stretch" if use_container_width else width
    if not (width == "stretch" or isinstance(width, int) and width > 0):
        raise APIError(f"width must be 'stretch' or a number of pixels, not {width!r}")
    if isinstance(height, bool) or not isinstance(height, int) or height <= 0:
        raise APIError(f"height must be a number of pixels, not {height!r}")
    if selection_mode not in MODES:
        raise APIError(f"selection_mode must be one of {list(MODES)}, not {selection_mode!r}")
    if alt is not None and not isinstance(alt, str):
        raise APIError(f"alt must be a string, not {type(alt).__name__}")
    deck = _deck(pydeck_obj)
    layers = [{"type": str(layer.get("@@type") or layer.get("type") or "Layer"),
               "id": layer.get("id"),
               "rows": len(layer["data"]) if isinstance(layer.get("data"), list) else None}
              for layer in deck.get("layers") or () if isinstance(layer, dict)]
    view = deck.get("initialViewState")
    fields: dict[str, Any] = {"layers": layers, "view": view if isinstance(view, dict) else None,
              "width": width, "height": height, "alt": alt or None}
    if on_select == "ignore":
        PYDECK.draw(id=None, label="", help=None, disabled=False, form=None,
                    label_visibility="collapsed", selection=None, **fields)
        return None
    if on_select != "rerun" and not callable(on_select):
        raise APIError(f"on_select must be 'ignore', 'rerun' or a callable, not {on_select!r}.")

    def decode(wire: Any) -> dict[str, Any]:
        if wire not in ({}, {"indices": {}, "objects": {}}):
            raise ValueError("nothing can be selected on this chart")
        return {"selection": {"indices": {}, "objects": {}}}

    value = show(
        PYDECK, "", key=key, identity=(json.dumps(fields, sort_keys=True), selection_mode),
        default=decode({}), decode=decode, encode=lambda v: dict(v["selection"]), help=None,
        disabled=False, label_visibility="collapsed",
        callback=None if on_select == "rerun" else on_select, extra=fields,
    )
    return PydeckState(_attrs(value))


__all__ = ["PYDECK", "PydeckState", "pydeck_chart"]
