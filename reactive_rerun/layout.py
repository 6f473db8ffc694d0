"""``Container``: a block of the page, usable as ``with c:`` and as ``c.header(...)``.

Every public UI function is a container method: ``c.metric(...)`` runs ``rr.metric(...)``
with ``c`` as the current block. The functions come from the element registry, so a new
kind is a container method without touching this class.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from types import TracebackType
from typing import Any

from .context import current_block, current_run, pop_block, push_block
from .element import FUNCTIONS, Element, commit, place


class Container:
    """A block of the page. Writing into it later still puts elements inside it."""

    __slots__ = ("_path",)

    def __init__(self, path: str) -> None:
        self._path = path

    @property
    def path(self) -> str:
        return self._path

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._path!r})"

    def __enter__(self) -> Container:
        current_run()
        push_block(self._path)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        pop_block()
        if exc is not None and isinstance(exc, Exception) and not hasattr(exc, "_rr_block"):
            try:
                exc._rr_block = self._path  # type: ignore[attr-defined]
            except AttributeError:
                pass

    async def __aenter__(self) -> Container:
        return self.__enter__()

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.__exit__(kind, exc, tb)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        fn = FUNCTIONS.get(name)
        if fn is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return _bind(self, fn)

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *FUNCTIONS})


def _bind(container: Container, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``c.fn(...)``: the call happens with ``c`` as the current block (an async UI function
    takes its place when called, so awaiting it later still draws inside ``c``)."""

    @functools.wraps(fn)
    def bound(*args: Any, **kwargs: Any) -> Any:
        with container:
            return fn(*args, **kwargs)

    return bound


def open_block(kind: Element, parent: str | None = None, **fields: Any) -> Container:
    """Draw a block of ``kind`` in ``parent`` (default: the current block); return it."""
    run = current_run()
    path = place(run, parent or current_block())
    commit(run, path, kind.props(fields))
    return Container(path)


sidebar = Container("s")

__all__ = ["Container", "open_block", "sidebar"]
