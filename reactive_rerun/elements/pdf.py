"""``rr.pdf``: a PDF in the browser's own viewer, from the media route (or the script's URL).

Streamlit 1.67 draws PDFs with a PDF.js component; here the page embeds the file and the
browser's built-in viewer shows it, with a link to open or download it where the browser has
no viewer (most phones). ``data`` is bytes, a path, a URL or a file-like object (an uploaded
file too).
"""

from __future__ import annotations

from typing import Any

from ..element import Element
from ..errors import APIError
from ._av import raw, source

PDF = Element(
    "pdf", ("src", "height", "alt"),
    doc="`src` (a media URL or the script's URL), `height` (px or `stretch`), `alt`",
)


@PDF.function
def pdf(
    data: Any, *, height: int | str = 500, key: str | None = None, alt: str | None = None
) -> None:
    """Show a PDF document in an embedded viewer."""
    if height != "stretch" and (isinstance(height, bool) or not isinstance(height, int)
                                or height <= 0):
        raise APIError(f"rr.pdf: height must be a positive int or 'stretch', not {height!r}")
    if data is None:
        raise APIError("rr.pdf: data is required (bytes, a path, a URL or a file)")
    got = raw("pdf", data)
    if got is not None and not got[0].lstrip()[:5] == b"%PDF-":
        raise APIError("rr.pdf: the data is not a PDF document (it does not start with %PDF-)")
    src, _ = source("pdf", data, "application/pdf")
    PDF.draw(src=src, height=height, alt=alt.strip() if isinstance(alt, str) and alt.strip()
             else None)


__all__ = ["PDF", "pdf"]
