"""``reactive_rerun.record``: values to bytes and back, refusals that say where, hostile bytes."""

from __future__ import annotations

import ast
import collections
import datetime as dt
import enum
import math
import struct
import subprocess
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import msgpack
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reactive_rerun.record import (
    MAX_DEPTH,
    MAX_RECORD_BYTES,
    BadRecord,
    UnstorableValue,
    pack,
    unpack,
)

RECORD_SOURCE = Path(__file__).resolve().parent.parent / "reactive_rerun" / "record.py"
NEW_YORK = ZoneInfo("America/New_York")


def canon(value: object) -> object:
    """``value`` as a comparable structure that records every type and exact value (nan too)."""
    kind = type(value).__qualname__
    if isinstance(value, list | tuple):
        return (kind, [canon(item) for item in value])
    if isinstance(value, dict):
        return (kind, [(canon(key), canon(item)) for key, item in value.items()])
    if isinstance(value, set | frozenset):
        return (kind, sorted(repr(canon(item)) for item in value))
    return (kind, repr(value))


def round_trip(value: object) -> object:
    return unpack(pack(value))


def hostile(value: object) -> bytes:
    """Raw msgpack, as something other than ``pack`` could have written it."""
    packed: bytes = msgpack.packb(value, use_bin_type=True)
    return packed


EXAMPLES: dict[str, object] = {
    "none": None,
    "true": True,
    "false": False,
    "zero": 0,
    "int64_min": -(2**63),
    "uint64_max": 2**64 - 1,
    "int_beyond_64_bits": 2**64,
    "negative_int_beyond_64_bits": -(2**63) - 1,
    "huge_int": 7**500,
    "float": 1.25,
    "negative_zero": -0.0,
    "nan": math.nan,
    "inf": math.inf,
    "minus_inf": -math.inf,
    "str": "héllo ✓",
    "empty_str": "",
    "str_with_lone_surrogate": "a\ud800b",
    "bytes": b"\x00\xff",
    "bytearray": bytearray(b"\x00\xff"),
    "list": [1, "a", None],
    "empty_tuple": (),
    "tuple": (1, (2, [3])),
    "dict": {"a": 1, 2: "b", (3, 4): [5], None: {}, 1.5: True, b"k": frozenset({1})},
    "set": {1, "a", (2, 3)},
    "empty_set": set(),
    "frozenset": frozenset({frozenset({1}), 2}),
    "naive_datetime": dt.datetime(2024, 2, 29, 23, 59, 58, 999_999),
    "utc_datetime": dt.datetime(2024, 1, 1, 12, tzinfo=dt.UTC),
    "offset_datetime": dt.datetime(2024, 1, 1, tzinfo=dt.timezone(-dt.timedelta(hours=5))),
    "named_offset_datetime": dt.datetime(2024, 1, 1, tzinfo=dt.timezone(dt.timedelta(0), "Z")),
    "zoneinfo_datetime_second_fold": dt.datetime(2024, 11, 3, 1, 30, tzinfo=NEW_YORK, fold=1),
    "date": dt.date(1, 1, 1),
    "time": dt.time(23, 59, 59, 999_999),
    "aware_time": dt.time(8, 30, tzinfo=dt.timezone(dt.timedelta(hours=9, minutes=30))),
    "timedelta": dt.timedelta(days=-3, seconds=5, microseconds=7),
    "max_timedelta": dt.timedelta.max,
    "decimal": Decimal("1.500"),
    "decimal_exponent": Decimal("-1E+7"),
    "decimal_nan": Decimal("NaN"),
    "decimal_signalling_nan": Decimal("sNaN12"),
    "decimal_negative_infinity": Decimal("-Infinity"),
    "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "complex": complex(1.5, -2),
    "complex_nan": complex(math.nan, math.inf),
}


@pytest.mark.parametrize("value", list(EXAMPLES.values()), ids=list(EXAMPLES))
def test_every_supported_type_round_trips_exactly(value: object) -> None:
    assert canon(round_trip(value)) == canon(value)


def test_types_are_preserved_not_just_equal_values() -> None:
    back = round_trip([(1, 2), True, 1, 1.0, b"b", bytearray(b"b"), {1}, frozenset({1})])
    assert isinstance(back, list)
    assert [type(item) for item in back] == [
        tuple, bool, int, float, bytes, bytearray, set, frozenset
    ]


def test_dict_keeps_insertion_order_and_key_types() -> None:
    value = {"b": 1, 3: 2, (1, "x"): 3, "a": 4, True: 5, 2.5: 6, frozenset({1}): 7}
    back = round_trip(value)
    assert isinstance(back, dict)
    assert list(back) == list(value)
    assert [type(key) for key in back] == [type(key) for key in value]


def test_aware_datetimes_keep_their_time_zone() -> None:
    for zone in (dt.UTC, dt.timezone(dt.timedelta(hours=-3, microseconds=1)),
                 dt.timezone(dt.timedelta(hours=1), "CET"), NEW_YORK):
        value = dt.datetime(2024, 11, 3, 1, 30, tzinfo=zone, fold=1)
        back = round_trip(value)
        assert isinstance(back, dt.datetime)
        assert back.tzinfo == zone and back.tzname() == value.tzname()
        assert back.utcoffset() == value.utcoffset() and back.fold == 1


HASHABLE_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(),
    st.binary(max_size=20),
    st.datetimes(timezones=st.one_of(
        st.none(),
        st.just(dt.UTC),
        st.timedeltas(min_value=dt.timedelta(hours=-23), max_value=dt.timedelta(hours=23))
        .map(dt.timezone),
        st.timezones(),
    )),
    st.dates(),
    st.times(timezones=st.one_of(st.none(), st.just(dt.UTC))),
    st.timedeltas(),
    st.decimals(allow_nan=False),
    st.uuids(),
    st.complex_numbers(allow_nan=False),
)
LEAVES = st.one_of(
    HASHABLE_LEAVES,
    st.floats(),
    st.decimals(allow_nan=True).filter(lambda d: not d.is_snan()),
    st.binary(max_size=20).map(bytearray),
)
HASHABLES = st.recursive(
    HASHABLE_LEAVES,
    lambda inner: st.one_of(st.lists(inner, max_size=4).map(tuple),
                            st.frozensets(inner, max_size=4)),
    max_leaves=8,
)
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.lists(inner, max_size=5).map(tuple),
        st.dictionaries(HASHABLES, inner, max_size=5),
        st.sets(HASHABLES, max_size=5),
        st.frozensets(HASHABLES, max_size=5),
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_nested_structures_of_supported_types_round_trip_exactly(value: object) -> None:
    assert canon(round_trip(value)) == canon(value)


class Thing:
    pass


def test_refusal_names_the_path_and_type_of_an_object_in_a_dict_in_a_list() -> None:
    with pytest.raises(UnstorableValue) as refused:
        pack({"rows": [1, {"a": 2, "obj": Thing()}]}, where="session_state['df']")
    message = str(refused.value)
    assert message.startswith("session_state['df']['rows'][1]['obj'] is a ")
    assert f"{__name__}.Thing" in message
    assert "plain data" in message and "cache" in message


def test_refusal_names_an_unstorable_dict_key_and_set_element() -> None:
    with pytest.raises(UnstorableValue, match=r"^value\['m'\]<key .*Thing"):
        pack({"m": {Thing(): 1}})
    with pytest.raises(UnstorableValue, match=r"^value\[0\]<element .*Thing"):
        pack([{1, Thing()}])


def test_unstorable_value_is_a_type_error_and_bad_record_a_value_error() -> None:
    assert issubclass(UnstorableValue, TypeError)
    assert issubclass(BadRecord, ValueError)


class Color(enum.Enum):
    RED = 1


class Size(enum.IntEnum):
    SMALL = 1


class Mode(enum.StrEnum):
    DARK = "dark"


@pytest.mark.parametrize("member", [Color.RED, Size.SMALL, Mode.DARK],
                         ids=["Enum", "IntEnum", "StrEnum"])
def test_enum_members_are_refused_with_advice_to_store_the_value(member: enum.Enum) -> None:
    with pytest.raises(UnstorableValue, match=r"^value\['k'\]\[0\] is a .*Enum member.*\.value"):
        pack({"k": [member]})


class Point(NamedTuple):
    x: int
    y: int


def test_namedtuples_are_refused_with_advice_to_store_a_tuple_or_dict() -> None:
    for value in (Point(1, 2), collections.namedtuple("Pair", "a b")(1, 2)):
        with pytest.raises(UnstorableValue, match=r"namedtuple.*_asdict"):
            pack(value)


class Name(str):
    pass


class Stamp(dt.datetime):
    pass


@pytest.mark.parametrize("value", [
    Name("x"), collections.OrderedDict(a=1), collections.defaultdict(list), Stamp(2024, 1, 1),
], ids=["str", "dict", "dict_default", "datetime"])
def test_subclasses_of_supported_types_are_refused_not_flattened(value: object) -> None:
    with pytest.raises(UnstorableValue, match="subclass of .* would come back as a plain"):
        pack(value)


def _generator() -> Any:
    yield 1


@pytest.mark.parametrize("value", [
    Thing(), len, lambda: 1, _generator(), object(), Thing, range(3), memoryview(b"x"),
    msgpack.ExtType(1, b""),
], ids=["object", "builtin", "lambda", "generator", "bare_object", "class", "range", "memoryview",
        "msgpack_ext"])
def test_other_values_are_refused_with_their_qualified_type_name(value: object) -> None:
    with pytest.raises(UnstorableValue) as refused:
        pack(value, where="session_state['x']")
    kind = type(value)
    name = kind.__qualname__
    if kind.__module__ != "builtins":
        name = f"{kind.__module__}.{name}"
    assert str(refused.value).startswith(f"session_state['x'] is a {name}, which can't be stored")


def test_unsupported_time_zones_are_refused() -> None:
    class Zone(dt.tzinfo):
        def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
            return dt.timedelta(0)

    with pytest.raises(UnstorableValue, match=r"^value\[0\] has a time zone of type .*Zone"):
        pack([dt.datetime(2024, 1, 1, tzinfo=Zone())])


def test_self_referencing_containers_are_refused() -> None:
    looped: list[object] = [1]
    looped.append(looped)
    mapping: dict[str, object] = {}
    mapping["me"] = [mapping]
    with pytest.raises(UnstorableValue, match=r"^value\['x'\]\[1\] is a list that contains it"):
        pack({"x": looped})
    with pytest.raises(UnstorableValue, match=r"^value\['me'\]\[0\] is a dict that contains it"):
        pack(mapping)


def test_shared_references_come_back_as_equal_copies() -> None:
    shared = [1, 2]
    back = round_trip([shared, shared])
    assert back == [[1, 2], [1, 2]]


def _nested(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth - 1):
        value = [value]
    return value


def test_nesting_up_to_max_depth_round_trips() -> None:
    assert round_trip(_nested(MAX_DEPTH)) == _nested(MAX_DEPTH)


def test_nesting_deeper_than_max_depth_is_refused_without_recursion_error() -> None:
    for depth in (MAX_DEPTH + 1, 10_000):
        with pytest.raises(UnstorableValue, match="nested more than"):
            pack(_nested(depth))


def test_exponential_sharing_is_refused_quickly() -> None:
    value: list[object] = []
    for _ in range(100):
        value = [value, value]  # 2**100 paths through 100 lists
    started = time.perf_counter()
    with pytest.raises(UnstorableValue, match="shared so often"):
        pack(value)
    assert time.perf_counter() - started < 60  # 2**100 paths would never end: no race


def test_values_over_the_record_size_limit_are_refused() -> None:
    with pytest.raises(UnstorableValue, match="byte limit"):
        pack(b"x" * MAX_RECORD_BYTES)
    with pytest.raises(BadRecord, match="limit"):
        unpack(b"\xc0" * (MAX_RECORD_BYTES + 1))


def test_every_truncation_of_a_record_raises_bad_record() -> None:
    data = pack({"a": [1, 2.5, "x" * 40], "t": (dt.datetime(2024, 1, 1, tzinfo=NEW_YORK),),
                 "s": {Decimal("1.5"), uuid.UUID(int=7)}, "big": 2**80})
    for end in range(len(data)):
        with pytest.raises(BadRecord):
            unpack(data[:end])


def test_trailing_bytes_raise_bad_record() -> None:
    with pytest.raises(BadRecord):
        unpack(pack(1) + b"\x00")


@settings(max_examples=2000, deadline=None)
@given(st.binary(max_size=64))
def test_random_bytes_decode_to_a_record_value_or_raise_bad_record(data: bytes) -> None:
    try:
        value = unpack(data)
    except BadRecord:
        return
    assert canon(round_trip(value)) == canon(value)  # anything accepted is a storable value


@pytest.mark.parametrize("data", [
    hostile(msgpack.ExtType(0, b"")),
    hostile(msgpack.ExtType(10, b"x")),
    hostile(msgpack.ExtType(19, b"")),
    hostile(msgpack.ExtType(127, b"x")),
    hostile([msgpack.ExtType(99, b"")]),
    b"\xd4\xfb\x00",  # code -5
    hostile(msgpack.Timestamp(1, 0)),  # code -1: msgpack's timestamp, which bypasses ext_hook
    hostile({"t": [msgpack.Timestamp(1, 0)]}),
    hostile({msgpack.Timestamp(1, 0): 1}),
], ids=["0", "10", "19", "127", "in_list", "negative", "timestamp", "nested_timestamp",
        "timestamp_key"])
def test_unknown_ext_codes_raise_bad_record(data: bytes) -> None:
    with pytest.raises(BadRecord):
        unpack(data)


@pytest.mark.parametrize("data", [
    b"\xdd\xff\xff\xff\xff",  # array32 of 2**32 - 1 items
    b"\xdf\xff\xff\xff\xff",  # map32
    b"\xdb\xff\xff\xff\xff",  # str32
    b"\xc6\xff\xff\xff\xff",  # bin32
    b"\xc9\xff\xff\xff\xff\x01",  # ext32
    b"\x81\x00\xdd\x7f\xff\xff\xff",  # inside a map
    (b"\xdd" + struct.pack(">I", 1_000_000)) * 1000 + b"\xc0" * 995_000,  # nested, each "huge"
    b"\x91" * 100_000,  # nesting beyond msgpack's stack
], ids=["array", "map", "str", "bin", "ext", "in_map", "nested", "deep"])
def test_huge_declared_lengths_raise_bad_record_quickly(data: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(BadRecord):
        unpack(data)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("data", [
    hostile(msgpack.ExtType(16, b"")),  # a marker on its own
    hostile([1, msgpack.ExtType(16, b"")]),  # a marker not heading its array
    hostile({"k": msgpack.ExtType(17, b"")}),  # a marker as a dict value
    hostile({msgpack.ExtType(18, b""): 1}),  # a marker as a dict key
    hostile([msgpack.ExtType(16, b"x")]),  # a marker carrying data
], ids=["alone", "not_first", "dict_value", "dict_key", "with_data"])
def test_container_markers_out_of_place_raise_bad_record(data: bytes) -> None:
    with pytest.raises(BadRecord):
        unpack(data)


@pytest.mark.parametrize("data", [
    b"\x81\x92\x01\x02\x01",  # {[1, 2]: 1}
    b"\x81\x80\x01",  # {{}: 1}
    hostile([msgpack.ExtType(17, b""), [1]]),  # {[1]}
    hostile({(msgpack.ExtType(17, b""), 1): 1}),  # {{1}: 1}
], ids=["list_key", "dict_key", "list_in_set", "set_key"])
def test_unhashable_keys_and_set_elements_raise_bad_record(data: bytes) -> None:
    with pytest.raises(BadRecord):
        unpack(data)


DATETIME_FIELDS = struct.pack(">HBBBBBIB", 2024, 1, 1, 0, 0, 0, 0, 0)


@pytest.mark.parametrize("code, payload", [
    (1, b""),  # big int without digits
    (3, b"\x00" * 15),  # complex too short
    (4, b"one"),  # not a Decimal
    (4, b"1.50 "),  # not as pack writes it
    (4, b"\xff"),  # not ASCII
    (5, b"\x00" * 15),  # UUID too short
    (6, struct.pack(">iii", 2**31 - 1, 0, 0)),  # timedelta out of range
    (7, struct.pack(">HBB", 2024, 2, 30)),  # no such day
    (8, struct.pack(">BBBIB", 24, 0, 0, 0, 0)),  # no such hour
    (8, struct.pack(">BBBIB", 1, 0, 0, 0, 2)),  # no such fold
    (9, DATETIME_FIELDS[:-1]),  # short
    (9, DATETIME_FIELDS + b"\x09"),  # unknown time zone kind
    (9, DATETIME_FIELDS + b"\x01" + struct.pack(">q", 86_400 * 10**6)),  # offset of a day
    (9, DATETIME_FIELDS + b"\x03../../etc/passwd"),  # not a zone key
    (9, DATETIME_FIELDS + b"\x03Nowhere/Atlantis"),  # no such zone
], ids=["bigint", "complex", "decimal", "decimal_spaced", "decimal_bytes", "uuid", "timedelta",
        "date", "time", "fold", "datetime", "zone_kind", "offset", "zone_path", "zone_missing"])
def test_malformed_ext_payloads_raise_bad_record(code: int, payload: bytes) -> None:
    with pytest.raises(BadRecord):
        unpack(hostile(msgpack.ExtType(code, payload)))


@pytest.mark.parametrize("data", [b"", b"\xc1", b"\xa2\xff\xfe"], ids=["empty", "reserved", "utf8"])
def test_malformed_msgpack_raises_bad_record(data: bytes) -> None:
    with pytest.raises(BadRecord):
        unpack(data)


def test_the_module_never_imports_pickle() -> None:
    tree = ast.parse(RECORD_SOURCE.read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert not imported & {"pickle", "_pickle", "cPickle", "dill", "cloudpickle", "marshal",
                           "shelve", "copyreg", "importlib"}
    called = {node.func.id for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert not called & {"eval", "exec", "compile", "__import__", "getattr"}
    # Imported and used in a fresh process, it leaves pickle unloaded.
    script = (
        "import sys, datetime\n"
        "from reactive_rerun import record\n"
        "value = {'a': (1, {2}), 'when': datetime.datetime.now(datetime.UTC), 'n': 2**70}\n"
        "assert record.unpack(record.pack(value)) == value\n"
        "print(sorted(m for m in sys.modules if 'pickle' in m))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"
