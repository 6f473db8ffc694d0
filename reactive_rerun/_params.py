"""Streamlit's layout and decoration parameters, checked once for every kind that takes them.

Each returns the value as sent to the browser (``static/render.js`` applies ``width``,
``text_alignment`` and ``wrap`` the same way for every kind), or raises an ``APIError`` that
names the function and the bad value: a wrong value is never silently ignored.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import APIError

SIZES = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
ALIGNMENTS = ("left", "center", "right", "justify")
DIVIDER_COLORS = ("blue", "green", "orange", "red", "violet", "yellow", "gray", "rainbow")
_MATERIAL = re.compile(r":material/([a-z0-9_]+):")


def _bad(where: str, name: str, value: Any, want: str) -> APIError:
    return APIError(f"{where}: {name} must be {want}, not {value!r}.")


def width(where: str, value: Any, *, content: bool = True, auto: bool = False) -> str | int:
    """``"stretch"``, ``"content"`` (where the kind has a content width) or pixels."""
    names = ("stretch", *(("content",) if content else ()), *(("auto",) if auto else ()))
    if value in names:
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise _bad(where, "width", value, " or ".join(repr(n) for n in names) + " or pixels (int > 0)")


def height(where: str, value: Any, *, content: bool = True) -> str | int:
    """``"content"`` (where allowed), ``"stretch"`` or pixels (a fixed height scrolls)."""
    names = (*(("content",) if content else ()), "stretch")
    if value in names:
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise _bad(where, "height", value, " or ".join(repr(n) for n in names) + " or pixels (int > 0)")


def alignment(where: str, value: Any) -> str:
    if value not in ALIGNMENTS:
        raise _bad(where, "text_alignment", value, "one of " + ", ".join(ALIGNMENTS))
    return str(value)


def gap(where: str, value: Any) -> str | int | None:
    """A named gap, pixels, or ``None`` (no gap)."""
    if value is None or value in SIZES:
        return value  # type: ignore[no-any-return]
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise _bad(where, "gap", value, "one of " + ", ".join(SIZES) + ", pixels or None")


def flag(where: str, name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _bad(where, name, value, "True or False")
    return value


def wrap(where: str, value: Any) -> bool:
    """``wrap``: ``None`` (the kind's default) and ``True`` wrap; ``False`` keeps one line."""
    return True if value is None else flag(where, "wrap", value)


def icon(where: str, value: Any) -> str | None:
    """An icon as the client draws it (static/icons.js): an emoji as given, ``:material/name:``
    kept whole (drawn as an SVG from the built-in subset of Material Symbols)."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _bad(where, "icon", value, "an emoji or ':material/icon_name:'")
    if _MATERIAL.fullmatch(value) is not None:
        return value
    if value.startswith(":material/") or len(value) > 8:
        raise _bad(where, "icon", value, "a single emoji or ':material/icon_name:'")
    return value


def text(where: str, name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _bad(where, name, value, "a string")
    return value


def bind(where: str, value: Any) -> None:
    """``bind`` and ``persist_state`` are taken but not offered: a value asking for them fails
    loudly rather than being ignored (docs/parameters.md)."""
    if value is not None:
        raise APIError(
            f"{where}: bind={value!r} (keeping a widget's value in the URL) is not offered yet; "
            "leave it None."
        )


def persist(where: str, value: Any) -> None:
    if value is not None:
        raise APIError(
            f"{where}: persist_state={value!r} (keeping a widget's value across pages or "
            "sessions) is not offered yet; leave it None."
        )


def shortcut(where: str, value: Any) -> str | None:
    """A keyboard shortcut like ``"Ctrl+K"`` or ``"Enter"``, normalised to lower case."""
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"([A-Za-z]+\+)*[A-Za-z0-9]+", value):
        raise _bad(where, "shortcut", value, "keys joined by '+', like 'Ctrl+K' or 'Enter'")
    return value.lower()


__all__ = [
    "ALIGNMENTS", "DIVIDER_COLORS", "SIZES", "alignment", "bind", "flag", "gap",
    "height", "icon", "persist", "shortcut", "text", "width", "wrap",
]
