"""``rr.plotly_chart``: a Plotly figure (or its dict) drawn by plotly.js.

plotly.js is not vendored: it is the ``plotly.min.js`` the installed ``plotly`` Python package
ships (``plotly/package_data/``), served by the app at ``_rr/plotly/<version>/plotly.min.js``
and loaded with the first Plotly chart on a page. Without ``plotly`` installed, a dict figure
still travels, and the page says the library is missing.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib
import importlib.metadata
import importlib.util
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show
from .dataframe import Selection, _attrs
from .vega import _dims, _safe

PLOTLY = Element(
    "plotly", (*WIDGET_FIELDS, "selection", "modes", "figure", "config", "width", "height",
               "theme", "js", "integrity", "alt"),
    doc="`figure` (`{data, layout}`, JSON-safe), `config` (plotly.js config), `width` "
        "(`stretch` / `content` / px), `height` (px or `null`), `theme` (`streamlit` or `null`), "
        "`js` (the installed plotly's version: plotly.js is at `_rr/plotly/<js>/plotly.min.js`, "
        "or `null` when plotly is not installed), `integrity` (its SRI value), `alt` (the "
        "accessible name or `null`); with `on_select` a widget: `modes` (of `points`, `box`, "
        "`lasso`), `selection` (`{points, point_indices, box, lasso}`; `id` `null` otherwise)",
    value_field="selection",
    enter=lambda props, value: dict(value.get("selection", value)), heads_up=True,
)
MODES = ("points", "box", "lasso")
PARTS = ("points", "point_indices", "box", "lasso")


class PlotlyState(Selection):
    """What ``plotly_chart(on_select=...)`` returns: ``{"selection": {"points": [...],
    "point_indices": [...], "box": [...], "lasso": [...]}}``, keys read as attributes too."""


@functools.cache
def plotly_js() -> tuple[str, Path, str] | None:
    """The installed plotly's version, its bundled ``plotly.min.js`` and that file's SRI value."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        return None
    digest = hashlib.sha384(path.read_bytes()).digest()
    version = importlib.metadata.version("plotly")
    return version, path, "sha384-" + base64.b64encode(digest).decode()


def _figure(figure_or_data: Any) -> dict[str, Any]:
    if isinstance(figure_or_data, dict):
        fig = figure_or_data
    elif hasattr(figure_or_data, "to_plotly_json"):
        pio = importlib.import_module("plotly.io")
        fig = json.loads(pio.to_json(figure_or_data, validate=False))
    elif isinstance(figure_or_data, list):  # a list of traces
        fig = {"data": figure_or_data}
    else:
        raise APIError("rr.plotly_chart takes a Plotly figure or a dict, not "
                       f"{type(figure_or_data).__name__}")
    out = _safe(fig)
    if not isinstance(out, dict):
        raise APIError("a Plotly figure must be a dict with 'data' and 'layout'")
    return {"data": out.get("data", []), "layout": out.get("layout", {}),
            **({"frames": out["frames"]} if "frames" in out else {})}


@PLOTLY.function
def plotly_chart(
    figure_or_data: Any, use_container_width: bool | None = None, *,
    width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["content", "stretch"] = "content",
    theme: Literal["streamlit"] | None = "streamlit", key: str | int | None = None,
    on_select: Literal["ignore", "rerun"] | Callback = "ignore",
    selection_mode: str | Iterable[str] = MODES, config: dict[str, Any] | None = None,
    alt: str | None = None, **kwargs: Any,
) -> PlotlyState | None:
    """Draw a Plotly figure (``plotly.graph_objects.Figure``, a dict, or a list of traces).

    With ``on_select="rerun"`` (or a callback) a click (``"points"``), a box or a lasso
    selection (``selection_mode``) comes back: the call returns ``{"selection": {"points",
    "point_indices", "box", "lasso"}}``. ``kwargs`` (Plotly's old ``plot()`` options) are
    accepted and not used, as in Streamlit.
    """
    if theme not in ("streamlit", None):
        raise APIError(f"theme must be 'streamlit' or None, not {theme!r}")
    if alt is not None and not isinstance(alt, str):
        raise APIError(f"alt must be a string, not {type(alt).__name__}")
    fig = _figure(figure_or_data)
    w, h = _dims(width, height, use_container_width)
    lib = plotly_js()
    fields = {"figure": fig, "config": _safe(config or {}), "width": w, "height": h,
              "theme": theme, "js": lib[0] if lib else None,
              "integrity": lib[2] if lib else None, "alt": alt or None}
    if on_select == "ignore":
        PLOTLY.draw(id=None, label="", help=None, disabled=False, form=None,
                    label_visibility="collapsed", selection=None, modes=None, **fields)
        return None
    if on_select != "rerun" and not callable(on_select):
        raise APIError(f"on_select must be 'ignore', 'rerun' or a callable, not {on_select!r}.")
    wanted = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    if not wanted or any(m not in MODES for m in wanted):
        raise APIError(f"selection_mode must be some of {list(MODES)}, not {selection_mode!r}")
    modes = sorted(set(wanted), key=MODES.index)

    def decode(wire: Any) -> dict[str, Any]:
        if not isinstance(wire, dict) or set(wire) - set(PARTS):
            raise ValueError("expected {points, point_indices, box, lasso}")
        for part in PARTS:
            if not isinstance(wire.get(part, []), list):
                raise ValueError(f"{part} must be a list")
        indices = wire.get("point_indices", [])
        if any(isinstance(i, bool) or not isinstance(i, int) for i in indices):
            raise ValueError("point_indices must be integers")
        return {"selection": {part: wire.get(part, []) for part in PARTS}}

    def encode(value: Any) -> dict[str, Any]:
        return dict(value["selection"])

    digest = hashlib.blake2b(json.dumps(fig, sort_keys=True).encode(), digest_size=16)
    value = show(
        PLOTLY, "", key=key, identity=(digest.hexdigest(), tuple(modes), theme),
        default=decode({}), decode=decode, encode=encode, help=None, disabled=False,
        label_visibility="collapsed", callback=None if on_select == "rerun" else on_select,
        extra={"modes": modes, **fields},
    )
    return PlotlyState(_attrs(value))


__all__ = ["PLOTLY", "PlotlyState", "plotly_chart"]
