"""``rr.time_input``: a time of day, in steps (15 minutes unless ``step`` says otherwise)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show
from ._temporal import iso_time, on_step, parse_time, seconds_of


def _read(props: dict[str, Any]) -> dt.time | None:
    return None if props["value"] is None else dt.time.fromisoformat(props["value"])


def _enter(props: dict[str, Any], value: Any) -> str | None:
    return None if value is None else iso_time(value)


TIME_INPUT = Element(
    "time_input", (*WIDGET_FIELDS, "value", "step", "required", "width", "format"),
    doc="`value` (`HH:MM[:SS]` or `null`), `step` (seconds)",
    value_field="value", read=_read, enter=_enter,
)


def _time(label: str, value: Any) -> dt.time | None:
    if value is None:
        return None
    if value == "now":
        return dt.datetime.now().time().replace(second=0, microsecond=0)
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        try:
            return dt.time.fromisoformat(value)
        except ValueError:
            pass
    raise APIError(f"time_input {label!r}: value {value!r} is not a time.")


def seconds(t: dt.time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


@TIME_INPUT.function
def time_input(
    label: str, value: dt.time | dt.datetime | str | Literal["now"] | None = "now",
    key: str | int | None = None, help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    disabled: bool = False, label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    step: int | dt.timedelta = dt.timedelta(minutes=15),
    width: int | Literal["stretch"] = "stretch", required: bool = False,
    format: Literal["12h", "24h"] | None = None,
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> dt.time | None:
    """A ``datetime.time`` (``None`` when ``value=None`` and nothing is entered)."""
    every = seconds_of("time_input", label, step)
    if format not in (None, "12h", "24h"):
        raise APIError(
            f"time_input {label!r}: format must be '12h', '24h' or None, not {format!r}."
        )
    start = _time(label, value)
    empty_allowed = value is None

    def decode(wire: Any) -> dt.time | None:
        if wire is None and empty_allowed and (not required or start is None):
            return None
        t = parse_time(wire)
        if not on_step(seconds(t), every):
            raise ValueError(f"{wire} is not on a step of {every} seconds")
        return t

    def encode(v: Any) -> str | None:
        return None if v is None else iso_time(v)

    if start is not None and value == "now":  # "now" rounds down to the step, as in Streamlit
        s = seconds(start) // every * every
        start = dt.time(s // 3600, s // 60 % 60, s % 60)
    if start is not None:
        start = start.replace(microsecond=0, tzinfo=None)
    try:
        start = decode(encode(start))
    except ValueError as exc:
        raise APIError(f"time_input {label!r}: the value {exc}") from None
    result: dt.time | None = show(
        TIME_INPUT, label, key=key, identity=(encode(start) if value != "now" else "now", every),
        default=start, decode=decode, encode=encode, help=help, disabled=disabled,
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs,
        bind=bind, persist_state=persist_state,
        extra={"step": every, "required": _params.flag("time_input", "required", required),
               "width": _params.width(f"time_input {label!r}", width, content=False),
               "format": format},
    )
    return result

__all__ = ["TIME_INPUT", "time_input"]
