"""``rr.iframe`` (Streamlit 1.67's ``st.iframe``) and ``components.v1``'s ``html`` / ``iframe``.

A URL is shown as the frame's ``src``; HTML (a string that is not a URL, or a ``.html`` file)
as its ``srcdoc``. Every frame is sandboxed: scripts run (``allow-scripts``) but never with the
app's origin (no ``allow-same-origin`` for HTML and same-origin URLs), so embedded HTML cannot
read the page, its cookies or its session. A cross-origin URL keeps its own origin. Another
local file (a PDF, an image) is served from the media route. ``height="content"`` sizes an HTML
frame to its content (the frame reports its height by ``postMessage``); a URL gets 400 px.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from .. import _params
from ..context import current_run
from ..element import Element
from ..errors import APIError
from ..media import url

IFRAME = Element(
    "iframe", ("src", "srcdoc", "width", "height", "scrolling", "tab_index", "title"),
    doc="`src` (a URL) or `srcdoc` (HTML), `width` / `height` (`stretch`, `content` or px), "
        "`scrolling`, `tab_index`, `title`; always sandboxed without the app's origin",
)
HTML_FILES = (".html", ".htm", ".xhtml")


def _height(what: str, height: int | str | None) -> int | str:
    if height in ("stretch", "content"):
        return height
    if isinstance(height, bool) or not isinstance(height, int) or height < 0:
        raise APIError(f"{what}: height must be 'stretch', 'content' or pixels, not {height!r}")
    return height


def _tab_index(what: str, tab_index: int | None) -> int | None:
    if tab_index is not None and (isinstance(tab_index, bool) or not isinstance(tab_index, int)
                                  or tab_index < -1):
        raise APIError(f"{what}: tab_index must be None, -1 or a non-negative int")
    return tab_index


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "data:", "/"))


def frame(
    *, src: str | None, srcdoc: str | None, width: int | str, height: int | str,
    scrolling: bool, tab_index: int | None, title: str,
) -> None:
    IFRAME.draw(src=src, srcdoc=srcdoc, width=width, height=height, scrolling=scrolling,
                tab_index=tab_index, title=title)


@IFRAME.function
def iframe(
    src: str | Path,
    *,
    width: int | str = "stretch",
    height: int | str = "content",
    tab_index: int | None = None,
    alt: str | None = None,
) -> None:
    """Embed a URL, HTML or a local file in a sandboxed iframe."""
    shown_width, shown_height = _params.width("rr.iframe", width), _height("rr.iframe", height)
    title = alt.strip() if isinstance(alt, str) and alt.strip() else "st.iframe"
    link: str | None = None
    doc: str | None = None
    if isinstance(src, Path):
        try:
            data = src.read_bytes()
        except OSError as exc:
            raise APIError(f"rr.iframe: cannot read {str(src)!r}: {exc}") from None
        if src.suffix.lower() in HTML_FILES:
            doc = data.decode("utf-8", "replace")
        else:
            run = current_run()
            kind = mimetypes.guess_type(src.name)[0] or "application/octet-stream"
            link = url(run.host.data.id, run.host.live.media.add(data, kind))
    elif isinstance(src, str) and _is_url(src.strip()):
        link = src.strip()
    elif isinstance(src, str):
        doc = src
    else:
        raise APIError(f"rr.iframe: src must be a URL, HTML or a Path, not {type(src).__name__}")
    frame(src=link, srcdoc=doc, width=shown_width, height=shown_height, scrolling=True,
          tab_index=_tab_index("rr.iframe", tab_index), title=title)


__all__ = ["IFRAME", "frame", "iframe"]
