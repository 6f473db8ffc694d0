"""``rr.code``: a block of code with a copy button."""

from __future__ import annotations

from .._text import plain
from ..element import Element

CODE = Element("code", ("text", "lang"), doc="`text`, `lang` (or `null`)")


@CODE.function
def code(body: object, language: str | None = "python") -> None:
    """Show ``body`` as code in ``language``."""
    CODE.draw(text=plain(body), lang=language)

__all__ = ["CODE", "code"]
