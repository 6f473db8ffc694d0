"""``rr.radio``: one option from a list of radio buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, option_index, option_label
from ._choice import choose

T = TypeVar("T")

RADIO = Element(
    "radio", (*WIDGET_FIELDS, "index", "options", "horizontal", "captions", "width"),
    doc="`index` (option index or `null`), `options` (labels), `horizontal` (bool), `captions` "
        "(a text under each option, or `null`), `width`",
    value_field="index", read=option_label, enter=option_index,
)


@RADIO.function
def radio(
    label: str, options: Sequence[T], index: int | None = 0,
    format_func: Callable[[Any], Any] = str, key: str | int | None = None,
    help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    horizontal: bool = False, captions: Sequence[str] | None = None,
    width: Literal["content", "stretch"] | int = "content",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> T | None:
    """One option from a list of radio buttons; ``captions`` puts a small text under each."""
    where = f"radio {label!r}"
    _params.bind(where, bind)
    _params.persist(where, persist_state)
    opts = list(options)
    shown = None if captions is None else [str(c) for c in captions]
    if shown is not None and len(shown) != len(opts):
        raise APIError(f"{where}: captions has {len(shown)} entries for {len(opts)} "
                       "options; give one per option.")
    return choose(RADIO, label, opts, index, format_func, key, help, on_change, args,
                  kwargs, disabled, label_visibility, {
                      "horizontal": horizontal, "captions": shown,
                      "width": _params.width(where, width),
                  })

__all__ = ["RADIO", "radio"]
