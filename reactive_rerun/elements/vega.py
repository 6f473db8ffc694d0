"""``rr.altair_chart`` / ``rr.vega_lite_chart``: a Vega-Lite spec drawn by vega-embed.

The spec is an Altair chart's ``to_dict()`` or a dict; ``vega_lite_chart``'s ``data`` goes into
it as inline values. Vega, Vega-Lite and vega-embed are vendored and load with the first such
chart on a page (``docs/charts.md`` has their versions).
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from typing import Any, Literal

from ..element import Element
from ..errors import APIError
from . import _chartdata as cd

VEGA = Element(
    "vega", ("spec", "width", "height", "theme"),
    doc="`spec` (a Vega-Lite spec, JSON-safe), `width` (`stretch` / `content` / px), `height` "
        "(px or `null`), `theme` (`streamlit`: the page's colours, or `null`: Vega's own)",
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
    names = list(t.columns)
    if t.index_name is not None:
        names.insert(0, t.index_name)
        t.columns = {t.index_name: t.index, **t.columns}
    return [{n: _safe(t.columns[n][i]) for n in names} for i in range(len(t))]


def _dims(width: Any, height: Any, use_container_width: bool | None) -> tuple[Any, int | None]:
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    if not (width in ("stretch", "content") or isinstance(width, int) and width > 0):
        raise APIError(f"width must be 'stretch', 'content' or a number of pixels, not {width!r}")
    h = height if isinstance(height, int) and not isinstance(height, bool) and height > 0 else None
    return width, h


def _show(spec: dict[str, Any], width: Any, height: Any, use_container_width: bool | None,
          theme: str | None) -> None:
    if theme not in ("streamlit", None):
        raise APIError(f"theme must be 'streamlit' or None, not {theme!r}")
    w, h = _dims(width, height, use_container_width)
    VEGA.draw(spec=_safe(spec), width=w, height=h, theme=theme)


@VEGA.function
def vega_lite_chart(
    data: Any = None, spec: dict[str, Any] | None = None, *,
    width: int | Literal["stretch", "content"] | None = None,
    height: int | Literal["content", "stretch"] = "content",
    use_container_width: bool | None = None, theme: Literal["streamlit"] | None = "streamlit",
    key: str | None = None, on_select: str = "ignore", selection_mode: Any = None,
    **kwargs: Any,
) -> None:
    """Draw a Vega-Lite ``spec`` (a dict); ``data``, when given, becomes its inline values.

    ``key``, ``on_select`` and ``selection_mode`` are accepted and have no effect yet (no
    selections come back to the script).
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
    _show(spec, width, height, use_container_width, theme)


@VEGA.function
def altair_chart(
    altair_chart: Any, *, width: int | Literal["stretch", "content"] | None = None,
    height: int | Literal["content", "stretch"] = "content",
    use_container_width: bool | None = None, theme: Literal["streamlit"] | None = "streamlit",
    key: str | None = None, on_select: str = "ignore", selection_mode: Any = None,
) -> None:
    """Draw an Altair chart (its ``to_dict()`` spec). ``key``, ``on_select`` and
    ``selection_mode`` have no effect yet."""
    to_dict = getattr(altair_chart, "to_dict", None)
    if not callable(to_dict):
        raise APIError(f"rr.altair_chart takes an Altair chart, not {type(altair_chart).__name__}")
    spec = to_dict()
    if width is None:  # Streamlit: stretch unless the chart sets its own width
        width = "content" if isinstance(spec.get("width"), int | float) else "stretch"
    _show(spec, width, height, use_container_width, theme)


__all__ = ["VEGA", "altair_chart", "vega_lite_chart"]
