"""The page menu of a multipage app (``st.navigation``, or a ``pages/`` folder)."""

from __future__ import annotations

from ..element import Element

NAVIGATION = Element(
    "navigation", ("pages", "current", "position"),
    doc="`pages` (list of `{path, title, icon, section, help}`; hidden pages are not listed), "
    "`current` (the shown page's path), "
    "`position` (`sidebar` / `top`); a link sends `nav`",
)

__all__ = ["NAVIGATION"]
