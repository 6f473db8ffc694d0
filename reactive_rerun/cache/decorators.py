"""``rr.cache_data`` and ``rr.cache_resource``: the decorators and the functions they make.

One computation per key: the first caller that misses starts an asyncio task, every caller
(of any session) awaits it through ``asyncio.shield``, so a run cancelled by a rerun stops
waiting but the computation goes on, and the next run awaits the same task. The task runs
detached from every run (UI calls in it raise ``APIError``), a sync function's body runs in
a worker thread, and an exception is not stored: it reaches every waiter of that task.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
import threading
import types
from collections.abc import Callable, Coroutine
from typing import Any, Generic, ParamSpec, TypeVar, cast, overload

from ..context import leave_run, maybe_run
from ..elements.spinner import Spinner
from ..errors import APIError
from .hashing import HashFuncs, KeyMaker, function_digest
from .settings import (
    TTL,
    Scope,
    Settings,
    _copy_of,
    _count,
    _no_effect,
    _retrieve,
    _scope,
    seconds,
)
from .store import MISSING, FunctionStore, Kind, clear_all, stats, store_for

logger = logging.getLogger("reactive_rerun")

P = ParamSpec("P")
R = TypeVar("R")
# -- cached functions --------------------------------------------------------------------------


class _Cached(Generic[P, R]):
    """What a cached function shares, whatever its flavour: key, lookup, copy, clear, stats."""

    def __init__(self, fn: Callable[..., Any], settings: Settings) -> None:
        self.fn = fn
        self.settings = settings
        self.__wrapped__ = fn
        self.__name__: str = getattr(fn, "__name__", "cached")
        self.__qualname__: str = getattr(fn, "__qualname__", self.__name__)
        self.__doc__ = fn.__doc__
        self.__module__ = getattr(fn, "__module__", __name__)
        self._keys = KeyMaker(fn, settings.hash_funcs)
        self._name = f"{self.__module__}.{self.__qualname__}"
        s = settings
        self._ident = (
            f"{s.kind}:{self._name}:{function_digest(fn)}:{s.ttl}:{s.max_entries}:"
            f"{s.max_size}:{s.scope}:{s.copy}"
        )
        spin = s.show_spinner
        self._spinner = (spin if isinstance(spin, str) else f"Running `{self.__name__}(...)`.") \
            if spin else None
        self._warned = False

    def _make(self) -> FunctionStore:
        s = self.settings
        return FunctionStore(
            self._name, s.kind, ttl=s.ttl, max_entries=s.max_entries, max_size=s.max_size,
            on_release=s.on_release,
        )

    @property
    def store(self) -> FunctionStore:
        """This function's entries (found anew each call: a script may be re-executed)."""
        return store_for(self._ident, self.settings.kind, self._name, self._make)

    def _key(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[bytes, str | None]:
        session = None
        if self.settings.scope == "session":
            run = maybe_run()
            if run is None:
                raise APIError(
                    f'{self.__qualname__} is cached with scope="session": call it from the '
                    f"app's script (a run of a session), or use the default scope."
                )
            session = run.host.data.id
        return self._keys.key(args, kwargs, session or ""), session

    def _lookup(self, store: FunctionStore, key: bytes) -> Any:
        value = store.get(key)
        validate = self.settings.validate
        if value is MISSING or validate is None:
            return value
        try:
            ok = bool(validate(value))
        except Exception:
            logger.exception("validate of cached %s failed: the value is dropped", self._name)
            ok = False
        if ok:
            return value
        with store.lock:
            store.hits -= 1  # not served after all
        store.discard(key)
        return MISSING

    def _out(self, value: Any) -> R:
        if self.settings.kind == "data" and self.settings.copy:
            return _copy_of(value)  # type: ignore[no-any-return]
        return value  # type: ignore[no-any-return]

    async def _shared(
        self, store: FunctionStore, key: bytes, session: str | None,
        args: tuple[Any, ...], kwargs: dict[str, Any],
    ) -> R:
        """A miss: join the key's computation in flight, or start it."""
        loop = asyncio.get_running_loop()
        with store.lock:
            store.misses += 1
            task = store.pending.get(key)
            if task is None or task.get_loop() is not loop:
                task = loop.create_task(
                    self._compute(store, key, session, store.generation, args, kwargs),
                    name=f"cache {self._name}",
                )
                task.add_done_callback(_retrieve)
                store.pending[key] = task
        run = maybe_run() if self._spinner else None
        if run is not None and not (run.stopping or run.detached):
            async with Spinner(self._spinner or "", show_time=self.settings.show_time):
                value = await asyncio.shield(task)
        else:
            value = await asyncio.shield(task)
        return self._out(value)

    async def _compute(
        self, store: FunctionStore, key: bytes, session: str | None, generation: int,
        args: tuple[Any, ...], kwargs: dict[str, Any],
    ) -> Any:
        leave_run()  # shared by every session and outliving its first caller's run
        task = asyncio.current_task()
        with store.lock:
            store.computations += 1
        try:
            try:
                if inspect.iscoroutinefunction(self.fn):
                    value = await self.fn(*args, **kwargs)
                else:  # the body of a sync function never holds the loop
                    call = functools.partial(self.fn, *args, **kwargs)
                    value = await asyncio.get_running_loop().run_in_executor(None, call)
            except Exception:
                with store.lock:
                    store.errors += 1
                raise
            store.put(key, value, session, generation)
            return value
        finally:
            with store.lock:
                if store.pending.get(key) is task:
                    del store.pending[key]

    def _compute_here(
        self, store: FunctionStore, key: bytes, session: str | None,
        args: tuple[Any, ...], kwargs: dict[str, Any],
    ) -> Any:
        with store.lock:
            store.computations += 1
            generation = store.generation
        try:
            value = self.fn(*args, **kwargs)
        except Exception:
            with store.lock:
                store.errors += 1
            raise
        store.put(key, value, session, generation)
        return value

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Drop every entry of this function, or with arguments only the entry of that call."""
        if not args and not kwargs:
            self.store.clear()
            return
        key, _ = self._key(args, kwargs)
        self.store.discard(key)

    def stats(self) -> dict[str, Any]:
        """Hits, misses, computations, errors, entries, approximate bytes of this function."""
        return self.store.stats()

    def __get__(self, instance: object, owner: type[Any] | None = None) -> Any:
        """A cached method binds its instance like a function does (name it ``_self`` or
        give ``hash_funcs`` for its class: ``self`` is an argument like any other)."""
        if instance is None:
            return self
        return types.MethodType(cast(Callable[..., Any], self), instance)

    def __repr__(self) -> str:
        return f"<cached {self.settings.kind} function {self._name}>"


class CachedFunction(_Cached[P, R]):
    """A cached plain ``def``: ``f(x)`` is a plain call, ``await f.aio(x)`` the loop-friendly one.

    ``f(x)`` called on the event loop thread computes a miss right there (every session
    waits meanwhile: a warning says so once); ``await f.aio(x)`` computes it in a worker
    thread, shared with every concurrent caller. In a worker thread (a sync script) ``f(x)``
    computes in that thread, one computation per key among threads.
    """

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        store = self.store
        key, session = self._key(args, kwargs)
        value = self._lookup(store, key)
        if value is not MISSING:
            return self._out(value)
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return self._out(self._in_thread(store, key, session, args, kwargs))
        if not self._warned:
            self._warned = True
            logger.warning(
                "cached %s computed on the event loop thread: every session waits while it "
                "runs; `await %s.aio(...)` computes it in a worker thread instead",
                self._name, self.__name__,
            )
        with store.lock:
            store.misses += 1
        return self._out(self._compute_here(store, key, session, args, kwargs))

    def _in_thread(
        self, store: FunctionStore, key: bytes, session: str | None,
        args: tuple[Any, ...], kwargs: dict[str, Any],
    ) -> Any:
        with store.lock:
            store.misses += 1
            lock = store.thread_locks.setdefault(key, threading.Lock())
        try:
            with lock:  # the first thread computes; the others then find its value
                value = store.get(key)
                if value is MISSING:
                    value = self._compute_here(store, key, session, args, kwargs)
                return value
        finally:
            with store.lock:
                if store.thread_locks.get(key) is lock:
                    del store.thread_locks[key]

    async def aio(self, *args: P.args, **kwargs: P.kwargs) -> R:
        """The async path: a miss computes in a worker thread, shared by concurrent callers."""
        store = self.store
        key, session = self._key(args, kwargs)
        value = self._lookup(store, key)
        if value is not MISSING:
            return self._out(value)
        return await self._shared(store, key, session, args, kwargs)


class AsyncCachedFunction(_Cached[P, R]):
    """A cached ``async def``: ``await f(x)``."""

    async def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        store = self.store
        key, session = self._key(args, kwargs)
        value = self._lookup(store, key)
        if value is not MISSING:
            return self._out(value)
        return await self._shared(store, key, session, args, kwargs)

    async def aio(self, *args: P.args, **kwargs: P.kwargs) -> R:
        """The same as awaiting the call (for code written for both flavours)."""
        return await self(*args, **kwargs)


# -- the decorators ------------------------------------------------------------------------------


class Decorate:
    """``@rr.cache_data(ttl=...)``: the decorator with its settings applied."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @overload
    def __call__(  # type: ignore[overload-overlap]
        self, fn: Callable[P, Coroutine[Any, Any, R]], /
    ) -> AsyncCachedFunction[P, R]: ...

    @overload
    def __call__(self, fn: Callable[P, R], /) -> CachedFunction[P, R]: ...

    def __call__(
        self, fn: Callable[P, Any], /
    ) -> AsyncCachedFunction[P, Any] | CachedFunction[P, Any]:
        if not callable(fn):
            raise APIError(f"cache decorators take a function, not {fn!r}")
        if inspect.isasyncgenfunction(fn) or inspect.isgeneratorfunction(fn):
            raise APIError(
                f"{getattr(fn, '__qualname__', fn)} is a generator: a cached function must "
                f"return its value (collect the items into a list and return that)."
            )
        if self.settings.persist:
            _no_effect("persist", self.settings.persist, fn)
        if self.settings.refresh_mode != "foreground":
            _no_effect("refresh_mode", self.settings.refresh_mode, fn)
        if inspect.iscoroutinefunction(fn):
            return AsyncCachedFunction(fn, self.settings)
        return CachedFunction(fn, self.settings)


class CacheData:
    """``@rr.cache_data``: cache what a function returns; each caller gets its own copy.

    ``rr.cache_data.clear()`` clears every ``cache_data`` function; ``rr.cache_data.stats()``
    lists each one's hits, misses, entries and approximate bytes.
    """

    kind: Kind = "data"

    @overload
    def __call__(  # type: ignore[overload-overlap]
        self, func: Callable[P, Coroutine[Any, Any, R]], /
    ) -> AsyncCachedFunction[P, R]: ...

    @overload
    def __call__(self, func: Callable[P, R], /) -> CachedFunction[P, R]: ...

    @overload
    def __call__(
        self, func: None = None, /, *, ttl: TTL = None, max_entries: int | None = None,
        max_size: int | None = None, show_spinner: bool | str = True, show_time: bool = False,
        persist: str | bool | None = None, hash_funcs: HashFuncs | None = None,
        scope: Scope = "global", refresh_mode: str = "foreground", copy: bool = True,
    ) -> Decorate: ...

    def __call__(
        self, func: Callable[..., Any] | None = None, /, *, ttl: TTL = None,
        max_entries: int | None = None, max_size: int | None = None,
        show_spinner: bool | str = True, show_time: bool = False,
        persist: str | bool | None = None, hash_funcs: HashFuncs | None = None,
        scope: Scope = "global", refresh_mode: str = "foreground", copy: bool = True,
    ) -> Any:
        """Decorate ``func`` (or, with parameters only, return the decorator).

        ``copy=False`` (not in Streamlit) hands out the stored object itself: faster for
        big values, but a caller that mutates it changes it for everyone.
        """
        settings = Settings(
            "data", seconds(ttl), _count("max_entries", max_entries), _count("max_size", max_size),
            show_spinner, bool(show_time), hash_funcs, _scope(scope), bool(copy), None, None,
            persist, _refresh_mode(refresh_mode),
        )
        decorate = Decorate(settings)
        return decorate if func is None else decorate(func)

    def clear(self) -> None:
        """Clear every ``cache_data`` function's entries."""
        clear_all(self.kind)

    def stats(self) -> list[dict[str, Any]]:
        """One dict per function: hits, misses, computations, errors, entries, bytes, ..."""
        return stats(self.kind)

    def __repr__(self) -> str:
        return f"<reactive_rerun.cache_{self.kind}>"


class CacheResource(CacheData):
    """``@rr.cache_resource``: one shared object per key (a client, a model, a pool).

    No copies: every caller gets the same object. ``validate(value) -> bool`` runs on each
    hit (False: drop it and compute anew); ``on_release(value)`` runs when the value leaves
    the cache (evicted, expired, cleared, refused by ``validate``, its session ended).
    """

    kind: Kind = "resource"

    @overload  # type: ignore[override]
    def __call__(  # type: ignore[overload-overlap]
        self, func: Callable[P, Coroutine[Any, Any, R]], /
    ) -> AsyncCachedFunction[P, R]: ...

    @overload
    def __call__(self, func: Callable[P, R], /) -> CachedFunction[P, R]: ...

    @overload
    def __call__(
        self, func: None = None, /, *, ttl: TTL = None, max_entries: int | None = None,
        show_spinner: bool | str = True, show_time: bool = False,
        validate: Callable[[Any], bool] | None = None, hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], Any] | None = None, scope: Scope = "global",
        refresh_mode: str = "foreground",
    ) -> Decorate: ...

    def __call__(
        self, func: Callable[..., Any] | None = None, /, *, ttl: TTL = None,
        max_entries: int | None = None, show_spinner: bool | str = True,
        show_time: bool = False, validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs | None = None, on_release: Callable[[Any], Any] | None = None,
        scope: Scope = "global", refresh_mode: str = "foreground",
    ) -> Any:
        """Decorate ``func`` (or, with parameters only, return the decorator)."""
        settings = Settings(
            "resource", seconds(ttl), _count("max_entries", max_entries), None, show_spinner,
            bool(show_time), hash_funcs, _scope(scope), False, validate, on_release,
            None, _refresh_mode(refresh_mode),
        )
        decorate = Decorate(settings)
        return decorate if func is None else decorate(func)


def _refresh_mode(mode: str) -> str:
    if mode not in ("foreground", "background"):
        raise APIError(f'refresh_mode must be "foreground" or "background", not {mode!r}')
    return mode


cache_data = CacheData()
cache_resource = CacheResource()

__all__ = [
    "AsyncCachedFunction", "CacheData", "CacheResource", "CachedFunction", "Decorate",
    "Settings", "cache_data", "cache_resource", "seconds",
]
