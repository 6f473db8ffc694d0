"""Text helpers shared by the element kinds: plain strings and safe Markdown."""

from __future__ import annotations

from markdown_it import MarkdownIt

_safe_md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
_raw_md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def plain(body: object) -> str:
    return body if isinstance(body, str) else str(body)


def render_markdown(body: str, *, unsafe_allow_html: bool = False) -> str:
    """Markdown to HTML; raw HTML in ``body`` is escaped unless explicitly allowed."""
    return str((_raw_md if unsafe_allow_html else _safe_md).render(body))


__all__ = ["plain", "render_markdown"]
