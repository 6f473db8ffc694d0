"""``rr.spinner``: a spinner shown while a block of the script runs."""

from __future__ import annotations

from types import TracebackType
from typing import Literal

from .. import _params
from ..context import current_block, current_run, maybe_run
from ..element import Element, commit, place
from ..threads import run_ui
from .empty import EMPTY

SPINNER = Element(
    "spinner", ("text", "show_time", "width"),
    doc="`text`, beside a spinning ring; `show_time`: the seconds elapsed after it; `width`",
)


class Spinner:
    """``with`` / ``async with rr.spinner("..."):``: the spinner shows while the block runs.

    It takes its place in the container current when ``rr.spinner`` was called, so
    ``col.spinner(...)`` spins inside ``col``.
    """

    __slots__ = ("_block", "_show_time", "_slot", "_text", "_width")

    def __init__(self, text: str, *, show_time: bool = False, width: str | int = "content") -> None:
        current_run()
        self._text = text
        self._show_time = show_time
        self._width = width
        self._block = current_block()
        self._slot: str | None = None

    def _open(self) -> None:
        run = current_run()
        self._slot = slot = place(run, self._block)
        commit(run, slot, EMPTY.props({}))
        commit(run, slot + ".0", SPINNER.props({
            "text": self._text, "show_time": self._show_time, "width": self._width,
        }))

    def _close(self) -> None:
        run = maybe_run()
        if run is not None and self._slot is not None and not (run.stopping or run.detached):
            run.host.clear(run, self._slot + ".0")

    def __enter__(self) -> None:
        run_ui(self._open)

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        run_ui(self._close)

    async def __aenter__(self) -> None:
        self._open()

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._close()


@SPINNER.function
def spinner(
    text: str = "Running...", *, show_time: bool = False, _cache: bool = False,
    width: Literal["content", "stretch"] | int = "content",
) -> Spinner:
    """Show a spinner while the ``with`` (or ``async with``) block runs; then it disappears.

    ``show_time=True`` shows the seconds elapsed beside the text (counted in the browser).
    ``_cache`` is Streamlit's internal flag (its cache's own spinner); it changes nothing here.
    """
    return Spinner(text, show_time=show_time, width=_params.width("spinner", width))

__all__ = ["SPINNER", "Spinner", "spinner"]
