"""``@rr.fragment``: a part of the script that reruns on its own, as its own task."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta
from typing import Any, Generic, ParamSpec, TypeVar, overload

from .bindings import FragmentCall
from .context import current_block, current_run, in_fragment, within
from .durable import FragmentRecord
from .element import commit, form_of, place, unawaited_notice
from .elements.fragment import FRAGMENT
from .errors import APIError
from .threads import Awaited, is_async, run_ui

P = ParamSpec("P")
R = TypeVar("R")


_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def _seconds(run_every: float | timedelta | str | None) -> float | None:
    if run_every is None:
        return None
    if isinstance(run_every, str):  # Streamlit's "2s", "1.5m", "500ms"
        number = run_every.strip().rstrip("abcdefghijklmnopqrstuvwxyz ")
        unit = run_every.strip()[len(number):].strip() or "s"
        if unit not in _UNITS:
            raise APIError(f"run_every={run_every!r}: use seconds, a timedelta or e.g. '2s'.")
        try:
            run_every = float(number) * _UNITS[unit]
        except ValueError:
            raise APIError(
                f"run_every={run_every!r}: use seconds, a timedelta or e.g. '2s'."
            ) from None
    seconds = run_every.total_seconds() if isinstance(run_every, timedelta) else float(run_every)
    if not seconds > 0:
        raise APIError(f"run_every must be a positive number of seconds, not {run_every!r}")
    return seconds


class Fragment(Generic[P, R]):
    """A decorated function; calling it during a run draws it in its own container.

    An ``async def`` fragment is awaited (``await counter()``); a plain ``def`` fragment is
    called (``counter()``), as in Streamlit, and its reruns run in a script thread.
    """

    def __init__(
        self, fn: Callable[P, Any], run_every: float | None, key: str | None = None
    ) -> None:
        self.fn = fn
        self.key = key
        self.run_every = run_every
        self.is_async = is_async(fn)
        self.__name__ = getattr(fn, "__name__", "fragment")
        self.__doc__ = fn.__doc__
        self.__wrapped__ = fn

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> Any:
        if self.is_async:
            return Awaited(self._call_async(args, kwargs), self.__name__, unawaited_notice())
        record = run_ui(self._place, args, kwargs)
        with within(record.path), in_fragment(record):
            return self.fn(*args, **kwargs)

    async def _call_async(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> R:
        record = self._place(args, kwargs)
        with within(record.path), in_fragment(record):
            result: R = await self.fn(*args, **kwargs)
            return result

    def _place(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> FragmentRecord:
        """Draw the fragment's block and record the call for the session (on the loop)."""
        run = current_run()
        path = place(run, current_block())
        if form_of(run, path) is not None:
            raise APIError(
                "A fragment cannot be called inside an rr.form(): the form's values are sent "
                "together on submit. Put the form inside the fragment instead."
            )
        name = f"{getattr(self.fn, '__module__', '')}.{getattr(self.fn, '__qualname__', '')}"
        seed = f"{name}@{path}" if self.key is None else f"key:{self.key}@{path}"
        fid = hashlib.blake2b(seed.encode(), digest_size=8).hexdigest()
        record = FragmentRecord(fid, path, self.run_every)
        commit(run, path, FRAGMENT.props({"id": fid}))
        run.fragments_called[fid] = record
        run.fragment_calls[fid] = FragmentCall(self.fn, args, kwargs)
        return record


@overload
def fragment(func: Callable[P, Any], /) -> Fragment[P, Any]: ...


@overload
def fragment(
    func: None = None, /, *, run_every: float | timedelta | str | None = None,
    parallel: bool = False, key: str | int | None = None,
) -> Callable[[Callable[P, Any]], Fragment[P, Any]]: ...


def fragment(
    func: Callable[P, Any] | None = None, /, *, run_every: float | timedelta | str | None = None,
    parallel: bool = False, key: str | int | None = None,
) -> Fragment[P, Any] | Callable[[Callable[P, Any]], Fragment[P, Any]]:
    """Turn a function into a fragment: its widgets rerun only it.

    ``async def`` fragments are awaited, plain ``def`` ones called. ``run_every`` (seconds, a
    ``timedelta``, or a string such as ``"2s"``) reruns it on a server-side timer while the
    session is connected.

    ``key`` names the fragment: its identity (and so its widgets' state) no longer depends on
    the function's name. ``parallel`` is accepted: a fragment runs inline with the script here
    (``async def`` fragments already interleave with other work at each ``await``).
    """
    seconds = _seconds(run_every)
    if not isinstance(parallel, bool):
        raise APIError(f"fragment parallel must be True or False, not {parallel!r}.")
    if key is not None and (isinstance(key, bool) or not isinstance(key, str | int)
                            or str(key) in ("app", "fragment")):
        raise APIError(f"fragment key must be a string or an int other than 'app' and "
                       f"'fragment', not {key!r}.")
    name = None if key is None else str(key)

    def decorate(f: Callable[P, Any]) -> Fragment[P, Any]:
        if not callable(f):
            raise APIError(f"@rr.fragment decorates a function, not {f!r}.")
        return Fragment(f, seconds, name)

    return decorate(func) if func is not None else decorate


__all__ = ["Fragment", "FragmentRecord", "fragment"]
