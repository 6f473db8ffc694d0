"""Parameters the choice and number widgets share: display ``format``, ``width``, ``icon``,
``filter_mode``, and the accepted-without-effect ``bind`` / ``persist_state``.

Each is checked here, when the script calls the widget, so a typo is an ``APIError`` at the line
that made it rather than a field the browser shows wrongly.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import APIError

# printf style, as sprintf.js (which Streamlit uses) reads it: one number conversion, any text
# around it, "%%" for a literal percent sign.
_FORMAT = re.compile(r"(?:[^%]|%%)*%[-+ 0,#']*\d*(?:\.\d+)?[diufFeEgGxXo](?:[^%]|%%)*")
NAMED_FORMATS = ("plain", "localized", "percent", "dollar", "euro", "yen", "compact",
                 "scientific", "engineering", "accounting", "bytes")
FILTER_MODES = ("fuzzy", "contains", "prefix")
_MATERIAL = re.compile(r":material/[a-z0-9_]+:")


def number_format(kind: str, label: str, fmt: str | None, *, named: bool) -> str | None:
    """A ``format`` the client can apply (``named``: slider's predefined names are allowed)."""
    if fmt is None:
        return None
    if not isinstance(fmt, str):
        raise APIError(f"{kind} {label!r}: format must be a string, not {type(fmt).__name__}.")
    if named and fmt in NAMED_FORMATS:
        return fmt
    if not _FORMAT.fullmatch(fmt):
        names = f", or one of {', '.join(NAMED_FORMATS)}" if named else ""
        raise APIError(
            f"{kind} {label!r}: format {fmt!r} is not a printf-style number format: it needs "
            f"exactly one of %d, %i, %u, %f, %e, %g, %x, %o (e.g. \"%d\", \"%.2f\", \"$%.2f\", "
            f"\"%0.1f%%\"){names}."
        )
    return fmt


def width_px(kind: str, label: str, width: Any) -> int | None:
    """``"stretch"`` (``None`` on the wire: fill the container) or a width in pixels."""
    if width == "stretch":
        return None
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return width
    raise APIError(f"{kind} {label!r}: width must be 'stretch' or a positive number of pixels, "
                   f"not {width!r}.")


def icon_text(kind: str, label: str, icon: str | None) -> str | None:
    """An emoji (or ``"spinner"``) to show in the field; Material Symbols are checked but not
    shown (no icon font is bundled), see docs/parameters.md."""
    if icon is None:
        return None
    if not isinstance(icon, str) or not icon.strip():
        raise APIError(f"{kind} {label!r}: icon must be an emoji, ':material/name:' or 'spinner'.")
    if icon.startswith(":material"):
        if not _MATERIAL.fullmatch(icon):
            raise APIError(f"{kind} {label!r}: {icon!r} is not a Material Symbol name "
                           "like ':material/thumb_up:'.")
        return None
    if icon != "spinner" and len(icon) > 8:
        raise APIError(f"{kind} {label!r}: icon must be one emoji, not {icon!r}.")
    return icon


def filter_mode(kind: str, label: str, mode: Any, accept_new_options: bool) -> str | None:
    if mode is not None and mode not in FILTER_MODES:
        raise APIError(f"{kind} {label!r}: filter_mode must be one of {', '.join(FILTER_MODES)} "
                       f"or None, not {mode!r}.")
    if mode is None and accept_new_options:
        raise APIError(f"{kind} {label!r}: filter_mode=None (no typing) cannot be combined with "
                       "accept_new_options=True.")
    return mode  # type: ignore[no-any-return]


def binding(kind: str, label: str, bind: Any, persist_state: Any, key: str | int | None) -> None:
    """``bind`` and ``persist_state`` are checked as Streamlit checks them; neither has an effect
    yet (docs/parameters.md)."""
    if bind not in (None, "query-params"):
        raise APIError(f"{kind} {label!r}: bind must be 'query-params' or None, not {bind!r}.")
    if persist_state not in (None, "page", "session"):
        raise APIError(f"{kind} {label!r}: persist_state must be 'page', 'session' or None, "
                       f"not {persist_state!r}.")
    if (bind is not None or persist_state is not None) and key is None:
        raise APIError(f"{kind} {label!r}: bind and persist_state need a `key`.")

__all__ = ["FILTER_MODES", "NAMED_FORMATS", "binding", "filter_mode", "icon_text",
           "number_format", "width_px"]
