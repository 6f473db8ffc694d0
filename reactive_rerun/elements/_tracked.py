"""Containers whose state is a widget value: an expander's open state, the selected tab.

Streamlit 1.67 tracks it when ``on_change`` is ``"rerun"`` or a callable: the browser then
sends each change like a widget's (``set``), it is in ``session_state[key]``, and the run sees it
through the container's ``.open``. With ``on_change="ignore"`` (the default) nothing is sent
and ``.open`` is ``None``, as in Streamlit.
"""

from __future__ import annotations

from typing import Any

from ..bindings import Callback
from ..context import current_block, current_run
from ..element import form_of
from ..errors import APIError
from ..layout import Container


class TrackedContainer(Container):
    """A container with ``.open``: True/False when its state is tracked, else None."""

    __slots__ = ("_open",)

    def __init__(self, path: str, open: bool | None) -> None:
        super().__init__(path)
        self._open = open

    @property
    def open(self) -> bool | None:
        return self._open


def on_change_mode(where: str, on_change: Any) -> tuple[bool, Callback | None]:
    """(tracked, callback) for ``on_change``: ``"ignore"``, ``"rerun"`` or a callable.

    Inside a form a tracked state is refused: a form's values are sent on submit only, so the
    open state could not rerun anything (an error says so, rather than a state that never
    arrives)."""
    if on_change is None or on_change == "ignore":
        return False, None
    if not (on_change == "rerun" or callable(on_change)):
        raise APIError(f"{where}: on_change must be 'ignore', 'rerun' or a callable, not "
                       f"{on_change!r}.")
    run = current_run()
    if form_of(run, f"{current_block()}.0") is not None:
        raise APIError(f"{where}: on_change can't be used inside an rr.form() (its values are "
                       "sent on submit); use on_change='ignore' or move it out of the form.")
    return True, None if on_change == "rerun" else on_change


__all__ = ["TrackedContainer", "on_change_mode"]
