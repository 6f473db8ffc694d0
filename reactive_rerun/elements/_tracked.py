"""Containers whose state is a widget value: an expander's open state, the selected tab.

Streamlit 1.67 tracks it when ``on_change`` is ``"rerun"`` or a callable: the browser then
sends each change like a widget's (``set``), it is in ``session_state[key]``, and the run sees it
through the container's ``.open``. With ``on_change="ignore"`` (the default) nothing is sent
and ``.open`` is ``None``, as in Streamlit.
"""

from __future__ import annotations

from typing import Any

from ..bindings import Callback
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
    """(tracked, callback) for ``on_change``: ``"ignore"``, ``"rerun"`` or a callable."""
    if on_change is None or on_change == "ignore":
        return False, None
    if on_change == "rerun":
        return True, None
    if callable(on_change):
        return True, on_change
    raise APIError(f"{where}: on_change must be 'ignore', 'rerun' or a callable, not "
                   f"{on_change!r}.")


__all__ = ["TrackedContainer", "on_change_mode"]
