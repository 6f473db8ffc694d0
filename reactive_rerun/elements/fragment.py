"""The block an ``@rr.fragment`` draws in (the decorator is in ``fragments.py``)."""

from __future__ import annotations

from ..element import Element

FRAGMENT = Element("fragment", ("id",), doc="`id` (the fragment instance)", block=True)

__all__ = ["FRAGMENT"]
