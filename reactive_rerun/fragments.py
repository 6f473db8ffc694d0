"""``@rr.fragment``: a part of the script that reruns on its own, as its own task."""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Generic, ParamSpec, TypeVar, overload

from .bindings import FragmentCall
from .context import current_block, current_run, in_fragment, within
from .durable import FragmentRecord
from .element import commit, form_of, place
from .elements.fragment import FRAGMENT
from .errors import APIError

P = ParamSpec("P")
R = TypeVar("R")


def _seconds(run_every: float | timedelta | None) -> float | None:
    if run_every is None:
        return None
    seconds = run_every.total_seconds() if isinstance(run_every, timedelta) else float(run_every)
    if not seconds > 0:
        raise APIError(f"run_every must be a positive number of seconds, not {run_every!r}")
    return seconds


class Fragment(Generic[P, R]):
    """A decorated ``async def``; awaiting it during a run draws it in its own container."""

    def __init__(self, fn: Callable[P, Awaitable[R]], run_every: float | None) -> None:
        self.fn = fn
        self.run_every = run_every
        self.__name__ = getattr(fn, "__name__", "fragment")
        self.__doc__ = fn.__doc__
        self.__wrapped__ = fn

    async def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        run = current_run()
        path = place(run, current_block())
        if form_of(run, path) is not None:
            raise APIError(
                "A fragment cannot be called inside an rr.form(): the form's values are sent "
                "together on submit. Put the form inside the fragment instead."
            )
        name = f"{getattr(self.fn, '__module__', '')}.{getattr(self.fn, '__qualname__', '')}"
        fid = hashlib.blake2b(f"{name}@{path}".encode(), digest_size=8).hexdigest()
        record = FragmentRecord(fid, path, self.run_every)
        commit(run, path, FRAGMENT.props({"id": fid}))
        run.fragments_called[fid] = record
        run.fragment_calls[fid] = FragmentCall(self.fn, args, kwargs)
        with within(path), in_fragment(record):
            return await self.fn(*args, **kwargs)


@overload
def fragment(fn: Callable[P, Awaitable[R]], /) -> Fragment[P, R]: ...


@overload
def fragment(
    *, run_every: float | timedelta | None = None
) -> Callable[[Callable[P, Awaitable[R]]], Fragment[P, R]]: ...


def fragment(
    fn: Callable[P, Awaitable[R]] | None = None, /, *, run_every: float | timedelta | None = None
) -> Fragment[P, R] | Callable[[Callable[P, Awaitable[R]]], Fragment[P, R]]:
    """Turn an ``async def`` into a fragment: its widgets rerun only it.

    ``run_every`` (seconds or a ``timedelta``) reruns it on a server-side timer while the
    session is connected.
    """
    seconds = _seconds(run_every)

    def decorate(f: Callable[P, Awaitable[R]]) -> Fragment[P, R]:
        if not inspect.iscoroutinefunction(f):
            raise APIError("@rr.fragment decorates `async def` functions; call them with `await`.")
        return Fragment(f, seconds)

    return decorate(fn) if fn is not None else decorate


__all__ = ["Fragment", "FragmentRecord", "fragment"]
