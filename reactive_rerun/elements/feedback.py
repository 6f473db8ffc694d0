"""``rr.feedback``: thumbs, faces or stars; its value is the chosen index or None."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show

FEEDBACK = Element(
    "feedback", (*WIDGET_FIELDS, "value", "options", "width"),
    doc="`value` (the chosen index or null), `options` (`thumbs` / `faces` / `stars`), `width`",
    value_field="value",
)

_COUNT = {"thumbs": 2, "faces": 5, "stars": 5}


def _choice(count: int) -> Callable[[Any], int | None]:
    def decode(value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < count:
            raise ValueError(f"expected an index 0..{count - 1} or null, got {value!r}")
        return value

    return decode


@FEEDBACK.function
def feedback(
    options: Literal["thumbs", "faces", "stars"] = "thumbs",
    *,
    key: str | int | None = None,
    default: int | None = None,
    disabled: bool = False,
    on_change: Callback | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    width: Literal["content", "stretch"] | int = "content",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> int | None:
    """A rating: ``thumbs`` returns 0 (down) or 1 (up), ``faces`` and ``stars`` 0-4; ``None``
    until the user picks one (picking it again clears it)."""
    count = _COUNT.get(options) if isinstance(options, str) else None
    if count is None:
        raise APIError(f"feedback options must be 'thumbs', 'faces' or 'stars', not {options!r}")
    decode = _choice(count)
    try:
        decode(default)
    except ValueError as exc:
        raise APIError(f"feedback default: {exc}") from None
    value = show(
        FEEDBACK, "", key=key, identity=(options, default), default=default, decode=decode,
        help=None, disabled=disabled, callback=on_change, args=args, kwargs=kwargs,
        bind=bind, persist_state=persist_state,
        extra={"options": options, "width": _params.width("feedback", width)},
    )
    return None if value is None else int(value)

__all__ = ["FEEDBACK", "feedback"]
