"""``rr.progress``: a progress bar, updated in place through the element it returns."""

from __future__ import annotations

from typing import Any

from ..context import current_run
from ..element import Element, draw
from ..errors import APIError
from ..threads import run_ui

PROGRESS = Element("progress", ("value", "text"), doc="`value` (0-100), `text` (a caption)")


def _percent(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise APIError(f"progress value must be an int 0-100 or a float 0.0-1.0, not {value!r}")
    if isinstance(value, int):
        if not 0 <= value <= 100:
            raise APIError(f"progress value {value} is out of range: an int must be 0-100")
        return value
    if not 0.0 <= value <= 1.0:
        raise APIError(f"progress value {value} is out of range: a float must be 0.0-1.0")
    return round(value * 100)


def _fields(value: object, text: object) -> dict[str, Any]:
    return {"value": _percent(value), "text": None if text is None else str(text)}


class Progress:
    """What ``rr.progress`` returns: ``bar.progress(50, text=...)`` redraws it in place;
    ``bar.empty()`` removes it."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def progress(self, value: int | float, text: str | None = None) -> Progress:
        fields = _fields(value, text)
        run_ui(self._draw, fields)
        return self

    def _draw(self, fields: dict[str, Any]) -> None:
        run = current_run()
        run.host.draw(run, self.path, PROGRESS.props(fields))

    def empty(self) -> None:
        run_ui(self._clear)

    def _clear(self) -> None:
        run = current_run()
        run.host.clear(run, self.path)

    def __repr__(self) -> str:
        return f"Progress({self.path!r})"


@PROGRESS.function
def progress(value: int | float, text: str | None = None, width: object = "stretch") -> Progress:
    """A progress bar: ``value`` an int 0-100 or a float 0.0-1.0; ``text`` a caption above it.

    ``width`` is accepted; the bar always takes the container's width.
    """
    return Progress(draw(PROGRESS.props(_fields(value, text))))

__all__ = ["PROGRESS", "Progress", "progress"]
