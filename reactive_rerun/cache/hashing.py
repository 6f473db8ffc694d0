"""Cache keys: a digest of a function's identity and of the arguments that matter.

Values are fed into one BLAKE2b digest by type, so equal values give equal keys whatever
their identity (``[1, 2]`` built twice hits). Data-frame libraries are never imported here:
their objects are recognised by the module their type comes from, so the cost of an
``import pandas`` is paid only by apps that use pandas.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import fractions
import hashlib
import inspect
import pathlib
import sys
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from ..errors import UnhashableParamError

HashFuncs = Mapping[type[Any] | str, Callable[[Any], Any]]

_DIGEST = 16


class _Unhashable(Exception):
    """Raised inside the hasher; turned into ``UnhashableParamError`` naming the parameter."""

    def __init__(self, value: Any, why: str) -> None:
        super().__init__(why)
        self.value = value
        self.why = why


def function_digest(fn: Callable[..., Any]) -> str:
    """Identity of a function's code: module, qualified name and source.

    An edit of the function's source gives another digest, so results computed by the old
    code are never served for the new one.
    """
    target = inspect.unwrap(fn)
    h = hashlib.blake2b(digest_size=_DIGEST)
    h.update(f"{getattr(target, '__module__', '')}.{getattr(target, '__qualname__', '')}".encode())
    try:
        h.update(inspect.getsource(target).encode())
    except (OSError, TypeError):  # defined in a REPL or exec'd string: hash the bytecode
        code = getattr(target, "__code__", None)
        if code is not None:
            h.update(code.co_code)
            h.update(repr(code.co_consts).encode())
    return h.hexdigest()


class KeyMaker:
    """Turns a call's arguments into a key, skipping parameters whose name starts with ``_``."""

    __slots__ = ("fn_name", "hash_funcs", "names", "signature", "plain")

    def __init__(self, fn: Callable[..., Any], hash_funcs: HashFuncs | None) -> None:
        self.fn_name = getattr(fn, "__qualname__", repr(fn))
        self.hash_funcs = _normalise(hash_funcs)
        self.signature = inspect.signature(fn)
        params = list(self.signature.parameters.values())
        self.names = tuple(p.name for p in params)
        # a function of plain positional-or-keyword parameters, none with a default, binds
        # positionally without inspect's machinery (the common case, and the hot path)
        self.plain = all(
            p.kind is p.POSITIONAL_OR_KEYWORD and p.default is p.empty for p in params
        )

    def key(self, args: tuple[Any, ...], kwargs: dict[str, Any], extra: str = "") -> bytes:
        if self.plain and not kwargs and len(args) == len(self.names):
            pairs: Any = zip(self.names, args, strict=True)
        else:
            try:
                bound = self.signature.bind(*args, **kwargs)
            except TypeError as exc:
                raise TypeError(f"{self.fn_name}(): {exc}") from None
            bound.apply_defaults()
            pairs = bound.arguments.items()
        h = hashlib.blake2b(extra.encode(), digest_size=_DIGEST)
        funcs = self.hash_funcs
        for name, value in pairs:
            if name.startswith("_"):
                continue
            h.update(name.encode())
            h.update(b"=")
            try:
                _feed(h, value, funcs, [])
            except _Unhashable as exc:
                raise UnhashableParamError(
                    f"Cannot hash argument {name!r} of {self.fn_name}() "
                    f"(of type {_type_name(exc.value)}): {exc.why}. Name the parameter "
                    f"'_{name}' so it is not hashed, or pass "
                    f"hash_funcs={{{_type_name(exc.value)}: fn}} to the cache decorator."
                ) from None
            except RecursionError:
                raise UnhashableParamError(
                    f"Cannot hash argument {name!r} of {self.fn_name}(): it is nested too "
                    f"deeply. Name the parameter '_{name}' or use hash_funcs."
                ) from None
        return h.digest()


def _normalise(hash_funcs: HashFuncs | None) -> dict[str, Callable[[Any], Any]]:
    """``hash_funcs`` keys may be types or their fully qualified names, as in Streamlit."""
    if not hash_funcs:
        return {}
    out: dict[str, Callable[[Any], Any]] = {}
    for kind, fn in hash_funcs.items():
        out[kind if isinstance(kind, str) else f"{kind.__module__}.{kind.__qualname__}"] = fn
    return out


def _type_name(value: Any) -> str:
    t = type(value)
    return t.__qualname__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _custom(value: Any, funcs: dict[str, Callable[[Any], Any]]) -> Callable[[Any], Any] | None:
    for t in type(value).__mro__:
        fn = funcs.get(f"{t.__module__}.{t.__qualname__}")
        if fn is not None:
            return fn
    return None


_SCALARS: dict[type[Any], bytes] = {
    int: b"i", float: b"f", complex: b"c", decimal.Decimal: b"d", fractions.Fraction: b"q",
    uuid.UUID: b"u", range: b"r",
}
_TIMES: dict[type[Any], bytes] = {
    datetime.datetime: b"D", datetime.date: b"a", datetime.time: b"t", datetime.timedelta: b"T",
}


def _feed(h: Any, value: Any, funcs: dict[str, Callable[[Any], Any]], path: list[int]) -> None:
    """Feed ``value`` into ``h``, tagged by type so ``1``, ``"1"`` and ``[1]`` differ."""
    if funcs:
        fn = _custom(value, funcs)
        if fn is not None:
            h.update(b"H")
            _feed(h, fn(value), {}, path)
            return
    t = type(value)
    if value is None:
        h.update(b"N")
    elif t is bool:
        h.update(b"1" if value else b"0")
    elif t is str:
        data = value.encode("utf-8", "surrogatepass")
        h.update(b"s%d:" % len(data))
        h.update(data)
    elif t in _SCALARS:
        h.update(_SCALARS[t])
        h.update(repr(value).encode())
        h.update(b";")
    elif t is bytes or t is bytearray or t is memoryview:
        data = bytes(value)
        h.update(b"b%d:" % len(data))
        h.update(data)
    elif t in _TIMES:
        h.update(_TIMES[t])
        h.update(repr(value).encode())
    elif t is list or t is tuple:
        _container(h, value, funcs, path, b"L" if t is list else b"U", ordered=True)
    elif t is set or t is frozenset:
        _container(h, value, funcs, path, b"S", ordered=False)
    elif t is dict:
        _mapping(h, value, funcs, path)
    else:
        _other(h, value, funcs, path)


def _sub(value: Any, funcs: dict[str, Callable[[Any], Any]], path: list[int]) -> bytes:
    h = hashlib.blake2b(digest_size=_DIGEST)
    _feed(h, value, funcs, path)
    return h.digest()


def _container(
    h: Any, value: Any, funcs: dict[str, Callable[[Any], Any]], path: list[int],
    tag: bytes, *, ordered: bool,
) -> None:
    if id(value) in path:  # a list that contains itself: name the cycle by its depth
        h.update(b"R%d" % path.index(id(value)))
        return
    path.append(id(value))
    h.update(tag + b"%d:" % len(value))
    if ordered:
        for item in value:
            _feed(h, item, funcs, path)
    else:  # a set's iteration order is not its identity
        for digest in sorted(_sub(item, funcs, path) for item in value):
            h.update(digest)
    path.pop()


def _mapping(
    h: Any, value: Mapping[Any, Any], funcs: dict[str, Callable[[Any], Any]], path: list[int]
) -> None:
    if id(value) in path:
        h.update(b"R%d" % path.index(id(value)))
        return
    path.append(id(value))
    h.update(b"M%d:" % len(value))
    for digest in sorted(_sub(k, funcs, path) + _sub(v, funcs, path) for k, v in value.items()):
        h.update(digest)  # equal dicts are equal whatever their insertion order
    path.pop()


_BUILTINS = (bool, int, float, str, bytes, list, tuple, set, frozenset)


def _other(h: Any, value: Any, funcs: dict[str, Callable[[Any], Any]], path: list[int]) -> None:
    t = type(value)
    module = t.__module__.partition(".")[0]
    h.update(f"<{t.__module__}.{t.__qualname__}>".encode())
    if isinstance(value, enum.Enum):
        h.update(value.name.encode())
    elif module == "numpy":
        _numpy(h, value, funcs, path)
    elif module == "pandas":
        _pandas(h, value)
    elif module == "polars":
        _polars(h, value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        _feed(h, [getattr(value, f.name) for f in dataclasses.fields(value)], funcs, path)
    elif _is_pydantic(t):
        _feed(h, value.model_dump(mode="python"), funcs, path)
    elif isinstance(value, _BUILTINS):  # a subclass of a built-in: hashed as its base
        base: Any = next(b for b in _BUILTINS if isinstance(value, b))
        _feed(h, base(value), funcs, path)
    elif isinstance(value, Mapping):
        _mapping(h, value, funcs, path)
    elif isinstance(value, pathlib.PurePath):
        h.update(str(value).encode())
    elif inspect.isfunction(value) or inspect.ismethod(value):
        h.update(function_digest(value).encode())
    elif isinstance(value, type):
        h.update(f"{value.__module__}.{value.__qualname__}".encode())
    else:
        _pickled(h, value)


def _numpy(h: Any, value: Any, funcs: dict[str, Callable[[Any], Any]], path: list[int]) -> None:
    np = sys.modules["numpy"]
    if isinstance(value, np.ndarray):
        h.update(f"{value.dtype.str}{value.shape}".encode())
        if value.dtype.hasobject:  # the buffer holds pointers: hash the objects themselves
            _feed(h, value.tolist(), funcs, path)
        else:
            h.update(np.ascontiguousarray(value).data)
    elif isinstance(value, np.generic):
        h.update(value.dtype.str.encode())
        h.update(value.tobytes())
    else:
        _pickled(h, value)


def _pandas(h: Any, value: Any) -> None:
    pd = sys.modules["pandas"]
    if isinstance(value, (pd.DataFrame, pd.Series, pd.Index)):
        try:
            rows = pd.util.hash_pandas_object(value, index=True)
        except TypeError as exc:  # cells that are lists, dicts, ...
            raise _Unhashable(value, f"pandas cannot hash its cells ({exc})") from None
        h.update(rows.to_numpy().tobytes())
        if isinstance(value, pd.DataFrame):
            h.update(repr(list(value.columns)).encode())
            h.update(repr([str(d) for d in value.dtypes]).encode())
        else:
            h.update(repr((value.name, str(value.dtype))).encode())
    else:
        _pickled(h, value)


def _polars(h: Any, value: Any) -> None:
    pl = sys.modules["polars"]
    if isinstance(value, pl.DataFrame):
        h.update(repr(value.schema).encode())
        h.update(value.hash_rows().to_numpy().tobytes())
    elif isinstance(value, pl.Series):
        h.update(repr((value.name, value.dtype)).encode())
        h.update(value.hash().to_numpy().tobytes())
    else:
        _pickled(h, value)


def _is_pydantic(t: type[Any]) -> bool:
    return any(
        c.__name__ == "BaseModel" and c.__module__.startswith("pydantic") for c in t.__mro__
    ) and hasattr(t, "model_dump")


def _pickled(h: Any, value: Any) -> None:
    """The last resort, as in Streamlit: an object that pickles is hashed by its pickle.

    Only ``dumps``, never ``loads``; imported here so that importing reactive_rerun leaves
    pickle unloaded (``tests/test_record.py``).
    """
    import pickle

    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        why = f"it is not a supported type and does not pickle ({exc})"
        raise _Unhashable(value, why) from None
    h.update(data)


__all__ = ["HashFuncs", "KeyMaker", "function_digest"]
