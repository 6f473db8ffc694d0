"""``rr.pyplot``: a matplotlib figure, rendered to PNG on the server, off the event loop.

In a plain script the figure is rendered in the script's own worker thread; in an ``async def``
script ``await rr.pyplot(fig)`` renders it in a thread. The PNG is served from the media route
(``docs/media.md``); the element carries its URL.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import io
from collections.abc import Callable, Iterator
from typing import Any, Literal

from ..context import current_run
from ..element import Element, ui
from ..errors import APIError
from ..media import url
from ..threads import run_ui, script_loop

PYPLOT = Element(
    "pyplot", ("src", "src_dark", "px_width", "width", "alt"),
    doc="`src` (the PNG's media URL), `src_dark` (the same figure drawn for a dark page, or "
        "`null` when the figure has its own style), `px_width` (the image's width in CSS "
        "pixels), `width` (`stretch`, `content` or px), `alt`",
)
DARK_TEXT, DARK_LINE = "#e6e6e6", "#8b8f98"  # a default-styled figure's text and axes, dark page

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


def _default_look(fig: Any) -> bool:
    """The figure has matplotlib's default look (white, black text): no style of the user's."""
    import matplotlib as mpl
    from matplotlib.colors import to_rgba

    rc = mpl.rcParams
    white, black = (1.0, 1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 1.0)
    return (to_rgba(rc["figure.facecolor"]) == white and to_rgba(rc["text.color"]) == black
            and to_rgba(fig.get_facecolor()) == white)


@contextlib.contextmanager
def _looking(fig: Any, dark: bool) -> Iterator[None]:
    """Draw a default-looking figure for the page: backgrounds transparent, and on a dark page
    black text, ticks and spines light. What it changes is put back afterwards."""
    from matplotlib.colors import to_rgba

    undo: list[Callable[[], None]] = []
    white, black = (1.0, 1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 1.0)

    def swap(get: Callable[[], Any], put: Callable[[Any], Any], was: Any, new: Any) -> None:
        old = get()
        if to_rgba(old) == was:
            put(new)
            undo.append(lambda: put(old))

    swap(fig.patch.get_facecolor, fig.patch.set_facecolor, white, (0, 0, 0, 0))
    texts = list(fig.texts)
    for ax in fig.axes:
        swap(ax.patch.get_facecolor, ax.patch.set_facecolor, white, (0, 0, 0, 0))
        if not dark:
            continue
        for spine in ax.spines.values():
            swap(spine.get_edgecolor, spine.set_edgecolor, black, DARK_LINE)
        texts += [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label]
        for axis, name in ((ax.xaxis, "x"), (ax.yaxis, "y")):
            ticks = axis.get_major_ticks()
            if ticks and to_rgba(ticks[0].label1.get_color()) == black:
                ax.tick_params(axis=name, which="both", colors=DARK_LINE, labelcolor=DARK_TEXT)
                undo.append(functools.partial(ax.tick_params, axis=name, which="both",
                                              colors="black"))
        legend = ax.get_legend()
        if legend is not None:
            texts += legend.get_texts()
            if legend.get_title() is not None:
                texts.append(legend.get_title())
            frame = legend.get_frame()  # white at the legend's framealpha
            if to_rgba(frame.get_facecolor())[:3] == white[:3]:
                old_face = frame.get_facecolor()
                frame.set_facecolor((0, 0, 0, 0))
                undo.append(functools.partial(frame.set_facecolor, old_face))
    if dark:
        for text in texts:
            swap(text.get_color, text.set_color, black, DARK_TEXT)
    try:
        yield
    finally:
        for step in reversed(undo):
            step()


def render(fig: Any, *, clear: bool, close: bool, **savefig: Any
           ) -> tuple[bytes, int, bytes | None]:
    """The figure as PNG bytes, its width in CSS pixels, and a PNG for a dark page when the
    figure has matplotlib's default look (else None); cleared / closed as asked."""
    options: dict[str, Any] = {"bbox_inches": "tight", "dpi": DPI, "format": "png"}
    options.update(savefig)
    dark_png = None
    if not savefig.keys() & {"facecolor", "transparent"} and _default_look(fig):
        with _looking(fig, dark=False):
            png = _png(fig, options)
        with _looking(fig, dark=True):
            dark_png = _png(fig, options)
    else:
        png = _png(fig, options)
    px = int.from_bytes(png[16:20], "big") if png[:8] == b"\x89PNG\r\n\x1a\n" else 0
    if clear:
        fig.clf()
    if close:
        import matplotlib.pyplot as plt

        plt.close(fig)
    dpi = float(options.get("dpi") or DPI)
    return png, round(px * 100 / dpi), dark_png


def _png(fig: Any, options: dict[str, Any]) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, **options)
    return buf.getvalue()


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

    def show(found: tuple[bytes, int, bytes | None]) -> None:
        run = current_run()
        media = run.host.live.media
        src = url(run.host.data.id, media.add(found[0], "image/png"))
        dark = None if found[2] is None else url(run.host.data.id,
                                                 media.add(found[2], "image/png"))
        PYPLOT.draw(src=src, src_dark=dark, px_width=found[1], width=width, alt=alt or None)

    if script_loop() is not None:  # a plain script's thread: render here, draw on the loop
        run_ui(show, render(figure, clear=clear, close=close, **kwargs))
        return None

    async def rendered() -> None:
        show(await asyncio.to_thread(render, figure, clear=clear, close=close, **kwargs))

    return rendered()


__all__ = ["PYPLOT", "pyplot"]
