"""``RedisStore``: session records in Redis, shared by every worker, fenced by an epoch.

One hash per session (``epoch``, ``data``, ``owner``, ``tab``) with an expiry of the session
timeout plus a margin; each operation is one Lua script, so one round trip: a save is a
compare-and-set on the epoch that also refreshes the expiry. Each worker keeps a heartbeat key
alive (every 0.5 s, expiring after 1.5 s): a session whose owner is alive and serves another
tab is busy (a duplicated tab gets a new session); one whose owner is gone, or that the same
tab reconnects to, is claimed at once. One bounded, blocking connection pool per worker.
Needs the ``redis`` package (``pip install 'reactive_rerun[redis]'``).
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from typing import Any

from .errors import SessionBusy
from .store import StoredRecord

_SAVE = """
local epoch = redis.call('HGET', KEYS[1], 'epoch')
if (not epoch and ARGV[1] == '1') or epoch == ARGV[1] then
  redis.call('HSET', KEYS[1], 'epoch', ARGV[1], 'data', ARGV[2], 'owner', ARGV[4], 'tab', ARGV[5])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return 1
end
return 0
"""

_CLAIM = """
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local owner = redis.call('HGET', KEYS[1], 'owner')
local tab = redis.call('HGET', KEYS[1], 'tab')
if owner and owner ~= ARGV[2] and tab ~= ARGV[3]
   and redis.call('EXISTS', ARGV[4] .. owner) == 1 then
  return 'busy'
end
local epoch = redis.call('HINCRBY', KEYS[1], 'epoch', 1)
redis.call('HSET', KEYS[1], 'owner', ARGV[2], 'tab', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return {epoch, redis.call('HGET', KEYS[1], 'data')}
"""

_DELETE = """
if redis.call('HGET', KEYS[1], 'epoch') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

HEARTBEAT = 0.5  # seconds between a worker's heartbeats ...
ALIVE_FOR = 1.5  # ... and how long one keeps it alive


class RedisStore:
    shared = True

    def __init__(
        self, url: str, *, ttl: float, prefix: str = "rr:", max_connections: int = 32
    ) -> None:
        try:
            import redis.asyncio as aioredis
        except ImportError as exc:  # pragma: no cover - the optional dependency is missing
            raise RuntimeError(
                "a redis:// session store needs the redis package: "
                "pip install 'reactive_rerun[redis]'"
            ) from exc
        pool = aioredis.BlockingConnectionPool.from_url(url, max_connections=max_connections)
        self._redis: Any = aioredis.Redis.from_pool(pool)  # closing it closes the pool
        self._sessions = prefix + "session:"
        self._workers = prefix + "worker:"
        self.worker = secrets.token_hex(8)
        self._ttl_ms = str(int((ttl + 60) * 1000))  # kept a minute past the session timeout
        self._save = self._redis.register_script(_SAVE)
        self._claim = self._redis.register_script(_CLAIM)
        self._delete = self._redis.register_script(_DELETE)
        self._beat: asyncio.Task[None] | None = None
        self._first: asyncio.Future[None] | None = None

    def _key(self, session_id: str) -> str:
        return self._sessions + session_id

    async def _alive(self) -> None:
        """This worker's heartbeat: one task, started on first use (before any wait, so calls
        that start together share it), renewed until ``close``; its first beat is awaited."""
        if self._beat is None or self._beat.done() or self._first is None:
            self._first = asyncio.get_running_loop().create_future()
            self._beat = asyncio.get_running_loop().create_task(self._heartbeat(self._first))
        await asyncio.shield(self._first)

    async def _heartbeat(self, first: asyncio.Future[None]) -> None:
        key, alive = self._workers + self.worker, int(ALIVE_FOR * 1000)
        try:
            await self._redis.set(key, b"1", px=alive)
        except BaseException as exc:
            first.set_exception(exc)
            raise
        first.set_result(None)
        while True:
            await asyncio.sleep(HEARTBEAT)
            with contextlib.suppress(Exception):  # Redis away for a moment: try again
                await self._redis.set(key, b"1", px=alive)

    async def claim(self, session_id: str, *, tab: str | None = None) -> StoredRecord | None:
        await self._alive()
        found = await self._claim(
            keys=[self._key(session_id)],
            args=[self._ttl_ms, self.worker, tab or "", self._workers],
        )
        if not found:
            return None
        if found == b"busy":
            raise SessionBusy(session_id)
        epoch, data = found
        return StoredRecord(int(epoch), bytes(data))

    async def save(
        self, session_id: str, record: bytes, epoch: int, *, tab: str | None = None
    ) -> bool:
        await self._alive()
        key = self._key(session_id)
        args: list[bytes | str] = [str(epoch), record, self._ttl_ms, self.worker, tab or ""]
        return bool(await self._save(keys=[key], args=args))

    async def delete(self, session_id: str, epoch: int) -> None:
        await self._delete(keys=[self._key(session_id)], args=[str(epoch)])

    async def close(self) -> None:
        if self._beat is not None:
            self._beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._beat
        with contextlib.suppress(Exception):
            await self._redis.delete(self._workers + self.worker)  # gone: no need to wait
        await self._redis.aclose()


__all__ = ["ALIVE_FOR", "HEARTBEAT", "RedisStore"]
