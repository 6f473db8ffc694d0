"""``LazyEvent``: an ``asyncio.Event`` that costs nothing while nobody waits.

A session holds a few of these for its whole life; ``asyncio.Event`` allocates a waiter deque
up front (about 760 bytes each), which thousands of idle sessions feel.
"""

from __future__ import annotations

import asyncio


class LazyEvent:
    __slots__ = ("_set", "_waiters")

    def __init__(self) -> None:
        self._set = False
        self._waiters: list[asyncio.Future[None]] | None = None

    def is_set(self) -> bool:
        return self._set

    def set(self) -> None:
        self._set = True
        waiters, self._waiters = self._waiters, None
        for waiter in waiters or ():
            if not waiter.done():
                waiter.set_result(None)

    def clear(self) -> None:
        self._set = False

    async def wait(self) -> None:
        if self._set:
            return
        waiter = asyncio.get_running_loop().create_future()
        if self._waiters is None:
            self._waiters = []
        self._waiters.append(waiter)
        try:
            await waiter
        finally:
            if self._waiters is not None and waiter in self._waiters:
                self._waiters.remove(waiter)
                if not self._waiters:
                    self._waiters = None

__all__ = ["LazyEvent"]
