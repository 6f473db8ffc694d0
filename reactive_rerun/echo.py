"""``rr.echo``: show the code of a ``with`` block, then run it (or run it, then show it)."""

from __future__ import annotations

import linecache
import sys
import textwrap
from types import FrameType, TracebackType
from typing import Literal

from .context import current_block, current_run
from .errors import APIError


def _block_source(frame: FrameType) -> str:
    """The lines of the ``with`` block that starts at ``frame``'s current line."""
    lines = linecache.getlines(frame.f_code.co_filename, frame.f_globals)
    start = frame.f_lineno  # 1-based: the ``with rr.echo():`` line
    if not lines or start > len(lines):
        return ""
    head = lines[start - 1]
    indent = len(head) - len(head.lstrip())
    body: list[str] = []
    for line in lines[start:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    while body and not body[-1].strip():
        body.pop()
    return textwrap.dedent("".join(body)).rstrip("\n")


class Echo:
    """The context manager ``rr.echo()`` returns (``with`` or ``async with``)."""

    __slots__ = ("_block", "_code", "_where")

    def __init__(self, code: str, where: str) -> None:
        self._code, self._where = code, where
        self._block = current_block()

    def _show(self) -> None:
        from .layout import Container

        Container(self._block).code(self._code, "python")

    def __enter__(self) -> None:
        if self._where == "above":
            self._show()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._where == "below" and exc is None:
            self._show()

    async def __aenter__(self) -> None:
        self.__enter__()

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.__exit__(kind, exc, tb)


def echo(code_location: Literal["above", "below"] = "above") -> Echo:
    """``with rr.echo(): ...`` shows the block's code (above its output, or below) and runs it."""
    if code_location not in ("above", "below"):
        raise APIError(f"echo: code_location must be 'above' or 'below', not {code_location!r}.")
    current_run()
    frame = sys._getframe(1)
    return Echo(_block_source(frame), code_location)


__all__ = ["Echo", "echo"]
