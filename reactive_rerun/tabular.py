"""Tabular data from any input, read a window at a time: the data of ``rr.dataframe`` and
``rr.table``.

Dataframes of pandas, polars, pyarrow (and whatever else narwhals knows) go through narwhals,
so this package depends on none of those libraries; numpy arrays, dicts of columns, lists of
rows or dicts stay plain Python. A ``Table`` never copies its rows into Python objects as a
whole: ``rows(start, stop, order)`` reads just a window, encoded for JSON (no NaN or infinity:
a missing value is ``null``, an infinity the string ``"inf"`` / ``"-inf"``; integers beyond
JavaScript's 2**53 travel as strings). ``order`` is a permutation from ``sort``, which may take
a while on a large frame (run it in a thread).
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import APIError

Kind = str  # "int" | "float" | "bool" | "text" | "date" | "datetime" | "time" | "list" | "other"
Order = Sequence[int]  # original row positions, in the order shown

_SAFE_INT = 2**53


@dataclass(frozen=True)
class Column:
    """One column as shown: its name in the data, and the kind of its values."""

    name: str
    kind: Kind
    index: bool = False  # the row labels (a pandas index, or row numbers)


def cell(value: Any) -> Any:
    """One value as JSON can carry it, and as a browser shows it."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value if -_SAFE_INT <= value <= _SAFE_INT else str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return cell(float(value)) if value.is_finite() else None
    if isinstance(value, list | tuple):
        return [cell(v) for v in value[:100]]
    item = getattr(value, "item", None)  # a numpy scalar
    if callable(item) and type(value).__module__ == "numpy":
        try:
            return cell(item())
        except (TypeError, ValueError):
            pass
    tolist = getattr(value, "tolist", None)  # a numpy array or a pandas/polars series in a cell
    if callable(tolist) and not isinstance(value, Mapping):
        try:
            listed = tolist()
        except (TypeError, ValueError):
            listed = None
        if isinstance(listed, list):
            return [cell(v) for v in listed[:100]]
    try:
        if value != value:  # pandas NaT / NA
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _kind_of_values(values: Iterable[Any]) -> Kind:
    for value in values:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        if isinstance(value, bool):
            return "bool"
        if isinstance(value, int):
            return "int"
        if isinstance(value, float | decimal.Decimal):
            return "float"
        if isinstance(value, dt.datetime):
            return "datetime"
        if isinstance(value, dt.date):
            return "date"
        if isinstance(value, dt.time):
            return "time"
        if isinstance(value, str):
            return "text"
        if isinstance(value, list | tuple):
            return "list"
        return "other"
    return "text"


class Table:
    """Rows read a window at a time; see the module's docstring."""

    columns: list[Column]  # the index column (if shown) first
    n: int
    source: Any  # what the script passed (the same object again keeps the sort cache)

    def rows(self, start: int, stop: int, order: Order | None = None) -> list[list[Any]]:
        """Rows ``start..stop`` (in ``order``), each ``[position, cell, ...]``."""
        positions = list(range(start, min(stop, self.n))) if order is None else list(
            order[start:stop]
        )
        return [[p, *r] for p, r in zip(positions, self._read(positions), strict=True)]

    def sort(self, column: int, descending: bool) -> Order:
        """The row positions ordered by one column (missing values last, either way)."""
        raise NotImplementedError

    def values(self, column: int) -> list[Any]:
        """A whole column, as Python values (small tables only)."""
        return [r[column] for r in self._read(list(range(self.n)))]

    def _read(self, positions: list[int]) -> list[list[Any]]:
        raise NotImplementedError


class PyTable(Table):
    """Plain Python columns (dicts, lists, numpy arrays)."""

    def __init__(
        self, source: Any, names: list[str], cols: list[list[Any]], index: list[Any] | None,
        kinds: list[Kind] | None = None,
    ) -> None:
        self.source = source
        self.n = len(cols[0]) if cols else len(index or [])
        if any(len(c) != self.n for c in cols):
            raise APIError("The columns of the data have different lengths.")
        kinds = kinds or [_kind_of_values(c[:100]) for c in cols]
        self._cols = cols
        self._index = index
        self.columns = [Column(n, k) for n, k in zip(names, kinds, strict=True)]
        if index is not None:
            self.columns.insert(0, Column("", _kind_of_values(index[:100]), index=True))
            self._cols = [index, *cols]

    def _read(self, positions: list[int]) -> list[list[Any]]:
        cols = self._cols
        return [[cell(c[p]) for c in cols] for p in positions]

    def sort(self, column: int, descending: bool) -> Order:
        col = self._cols[column]
        missing = [p for p in range(self.n) if _is_missing(col[p])]
        rest = [p for p in range(self.n) if not _is_missing(col[p])]
        try:
            rest.sort(key=col.__getitem__, reverse=descending)
        except TypeError:  # mixed types: order by their text
            rest.sort(key=lambda p: str(col[p]), reverse=descending)
        return rest + missing


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


class FrameTable(Table):
    """A dataframe of any library narwhals supports, read through narwhals."""

    def __init__(self, source: Any, frame: Any, index: Any | None) -> None:
        import narwhals.stable.v2 as nw

        self.source = source
        self._frame = frame
        self._index = index  # a pandas Index, or None
        self.n = len(frame)
        self.columns = [Column(str(n), _kind_of_dtype(d)) for n, d in frame.schema.items()]
        for i, column in enumerate(self.columns):  # an object column: the kind of its values
            if column.kind == "other":
                sample = frame[column.name].head(100).to_list()
                self.columns[i] = Column(column.name, _kind_of_values(sample))
        self._nw = nw
        if index is not None:
            sample = index[:100].tolist()
            self.columns.insert(0, Column(str(index.name or ""), _kind_of_values(sample), True))

    def _read(self, positions: list[int]) -> list[list[Any]]:
        if not positions:
            return []
        rows = self._frame[positions].rows()
        if self._index is not None:
            labels = self._index.take(positions).tolist()
            return [[cell(label), *map(cell, r)] for label, r in zip(labels, rows, strict=True)]
        return [[cell(v) for v in r] for r in rows]

    def sort(self, column: int, descending: bool) -> Order:
        nw = self._nw
        if self._index is not None and column == 0:
            frame = nw.from_native(self._index.to_frame(index=False, name="i"), eager_only=True)
            name = "i"
        else:
            frame = self._frame
            name = list(frame.columns)[column - (self._index is not None)]
        key = "__rr_row" if name != "__rr_row" else "__rr_row_"
        ordered = frame.with_row_index(key).sort(name, descending=descending, nulls_last=True)
        return _SeriesOrder(ordered[key])


class _SeriesOrder(Sequence[int]):
    """A permutation kept as the library's own series (8 bytes a row, not a Python list)."""

    def __init__(self, series: Any) -> None:
        self._series = series

    def __len__(self) -> int:
        return len(self._series)

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, slice):
            return [int(v) for v in self._series[item].to_list()]
        return int(self._series[item])


def _kind_of_dtype(dtype: Any) -> Kind:
    import narwhals.stable.v2 as nw

    if dtype == nw.Boolean:
        return "bool"
    if dtype.is_integer():
        return "int"
    if dtype.is_numeric():
        return "float"
    if dtype == nw.Datetime:
        return "datetime"
    if dtype == nw.Date:
        return "date"
    if dtype == nw.Time:
        return "time"
    if dtype == nw.String or dtype == nw.Categorical or dtype == nw.Enum:
        return "text"
    if dtype == nw.List or dtype == nw.Array:
        return "list"
    return "other"


def _backend() -> str | None:
    """An installed dataframe library to hold a large numpy array (none is required)."""
    import importlib.util

    for name in ("polars", "pyarrow", "pandas"):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def warm() -> None:
    """Import narwhals in a thread when a dataframe library is installed: the first table of
    a process would otherwise wait 60-100 ms (more on a busy machine) for that import."""
    if _backend() is None:
        return
    import threading

    def load() -> None:
        import narwhals.stable.v2  # noqa: F401

    threading.Thread(target=load, name="rr-warm-narwhals", daemon=True).start()


def to_table(data: Any, *, hide_index: bool | None = None) -> Table:
    """Any supported data as a ``Table``; an ``APIError`` names what is not supported."""
    if isinstance(data, Table):
        return data
    if data is None:
        return PyTable(data, [], [], None)
    module = type(data).__module__.partition(".")[0]
    if module == "numpy" and hasattr(data, "ndim"):
        return _numpy(data, hide_index)
    if isinstance(data, Mapping):
        return _mapping(data, hide_index)
    if isinstance(data, list | tuple | range | set | frozenset) or _iterator(data):
        return _rows(data if isinstance(data, list | tuple | range) else list(data), hide_index)
    return _native(data, hide_index)


def _iterator(data: Any) -> bool:
    return hasattr(data, "__next__") and hasattr(data, "__iter__")


def _native(data: Any, hide_index: bool | None) -> Table:
    import narwhals.stable.v2 as nw

    native = data
    if type(data).__name__ == "Styler" and hasattr(data, "data"):  # pandas Styler: its frame
        native = data.data
    try:
        frame = nw.from_native(native, allow_series=True)
    except TypeError:
        frame = None
    if frame is None or frame is native:
        for convert in ("to_pandas", "to_arrow"):  # Streamlit's fallback for unknown types
            method = getattr(native, convert, None)
            if callable(method):
                return _native(method(), hide_index)
        raise APIError(
            f"rr.dataframe cannot show a {type(data).__name__}: pass a dataframe (pandas, "
            "polars, pyarrow, ...), a numpy array, a dict of columns or a list of rows."
        )
    if isinstance(frame, nw.LazyFrame):
        frame = frame.collect()
    if isinstance(frame, nw.Series):
        name = frame.name if isinstance(frame.name, str) and frame.name else "value"
        frame = frame.rename(name).to_frame()
        native = nw.to_native(frame) if not hasattr(native, "index") else native
    index = None
    if hasattr(native, "index") and type(native).__module__.startswith("pandas"):
        pandas_index = native.index
        if not hide_index:
            index = pandas_index
        if not all(isinstance(c, str) for c in frame.columns):
            renamed = native.rename(columns=str) if hasattr(native, "columns") else native
            frame = nw.from_native(renamed, allow_series=True)
            if isinstance(frame, nw.Series):
                frame = frame.to_frame()
    if len(set(frame.columns)) != len(frame.columns):
        raise APIError("The dataframe has duplicate column names; give each column its own name.")
    return FrameTable(data, frame, index)


def _numpy(array: Any, hide_index: bool | None) -> Table:
    if array.ndim > 2:
        raise APIError(f"rr.dataframe shows 1-D or 2-D arrays, not {array.ndim}-D.")
    if array.ndim == 1:
        array = array.reshape(-1, 1)
    backend = _backend() if array.size > 10_000 else None
    if backend is not None:  # keep a big array columnar, in a library that holds it compactly
        import narwhals.stable.v2 as nw

        names = [str(i) for i in range(array.shape[1])]
        frame = nw.from_numpy(array, schema=names, backend=backend)  # type: ignore[arg-type]
        table = FrameTable(array, frame, None)
        if not hide_index:
            return _with_row_numbers(table)
        return table
    cols = [array[:, i].tolist() for i in range(array.shape[1])]
    index = None if hide_index else list(range(array.shape[0]))
    return PyTable(array, [str(i) for i in range(array.shape[1])], cols, index)


class _RowNumbers:
    """A range index for a ``FrameTable``: row numbers, without storing them."""

    name = None

    def __init__(self, n: int) -> None:
        self._n = n

    def __getitem__(self, item: slice) -> _List:
        return _List(range(self._n)[item])

    def take(self, positions: list[int]) -> _List:
        return _List(positions)

    def to_frame(self, index: bool, name: str) -> dict[str, list[int]]:
        raise TypeError  # row numbers are never sorted: their order is the rows' own


class _List(list[int]):
    def tolist(self) -> list[int]:
        return list(self)


def _with_row_numbers(table: FrameTable) -> Table:
    table._index = _RowNumbers(table.n)
    table.columns.insert(0, Column("", "int", index=True))
    original = table.sort

    def sort(column: int, descending: bool) -> Order:
        if column == 0:
            return range(table.n - 1, -1, -1) if descending else range(table.n)
        return original(column, descending)

    table.sort = sort  # type: ignore[method-assign]
    return table


def _mapping(data: Mapping[Any, Any], hide_index: bool | None) -> Table:
    values = list(data.values())
    if values and all(_is_column(v) for v in values):
        cols = [list(v) for v in values]
        n = len(cols[0])
        index = None if hide_index else list(range(n))
        return PyTable(data, [str(k) for k in data], cols, index)
    # a dict of scalars: one row per key, as pandas shows a Series built from it
    labels: list[Any] | None = None if hide_index else [str(k) for k in data]
    return PyTable(data, ["value"], [values], labels)


def _is_column(value: Any) -> bool:
    return isinstance(value, list | tuple | range) or (
        type(value).__module__.partition(".")[0] == "numpy" and getattr(value, "ndim", 0) == 1
    )


def _rows(rows: Sequence[Any], hide_index: bool | None) -> Table:
    index = None if hide_index else list(range(len(rows)))
    if rows and all(isinstance(r, Mapping) for r in rows):
        names: dict[Any, None] = {}
        for r in rows:
            names.update(dict.fromkeys(r))
        cols = [[r.get(k) for r in rows] for k in names]
        return PyTable(rows, [str(k) for k in names], cols, index)
    if rows and all(isinstance(r, list | tuple) for r in rows):
        width = max(len(r) for r in rows)
        cols = [[r[i] if i < len(r) else None for r in rows] for i in range(width)]
        return PyTable(rows, [str(i) for i in range(width)], cols, index)
    return PyTable(rows, ["value"], [list(rows)], index)


__all__ = [
    "Column", "FrameTable", "Kind", "Order", "PyTable", "Table", "cell", "to_table", "warm",
]
