"""Small helpers shared by the test modules."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from reactive_rerun.testing import AppTest


async def until(predicate: Callable[[], bool], within: float = 2.0) -> None:
    """Let the loop run until ``predicate()`` holds (fails the test after ``within`` s)."""
    async with asyncio.timeout(within):
        while not predicate():  # noqa: ASYNC110 - polling state the app does not signal
            await asyncio.sleep(0.001)


def ops_of(at: AppTest, since: int = 0, op: str | None = None) -> list[dict[str, Any]]:
    """The ops the page received after op number ``since`` (optionally of one kind)."""
    return [o for o in at.page.ops[since:] if op is None or o["op"] == op]


def drawn(at: AppTest, since: int = 0, kind: str | None = None) -> list[dict[str, Any]]:
    """The elements sent (``el`` ops) after op number ``since``, optionally of one kind."""
    return [
        o["e"] for o in ops_of(at, since, "el") if kind is None or o["e"]["k"] == kind
    ]


def receive(at: AppTest, message: dict[str, Any]) -> None:
    """Deliver a client message to the session without yielding to the loop."""
    assert at.session is not None
    at.session.receive(message)  # type: ignore[arg-type]
