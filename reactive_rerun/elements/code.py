"""``rr.code``: a block of code, highlighted in the browser, with a copy button.

Streamlit 1.67's signature. The browser highlights with highlight.js (vendored, loaded only
when a page shows code); the text itself travels as text and is never HTML.
"""

from __future__ import annotations

from typing import Literal

from .._text import plain
from ..element import Element
from ..errors import APIError

CODE = Element(
    "code", ("text", "lang", "line_numbers", "wrap", "height", "width"),
    doc="`text`, `lang` (or `null`), `line_numbers`, `wrap` (bools), `height` (`content`, "
    "`stretch` or pixels), `width` (`stretch`, `content` or pixels)",
)


def _size(name: str, value: object, words: tuple[str, ...]) -> str | int:
    if isinstance(value, str) and value in words:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    choices = ", ".join(repr(w) for w in words)
    raise APIError(f"code {name} must be {choices} or a positive number of pixels, not {value!r}")


@CODE.function
def code(
    body: object,
    language: str | None = "python",
    *,
    line_numbers: bool = False,
    wrap_lines: bool = False,
    height: Literal["content", "stretch"] | int | None = "content",
    width: Literal["stretch", "content"] | int = "stretch",
) -> None:
    """Show ``body`` as code in ``language`` (``None``: plain monospace text), optionally with
    line numbers and wrapped lines, at a height and width as in Streamlit."""
    if language is not None and not isinstance(language, str):
        raise APIError(f"code language must be a string or None, not {language!r}")
    lang = language.strip().lower()[:40] if language is not None else ""
    CODE.draw(
        text=plain(body),
        lang=lang or None,
        line_numbers=bool(line_numbers),
        wrap=bool(wrap_lines),
        height=_size("height", "content" if height is None else height, ("content", "stretch")),
        width=_size("width", width, ("stretch", "content")),
    )


__all__ = ["CODE", "code"]
