"""``rr.text_input``: one line of text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show, string

TEXT_INPUT = Element(
    "text_input", (
        *WIDGET_FIELDS, "value", "placeholder", "max_chars", "password", "input_type",
        "autocomplete", "icon", "required", "pattern", "mismatch", "live", "width",
    ),
    doc="`value` (string), `placeholder`, `max_chars`, `password` (bool), `input_type` (the "
        "`<input>` type), `autocomplete`, `icon`, `required`, `pattern` / `mismatch` (a regex the "
        "text must match, its error), `live` (ms of quiet before sending, or null), `width`",
    value_field="value",
)

TYPES = {"default": "text", "password": "password", "email": "email", "url": "url",
         "phone": "tel", "search": "search"}
_AUTOCOMPLETE = {"password": "new-password", "email": "email", "url": "url", "phone": "tel",
                 "search": "off"}
_ICONS = {"email": "✉", "url": "🔗", "phone": "☎", "search": "🔍"}
_PATTERNS = {"email": (r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "Enter an email address."),
             "url": (r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+$", "Enter a URL (like https://example.com).")}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s)?")


def live_ms(label: str, live: Any) -> int | None:
    """``live``: False (send on Enter or blur), True (250 ms of quiet) or ``"250ms"``/``"0.5s"``."""
    if live is False:
        return None
    if live is True:
        return 250
    found = _DURATION.fullmatch(live.strip()) if isinstance(live, str) else None
    if found is None:
        raise APIError(f"text_input {label!r}: live must be True, False or a duration like "
                       f"'250ms' or '0.5s', not {live!r}.")
    ms = float(found.group(1)) * (1 if found.group(2) == "ms" else 1000)
    if found.group(2) is None and ms:
        raise APIError(f"text_input {label!r}: live={live!r} needs a unit ('ms' or 's').")
    if ms > 60_000:
        raise APIError(f"text_input {label!r}: live must be at most one minute, not {live!r}.")
    return int(ms)


def validation(label: str, type: str, validate: Any) -> tuple[str | None, str | None]:
    """The regex (and message) a value must match: ``validate``'s, else the type's own."""
    if validate is None:
        return _PATTERNS.get(type, (None, None))
    if validate == "":
        return None, None
    rule, message = (validate, None) if isinstance(validate, str) else (
        tuple(validate) if isinstance(validate, tuple | list) and len(validate) == 2
        else (None, None))
    if not isinstance(rule, str) or not (message is None or isinstance(message, str)):
        raise APIError(f"text_input {label!r}: validate must be a regex or (regex, message), "
                       f"not {validate!r}.")
    try:
        re.compile(rule)
    except re.error as exc:
        raise APIError(f"text_input {label!r}: validate {rule!r} is not a regex: {exc}") from None
    return rule, message


@TEXT_INPUT.function
def text_input(
    label: str, value: str = "", max_chars: int | None = None, key: str | int | None = None,
    type: Literal["default", "password", "email", "url", "phone", "search"] = "default",
    help: str | None = None, autocomplete: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, placeholder: str | None = None,
    disabled: bool = False, required: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    icon: str | None = None, validate: str | tuple[str, str] | None = None,
    live: str | bool = False, width: Literal["stretch"] | int = "stretch",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> str:
    """A single-line text box; its value is sent on Enter or when it loses focus (or, with
    ``live``, after a pause in typing)."""
    if type not in TYPES:
        raise APIError(f"text_input {label!r}: type must be one of {', '.join(TYPES)}, "
                       f"not {type!r}.")
    where = f"text_input {label!r}"
    pattern, message = validation(label, type, validate)
    shown_icon = _ICONS.get(type) if icon is None else (_params.icon(where, icon) if icon else None)
    return str(show(
        TEXT_INPUT, label, key=key, identity=(value, max_chars, type, placeholder),
        default=value, help=help, disabled=disabled,
        decode=string(max_chars, required=_params.flag(where, "required", required),
                      pattern=pattern, message=message, default=value),
        label_visibility=label_visibility,
        callback=on_change, args=args, kwargs=kwargs, bind=bind, persist_state=persist_state,
        extra={
            "placeholder": placeholder, "max_chars": max_chars, "password": type == "password",
            "input_type": TYPES[type],
            "autocomplete": _AUTOCOMPLETE.get(type, "") if autocomplete is None
            else _params.text(where, "autocomplete", autocomplete),
            "icon": shown_icon, "required": required, "pattern": pattern, "mismatch": message,
            "live": live_ms(label, live), "width": _params.width(where, width, content=False),
        },
    ))


__all__ = ["TEXT_INPUT", "text_input"]
