"""Plain-data records: a session's durable values turned into bytes (msgpack) and back.

Records sit in a shared store that other processes read, so they hold plain data only and are
never unpickled: reading one builds plain values and never imports or runs code named by it.

Layout: msgpack natives carry None, bool, 64-bit ints, float, str, bytes, list and dict. Other
types are ext values with a fixed byte layout (codes 1-9), and tuple, set and frozenset are
arrays whose first item is an empty marker ext (codes 16-18). Any other ext code is refused.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import uuid
from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import Enum
from typing import Final
from zoneinfo import ZoneInfo

import msgpack

from .errors import BadRecord, UnstorableValue

__all__ = ["MAX_DEPTH", "MAX_RECORD_BYTES", "BadRecord", "UnstorableValue", "pack", "unpack"]

MAX_DEPTH: Final = 200
"""Containers nested deeper than this are refused (records are small trees, not graphs)."""

MAX_RECORD_BYTES: Final = 16 * 1024 * 1024
"""Largest record ``pack`` writes and ``unpack`` reads; it also bounds what reading allocates."""

_MAX_SHARED_ITEMS: Final = 1_000_000  # copies of shared containers (a DAG can grow exponentially)

_STORE_PLAIN_DATA: Final = (
    "Store plain data (str, int, float, bool, None, bytes, list, tuple, dict, set, "
    "datetime/date/time/timedelta, Decimal, UUID), or keep the object in a cache or recreate "
    "it in the script."
)


# -- layout -----------------------------------------------------------------------------------

_BIGINT: Final = 1  # int outside msgpack's range: two's complement, big-endian
_BYTEARRAY: Final = 2
_COMPLEX: Final = 3  # real, imag as two big-endian doubles
_DECIMAL: Final = 4  # str(value), ASCII
_UUID: Final = 5  # the 16 bytes
_TIMEDELTA: Final = 6
_DATE: Final = 7
_TIME: Final = 8  # fields, then a time zone
_DATETIME: Final = 9  # fields, then a time zone
_TUPLE: Final = 16  # marker heading an array
_SET: Final = 17
_FROZENSET: Final = 18

_INT_MIN: Final = -(2**63)
_INT_MAX: Final = 2**64 - 1

_COMPLEX_LAYOUT: Final = struct.Struct(">dd")
_TIMEDELTA_LAYOUT: Final = struct.Struct(">iii")  # days, seconds, microseconds
_DATE_LAYOUT: Final = struct.Struct(">HBB")
_TIME_LAYOUT: Final = struct.Struct(">BBBIB")  # hour, minute, second, microsecond, fold
_DATETIME_LAYOUT: Final = struct.Struct(">HBBBBBIB")  # year ... microsecond, fold
_OFFSET_LAYOUT: Final = struct.Struct(">q")  # UTC offset in microseconds

# A time zone follows the fields of a time or datetime: nothing (naive), or one of these kinds.
_TZ_OFFSET: Final = 1  # datetime.timezone(offset)
_TZ_NAMED_OFFSET: Final = 2  # datetime.timezone(offset, name): offset, then the name in UTF-8
_TZ_ZONE: Final = 3  # zoneinfo.ZoneInfo(key): the key in ASCII
_ZONE_KEY: Final = re.compile(r"[A-Za-z0-9_+\-]{1,64}(?:/[A-Za-z0-9_+\-]{1,64}){0,3}")

_TEXT_ERRORS: Final = "surrogatepass"  # a str with lone surrogates is still a str: keep it


# -- pack -------------------------------------------------------------------------------------


def pack(value: object, *, where: str = "value") -> bytes:
    """Return ``value`` as record bytes, or raise UnstorableValue naming the part that can't go.

    ``where`` names ``value`` in messages, e.g. ``"session_state['df']"``. Shared references come
    back as separate equal copies.
    """
    try:
        plain = _Packer().walk(value, 0)
    except _Refusal as refusal:
        path = where + "".join(reversed(refusal.steps))
        if len(path) > 200:
            path = f"{path[:120]}...{path[-60:]}"
        raise UnstorableValue(f"{path} {refusal.reason}") from None
    except RecursionError:
        raise UnstorableValue(
            f"{where} is nested too deeply to store; store a flatter structure."
        ) from None
    packed: bytes = msgpack.packb(plain, use_bin_type=True, unicode_errors=_TEXT_ERRORS)
    if len(packed) > MAX_RECORD_BYTES:
        raise UnstorableValue(
            f"{where} takes {len(packed)} bytes, over the {MAX_RECORD_BYTES}-byte limit of a "
            "session record; keep large data in a cache or recreate it in the script."
        )
    return packed


class _Refusal(Exception):
    """Raised inside the walk; each container on the way out adds its step to the path."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.steps: list[str] = []  # innermost first


class _Packer:
    """One walk over a value, turning it into msgpack natives, ExtTypes and marked arrays."""

    __slots__ = ("_open", "_seen", "_copies_left")

    def __init__(self) -> None:
        self._open: set[int] = set()  # ids of the containers on the current path
        self._seen: set[int] = set()  # ids of every container walked so far
        self._copies_left = _MAX_SHARED_ITEMS

    def walk(self, value: object, depth: int) -> object:
        kind = type(value)
        if kind is str or kind is float or kind is bool or value is None or kind is bytes:
            return value
        if type(value) is int:
            if _INT_MIN <= value <= _INT_MAX:
                return value
            return msgpack.ExtType(_BIGINT, value.to_bytes(value.bit_length() // 8 + 1, "big",
                                                           signed=True))
        if kind is dict or kind is list or kind is tuple or kind is set or kind is frozenset:
            return self._container(value, depth + 1)
        leaf = _LEAVES.get(kind)
        if leaf is not None:
            return leaf(value)
        raise _refusal(value)

    def _container(self, value: object, depth: int) -> object:
        assert isinstance(value, dict | list | tuple | set | frozenset)
        if depth > MAX_DEPTH:
            raise _Refusal(
                f"is nested more than {MAX_DEPTH} containers deep; store a flatter structure."
            )
        if id(value) in self._open:
            raise _Refusal(
                f"is a {type(value).__name__} that contains itself (a reference cycle); "
                "a session record must be a tree of plain data."
            )
        if id(value) in self._seen:  # shared: stored again as a copy, so count what it adds
            self._copies_left -= len(value) + 1
            if self._copies_left < 0:
                raise _Refusal(
                    f"is a {type(value).__name__} shared so often that storing a copy at each "
                    f"place would take over {_MAX_SHARED_ITEMS} items; store a tree, not a graph."
                )
        self._seen.add(id(value))
        self._open.add(id(value))
        try:
            if isinstance(value, dict):  # exact types only reach here
                return self._dict(value, depth)
            items = self._items(value, depth)
            if type(value) is list:
                return items
            return (_MARK_EXTS[type(value)], *items)  # a tuple: hashable, so it can be a key
        finally:
            self._open.discard(id(value))

    def _dict(self, value: dict[object, object], depth: int) -> dict[object, object]:
        walk = self.walk
        out: dict[object, object] = {}
        for key, item in value.items():
            try:
                plain_key = walk(key, depth)
            except _Refusal as refusal:
                refusal.steps.append(f"<key {_label(key)}>")
                raise
            try:
                out[plain_key] = walk(item, depth)
            except _Refusal as refusal:
                refusal.steps.append(f"[{_label(key)}]")
                raise
        return out

    def _items(self, value: list[object] | tuple[object, ...] | set[object] | frozenset[object],
               depth: int) -> list[object]:
        walk = self.walk
        out: list[object] = []
        for index, item in enumerate(value):
            try:
                out.append(walk(item, depth))
            except _Refusal as refusal:
                is_sequence = isinstance(value, list | tuple)
                refusal.steps.append(f"[{index}]" if is_sequence else f"<element {_label(item)}>")
                raise
        return out


def _label(value: object) -> str:
    """A short repr for a path in a message."""
    try:
        text = repr(value)
    except Exception:
        text = f"<{_type_name(type(value))}>"
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(kind: type) -> str:
    return kind.__qualname__ if kind.__module__ == "builtins" else (
        f"{kind.__module__}.{kind.__qualname__}"
    )


_STORABLE: Final[tuple[type, ...]] = (
    bool, int, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset,
    dt.datetime, dt.date, dt.time, dt.timedelta, Decimal, uuid.UUID,
)


def _refusal(value: object) -> _Refusal:
    kind = type(value)
    said = f"is a {_type_name(kind)}, which can't be stored in a session record"
    if isinstance(value, Enum):
        return _Refusal(
            f"{said}: an Enum member would have to be rebuilt by importing its class by name. "
            "Store its .value (or .name) and look the member up in the script."
        )
    if isinstance(value, tuple) and hasattr(kind, "_fields"):
        return _Refusal(
            f"{said}: a namedtuple would have to be rebuilt by importing its class by name. "
            "Store a plain tuple, or a dict (value._asdict())."
        )
    base = next((b for b in kind.__mro__[1:] if b in _STORABLE), None)
    if base is not None:
        return _Refusal(
            f"{said}: it is a subclass of {base.__name__} and would come back as a plain "
            f"{base.__name__}. Convert it to a plain {base.__name__} first."
        )
    return _Refusal(f"{said}. {_STORE_PLAIN_DATA}")


def _pack_bytearray(value: bytearray) -> object:
    return msgpack.ExtType(_BYTEARRAY, bytes(value))


def _pack_complex(value: complex) -> object:
    return msgpack.ExtType(_COMPLEX, _COMPLEX_LAYOUT.pack(value.real, value.imag))


def _pack_decimal(value: Decimal) -> object:
    return msgpack.ExtType(_DECIMAL, str(value).encode("ascii"))


def _pack_uuid(value: uuid.UUID) -> object:
    return msgpack.ExtType(_UUID, value.bytes)


def _pack_timedelta(value: dt.timedelta) -> object:
    layout = _TIMEDELTA_LAYOUT.pack(value.days, value.seconds, value.microseconds)
    return msgpack.ExtType(_TIMEDELTA, layout)


def _pack_date(value: dt.date) -> object:
    return msgpack.ExtType(_DATE, _DATE_LAYOUT.pack(value.year, value.month, value.day))


def _pack_time(value: dt.time) -> object:
    fields = _TIME_LAYOUT.pack(value.hour, value.minute, value.second, value.microsecond,
                               value.fold)
    return msgpack.ExtType(_TIME, fields + _pack_zone(value.tzinfo))


def _pack_datetime(value: dt.datetime) -> object:
    fields = _DATETIME_LAYOUT.pack(value.year, value.month, value.day, value.hour, value.minute,
                                   value.second, value.microsecond, value.fold)
    return msgpack.ExtType(_DATETIME, fields + _pack_zone(value.tzinfo))


def _pack_zone(zone: dt.tzinfo | None) -> bytes:
    if zone is None:
        return b""
    if type(zone) is dt.timezone:
        offset = zone.utcoffset(None)
        micros = _OFFSET_LAYOUT.pack(offset // dt.timedelta(microseconds=1))
        name = zone.tzname(None)
        if name == dt.timezone(offset).tzname(None):
            return bytes([_TZ_OFFSET]) + micros
        return bytes([_TZ_NAMED_OFFSET]) + micros + name.encode("utf-8", _TEXT_ERRORS)
    if type(zone) is ZoneInfo and zone.key is not None and _ZONE_KEY.fullmatch(zone.key):
        return bytes([_TZ_ZONE]) + zone.key.encode("ascii")
    raise _Refusal(
        f"has a time zone of type {_type_name(type(zone))} ({_label(zone)}), which can't be "
        "stored in a session record. Use datetime.timezone (fixed offsets, UTC) or "
        "zoneinfo.ZoneInfo('Area/City')."
    )


_LEAVES: Final[dict[type, Callable[[object], object]]] = {
    bytearray: _pack_bytearray,  # type: ignore[dict-item]
    complex: _pack_complex,  # type: ignore[dict-item]
    Decimal: _pack_decimal,  # type: ignore[dict-item]
    uuid.UUID: _pack_uuid,  # type: ignore[dict-item]
    dt.timedelta: _pack_timedelta,  # type: ignore[dict-item]
    dt.date: _pack_date,  # type: ignore[dict-item]
    dt.time: _pack_time,  # type: ignore[dict-item]
    dt.datetime: _pack_datetime,  # type: ignore[dict-item]
}  # keyed by exact type: a subclass finds no entry and is refused

_MARK_EXTS: Final[dict[type, object]] = {
    tuple: msgpack.ExtType(_TUPLE, b""),
    set: msgpack.ExtType(_SET, b""),
    frozenset: msgpack.ExtType(_FROZENSET, b""),
}


# -- unpack -----------------------------------------------------------------------------------


def unpack(data: bytes) -> object:
    """Return the value ``pack`` turned into ``data``; raise BadRecord for anything else.

    Every length inside is capped by ``len(data)`` and the input by MAX_RECORD_BYTES, so hostile
    bytes fail fast without large allocations; an unknown ext code fails too.
    """
    if not isinstance(data, bytes | bytearray):
        raise TypeError(f"unpack() takes bytes, not {_type_name(type(data))}")
    size = len(data)
    if size > MAX_RECORD_BYTES:
        raise BadRecord(f"record of {size} bytes is over the {MAX_RECORD_BYTES}-byte limit")
    try:
        value: object = msgpack.unpackb(
            data,
            raw=False,  # msgpack str -> str, bin -> bytes
            strict_map_key=False,  # keys may be any hashable record value (int, tuple, ...);
            # a key that decodes unhashable (list, dict, set) fails the dict insert -> BadRecord
            unicode_errors=_TEXT_ERRORS,
            use_list=True,
            list_hook=_list_hook,
            object_hook=_dict_hook,
            ext_hook=_ext_hook,
            timestamp=0,  # msgpack's own timestamp ext (-1) skips ext_hook: the hooks refuse it
            max_str_len=size,
            max_bin_len=size,
            max_ext_len=size,
            max_array_len=size,  # an item takes at least a byte
            max_map_len=size // 2,  # an entry takes at least two
        )
        _require_values((value,))
    except BadRecord:
        raise
    except Exception as error:  # msgpack's ValueErrors, and TypeError etc. from hostile content
        raise BadRecord(f"not a valid session record: {type(error).__name__}: {error}") from None
    return value


class _Mark:
    """What a marker ext decodes to: it tells the array holding it which container to build."""

    __slots__ = ("build",)

    def __init__(self, build: Callable[[list[object]], object]) -> None:
        self.build = build


_MARKS: Final[dict[int, _Mark]] = {
    _TUPLE: _Mark(tuple), _SET: _Mark(set), _FROZENSET: _Mark(frozenset),
}
_NOT_VALUES: Final = frozenset({_Mark, msgpack.Timestamp, msgpack.ExtType})


def _require_values(items: Iterable[object]) -> None:
    if not _NOT_VALUES.isdisjoint(map(type, items)):
        raise BadRecord("not a valid session record: a marker or timestamp where a value belongs")


def _list_hook(items: list[object]) -> object:
    if items and type(items[0]) is _Mark:
        mark = items.pop(0)
        assert isinstance(mark, _Mark)
        _require_values(items)
        return mark.build(items)
    _require_values(items)
    return items


def _dict_hook(mapping: dict[object, object]) -> object:
    _require_values(mapping)
    _require_values(mapping.values())
    return mapping


def _ext_hook(code: int, data: bytes) -> object:
    mark = _MARKS.get(code)
    if mark is not None:
        if data:
            raise BadRecord(f"not a valid session record: marker ext {code} carries data")
        return mark
    read = _READERS.get(code)
    if read is None:
        raise BadRecord(f"not a valid session record: unknown ext type code {code}")
    return read(data)


def _read_bigint(data: bytes) -> int:
    if not data:
        raise BadRecord("not a valid session record: empty big int")
    return int.from_bytes(data, "big", signed=True)


def _read_complex(data: bytes) -> complex:
    real, imag = _COMPLEX_LAYOUT.unpack(data)
    return complex(real, imag)


def _read_decimal(data: bytes) -> Decimal:
    text = data.decode("ascii")
    value = Decimal(text)
    if str(value) != text:  # not what pack writes (or a context without the InvalidOperation trap)
        raise BadRecord(f"not a valid session record: Decimal text {text[:40]!r}")
    return value


def _read_timedelta(data: bytes) -> dt.timedelta:
    days, seconds, micros = _TIMEDELTA_LAYOUT.unpack(data)
    return dt.timedelta(days=days, seconds=seconds, microseconds=micros)


def _read_date(data: bytes) -> dt.date:
    return dt.date(*_DATE_LAYOUT.unpack(data))


def _read_time(data: bytes) -> dt.time:
    hour, minute, second, micro, fold = _TIME_LAYOUT.unpack_from(data)
    zone = _read_zone(data[_TIME_LAYOUT.size:])
    return dt.time(hour, minute, second, micro, zone, fold=fold)


def _read_datetime(data: bytes) -> dt.datetime:
    year, month, day, hour, minute, second, micro, fold = _DATETIME_LAYOUT.unpack_from(data)
    zone = _read_zone(data[_DATETIME_LAYOUT.size:])
    return dt.datetime(year, month, day, hour, minute, second, micro, zone, fold=fold)


def _read_zone(data: bytes) -> dt.tzinfo | None:
    if not data:
        return None
    kind, rest = data[0], data[1:]
    if kind == _TZ_OFFSET and len(rest) == _OFFSET_LAYOUT.size:
        (micros,) = _OFFSET_LAYOUT.unpack(rest)
        return dt.timezone(dt.timedelta(microseconds=micros))
    if kind == _TZ_NAMED_OFFSET:
        (micros,) = _OFFSET_LAYOUT.unpack_from(rest)
        name = rest[_OFFSET_LAYOUT.size:].decode("utf-8", _TEXT_ERRORS)
        return dt.timezone(dt.timedelta(microseconds=micros), name)
    if kind == _TZ_ZONE:
        key = rest.decode("ascii")
        if _ZONE_KEY.fullmatch(key):
            return ZoneInfo(key)  # reads the system tz database; unknown keys raise
    raise BadRecord(f"not a valid session record: time zone of kind {kind}")


_READERS: Final[dict[int, Callable[[bytes], object]]] = {
    _BIGINT: _read_bigint,
    _BYTEARRAY: bytearray,
    _COMPLEX: _read_complex,
    _DECIMAL: _read_decimal,
    _UUID: lambda data: uuid.UUID(bytes=data),
    _TIMEDELTA: _read_timedelta,
    _DATE: _read_date,
    _TIME: _read_time,
    _DATETIME: _read_datetime,
}
