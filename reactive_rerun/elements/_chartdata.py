"""Tabular data as the built-in charts read it, and its columns as they travel.

The one place that knows data types: a pandas DataFrame or Series (when pandas is installed), a
numpy array, a dict of columns, a list of records, rows or numbers, and anything with
``to_pandas()`` (polars, pyarrow) or ``to_dict(as_series=False)``. No library is imported here
unless the data already is one of its objects (numpy when a column needs vectorised reading
and is not a plain list of numbers). Numeric and datetime columns of pandas / numpy data stay
arrays; ``encode`` turns a column into compact base64 floats with a content hash.
"""

from __future__ import annotations

import array
import base64
import datetime as _dt
import hashlib
import itertools
import math
import operator
import sys
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ..errors import APIError

Kind = Literal["num", "time", "cat"]


class Table:
    """Named columns of equal length, plus the index (a list, and its name or ``None``)."""

    def __init__(self, columns: dict[str, list[Any]], index: list[Any], index_name: str | None):
        self.columns = columns
        self.index = index
        self.index_name = index_name

    def __len__(self) -> int:
        return len(self.index)


def table(data: Any) -> Table:
    """Read ``data`` as a table of columns (Streamlit reads the same shapes)."""
    if data is None:
        return Table({}, [], None)
    module = type(data).__module__.split(".")[0]
    if module == "pandas":
        return _pandas(data)
    if module == "numpy":
        if data.ndim == 1 and data.dtype.kind in "iufbM":
            return Table({"0": data}, list(range(len(data))), None)
        if data.ndim == 2 and data.dtype.kind in "iufbM":
            return Table({str(j): data[:, j] for j in range(data.shape[1])},
                         list(range(data.shape[0])), None)
        return _rows(data.tolist())
    if module != "builtins":
        if hasattr(data, "to_pandas"):
            return _pandas(data.to_pandas())
        to_dict = getattr(data, "to_dict", None)
        if callable(to_dict):
            return _columns(to_dict(as_series=False))
    if isinstance(data, Mapping):
        return _columns(data)
    if isinstance(data, Sequence) and not isinstance(data, str | bytes):
        return _rows(list(data))
    raise APIError(f"cannot draw a chart of {type(data).__name__}: pass a DataFrame, a dict of "
                   "columns or a list")


def _pandas(data: Any) -> Table:
    if data.ndim == 1:  # a Series
        data = data.to_frame(name="value" if data.name is None else data.name)
    index = data.index
    name = None if index.name is None else str(index.name)
    columns = {str(c): _pandas_column(data[c]) for c in data.columns}
    return Table(columns, _pandas_column(index), name)


def _pandas_column(col: Any) -> Any:
    """Plain numpy numbers and naive datetimes stay arrays (read vectorised); others a list."""
    dtype = col.dtype
    if type(dtype).__module__ == "numpy" and dtype.kind in "iufbM":
        return col.to_numpy()
    return col.tolist()


def _columns(data: Mapping[Any, Any]) -> Table:
    values = list(data.values())
    if values and all(_scalar(v) for v in values):  # {"a": 1, "b": 2}: one value per key
        return Table({"value": values}, [str(k) for k in data], None)
    columns = {str(k): _as_list(v) for k, v in data.items()}
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise APIError("the chart's columns have different lengths: "
                       + ", ".join(f"{k} ({len(v)})" for k, v in columns.items()))
    n = lengths.pop() if lengths else 0
    return Table(columns, list(range(n)), None)


def _rows(rows: list[Any]) -> Table:
    if not rows:
        return Table({}, [], None)
    if all(isinstance(r, Mapping) for r in rows):  # records
        names: dict[str, None] = {}
        for r in rows:
            names.update(dict.fromkeys(str(k) for k in r))
        cols = {n: [r.get(n, r.get(_key(r, n))) for r in rows] for n in names}
        return Table(cols, list(range(len(rows))), None)
    if all(_scalar(r) for r in rows):
        return Table({"0": rows}, list(range(len(rows))), None)
    width = max(len(r) if isinstance(r, Sequence) else 1 for r in rows)
    cols = {str(j): [_cell(r, j) for r in rows] for j in range(width)}
    return Table(cols, list(range(len(rows))), None)


def _key(record: Mapping[Any, Any], name: str) -> Any:
    return next((k for k in record if str(k) == name), name)


def _cell(row: Any, j: int) -> Any:
    if isinstance(row, Sequence) and not isinstance(row, str | bytes):
        return row[j] if j < len(row) else None
    return row if j == 0 else None


def _scalar(v: Any) -> bool:
    return v is None or isinstance(v, str | bytes | int | float | _dt.date)


def _as_list(v: Any) -> Any:
    if type(v).__module__ == "numpy" and getattr(v, "ndim", 0) == 1 and v.dtype.kind in "iufbM":
        return v  # read vectorised
    if type(v).__module__.split(".")[0] == "pandas" and getattr(v, "ndim", 0) == 1:
        return _pandas_column(v)
    if hasattr(v, "tolist"):
        out = v.tolist()
        return out if isinstance(out, list) else [out]
    if isinstance(v, str | bytes) or not hasattr(v, "__iter__"):
        return [v]
    return list(v)


# -- values --------------------------------------------------------------------------------------


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(v != v)  # NaN, NaT, pd.NA
    except (TypeError, ValueError):
        return False


def kind_of(values: list[Any]) -> Kind:
    """``num`` (numbers and bools), ``time`` (dates and datetimes) or ``cat`` (anything else)."""
    kind: Kind | None = None
    for v in values:
        if _missing(v):
            continue
        k: Kind = (
            "num" if isinstance(v, int | float)
            else "time" if isinstance(v, _dt.date | _dt.time) or hasattr(v, "to_pydatetime")
            else "cat"
        )
        if kind is None:
            kind = k
        elif kind != k:
            return "cat"
    return kind or "num"


def numbers(values: list[Any]) -> list[float | int | None]:
    """Numbers for the wire: ``None`` for anything missing, NaN or infinite (JSON has no NaN)."""
    out: list[float | int | None] = []
    for v in values:
        if isinstance(v, bool):
            out.append(int(v))
        elif isinstance(v, int):
            out.append(v)
        elif isinstance(v, float):
            out.append(v if math.isfinite(v) else None)
        else:
            try:
                f = float(v)
            except (TypeError, ValueError):
                out.append(None)
                continue
            out.append(f if math.isfinite(f) else None)
    return out


def seconds(values: list[Any]) -> list[float | None]:
    """Dates and datetimes as seconds since the epoch; naive ones are read as UTC."""
    out: list[float | None] = []
    for v in values:
        if _missing(v):
            out.append(None)
            continue
        if hasattr(v, "to_pydatetime"):
            v = v.to_pydatetime()
        if isinstance(v, _dt.datetime):
            if v.tzinfo is None:
                v = v.replace(tzinfo=_dt.UTC)
            out.append(v.timestamp())
        elif isinstance(v, _dt.date):
            out.append(_dt.datetime(v.year, v.month, v.day, tzinfo=_dt.UTC).timestamp())
        elif isinstance(v, _dt.time):
            out.append(v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6)
        else:
            out.append(None)
    return out


def label(v: Any) -> str:
    """A category's text."""
    if _missing(v):
        return "null"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


# -- vectorised: numpy when installed ------------------------------------------------------------


def numpy() -> Any:
    """numpy, or None when it is not installed (then charts read values one by one)."""
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy is there wherever pandas is
        return None
    return np


def vector(values: Any) -> tuple[Kind, Any] | None:
    """``values`` as float64 numbers (``num``) or seconds since the epoch (``time``), NaN where
    missing, read by numpy in one go; None when they need reading one by one (strings, dates,
    ``None`` among numbers, or no numpy)."""
    np = numpy()
    if np is None:
        return None
    if type(values).__module__ == "numpy":
        arr = values
    elif isinstance(values, list):
        if not values:
            return "num", np.zeros(0)
        first = values[0]
        if not isinstance(first, int | float) or isinstance(first, bool):
            return None  # strings, dates, None first: not worth trying
        try:
            arr = np.asarray(values)
        except (ValueError, TypeError, OverflowError):
            return None
    else:
        return None
    if arr.ndim != 1:
        return None
    kind = arr.dtype.kind
    if kind in "iufb":
        out = arr.astype(np.float64)
        if kind == "f":
            out[~np.isfinite(out)] = np.nan
        return "num", out
    if kind == "M":
        ns = arr.astype("datetime64[ns]")
        secs = ns.view(np.int64).astype(np.float64) / 1e9
        secs[np.isnat(ns)] = np.nan
        return "time", secs
    return None


def plain(values: Any) -> list[Any]:
    """A column as a list (arrays read one by one by the general path)."""
    if type(values).__module__ == "numpy":
        out: list[Any] = values.tolist()
        if values.dtype.kind == "M":  # datetime64 -> datetime (tolist gives ints for ns)
            out = values.astype("datetime64[us]").tolist()
        return out
    return values if isinstance(values, list) else list(values)


class Floats(array.array):  # type: ignore[type-arg]
    """A C array of doubles that knows whether it holds NaN (one pass over it finds out)."""

    nan = False


def floats(values: Any) -> Floats | None:
    """A list of plain numbers as a C array of doubles, without numpy (not imported yet: it
    costs a first chart a third of a second); None if anything else is in it, or infinity."""
    if not isinstance(values, list | range) or (values and isinstance(values[0], bool)):
        return None
    try:
        out = Floats("d", values)
    except (TypeError, OverflowError):
        return None
    if not all(map(math.isfinite, out)):
        if any(map(math.isinf, out)):
            return None
        out.nan = True
    return out


def _exact_f32(values: array.array[float]) -> array.array[float] | None:
    """``values`` as Float32 when that loses nothing (and holds no NaN), else None. Most float
    data fails on its first values, which spares converting it all."""
    head = values[:64]
    try:
        if array.array("d", array.array("f", head)) != head:
            return None
        f32 = array.array("f", values)
    except OverflowError:
        return None
    return f32 if array.array("d", f32) == values else None


def encode(values: Any) -> dict[str, Any]:
    """A column for the wire: little-endian Float32 when that is exact, else Float64, base64;
    NaN for missing values (``nan``: whether there are any), and a content hash ``h`` by
    which an update that leaves the column unchanged refers to it instead of resending it."""
    raw: Any  # a little-endian buffer, hashed and encoded without copying it first
    if isinstance(values, array.array):
        regular = _regular_list(values)
        if regular is not None:
            return _sequence(*regular, len(values))
        f32 = _exact_f32(values)
        raw = f32 if f32 is not None else values
        if sys.byteorder == "big":  # pragma: no cover
            raw = array.array(raw.typecode, raw)
            raw.byteswap()
        has_nan = values.nan if isinstance(values, Floats) else any(map(math.isnan, values))
        return _column(raw, f32 is not None, has_nan)
    np = numpy()
    if np is not None:
        arr = np.asarray(
            values if type(values).__module__ == "numpy"
            else [math.nan if v is None else v for v in values], dtype=np.float64)
        regular = _regular_np(np, arr)
        if regular is not None:
            return _sequence(*regular, len(arr))
        head = arr[:64]
        exact = bool(np.array_equal(head.astype("<f4").astype(np.float64), head, equal_nan=True))
        if exact:
            f32 = arr.astype("<f4")
            exact = bool(np.array_equal(f32.astype(np.float64), arr, equal_nan=True))
        raw = f32 if exact else np.ascontiguousarray(arr, dtype="<f8")
        return _column(raw, exact, bool(np.isnan(arr).any()))
    # without numpy  # pragma: no cover
    vals = array.array("d", (math.nan if v is None else float(v) for v in values))
    if sys.byteorder == "big":
        vals.byteswap()
    return _column(vals, False, any(map(math.isnan, vals)))


def _sequence(start: float, step: float, n: int) -> dict[str, Any]:
    """An evenly spaced column (an index, a regular time axis) as its rule: ``start + i * step``
    for i < n, which the browser computes in the same float64 arithmetic, value for value."""
    digest = hashlib.blake2b(f"{start!r}:{step!r}:{n}".encode(), digest_size=8,
                             person=b"seq").hexdigest()
    return {"t": "seq", "h": digest, "nan": False, "start": start, "step": step, "n": n}


def _regular_np(np: Any, arr: Any) -> tuple[float, float] | None:
    if len(arr) < 3:
        return None
    start, step = float(arr[0]), float(arr[1] - arr[0])
    if step == 0 or not math.isfinite(start) or not math.isfinite(step):
        return None
    if float(arr[-1]) != start + (len(arr) - 1) * step:  # cheap: most columns fail here
        return None
    rule = start + np.arange(len(arr), dtype=np.float64) * step
    return (start, step) if bool(np.array_equal(rule, arr)) else None


def _regular_list(values: array.array[Any]) -> tuple[float, float] | None:
    n = len(values)
    if n < 3:
        return None
    start, step = float(values[0]), float(values[1]) - float(values[0])
    if step == 0 or not math.isfinite(start) or not math.isfinite(step):
        return None
    if float(values[-1]) != start + (n - 1) * step:
        return None
    rule = map(operator.add, itertools.repeat(start),  # start + i * step, in C iterators
               map(operator.mul, range(n), itertools.repeat(step)))
    return (start, step) if all(map(operator.eq, values, rule)) else None


def _column(raw: Any, f4: bool, has_nan: bool) -> dict[str, Any]:
    kind = "f4" if f4 else "f8"
    digest = hashlib.blake2b(raw, digest_size=8, person=kind.encode()).hexdigest()
    return {"t": kind, "h": digest, "nan": has_nan,
            "b": base64.b64encode(raw).decode("ascii")}


def decode(column: dict[str, Any]) -> list[float | None]:
    """The values of an ``encode``d column (``None`` where missing): what the browser reads."""
    if column["t"] == "seq":
        return [column["start"] + i * column["step"] for i in range(column["n"])]
    raw = base64.b64decode(column["b"])
    vals = array.array("f" if column["t"] == "f4" else "d")
    vals.frombytes(raw)
    if sys.byteorder == "big":  # pragma: no cover
        vals.byteswap()
    return [None if v != v else v for v in vals]
