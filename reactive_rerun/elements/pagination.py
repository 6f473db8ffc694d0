"""``rr.pagination``: page numbers to move through pages of results."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, number, show

PAGINATION = Element(
    "pagination", (*WIDGET_FIELDS, "value", "pages", "visible", "width"),
    doc="`value` (the current page, from 1), `pages` (how many), `visible` (how many page "
        "buttons at most, or null for all), `width`",
    value_field="value",
)


def _count(name: str, value: Any, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise APIError(f"pagination: {name} must be an int >= {low}, not {value!r}.")
    return value


@PAGINATION.function
def pagination(
    num_pages: int,
    *,
    default: int = 1,
    max_visible_pages: int | None = 7,
    width: Literal["content", "stretch"] | int = "content",
    key: str | int | None = None,
    on_change: Callback | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> int:
    """The page the user is on (1 to ``num_pages``): previous/next buttons and up to
    ``max_visible_pages`` page numbers, the first and last always among them."""
    pages = _count("num_pages", num_pages, 1)
    start = _count("default", default, 1)
    if start > pages:
        raise APIError(f"pagination: default {start} is past the last page {pages}.")
    visible = None if max_visible_pages is None else _count("max_visible_pages",
                                                            max_visible_pages, 3)
    return int(show(
        PAGINATION, "Pagination", key=key, identity=(pages, start, visible), default=start,
        decode=number(True, 1, pages), help=None, disabled=disabled, label_visibility="collapsed",
        callback=on_change, args=args, kwargs=kwargs, bind=bind, persist_state=persist_state,
        extra={"pages": pages, "visible": visible, "width": _params.width("pagination", width)},
    ))


__all__ = ["PAGINATION", "pagination"]
