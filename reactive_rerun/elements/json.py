"""``rr.json``: a value pretty-printed as JSON, collapsible."""

from __future__ import annotations

import json as _json

from ..element import Element

JSON = Element("json", ("text", "expanded"), doc="`text` (pretty-printed JSON), `expanded` (bool)")


@JSON.function
def json(body: object, *, expanded: bool = True) -> None:
    """Show ``body`` as JSON; a string holding JSON is parsed first."""
    if isinstance(body, str | bytes):
        try:
            body = _json.loads(body)
        except ValueError:
            pass
    pretty = _json.dumps(body, indent=2, default=repr, ensure_ascii=False)
    JSON.draw(text=pretty, expanded=expanded)

__all__ = ["JSON", "json"]
