"""``RedisStore``: session records in Redis, shared by every worker, fenced by an epoch.

One hash per session (``epoch``, ``data``) with an expiry of the session timeout plus a
margin; each operation is one Lua script, so one round trip: a save is a compare-and-set on
the epoch that also refreshes the expiry. One bounded, blocking connection pool per worker.
Needs the ``redis`` package (``pip install 'reactive_rerun[redis]'``).
"""

from __future__ import annotations

from typing import Any

from .store import StoredRecord

_SAVE = """
local epoch = redis.call('HGET', KEYS[1], 'epoch')
if (not epoch and ARGV[1] == '1') or epoch == ARGV[1] then
  redis.call('HSET', KEYS[1], 'epoch', ARGV[1], 'data', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return 1
end
return 0
"""

_CLAIM = """
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local epoch = redis.call('HINCRBY', KEYS[1], 'epoch', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return {epoch, redis.call('HGET', KEYS[1], 'data')}
"""

_DELETE = """
if redis.call('HGET', KEYS[1], 'epoch') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisStore:
    shared = True

    def __init__(
        self, url: str, *, ttl: float, prefix: str = "rr:session:", max_connections: int = 32
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
        self._prefix = prefix
        self._ttl_ms = str(int((ttl + 60) * 1000))  # kept a minute past the session timeout
        self._save = self._redis.register_script(_SAVE)
        self._claim = self._redis.register_script(_CLAIM)
        self._delete = self._redis.register_script(_DELETE)

    def _key(self, session_id: str) -> str:
        return self._prefix + session_id

    async def claim(self, session_id: str) -> StoredRecord | None:
        found = await self._claim(keys=[self._key(session_id)], args=[self._ttl_ms])
        if not found:
            return None
        epoch, data = found
        return StoredRecord(int(epoch), bytes(data))

    async def save(self, session_id: str, record: bytes, epoch: int) -> bool:
        key = self._key(session_id)
        done = await self._save(keys=[key], args=[str(epoch), record, self._ttl_ms])
        return bool(done)

    async def delete(self, session_id: str, epoch: int) -> None:
        await self._delete(keys=[self._key(session_id)], args=[str(epoch)])

    async def close(self) -> None:
        await self._redis.aclose()


__all__ = ["RedisStore"]
