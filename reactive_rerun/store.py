"""Session stores: where a session's record (plain data, bytes) waits between connections.

A store keeps one record per session id with a version number. ``save`` is a compare-and-set:
it writes version ``n`` only over version ``n - 1`` (or nothing, for ``n == 1``), so two
workers that both think they own a session cannot overwrite each other unseen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StoredRecord:
    version: int
    record: bytes


class SessionStore(Protocol):
    """Keeps sessions' records between connections; may be shared between processes."""

    async def load(self, session_id: str) -> StoredRecord | None: ...
    async def save(self, session_id: str, record: bytes, version: int) -> bool: ...
    async def delete(self, session_id: str) -> None: ...


class MemoryStore:
    """The default store: this process's memory (sessions resume on this worker only)."""

    def __init__(self) -> None:
        self._records: dict[str, StoredRecord] = {}

    async def load(self, session_id: str) -> StoredRecord | None:
        return self._records.get(session_id)

    async def save(self, session_id: str, record: bytes, version: int) -> bool:
        """Store ``record`` as ``version``; False when the stored version is not ``version - 1``."""
        current = self._records.get(session_id)
        if (current.version if current is not None else 0) != version - 1:
            return False
        self._records[session_id] = StoredRecord(version, record)
        return True

    async def delete(self, session_id: str) -> None:
        self._records.pop(session_id, None)


__all__ = ["MemoryStore", "SessionStore", "StoredRecord"]
