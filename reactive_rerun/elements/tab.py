"""One panel of ``rr.tabs``."""

from __future__ import annotations

from ..element import Element

TAB = Element("tab", ("label",), doc="`label`", block=True)

__all__ = ["TAB"]
