"""``rr.echarts_chart``: an Apache ECharts chart from its option dict (or a pyecharts chart).

ECharts (``static/vendor/echarts-*``, 1.1 MB) loads only on a page that shows such a chart. With
``on_select`` the chart is a widget whose value is Streamlit's selection shape:
``{"selection": {"selected": [...], "areas": [...]}}`` from ECharts' own point selection
(``selectedMode`` on a series) and brush (``brush`` in the option).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show
from .dataframe import Selection, _attrs
from .vega import _dims, _safe

ECHARTS = Element(
    "echarts", (*WIDGET_FIELDS, "selection", "option", "width", "height", "theme", "renderer",
                "alt"),
    doc="`option` (the ECharts option, JSON-safe), `width` (`stretch` / `content` / px), "
        "`height` (px or `null`: 400), `theme` (`streamlit` or `null`), `renderer` (`canvas` / "
        "`svg`), `alt` (the accessible name or `null`); with `on_select` a widget: `selection` "
        "(`{selected, areas}`; `id` is `null` otherwise)",
    value_field="selection",
    enter=lambda props, value: dict(value.get("selection", value)), heads_up=True,
)


class EChartsState(Selection):
    """What ``echarts_chart(on_select=...)`` returns: ``{"selection": {"selected": [{series_index,
    series_id, series_name, data_type, data_indices}], "areas": [{brush_index, brush_type,
    coord_range}]}}``, keys read as attributes too."""


def _option(spec: Any) -> dict[str, Any]:
    if isinstance(spec, dict):
        out = _safe(spec)
    elif callable(getattr(spec, "dump_options", None)):  # a pyecharts chart
        out = json.loads(spec.dump_options())
    else:
        raise APIError("rr.echarts_chart takes an ECharts option dict or a pyecharts chart, not "
                       f"{type(spec).__name__}")
    if not isinstance(out, dict):
        raise APIError("an ECharts option must be a dict")
    return out


@ECHARTS.function
def echarts_chart(
    spec: Any, *, width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["content", "stretch"] = "content",
    theme: Literal["streamlit"] | None = "streamlit", key: str | int | None = None,
    on_select: Literal["rerun", "ignore"] | Callback = "ignore",
    renderer: Literal["canvas", "svg"] = "canvas", alt: str | None = None,
) -> EChartsState | None:
    """Draw an ECharts chart. Functions written as JavaScript in the option (pyecharts'
    ``JsCode``) stay strings: the browser never runs code from the server's data."""
    if theme not in ("streamlit", None):
        raise APIError(f"theme must be 'streamlit' or None, not {theme!r}")
    if renderer not in ("canvas", "svg"):
        raise APIError(f"renderer must be 'canvas' or 'svg', not {renderer!r}")
    if alt is not None and not isinstance(alt, str):
        raise APIError(f"alt must be a string, not {type(alt).__name__}")
    option = _option(spec)
    w, h = _dims(width, height, None)
    fields = {"option": option, "width": w, "height": h, "theme": theme, "renderer": renderer,
              "alt": alt or None}
    if on_select == "ignore":
        ECHARTS.draw(id=None, label="", help=None, disabled=False, form=None,
                     label_visibility="collapsed", selection=None, **fields)
        return None
    if on_select != "rerun" and not callable(on_select):
        raise APIError(f"on_select must be 'ignore', 'rerun' or a callable, not {on_select!r}.")

    def decode(wire: Any) -> dict[str, Any]:
        if not isinstance(wire, dict) or set(wire) - {"selected", "areas"}:
            raise ValueError("expected {selected: [...], areas: [...]}")
        for part in ("selected", "areas"):
            items = wire.get(part, [])
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                raise ValueError(f"{part} must be a list of objects")
        return {"selection": {"selected": wire.get("selected", []),
                              "areas": wire.get("areas", [])}}

    def encode(value: Any) -> dict[str, Any]:
        return dict(value["selection"])

    digest = hashlib.blake2b(json.dumps(option, sort_keys=True).encode(), digest_size=16)
    value = show(
        ECHARTS, "", key=key, identity=(digest.hexdigest(), theme), default=decode({}),
        decode=decode, encode=encode, help=None, disabled=False, label_visibility="collapsed",
        callback=None if on_select == "rerun" else on_select, extra=fields,
    )
    return EChartsState(_attrs(value))


__all__ = ["ECHARTS", "EChartsState", "echarts_chart"]
