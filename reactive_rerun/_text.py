"""Text helpers shared by the element kinds: plain strings and safe Markdown."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_safe_md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
_raw_md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def plain(body: object) -> str:
    return body if isinstance(body, str) else str(body)


def render_markdown(body: str, *, unsafe_allow_html: bool = False, anchors: bool = False) -> str:
    """Markdown to HTML; raw HTML in ``body`` is escaped unless explicitly allowed.

    ``anchors``: headings get an ``id`` made from their text (as ``rr.header``'s anchor).
    """
    md = _raw_md if unsafe_allow_html else _safe_md
    if not anchors:
        return str(md.render(body))
    tokens = md.parse(body)
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and i + 1 < len(tokens):
            words = "".join(c.content for c in tokens[i + 1].children or () if c.type == "text")
            token.attrSet("id", re.sub(r"[^\w]+", "-", words.lower()).strip("-") or "heading")
    return str(md.renderer.render(tokens, md.options, {}))


__all__ = ["plain", "render_markdown"]
