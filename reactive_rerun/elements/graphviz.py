"""``rr.graphviz_chart``: a Graphviz graph (DOT source, or a ``graphviz`` Graph/Digraph).

No Graphviz renderer is bundled for the browser (the usable ones are WebAssembly builds of
Graphviz, over a megabyte). When the server has Graphviz's ``dot`` program, the graph is laid
out there, off the event loop, and sent as an SVG image; otherwise the page shows the DOT source
with a note saying why.
"""

from __future__ import annotations

import asyncio
import base64
import shutil
import subprocess
from typing import Any, Literal

from ..element import Element, ui
from ..errors import APIError
from ..threads import run_ui, script_loop

GRAPHVIZ = Element(
    "graphviz", ("dot", "src", "width", "height", "alt"),
    doc="`dot` (the DOT source), `src` (an SVG `data:` URL when the server drew it, else "
        "`null`: the page shows the source), `width` (`stretch` / `content` / px), "
        "`height` (px or `null`), `alt` (the accessible name or `null`)",
)

MAX_DOT = 200_000  # characters of DOT the server lays out; beyond, the source is shown


def svg(dot: str) -> str | None:
    """The graph as an SVG ``data:`` URL, or ``None`` without a usable ``dot`` program."""
    program = shutil.which("dot")
    if program is None or len(dot) > MAX_DOT:
        return None
    try:
        out = subprocess.run([program, "-Tsvg"], input=dot.encode(), capture_output=True,
                             timeout=20, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return "data:image/svg+xml;base64," + base64.b64encode(out).decode()


def _source(figure_or_dot: Any) -> str:
    if isinstance(figure_or_dot, str):
        return figure_or_dot
    source = getattr(figure_or_dot, "source", None)
    if isinstance(source, str):
        return source
    raise APIError("rr.graphviz_chart takes DOT source or a graphviz Graph / Digraph, "
                   f"not {type(figure_or_dot).__name__}")


@ui.here
def graphviz_chart(
    figure_or_dot: Any, use_container_width: bool | None = None, *,
    width: int | Literal["stretch", "content"] = "content",
    height: int | Literal["content", "stretch"] = "content", alt: str | None = None,
) -> Any:
    """Show a graph given as DOT (``"digraph { a -> b }"``) or a ``graphviz`` object.

    In an ``async def`` script, ``await rr.graphviz_chart(...)`` (the layout runs in a thread).
    """
    dot = _source(figure_or_dot)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    h = height if isinstance(height, int) and not isinstance(height, bool) else None

    def show(src: str | None) -> None:
        GRAPHVIZ.draw(dot=dot, src=src, width=width, height=h, alt=alt or None)

    if script_loop() is not None:
        run_ui(show, svg(dot))
        return None

    async def drawn() -> None:
        show(await asyncio.to_thread(svg, dot))

    return drawn()


__all__ = ["GRAPHVIZ", "graphviz_chart"]
