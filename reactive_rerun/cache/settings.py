"""What a cache decorator was told: its settings, and the helpers that read and check them."""

from __future__ import annotations

import asyncio
import copy as _copy
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal

from ..errors import APIError
from .hashing import HashFuncs
from .store import Kind

logger = logging.getLogger("reactive_rerun")

Scope = Literal["global", "session"]
TTL = float | int | timedelta | str | None


@dataclass(frozen=True)
class Settings:
    kind: Kind
    ttl: float | None
    max_entries: int | None
    max_size: int | None
    show_spinner: bool | str
    show_time: bool
    hash_funcs: HashFuncs | None
    scope: Scope
    copy: bool
    validate: Callable[[Any], bool] | None
    on_release: Callable[[Any], Any] | None
    persist: str | bool | None = None
    refresh_mode: str = "foreground"


# -- parameters --------------------------------------------------------------------------------

_UNITS = {
    "w": 604800.0, "week": 604800.0, "weeks": 604800.0,
    "d": 86400.0, "day": 86400.0, "days": 86400.0,
    "h": 3600.0, "hr": 3600.0, "hour": 3600.0, "hours": 3600.0,
    "m": 60.0, "min": 60.0, "minute": 60.0, "minutes": 60.0,
    "s": 1.0, "sec": 1.0, "second": 1.0, "seconds": 1.0,
    "ms": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
}
_PART = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]+)\s*")


def seconds(ttl: TTL) -> float | None:
    """``ttl`` as seconds: a number, a ``timedelta``, or a string like ``"1h30m"``/``"2 days"``."""
    if ttl is None:
        return None
    if isinstance(ttl, timedelta):
        value = ttl.total_seconds()
    elif isinstance(ttl, str):
        text, value, pos = ttl.strip().lower(), 0.0, 0
        while pos < len(text):
            match = _PART.match(text, pos)
            if match is None or match.group(2) not in _UNITS:
                raise APIError(
                    f"ttl={ttl!r} is not a duration: use seconds, a timedelta, or a string "
                    f"such as '30s', '10 minutes', '1h30m', '1.5 days'."
                )
            value += float(match.group(1)) * _UNITS[match.group(2)]
            pos = match.end()
    elif isinstance(ttl, (int, float)) and not isinstance(ttl, bool):
        value = float(ttl)
    else:
        raise APIError(f"ttl must be seconds, a timedelta, a string or None, not {ttl!r}")
    if not value >= 0 or value == float("inf"):
        raise APIError(f"ttl must be a finite duration of zero or more seconds, not {ttl!r}")
    return value


def _count(name: str, value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise APIError(f"{name} must be a positive integer or None, not {value!r}")
    return value


def _scope(scope: str) -> Scope:
    if scope == "global":
        return "global"
    if scope == "session":
        return "session"
    raise APIError(f'scope must be "global" or "session", not {scope!r}')


def _no_effect(name: str, value: Any, fn: Callable[..., Any]) -> None:
    logger.warning(
        "%s=%r on cached %s has no effect yet in reactive_rerun (see docs/caching.md)",
        name, value, getattr(fn, "__qualname__", fn),
    )


def _copy_of(value: Any) -> Any:
    """Each ``cache_data`` caller gets its own copy; immutable scalars need none."""
    if value is None or type(value) in _IMMUTABLE:
        return value
    return _copy.deepcopy(value)


_IMMUTABLE = frozenset({bool, int, float, complex, str, bytes, range, type(Ellipsis)})


def _retrieve(task: asyncio.Task[Any]) -> None:
    """Mark a failed computation's exception as seen (its waiters may all be gone)."""
    if not task.cancelled():
        task.exception()


__all__ = ["TTL", "Scope", "Settings", "seconds"]
