"""``rr.bottom``: a container pinned to the bottom of the page (a chat box, a toolbar)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..context import current_run, push_block
from ..element import Element, commit, place
from ..layout import Container

BOTTOM = Element(
    "bottom", (), doc="a block pinned to the bottom of the page, above the page's end; no fields",
    block=True,
)


class BottomContainer(Container):
    """``with rr.bottom:`` / ``rr.bottom.chat_input(...)``: draws into a block pinned to the
    bottom of the page. The block is made by the first write of each run, in the main area."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__("m")

    @property
    def path(self) -> str:
        run = current_run()
        if run.bottom is None or run.bottom not in run.drawn:
            run.bottom = place(run, "m")
            commit(run, run.bottom, BOTTOM.props({}))
        return run.bottom

    def __repr__(self) -> str:
        return "rr.bottom"

    def __enter__(self) -> Container:
        push_block(self.path)
        return self

    def __getattr__(self, name: str) -> Callable[..., Any]:
        bound: Callable[..., Any] = getattr(Container(self.path), name)
        return bound


bottom = BottomContainer()

__all__ = ["BOTTOM", "BottomContainer", "bottom"]
