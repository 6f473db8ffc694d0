"""``rr.pydeck_chart``: a pydeck ``Deck`` (or its JSON as a dict), drawn in the page by deck.gl.

The deck travels as pydeck's JSON (``deck.to_json()``) and the browser turns it into deck.gl
layers and views with ``@deck.gl/json`` (vendored, loaded with the first such chart). No base
map is drawn (``docs/charts.md``). With ``on_select`` a click on a pickable object selects it
and the call returns Streamlit's shape, ``{"selection": {"indices": {layer_id: [i, ...]},
"objects": {layer_id: [row, ...]}}}``. The client sends indices; the rows come from the
deck's own data here, so a client can name only layers and rows that exist.
"""

from __future__ import annotations

import json
import math
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show
from .dataframe import Selection, _attrs

PYDECK = Element(
    "pydeck",
    (*WIDGET_FIELDS, "selection", "spec", "tooltip", "selection_mode", "width", "height", "alt"),
    doc="`spec` (the deck as pydeck's JSON: `layers`, `initialViewState`, `views`, ...), "
        "`tooltip` (pydeck's tooltip dict, shown as text, or `null`), `selection_mode` "
        "(`single-object` / `multi-object`), `width` (`stretch` / px), `height` (px), `alt`; "
        "with `on_select` a widget whose `selection` is `{indices: {layer_id: [i]}, objects: "
        "{layer_id: [row]}}` and the client sends `{indices: {layer_id: [i]}}` (`id` `null` "
        "otherwise)",
    value_field="selection",
    enter=lambda props, value: dict(value.get("selection", value)),
)
MODES = ("single-object", "multi-object")
EMPTY_MAP: dict[str, Any] = {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0,
                                                  "zoom": 1}}


class PydeckState(Selection):
    """What ``pydeck_chart(on_select=...)`` returns: ``{"selection": {"indices": {...},
    "objects": {...}}}`` (keys read as attributes too)."""


def _finite(value: Any) -> Any:
    """The spec with NaN and infinities as ``None`` (pydeck's JSON may hold them; JSON cannot)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def _deck(pydeck_obj: Any) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The deck's JSON spec and its tooltip (a dict, as Streamlit passes only a dict on)."""
    if pydeck_obj is None:
        return dict(EMPTY_MAP), None
    if isinstance(pydeck_obj, dict):
        spec = dict(pydeck_obj)
        tooltip = spec.pop("tooltip", None)
    else:
        to_json = getattr(pydeck_obj, "to_json", None)
        if not callable(to_json):
            raise APIError("rr.pydeck_chart takes a pydeck Deck or its JSON as a dict, not "
                           f"{type(pydeck_obj).__name__}")
        spec = json.loads(to_json())
        widget = getattr(pydeck_obj, "deck_widget", None)
        tooltip = getattr(widget, "tooltip", None) if widget is not None else None
        if not isinstance(tooltip, dict):
            tooltip = getattr(pydeck_obj, "_tooltip", None)
    if not isinstance(spec, dict):
        raise APIError(f"The deck's JSON must be an object, not {type(spec).__name__}")
    try:
        spec = json.loads(json.dumps(spec, default=_unjson))
    except ValueError as exc:
        raise APIError(f"The deck's JSON cannot be sent to the page: {exc}") from None
    layers = spec.get("layers")
    if layers is not None and not isinstance(layers, list):
        raise APIError("The deck's `layers` must be a list")
    return _finite(spec), tooltip if isinstance(tooltip, dict) else None


def _unjson(value: Any) -> Any:
    raise ValueError(f"{type(value).__name__} is not JSON")


def _layers(spec: dict[str, Any]) -> dict[str, list[Any] | None]:
    """Layer id -> its rows (a GeoJSON collection's features; ``None`` when the data is a URL
    or absent), for the layers that have an id."""
    out: dict[str, list[Any] | None] = {}
    for layer in spec.get("layers") or ():
        if isinstance(layer, dict) and isinstance(layer.get("id"), str):
            data = layer.get("data")
            if isinstance(data, dict):
                data = data.get("features")
            out[layer["id"]] = data if isinstance(data, list) else None
    return out


def _selection(wire: Any, layers: dict[str, list[Any] | None], single: bool,
               prune: bool = False) -> dict[str, Any]:
    """A client's ``{indices: {layer_id: [i]}}`` checked against the deck, with the selected
    rows (``prune``: drop what no longer exists instead of refusing it)."""
    if not isinstance(wire, dict) or not set(wire) <= {"indices", "objects"}:
        raise ValueError("a pydeck selection is {'indices': {layer_id: [index, ...]}}")
    given, sent_objects = wire.get("indices", {}), wire.get("objects", {})
    if not isinstance(given, dict) or not isinstance(sent_objects, dict):
        raise ValueError("indices and objects must map layer ids to lists")
    indices: dict[str, list[int]] = {}
    objects: dict[str, list[Any]] = {}
    for layer_id, picked in given.items():
        if layer_id not in layers:
            if prune:
                continue
            raise ValueError(f"the deck has no layer with id {layer_id!r}")
        if not isinstance(picked, list) or not all(
            isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in picked
        ):
            raise ValueError(f"indices of layer {layer_id!r} must be a list of row numbers")
        rows = layers[layer_id]
        if rows is not None:
            bad = [i for i in picked if i >= len(rows)]
            if bad and not prune:
                raise ValueError(f"layer {layer_id!r} has {len(rows)} rows, no row {bad[0]}")
            picked = [i for i in picked if i < len(rows)]
        if len(set(picked)) != len(picked):
            raise ValueError(f"indices of layer {layer_id!r} repeat a row")
        if not picked:
            continue
        if rows is not None:
            found = [rows[i] for i in picked]
        else:  # data the server does not hold (a URL): the client's rows, as plain JSON
            sent = sent_objects.get(layer_id)
            if not isinstance(sent, list) or len(sent) != len(picked):
                raise ValueError(f"layer {layer_id!r}: one object per index is needed")
            found = json.loads(json.dumps(sent, default=_unjson))
        indices[layer_id], objects[layer_id] = picked, found
    if single and sum(map(len, indices.values())) > 1:
        if not prune:
            raise ValueError("selection_mode='single-object' selects at most one object")
        first = next(iter(indices))
        indices, objects = {first: indices[first][:1]}, {first: objects[first][:1]}
    return {"selection": {"indices": indices, "objects": objects}}


@PYDECK.function
def pydeck_chart(
    pydeck_obj: Any = None, *, width: int | Literal["stretch"] = "stretch",
    use_container_width: bool | None = None, height: int = 500,
    selection_mode: Literal["single-object", "multi-object"] = "single-object",
    on_select: Literal["rerun", "ignore"] | Callback = "ignore", key: str | int | None = None,
    alt: str | None = None,
) -> PydeckState | None:
    """Draw a pydeck ``Deck`` with deck.gl (see the module docstring)."""
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
    spec, tooltip = _deck(pydeck_obj)
    fields: dict[str, Any] = {"spec": spec, "tooltip": tooltip, "selection_mode": selection_mode,
                              "width": width, "height": height, "alt": alt or None}
    if on_select == "ignore":
        PYDECK.draw(id=None, label="", help=None, disabled=False, form=None,
                    label_visibility="collapsed", selection=None, **fields)
        return None
    if on_select != "rerun" and not callable(on_select):
        raise APIError(f"on_select must be 'ignore', 'rerun' or a callable, not {on_select!r}.")
    layers, single = _layers(spec), selection_mode == "single-object"

    def decode(wire: Any) -> dict[str, Any]:
        return _selection(wire, layers, single)

    def encode(value: dict[str, Any]) -> dict[str, Any]:
        # a kept selection may name rows this run's data no longer has: they are let go
        return dict(_selection(value["selection"], layers, single, prune=True)["selection"])

    # Streamlit's identity: with a key only the selection mode, without one the whole spec
    identity = (selection_mode,) if key is not None else (
        json.dumps(spec, sort_keys=True), selection_mode, width, height, alt)
    value = show(
        PYDECK, "", key=key, identity=identity, default=decode({}), decode=decode,
        encode=encode, help=None, disabled=False, label_visibility="collapsed",
        callback=None if on_select == "rerun" else on_select, extra=fields,
    )
    return PydeckState(_attrs({"selection": encode(value)}))


__all__ = ["EMPTY_MAP", "PYDECK", "PydeckState", "pydeck_chart"]
