"""``rr.pyplot``: a matplotlib figure, rendered to PNG on the server, off the event loop.

In a plain script the figure is rendered in the script's own worker thread; in an ``async def``
script ``await rr.pyplot(fig)`` renders it in a thread. The PNG is served from the media route
(``docs/media.md``); the element carries its URL.
"""

from __future__ import annotations

import asyncio
import io
from typing import Any, Literal

from ..context import current_run
from ..element import Element, ui
from ..errors import APIError
from ..media import url
from ..threads import run_ui, script_loop

PYPLOT = Element(
    "pyplot", ("src", "px_width", "width", "alt"),
    doc="`src` (the PNG's media URL), `px_width` (the image's width in CSS pixels), "
        "`width` (`stretch`, `content` or px), `alt`",
)

DPI = 200  # as Streamlit: crisp on high-density screens, shown at half its pixel width


def _figure(fig: Any) -> Any:
    if fig is not None:
        if not hasattr(fig, "savefig"):
            raise APIError(f"rr.pyplot takes a matplotlib Figure, not {type(fig).__name__}")
        return fig
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise APIError("rr.pyplot needs matplotlib (pip install matplotlib)") from exc
    return plt.gcf()


def render(fig: Any, *, clear: bool, close: bool, **savefig: Any) -> tuple[bytes, int]:
    """The figure as PNG bytes and its width in CSS pixels; cleared / closed as asked."""
    options: dict[str, Any] = {"bbox_inches": "tight", "dpi": DPI, "format": "png"}
    options.update(savefig)
    buf = io.BytesIO()
    fig.savefig(buf, **options)
    png = buf.getvalue()
    px = int.from_bytes(png[16:20], "big") if png[:8] == b"\x89PNG\r\n\x1a\n" else 0
    if clear:
        fig.clf()
    if close:
        import matplotlib.pyplot as plt

        plt.close(fig)
    dpi = float(options.get("dpi") or DPI)
    return png, round(px * 100 / dpi)


@ui.here
def pyplot(
    fig: Any = None, clear_figure: bool | None = None, *,
    width: int | Literal["stretch", "content"] = "stretch",
    use_container_width: bool | None = None, alt: str | None = None, **kwargs: Any,
) -> Any:
    """Show a matplotlib figure (default: the current one, ``plt.gcf()``).

    ``clear_figure`` as in Streamlit (default: clear the current figure, keep a given one);
    the figure is closed in pyplot (``plt.close``, so figures do not pile up) unless
    ``clear_figure=False``. ``kwargs`` go to ``savefig``. In an ``async def`` script,
    ``await rr.pyplot(fig)``.
    """
    given = fig is not None
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    if not (width in ("stretch", "content") or isinstance(width, int) and width > 0):
        raise APIError(f"width must be 'stretch', 'content' or a number of pixels, not {width!r}")
    figure = _figure(fig)
    clear = (not given) if clear_figure is None else clear_figure
    close = clear_figure is not False

    def show(found: tuple[bytes, int]) -> None:
        run = current_run()
        src = url(run.host.data.id, run.host.live.media.add(found[0], "image/png"))
        PYPLOT.draw(src=src, px_width=found[1], width=width, alt=alt or None)

    if script_loop() is not None:  # a plain script's thread: render here, draw on the loop
        run_ui(show, render(figure, clear=clear, close=close, **kwargs))
        return None

    async def rendered() -> None:
        show(await asyncio.to_thread(render, figure, clear=clear, close=close, **kwargs))

    return rendered()


__all__ = ["PYPLOT", "pyplot"]
