"""``rr.datetime_input``: a date and a time of day, picked in one field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show
from ._temporal import check_format, iso_datetime, on_step, parse_datetime, seconds_of, within


def _read(props: dict[str, Any]) -> dt.datetime | None:
    return None if props["value"] is None else dt.datetime.fromisoformat(props["value"])


def _enter(props: dict[str, Any], value: Any) -> str | None:
    return None if value is None else iso_datetime(value)


DATETIME_INPUT = Element(
    "datetime_input", (*WIDGET_FIELDS, "value", "min", "max", "step", "format", "required",
                         "width"),
    doc="`value` (`YYYY-MM-DDTHH:MM[:SS]` or `null`), `min`, `max` (same form), `step` "
    "(seconds), `format` (date order)",
    value_field="value", read=_read, enter=_enter,
)


def _datetime(label: str, what: str, value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if value == "now":
        return dt.datetime.now().replace(second=0, microsecond=0)
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, dt.time):
        return dt.datetime.combine(dt.date.today(), value.replace(microsecond=0, tzinfo=None))
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value).replace(microsecond=0, tzinfo=None)
        except ValueError:
            pass
    raise APIError(f"datetime_input {label!r}: {what} {value!r} is not a date and time.")


DateTimeValue = dt.datetime | dt.date | dt.time | str | None


@DATETIME_INPUT.function
def datetime_input(
    label: str, value: DateTimeValue | Literal["now"] = "now",
    min_value: DateTimeValue = None, max_value: DateTimeValue = None, *,
    key: str | int | None = None, help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None,
    format: str = "YYYY/MM/DD", step: int | dt.timedelta = dt.timedelta(minutes=15),
    disabled: bool = False, label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["stretch"] = "stretch", required: bool = False,
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> dt.datetime | None:
    """A naive ``datetime.datetime`` (``None`` when ``value=None`` and nothing is entered)."""
    check_format("datetime_input", label, format)
    every = seconds_of("datetime_input", label, step)
    start = _datetime(label, "value", value)
    if start is not None and value == "now":
        s = (start.hour * 3600 + start.minute * 60) // every * every
        start = dt.datetime.combine(start.date(), dt.time(s // 3600, s // 60 % 60, s % 60))
    anchor = start or dt.datetime.now().replace(second=0, microsecond=0)
    anchor = anchor.replace(day=min(anchor.day, 28))
    low = _datetime(label, "min_value", min_value) or anchor.replace(year=anchor.year - 10)
    high = _datetime(label, "max_value", max_value) or anchor.replace(year=anchor.year + 10)
    if low > high:
        raise APIError(f"datetime_input {label!r}: min_value {low} is after max_value {high}.")
    bound = within(low, high)
    empty_allowed = value is None

    def decode(wire: Any) -> dt.datetime | None:
        if wire is None and empty_allowed and (not required or start is None):
            return None
        t: dt.datetime = bound(parse_datetime(wire))
        if not on_step(t.hour * 3600 + t.minute * 60 + t.second, every):
            raise ValueError(f"{wire} is not on a step of {every} seconds")
        return t

    def encode(v: Any) -> str | None:
        return None if v is None else iso_datetime(v)

    try:
        start = decode(encode(start))
    except ValueError as exc:
        raise APIError(f"datetime_input {label!r}: the value {exc}") from None
    result: dt.datetime | None = show(
        DATETIME_INPUT, label, key=key,
        identity=(encode(start) if value != "now" else "now", repr(min_value), repr(max_value),
                  every),
        default=start, decode=decode, encode=encode, help=help, disabled=disabled,
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs,
        bind=bind, persist_state=persist_state,
        extra={"min": iso_datetime(low), "max": iso_datetime(high), "step": every,
               "format": format,
               "required": _params.flag("datetime_input", "required", required),
               "width": _params.width(f"datetime_input {label!r}", width, content=False)},
    )
    return result

__all__ = ["DATETIME_INPUT", "datetime_input"]
