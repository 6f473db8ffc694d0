"""``rr.date_input``: a date, or a range of dates, picked in the browser's date field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show
from ._temporal import check_format, parse_date, within

DateLike = dt.date | dt.datetime | str
DateValue = DateLike | Literal["today"] | Sequence[DateLike] | None


def _read(props: dict[str, Any]) -> Any:
    value = props["value"]
    if isinstance(value, list):
        return tuple(dt.date.fromisoformat(v) for v in value)
    return None if value is None else dt.date.fromisoformat(value)


def _enter(props: dict[str, Any], value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [v.isoformat() for v in value]
    return None if value is None else value.isoformat()


DATE_INPUT = Element(
    "date_input", (*WIDGET_FIELDS, "value", "min", "max", "format", "range", "required",
                     "width"),
    doc="`value` (`YYYY-MM-DD`, `null`, or a list of two for a range), `min`, `max` "
    "(`YYYY-MM-DD`), `format` (display order), `range` (bool)",
    value_field="value", read=_read, enter=_enter,
)


def _date(label: str, what: str, value: Any, today: dt.date) -> dt.date | None:
    if value is None:
        return None
    if value == "today":
        return today
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise APIError(f"date_input {label!r}: {what} {value!r} is not a date.")


def _years(d: dt.date, n: int) -> dt.date:
    return d.replace(year=d.year + n, day=min(d.day, 28) if (d.month, d.day) == (2, 29) else d.day)


@DATE_INPUT.function
def date_input(
    label: str, value: DateValue = "today", min_value: DateLike | None = None,
    max_value: DateLike | None = None, key: str | int | None = None, help: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, format: str = "YYYY/MM/DD", disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["stretch"] = "stretch", required: bool = False,
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> Any:
    """A date (``datetime.date``), ``None`` when ``value=None`` and nothing is picked, or a
    ``(start, end)`` tuple when ``value`` is a list or tuple."""
    today = dt.date.today()
    check_format("date_input", label, format)
    is_range = isinstance(value, list | tuple)
    parts = [_date(label, "value", v, today) for v in value] if is_range else []  # type: ignore[union-attr]
    if is_range and (len(parts) > 2 or None in parts):
        raise APIError(f"date_input {label!r}: a range value is a list of at most two dates.")
    single = None if is_range else _date(label, "value", value, today)
    anchor = (parts[0] if parts else single) or today
    low = _date(label, "min_value", min_value, today) or _years(anchor, -10)
    high = _date(label, "max_value", max_value, today) or _years(anchor, 10)
    if low > high:
        raise APIError(f"date_input {label!r}: min_value {low} is after max_value {high}.")
    bound = within(low, high)
    empty_allowed = value is None
    default: Any = tuple(p for p in parts if p is not None) if is_range else single

    def decode(wire: Any) -> Any:
        if not is_range:
            if wire is None and empty_allowed and (not required or default is None):
                return None
            return bound(parse_date(wire))
        if not isinstance(wire, list) or len(wire) > 2:
            raise ValueError("expected a list of at most two dates")
        if required and not wire and default:
            raise ValueError("a date is required")
        dates = tuple(bound(parse_date(w)) for w in wire)
        if len(dates) == 2 and dates[0] > dates[1]:
            raise ValueError(f"the range's start {dates[0]} is after its end {dates[1]}")
        return dates

    def encode(v: Any) -> Any:
        if is_range:
            return [d.isoformat() for d in v]
        return None if v is None else v.isoformat()

    try:
        default = decode(encode(default))
    except ValueError as exc:
        raise APIError(f"date_input {label!r}: the value {exc}") from None
    return show(
        DATE_INPUT, label, key=key, identity=(encode(default), low, high, is_range),
        default=default, decode=decode, encode=encode, help=help, disabled=disabled,
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs,
        bind=bind, persist_state=persist_state,
        extra={"min": low.isoformat(), "max": high.isoformat(), "format": format,
               "range": is_range, "required": _params.flag("date_input", "required", required),
               "width": _params.width(f"date_input {label!r}", width, content=False)},
    )

__all__ = ["DATE_INPUT", "date_input"]
