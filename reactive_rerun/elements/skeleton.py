"""``rr.skeleton``: a loading placeholder that the next write replaces."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any, Literal

from .. import _params
from ..context import maybe_run
from ..element import Element
from ..layout import Container, open_block
from ..threads import run_ui
from .empty import EMPTY

SKELETON = Element(
    "skeleton", ("height", "width"),
    doc="a shimmering grey box; `height` (px, `stretch` or null: a line's height), `width`",
)


class SkeletonPlaceholder(Container):
    """Shows a skeleton until something is written to it (``ph.write(...)``, ``ph.dataframe``).

    As ``with rr.skeleton():`` it shows while the block runs and is removed at its end (what
    the block writes goes where it would without the ``with``, as with ``rr.spinner``).
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Callable[..., Any]:
        bound: Callable[..., Any] = getattr(Container(self.path), name)
        return bound

    def __enter__(self) -> SkeletonPlaceholder:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        run_ui(self._clear)

    async def __aenter__(self) -> SkeletonPlaceholder:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._clear()

    def _clear(self) -> None:
        run = maybe_run()
        if run is not None and not (run.stopping or run.detached):
            run.host.clear(run, self.path + ".0")


@SKELETON.function
def skeleton(
    height: Literal["stretch"] | int | None = None, *, width: Literal["stretch"] | int = "stretch",
) -> SkeletonPlaceholder:
    """A grey, shimmering box where content will be: write to it to replace it."""
    shown = None if height is None else _params.height("skeleton", height, content=False)
    block = open_block(EMPTY)
    SKELETON.draw(block.path, height=shown, width=_params.width("skeleton", width, content=False))
    return SkeletonPlaceholder(block.path)


__all__ = ["SKELETON", "SkeletonPlaceholder", "skeleton"]
