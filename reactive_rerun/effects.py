"""``rr.toast``, ``rr.balloons``, ``rr.snow``: messages and animations over the page, not
elements in its flow (a reconnecting page that missed them does not show them again)."""

from __future__ import annotations

from typing import Literal

from . import protocol
from ._text import render_markdown
from .context import current_run
from .element import ui
from .errors import APIError

_DURATIONS = {"short": 4.0, "long": 10.0, "infinite": None}


def _seconds(duration: object) -> float | None:
    if isinstance(duration, str) and duration in _DURATIONS:
        return _DURATIONS[duration]
    if isinstance(duration, int) and not isinstance(duration, bool) and duration > 0:
        return float(duration)
    raise APIError(
        f"toast duration must be 'short', 'long', 'infinite' or a positive int of seconds, "
        f"not {duration!r}"
    )


@ui
def toast(
    body: str,
    *,
    icon: str | None = None,
    duration: Literal["short", "long", "infinite"] | int = "short",
) -> None:
    """A short message in the corner of the page (Markdown; raw HTML escaped).

    ``icon``: an emoji or short text before it. ``duration``: ``"short"`` (4 s), ``"long"``
    (10 s), ``"infinite"`` (until dismissed) or seconds.
    """
    run = current_run()
    if icon is not None and not isinstance(icon, str):
        raise APIError(f"toast icon must be a string (an emoji), not {icon!r}")
    shown_icon = None if icon is None else (icon if icon.startswith(":material/") else icon[:8])
    run.host.emit(protocol.op_toast(render_markdown(str(body)), shown_icon, _seconds(duration)))


@ui
def balloons() -> None:
    """Balloons float up the page for a moment (not shown when the user prefers less motion)."""
    current_run().host.emit(protocol.op_effect("balloons"))


@ui
def snow() -> None:
    """Snowflakes fall down the page for a moment (not shown when the user prefers less
    motion)."""
    current_run().host.emit(protocol.op_effect("snow"))


__all__ = ["balloons", "snow", "toast"]
