"""Session stores: where a session's record (plain data, bytes) waits between connections,
and, shared between workers, how a worker owns a session.

Ownership is fenced by an epoch. A new session's record is written at epoch 1; a worker that
takes a session over (``claim``) bumps the epoch; ``save`` and ``delete`` succeed only with
the record's current epoch. A worker whose save is refused as stale has lost the session to
another worker and drops its copy. Nothing in a store is ever unpickled: records are msgpack
of plain data (``durable.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StoredRecord:
    epoch: int
    record: bytes


class SessionStore(Protocol):
    """Keeps sessions' records between connections; may be shared between processes."""

    shared: bool  # records are seen by other workers: save after every run, not only at the end

    async def claim(self, session_id: str, *, tab: str | None = None) -> StoredRecord | None: ...
    async def save(
        self, session_id: str, record: bytes, epoch: int, *, tab: str | None = None
    ) -> bool: ...
    async def delete(self, session_id: str, epoch: int) -> None: ...
    async def close(self) -> None: ...


class MemoryStore:
    """The default store: this process's memory (sessions resume on this worker only)."""

    shared = False

    def __init__(self) -> None:
        self._records: dict[str, StoredRecord] = {}

    async def claim(self, session_id: str, *, tab: str | None = None) -> StoredRecord | None:
        """Take the session over: its record, at a new epoch (one process: no one to ask)."""
        current = self._records.get(session_id)
        if current is None:
            return None
        claimed = StoredRecord(current.epoch + 1, current.record)
        self._records[session_id] = claimed
        return claimed

    async def save(
        self, session_id: str, record: bytes, epoch: int, *, tab: str | None = None
    ) -> bool:
        """Write ``record``; False when another owner claimed the session (a stale epoch)."""
        current = self._records.get(session_id)
        if (current.epoch if current is not None else 1) != epoch:
            return False
        self._records[session_id] = StoredRecord(epoch, record)
        return True

    async def delete(self, session_id: str, epoch: int) -> None:
        current = self._records.get(session_id)
        if current is not None and current.epoch == epoch:
            del self._records[session_id]

    async def close(self) -> None:
        pass


def open_store(target: str | SessionStore | None, *, ttl: float) -> SessionStore:
    """``App(session_store=...)``: a store object, a ``redis://`` URL, or None (memory)."""
    if target is None:
        return MemoryStore()
    if isinstance(target, str):
        if target.startswith(("redis://", "rediss://", "unix://")):
            from .redis_store import RedisStore

            return RedisStore(target, ttl=ttl)
        if target in ("memory", "memory://"):
            return MemoryStore()
        raise ValueError(
            f"session_store={target!r}: give a redis:// URL, 'memory', or a SessionStore object"
        )
    return target


__all__ = ["MemoryStore", "SessionStore", "StoredRecord", "open_store"]
