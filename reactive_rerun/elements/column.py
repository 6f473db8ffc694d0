"""One column of ``rr.columns``."""

from __future__ import annotations

from ..element import Element

COLUMN = Element("column", ("weight",), doc="`weight` (relative width)", block=True)

__all__ = ["COLUMN"]
