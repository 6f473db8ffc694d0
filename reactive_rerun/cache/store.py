"""Where cached values live: one ``FunctionStore`` per cached function, LRU-ordered.

A store is shared by every session of the process (a ``scope="session"`` function keys its
entries by session too, and ``forget_session`` drops them when the session ends). Expired
entries are dropped by a timer (``loop.call_later`` per entry, on the event loop that stored
it), not only when next asked for, so a ``ttl`` frees memory in an idle app. Stores are
thread-safe: sync scripts and worker threads use them as well as the loop.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from .sizing import approx_size

logger = logging.getLogger("reactive_rerun")

Kind = Literal["data", "resource"]


class _Missing:
    """The answer of ``get`` when there is no live entry (``None`` is a value one may cache)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(slots=True, eq=False)
class Entry:
    value: Any
    size: int
    expires: float | None  # time.monotonic() deadline
    session: str | None  # the session a scope="session" entry belongs to
    timer: asyncio.TimerHandle | None = None


class FunctionStore:
    """The entries of one cached function, its computations in flight, and its counters."""

    def __init__(
        self,
        name: str,
        kind: Kind,
        *,
        ttl: float | None,
        max_entries: int | None,
        max_size: int | None = None,
        on_release: Callable[[Any], Any] | None = None,
    ) -> None:
        self.name = name
        self.kind = kind
        self.ttl = ttl
        self.max_entries = max_entries
        self.max_size = max_size
        self.on_release = on_release
        self.lock = threading.RLock()
        self.entries: OrderedDict[bytes, Entry] = OrderedDict()
        self.pending: dict[bytes, asyncio.Task[Any]] = {}  # one computation per key
        self.thread_locks: dict[bytes, threading.Lock] = {}  # the same, for worker threads
        self.generation = 0  # bumped by clear(): a computation begun before it is not stored
        self.bytes = 0
        self.hits = self.misses = self.computations = self.errors = 0
        self.evictions = self.expirations = 0
        self.loop: asyncio.AbstractEventLoop | None = None  # the loop that arms ttl timers
        self.sessions: dict[str, set[bytes]] = {}

    # -- reading -------------------------------------------------------------------------------

    def get(self, key: bytes) -> Any:
        """The live value for ``key`` (counted as a hit), or ``MISSING``."""
        expired: Entry | None = None
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return MISSING
            if entry.expires is not None and time.monotonic() >= entry.expires:
                expired = self._remove(key)
                self.expirations += 1
            else:
                self.entries.move_to_end(key)
                self.hits += 1
                return entry.value
        self._release([expired] if expired else [])
        return MISSING

    # -- writing -------------------------------------------------------------------------------

    def put(self, key: bytes, value: Any, session: str | None, generation: int) -> None:
        """Keep ``value``, unless the cache was cleared since its computation began."""
        size = approx_size(value)
        expires = None if self.ttl is None else time.monotonic() + self.ttl
        entry = Entry(value, size, expires, session)
        released: list[Entry] = []
        with self.lock:
            if generation != self.generation:
                return
            old = self._remove(key)
            if old is not None:
                released.append(old)
            self.entries[key] = entry
            self.bytes += size
            if session is not None:
                self.sessions.setdefault(session, set()).add(key)
            released.extend(self._evict())
        if self.ttl is not None and self.entries.get(key) is entry:
            self._schedule(key, entry)
        self._release(released)

    def discard(self, key: bytes) -> None:
        """Drop one entry (``f.clear(args)``, or a resource its ``validate`` refused)."""
        with self.lock:
            entry = self._remove(key)
        self._release([entry] if entry else [])

    def clear(self) -> None:
        """Drop every entry; computations in flight finish but are not stored."""
        with self.lock:
            self.generation += 1
            gone = [e for k in list(self.entries) if (e := self._remove(k)) is not None]
        self._release(gone)

    def drop_session(self, session: str) -> None:
        with self.lock:
            keys = self.sessions.pop(session, set())
            gone = [e for k in keys if (e := self._remove(k)) is not None]
        self._release(gone)

    def sweep(self) -> None:
        """Drop expired entries now (timers do it on the loop; this covers the rest)."""
        now = time.monotonic()
        with self.lock:
            dead = [k for k, e in self.entries.items() if (e.expires or now + 1) <= now]
            gone = [e for k in dead if (e := self._remove(k)) is not None]
            self.expirations += len(gone)
        self._release(gone)

    # -- statistics ----------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        self.sweep()
        with self.lock:
            return {
                "function": self.name, "kind": self.kind, "entries": len(self.entries),
                "bytes": self.bytes, "hits": self.hits, "misses": self.misses,
                "computations": self.computations, "errors": self.errors,
                "in_flight": len(self.pending), "evictions": self.evictions,
                "expirations": self.expirations,
            }

    # -- inside ----------------------------------------------------------------------------------

    def _remove(self, key: bytes) -> Entry | None:
        entry = self.entries.pop(key, None)
        if entry is None:
            return None
        self.bytes -= entry.size
        if entry.timer is not None:
            entry.timer.cancel()
            entry.timer = None
        if entry.session is not None:
            keys = self.sessions.get(entry.session)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self.sessions[entry.session]
        return entry

    def _evict(self) -> list[Entry]:
        """Least recently used first, until within ``max_entries`` and ``max_size``."""
        gone: list[Entry] = []
        while self.entries and (
            (self.max_entries is not None and len(self.entries) > self.max_entries)
            or (self.max_size is not None and self.bytes > self.max_size and len(self.entries) > 1)
        ):
            entry = self._remove(next(iter(self.entries)))
            if entry is not None:
                gone.append(entry)
                self.evictions += 1
        return gone

    def _schedule(self, key: bytes, entry: Entry) -> None:
        try:
            self.loop = asyncio.get_running_loop()
        except RuntimeError:  # a worker thread: arm the timer on the loop, if there is one
            other = self.loop
            if other is not None and other.is_running() and not other.is_closed():
                other.call_soon_threadsafe(self._arm, key, entry)
            return  # no loop anywhere: get() and sweep() drop it
        self._arm(key, entry)

    def _arm(self, key: bytes, entry: Entry) -> None:
        with self.lock:
            if self.entries.get(key) is not entry or entry.expires is None:
                return
            delay = max(0.0, entry.expires - time.monotonic())
            entry.timer = asyncio.get_running_loop().call_later(delay, self._expire, key, entry)

    def _expire(self, key: bytes, entry: Entry) -> None:
        with self.lock:
            if self.entries.get(key) is not entry:
                return
            entry.timer = None
            self._remove(key)
            self.expirations += 1
        self._release([entry])

    def _release(self, entries: list[Entry]) -> None:
        """``on_release`` for each value leaving the cache; outside the lock, errors logged."""
        if self.on_release is None:
            return
        for entry in entries:
            try:
                result = self.on_release(entry.value)
                if inspect.isawaitable(result):
                    _in_background(result, self.name)
            except Exception:
                logger.exception("on_release of cached %s failed", self.name)


_background: set[asyncio.Future[Any]] = set()


def _in_background(awaitable: Any, name: str) -> None:
    """An ``async def on_release`` runs on the loop; without one it cannot run at all."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        if inspect.iscoroutine(awaitable):
            awaitable.close()
        logger.warning("async on_release of cached %s was not run: no event loop here", name)
        return
    future = asyncio.ensure_future(awaitable, loop=loop)
    _background.add(future)

    def done(f: asyncio.Future[Any]) -> None:
        _background.discard(f)
        if not f.cancelled() and f.exception() is not None:
            logger.error("on_release of cached %s failed", name, exc_info=f.exception())

    future.add_done_callback(done)


# -- the registry of stores ------------------------------------------------------------------

_lock = threading.Lock()
_stores: dict[str, FunctionStore] = {}  # store id -> store
_latest: dict[tuple[Kind, str], str] = {}  # (kind, module.qualname) -> the newest store id


def store_for(
    ident: str, kind: Kind, name: str, make: Callable[[], FunctionStore]
) -> FunctionStore:
    """The store of a cached function (``ident``: its code and settings).

    A script that is executed anew on every run decorates its functions anew: they find
    their store by ``ident``. When a function's code changes (an edit, a reload), the store
    of the old code is cleared and dropped: only the newest definition keeps entries.
    """
    store = _stores.get(ident)
    if store is not None:
        return store
    old: FunctionStore | None = None
    with _lock:
        store = _stores.get(ident)
        if store is None:
            store = _stores[ident] = make()
        previous = _latest.get((kind, name))
        if previous is not None and previous != ident:
            old = _stores.pop(previous, None)
        _latest[(kind, name)] = ident
    if old is not None:
        old.clear()
    return store


def stores(kind: Kind | None = None) -> list[FunctionStore]:
    with _lock:
        return [s for s in _stores.values() if kind is None or s.kind == kind]


def clear_all(kind: Kind) -> None:
    for store in stores(kind):
        store.clear()


def forget_session(session: str) -> None:
    """A session ended: its ``scope="session"`` entries go (their ``on_release`` runs)."""
    for store in stores():
        if store.sessions:
            store.drop_session(session)


def stats(kind: Kind | None = None) -> list[dict[str, Any]]:
    return [s.stats() for s in stores(kind)]


__all__ = [
    "MISSING", "Entry", "FunctionStore", "Kind", "clear_all", "forget_session", "stats",
    "store_for", "stores",
]
