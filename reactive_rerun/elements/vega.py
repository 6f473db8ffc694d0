"""``rr.altair_chart`` / ``rr.vega_lite_chart``: a Vega-Lite spec drawn by vega-embed.

The spec is an Altair chart's ``to_dict()`` or a dict; ``vega_lite_chart``'s ``data`` goes into
it as inline values. Vega, Vega-Lite and vega-embed are vendored and load with the first such
chart on a page (``docs/charts.md`` has their versions).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
import re
from collections.abc import Iterable
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show
from . import _chartdata as cd
from .dataframe import Selection, _attrs

VEGA = Element(
    "vega", (*WIDGET_FIELDS, "selection", "modes", "spec", "width", "height", "theme", "alt"),
    doc="`spec` (a Vega-Lite spec, JSON-safe), `width` (`stretch` / `content` / px), `height` "
        "(px or `null`), `theme` (`streamlit`: the page's colours, or `null`: Vega's own), "
        "`alt` (the accessible name, or `null`); with `on_select` a widget: `modes` (the "
        "selection parameters it reports), `selection` (`{param: value}`; `id` is `null` "
        "otherwise)",
    value_field="selection",
    enter=lambda props, value: dict(value.get("selection", value)), heads_up=True,
)


def _safe(value: Any) -> Any:
    """JSON-safe: NaN and infinities become null, dates ISO strings, numpy scalars numbers."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_safe(v) for v in value]
    if value is None or isinstance(value, str | int | bool):
        return value
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return _safe(value.item())
    if hasattr(value, "tolist"):
        return _safe(value.tolist())
    try:
        return json.loads(json.dumps(value))
    except (TypeError, ValueError):
        return str(value)


def records(data: Any) -> list[dict[str, Any]]:
    """Rows of ``data`` as Vega's inline ``values``."""
    t = cd.table(data)
    cols = {n: cd.plain(c) for n, c in t.columns.items()}  # datetime64 -> datetime, not ns
    if t.index_name is not None:
        cols = {t.index_name: cd.plain(t.index), **cols}
    return [{n: _safe(c[i]) for n, c in cols.items()} for i in range(len(t))]


def _dims(width: Any, height: Any, use_container_width: bool | None) -> tuple[Any, int | None]:
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    if not (width in ("stretch", "content") or isinstance(width, int) and width > 0):
        raise APIError(f"width must be 'stretch', 'content' or a number of pixels, not {width!r}")
    h = height if isinstance(height, int) and not isinstance(height, bool) and height > 0 else None
    return width, h


_AUTO_NAME = re.compile(r'"(param|view)_[0-9a-f]+(?:_[0-9]+)?"')


def stable(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with Altair's generated parameter and view names (a global counter in Altair 5,
    a hash of the data in Altair 6) renamed ``param_1``, ``view_1``, ... in order of appearance,
    so a chart keeps its identity, and its selection, from run to run (as Streamlit does).
    Data values are left alone."""
    spec = dict(spec)
    datasets = spec.pop("datasets", None)
    data = spec.get("data")
    values = None
    if isinstance(data, dict) and "values" in data:
        values = data["values"]
        spec["data"] = {k: v for k, v in data.items() if k != "values"}
    text = json.dumps(spec)
    seen: dict[str, str] = {}
    counters = {"param": 0, "view": 0}

    def rename(m: re.Match[str]) -> str:
        old = m.group(0)
        if old not in seen:
            counters[m.group(1)] += 1
            seen[old] = f'"{m.group(1)}_{counters[m.group(1)]}"'
        return seen[old]

    out: dict[str, Any] = json.loads(_AUTO_NAME.sub(rename, text))
    if values is not None:
        out["data"] = {**out["data"], "values": values}
    if datasets is not None:
        out["datasets"] = datasets
    return out


def selection_params(spec: Any) -> list[str]:
    """The names of the spec's selection parameters, at any level of composition."""
    found: list[str] = []
    if not isinstance(spec, dict):
        return found
    for p in spec.get("params") or ():
        if isinstance(p, dict) and p.get("name") and p.get("select"):
            found.append(str(p["name"]))
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for child in spec.get(key) or ():
            found.extend(selection_params(child))
    if isinstance(spec.get("spec"), dict):
        found.extend(selection_params(spec["spec"]))
    return sorted(set(found))


def _modes(spec: dict[str, Any], selection_mode: str | Iterable[str] | None) -> list[str]:
    params = selection_params(spec)
    if not params:
        raise APIError("Selections are on (on_select), but the chart defines no selection "
                       "parameter: add one, e.g. `alt.selection_point()` with `.add_params(...)`"
                       ", or a Vega-Lite `params` entry with `select`.")
    if selection_mode is None:
        return params
    wanted = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for name in wanted:
        if name not in params:
            raise APIError(f"Selection parameter {name!r} is not defined in the chart spec. "
                           f"Its selection parameters are: {params}.")
    return sorted(set(wanted))


class VegaLiteState(Selection):
    """What a chart with ``on_select`` returns: ``{"selection": {param: value}}``, keys read as
    attributes too (``event.selection.param_1``). A point selection's value is the list of
    the points' fields, an interval's ``{field: [low, high]}``, nothing selected ``{}``."""


def _show(spec: dict[str, Any], width: Any, height: Any, use_container_width: bool | None,
          theme: str | None, key: str | int | None, on_select: Any,
          selection_mode: str | Iterable[str] | None, alt: str | None) -> VegaLiteState | None:
    if theme not in ("streamlit", None):
        raise APIError(f"theme must be 'streamlit' or None, not {theme!r}")
    if alt is not None and not isinstance(alt, str):
        raise APIError(f"alt must be a string, not {type(alt).__name__}")
    w, h = _dims(width, height, use_container_width)
    spec = stable(_safe(spec))
    fields = {"spec": spec, "width": w, "height": h, "theme": theme, "alt": alt or None}
    if on_select == "ignore":
        VEGA.draw(id=None, label="", help=None, disabled=False, form=None,
                  label_visibility="collapsed", selection=None, modes=None, **fields)
        return None
    if on_select != "rerun" and not callable(on_select):
        raise APIError(f"on_select must be 'ignore', 'rerun' or a callable, not {on_select!r}.")
    modes = _modes(spec, selection_mode)

    def decode(wire: Any) -> dict[str, Any]:
        if not isinstance(wire, dict):
            raise ValueError("expected {param: selection}")
        for name, value in wire.items():
            if name not in modes:
                raise ValueError(f"{name!r} is not a selection parameter of this chart")
            if not isinstance(value, dict | list):
                raise ValueError(f"the selection of {name!r} must be an object or a list")
        return {"selection": {m: wire.get(m, {}) for m in modes}}

    def encode(value: Any) -> dict[str, Any]:
        return dict(value["selection"])

    digest = hashlib.blake2b(json.dumps(spec, sort_keys=True).encode(), digest_size=16)
    value = show(
        VEGA, "", key=key, identity=(digest.hexdigest(), tuple(modes), theme),
        default=decode({}), decode=decode, encode=encode, help=None, disabled=False,
        label_visibility="collapsed", callback=None if on_select == "rerun" else on_select,
        extra={"modes": modes, **fields},
    )
    return VegaLiteState(_attrs(value))


@VEGA.function
def vega_lite_chart(
    data: Any = None, spec: dict[str, Any] | None = None, *,
    width: int | Literal["stretch", "content"] | None = None,
    height: int | Literal["content", "stretch"] = "content",
    use_container_width: bool | None = None, theme: Literal["streamlit"] | None = "streamlit",
    key: str | int | None = None, on_select: Literal["ignore", "rerun"] | Callback = "ignore",
    selection_mode: str | Iterable[str] | None = None, alt: str | None = None, **kwargs: Any,
) -> VegaLiteState | None:
    """Draw a Vega-Lite ``spec`` (a dict); ``data``, when given, becomes its inline values.

    With ``on_select="rerun"`` (or a callback) the chart's selection parameters
    (``selection_mode``: some of them; default all) come back: the call returns
    ``{"selection": {param: value}}``.
    """
    if spec is None and isinstance(data, dict) and ("mark" in data or "$schema" in data):
        data, spec = None, data
    if spec is None:
        spec = {}
    spec = {**spec, **kwargs}
    if data is not None:
        spec["data"] = {"values": records(data)}
    if width is None:  # Streamlit: stretch unless the spec sets its own width
        width = "content" if isinstance(spec.get("width"), int | float) else "stretch"
    return _show(spec, width, height, use_container_width, theme, key, on_select,
                 selection_mode, alt)


@VEGA.function
def altair_chart(
    altair_chart: Any, *, width: int | Literal["stretch", "content"] | None = None,
    height: int | Literal["content", "stretch"] = "content",
    use_container_width: bool | None = None, theme: Literal["streamlit"] | None = "streamlit",
    key: str | int | None = None, on_select: Literal["ignore", "rerun"] | Callback = "ignore",
    selection_mode: str | Iterable[str] | None = None, alt: str | None = None,
) -> VegaLiteState | None:
    """Draw an Altair chart (its ``to_dict()`` spec); ``on_select`` as in
    ``vega_lite_chart``."""
    to_dict = getattr(altair_chart, "to_dict", None)
    if not callable(to_dict):
        raise APIError(f"rr.altair_chart takes an Altair chart, not {type(altair_chart).__name__}")
    spec = to_dict()
    if width is None:  # Streamlit: stretch unless the chart sets its own width
        width = "content" if isinstance(spec.get("width"), int | float) else "stretch"
    return _show(spec, width, height, use_container_width, theme, key, on_select,
                 selection_mode, alt)


__all__ = ["VEGA", "VegaLiteState", "altair_chart", "vega_lite_chart"]
