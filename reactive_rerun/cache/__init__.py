"""Caching: ``rr.cache_data`` and ``rr.cache_resource`` (see ``docs/caching.md``).

``hashing`` makes keys from arguments, ``store`` keeps entries (LRU, ttl timers, counters),
``sizing`` estimates their bytes, ``decorators`` makes cached functions share one
computation per key.
"""

from __future__ import annotations

from .decorators import (
    AsyncCachedFunction,
    CacheData,
    CachedFunction,
    CacheResource,
    cache_data,
    cache_resource,
)
from .store import forget_session, stats

__all__ = [
    "AsyncCachedFunction", "CacheData", "CacheResource", "CachedFunction", "cache_data",
    "cache_resource", "forget_session", "stats",
]
