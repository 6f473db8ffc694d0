"""``rr.page_link``: a link to a page of the app (sent as ``nav``) or to another site."""

from __future__ import annotations

from ..element import Element

PAGE_LINK = Element(
    "page_link",
    ("path", "url", "label", "icon", "disabled", "help", "current", "icon_position", "width",
     "query"),
    doc="`path` (an app page, or `null`), `url` (another site, or `null`), `label`, `icon`, "
    "`disabled`, `help`, `current` (bool), `icon_position`, `width`, `query` (the page's query "
    "string, sent with `nav`)",
)


__all__ = ["PAGE_LINK"]
