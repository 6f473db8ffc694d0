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
from pathlib import Path
from typing import Any, Literal

from ..element import Element
from ..errors import APIError
from .vega import _dims, _safe

PLOTLY = Element(
    "plotly", ("figure", "config", "width", "height", "theme", "js", "integrity"),
    doc="`figure` (`{data, layout}`, JSON-safe), `config` (plotly.js config), `width` "
        "(`stretch` / `content` / px), `height` (px or `null`), `theme` (`streamlit` or `null`), "
        "`js` (the installed plotly's version: plotly.js is at `_rr/plotly/<js>/plotly.min.js`, "
        "or `null` when plotly is not installed), `integrity` (its SRI value)",
)


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
    theme: Literal["streamlit"] | None = "streamlit", key: str | None = None,
    on_select: str = "ignore", selection_mode: Any = None, config: dict[str, Any] | None = None,
    **kwargs: Any,
) -> None:
    """Draw a Plotly figure (``plotly.graph_objects.Figure``, a dict, or a list of traces).

    ``key``, ``on_select`` and ``selection_mode`` are accepted and have no effect yet.
    """
    if theme not in ("streamlit", None):
        raise APIError(f"theme must be 'streamlit' or None, not {theme!r}")
    fig = _figure(figure_or_data)
    w, h = _dims(width, height, use_container_width)
    lib = plotly_js()
    PLOTLY.draw(figure=fig, config=_safe(config or {}), width=w, height=h, theme=theme,
                js=lib[0] if lib else None, integrity=lib[2] if lib else None)


__all__ = ["PLOTLY", "plotly_chart"]
