"""What ``date_input``, ``time_input`` and ``datetime_input`` share: ISO strings on the wire.

A date travels as ``"YYYY-MM-DD"``, a time as ``"HH:MM"`` or ``"HH:MM:SS"``, a date and time as
``"YYYY-MM-DDTHH:MM[:SS]"`` (what the browser's native date and time fields read and write). A
value from the client must parse, lie within the widget's bounds and, for times, fall on its
``step``; anything else is refused before the value changes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from ..errors import APIError

DATETIME = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?"
DATE_FORMAT = re.compile(r"^(YYYY([/.-])MM\2DD|DD([/.-])MM\3YYYY|MM([/.-])DD\4YYYY)$")


def check_format(kind: str, label: str, format: str) -> str:
    if not isinstance(format, str) or not DATE_FORMAT.match(format):
        raise APIError(
            f"{kind} {label!r}: format {format!r} is not supported; use YYYY, MM and DD in some "
            'order (YYYY/MM/DD, DD/MM/YYYY or MM/DD/YYYY) separated by "/", "-" or ".".'
        )
    return format


def seconds_of(kind: str, label: str, step: int | dt.timedelta) -> int:
    """A time step in whole seconds, from 60 s to 23 h as Streamlit allows."""
    seconds = step.total_seconds() if isinstance(step, dt.timedelta) else step
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds != int(seconds):
        raise APIError(f"{kind} {label!r}: step must be whole seconds or a timedelta: {step!r}.")
    if not 60 <= seconds <= 23 * 3600:
        raise APIError(f"{kind} {label!r}: step must be between 60 seconds and 23 hours.")
    return int(seconds)


def parse_date(value: Any) -> dt.date:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
    return dt.date.fromisoformat(value)


def parse_time(value: Any) -> dt.time:
    if not isinstance(value, str) or not re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value):
        raise ValueError(f"expected a time as HH:MM or HH:MM:SS, got {value!r}")
    return dt.time.fromisoformat(value)


def parse_datetime(value: Any) -> dt.datetime:
    if not isinstance(value, str) or not re.fullmatch(DATETIME, value):
        raise ValueError(f"expected a date and time as YYYY-MM-DDTHH:MM[:SS], got {value!r}")
    return dt.datetime.fromisoformat(value)


def iso_time(t: dt.time) -> str:
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")


def iso_datetime(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S" if t.second else "%Y-%m-%dT%H:%M")


def on_step(seconds: int, step: int) -> bool:
    return seconds % step == 0


def within(low: Any, high: Any) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if low is not None and value < low:
            raise ValueError(f"{value.isoformat()} is before the minimum {low.isoformat()}")
        if high is not None and value > high:
            raise ValueError(f"{value.isoformat()} is after the maximum {high.isoformat()}")
        return value

    return check


__all__ = [
    "check_format", "iso_datetime", "iso_time", "on_step", "parse_date", "parse_datetime",
    "parse_time", "seconds_of", "within",
]
