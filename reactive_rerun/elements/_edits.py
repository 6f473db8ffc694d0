"""``data_editor``'s edits: checked cell by cell, then applied to the data in its own type.

The editing state is Streamlit's: ``{"edited_rows": {row: {column: value}}, "added_rows":
[{column: value}], "deleted_rows": [row]}`` with rows as positions in the input. It is a
widget value, so it holds plain data only: numbers, text, booleans, ``None`` and dates as ISO
text. ``check`` refuses a bad cell with a ``CellError`` naming the row and column; nothing of
a refused state is kept. ``apply`` turns the state into the edited data (pandas in, pandas
out; polars, pyarrow and other narwhals frames through narwhals; lists and dicts stay plain).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..tabular import Column, FrameTable, PyTable, Table

EDITABLE = ("text", "link", "number", "checkbox", "selectbox", "date", "datetime", "time")
MAX_ADDED = 10_000  # rows one editor may add (a flood is refused, not stored)
MAX_TEXT = 100_000  # characters in one cell


class CellError(ValueError):
    """A refused cell: the message names where it is and why."""


@dataclass(frozen=True)
class Spec:
    """What one editable column accepts."""

    name: str
    type: str
    kind: str
    required: bool
    low: Any
    high: Any
    options: tuple[Any, ...] | None
    max_chars: int | None
    pattern: str | None

    def check(self, value: Any) -> Any:
        """The cell's stored value (plain data), or ``ValueError`` saying why not."""
        if value is None or value == "" and self.type not in ("text", "link"):
            if self.required:
                raise ValueError("a value is required")
            return None
        t = self.type
        if t in ("text", "link"):
            if not isinstance(value, str):
                raise ValueError(f"expected text, got {value!r}")
            if self.required and not value:
                raise ValueError("a value is required")
            limit = min(self.max_chars or MAX_TEXT, MAX_TEXT)
            if len(value) > limit:
                raise ValueError(f"at most {limit} characters")
            if self.pattern and value and not re.search(self.pattern, value):
                raise ValueError(f"{value!r} does not match {self.pattern!r}")
            return value
        if t == "number":
            return self._number(value)
        if t == "checkbox":
            if not isinstance(value, bool):
                raise ValueError(f"expected true or false, got {value!r}")
            return value
        if t == "selectbox":
            if self.options is None or value in self.options:
                if self.options is None and not isinstance(value, str | int | float | bool):
                    raise ValueError(f"expected an option, got {value!r}")
                return value
            raise ValueError(f"{value!r} is not one of the options")
        return self._temporal(value)

    def _number(self, value: Any) -> int | float:
        if isinstance(value, str):
            text = value.strip().replace(",", "")
            try:
                value = float(text)
            except ValueError:
                raise ValueError(f"{value!r} is not a number") from None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected a number, got {value!r}")
        if not math.isfinite(value):
            raise ValueError("expected a finite number")
        number: int | float = value
        if self.kind == "int":
            if value != int(value):
                raise ValueError(f"{value} is not a whole number")
            number = int(value)
        elif isinstance(value, int):
            number = value
        if self.low is not None and number < self.low:
            raise ValueError(f"{number} is below the minimum {self.low}")
        if self.high is not None and number > self.high:
            raise ValueError(f"{number} is above the maximum {self.high}")
        return number

    def _temporal(self, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(f"expected a {self.type} as ISO text, got {value!r}")
        parse = {"date": dt.date.fromisoformat, "datetime": dt.datetime.fromisoformat,
                 "time": dt.time.fromisoformat}[self.type]
        try:
            parsed: Any = parse(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a {self.type}") from None
        text = parsed.isoformat(sep=" ") if isinstance(parsed, dt.datetime) else parsed.isoformat()
        if self.low is not None and text < str(self.low).replace("T", " "):
            raise ValueError(f"{text} is before the minimum {self.low}")
        if self.high is not None and text > str(self.high).replace("T", " "):
            raise ValueError(f"{text} is after the maximum {self.high}")
        return text


def spec(col: dict[str, Any]) -> Spec:
    options = col.get("options")
    return Spec(
        col["name"], col["type"], col["kind"], bool(col.get("required")), col.get("min"),
        col.get("max"), None if options is None else tuple(options), col.get("max_chars"),
        col.get("validate"),
    )


EMPTY: dict[str, Any] = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def check(
    wire: Any, n: int, specs: Mapping[str, Spec], can_add: bool, can_delete: bool,
) -> dict[str, Any]:
    """The editing state from the client's, or ``ValueError`` for the first bad part."""
    if not isinstance(wire, dict) or set(wire) - set(EMPTY):
        raise ValueError("expected {edited_rows, added_rows, deleted_rows}")
    edited_in, added_in = wire.get("edited_rows", {}), wire.get("added_rows", [])
    deleted_in = wire.get("deleted_rows", [])
    if not isinstance(edited_in, dict) or not isinstance(added_in, list) or not isinstance(
        deleted_in, list
    ):
        raise ValueError("edited_rows is an object, added_rows and deleted_rows are lists")
    edited: dict[int, dict[str, Any]] = {}
    for key, cells in edited_in.items():
        row = _row(key, n)
        if not isinstance(cells, dict):
            raise ValueError(f"edited_rows[{row}] must be an object of column: value")
        edited[row] = {name: _cell(specs, row, name, v) for name, v in cells.items()}
    if added_in and not can_add:
        raise ValueError("this editor does not add rows (num_rows)")
    if len(added_in) > MAX_ADDED:
        raise ValueError(f"at most {MAX_ADDED} added rows")
    added: list[dict[str, Any]] = []
    for k, cells in enumerate(added_in):
        if not isinstance(cells, dict):
            raise ValueError(f"added_rows[{k}] must be an object of column: value")
        added.append({name: _cell(specs, n + k, name, v) for name, v in cells.items()})
    if deleted_in and not can_delete:
        raise ValueError("this editor does not delete rows (num_rows)")
    deleted = [_row(r, n) for r in deleted_in]
    if len(set(deleted)) != len(deleted):
        raise ValueError("deleted_rows must be distinct")
    return {"edited_rows": edited, "added_rows": added, "deleted_rows": sorted(deleted)}


def _row(key: Any, n: int) -> int:
    if isinstance(key, str) and key.isdigit():
        key = int(key)
    if isinstance(key, bool) or not isinstance(key, int) or not 0 <= key < n:
        raise ValueError(f"row {key!r} is not a row position (0..{n - 1})")
    return key


def _cell(specs: Mapping[str, Spec], row: int, name: Any, value: Any) -> Any:
    one = specs.get(name) if isinstance(name, str) else None
    if one is None:
        raise CellError(f"row {row}, column {name!r}: not an editable column")
    try:
        return one.check(value)
    except ValueError as exc:
        raise CellError(f"row {row}, column {name!r}: {exc}") from None


def wire(state: dict[str, Any]) -> dict[str, Any]:
    """The state as JSON carries it (row keys as text)."""
    return {"edited_rows": {str(k): dict(v) for k, v in state["edited_rows"].items()},
            "added_rows": [dict(r) for r in state["added_rows"]],
            "deleted_rows": list(state["deleted_rows"])}


def changed(state: dict[str, Any]) -> bool:
    return bool(state["edited_rows"] or state["added_rows"] or state["deleted_rows"])


# -- the edited data -----------------------------------------------------------------------------


def _python(value: Any, column: Column) -> Any:
    """A stored cell as the data holds it: dates as date objects."""
    if not isinstance(value, str):
        if column.kind == "float" and isinstance(value, int):
            return float(value)
        return value
    if column.kind == "date":
        return dt.date.fromisoformat(value[:10])
    if column.kind == "datetime":
        return dt.datetime.fromisoformat(value)
    if column.kind == "time":
        return dt.time.fromisoformat(value)
    return value


def _columns(
    table: Table, state: dict[str, Any], defaults: Mapping[str, Any],
) -> dict[str, list[Any]]:
    """Each data column as an edited Python list (small data: an editor shows it whole)."""
    data_cols = [c for c in table.columns if not c.index]
    if isinstance(table, FrameTable):
        native = table._frame.to_dict(as_series=False)
        lists = {c.name: list(native[c.name]) for c in data_cols}
    else:
        assert isinstance(table, PyTable)
        offset = len(table.columns) - len(data_cols)
        lists = {c.name: list(table._cols[offset + i]) for i, c in enumerate(data_cols)}
    by_name = {c.name: c for c in data_cols}
    for row, cells in state["edited_rows"].items():
        for name, value in cells.items():
            lists[name][row] = _python(value, by_name[name])
    for cells in state["added_rows"]:
        for c in data_cols:
            value = cells.get(c.name, defaults.get(c.name))
            lists[c.name].append(_python(value, c))
    gone = set(state["deleted_rows"])
    if gone:
        for name in lists:
            lists[name] = [v for i, v in enumerate(lists[name]) if i not in gone]
    return lists


def apply(table: Table, state: dict[str, Any], defaults: Mapping[str, Any]) -> Any:
    """The script's data with the edits applied, in the type it came in."""
    source = table.source
    if not changed(state):
        return source
    module = type(source).__module__.partition(".")[0]
    if module == "pandas":
        return _pandas(table, state, defaults)
    lists = _columns(table, state, defaults)
    if isinstance(table, FrameTable):
        import narwhals.stable.v2 as nw

        frame = table._frame
        out = nw.from_dict(lists, schema=frame.schema, backend=nw.get_native_namespace(frame))
        native = nw.to_native(out)
        if hasattr(source, "ndim") and module == "numpy":
            return native.to_numpy()
        return native
    names = list(lists)
    count = len(next(iter(lists.values()))) if lists else 0
    if module == "numpy":
        import numpy as np

        rows = [[lists[n][i] for n in names] for i in range(count)]
        array = np.array(rows, dtype=source.dtype) if rows else source[:0]
        return array.reshape(-1) if source.ndim == 1 else array
    if isinstance(source, Mapping):
        if all(isinstance(v, list | tuple | range) or hasattr(v, "ndim") for v in source.values()):
            return {key: lists[str(key)] for key in source}
        return dict(zip(source, lists.get("value", []), strict=False))
    rows_in = list(source) if not isinstance(source, list | tuple) else source
    if rows_in and all(isinstance(r, Mapping) for r in rows_in):
        keys = {str(k): k for r in rows_in for k in r}
        return [{keys.get(n, n): lists[n][i] for n in names} for i in range(count)]
    if rows_in and all(isinstance(r, list | tuple) for r in rows_in):
        return [[lists[n][i] for n in names] for i in range(count)]
    return list(lists.get("value", []))


def _set(pd: Any, out: Any, row: int, column: Any, value: Any) -> None:
    """One cell; a naive datetime in a zoned column is read in the column's zone."""
    at = (row, out.columns.get_loc(column))
    try:
        out.iloc[at] = value
        return
    except (TypeError, ValueError):
        pass
    zone = getattr(getattr(out[column], "dt", None), "tz", None) \
        if out[column].dtype.kind == "M" else None
    if zone is not None and isinstance(value, dt.datetime) and value.tzinfo is None:
        out.iloc[at] = pd.Timestamp(value).tz_localize(zone)
    else:
        out[column] = out[column].astype(object)
        out.iloc[at] = value


def _pandas(table: Table, state: dict[str, Any], defaults: Mapping[str, Any]) -> Any:
    """pandas keeps its index (added rows continue a range index) and, where it can, dtypes."""
    import importlib
    import warnings

    pd: Any = importlib.import_module("pandas")  # no stubs needed: pandas is optional

    source = table.source
    series = isinstance(source, pd.Series)
    frame = source.to_frame(source.name if source.name is not None else "value") if series \
        else source
    out = frame.copy()
    names = {str(c): c for c in out.columns}
    by_name = {c.name: c for c in table.columns if not c.index}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for row, cells in state["edited_rows"].items():
            for name, value in cells.items():
                column = names[name]
                value = _python(value, by_name[name])
                if value is None and out[column].dtype.kind in "iub":
                    out[column] = out[column].astype("float64" if out[column].dtype.kind != "b"
                                                      else "object")
                _set(pd, out, row, column, value)
        if state["added_rows"]:
            rows = [{names[c]: _python(cells.get(c, defaults.get(c)), by_name[c])
                     for c in by_name} for cells in state["added_rows"]]
            added = pd.DataFrame(rows, columns=out.columns)
            if isinstance(out.index, pd.RangeIndex):
                start = out.index.stop if len(out) else 0
                added.index = pd.RangeIndex(start, start + len(added))
            else:  # labels of its own: an added row has none yet
                added.index = pd.Index([None] * len(added), dtype=object)
            dtypes = out.dtypes
            out = pd.concat([out, added])
            for column, dtype in dtypes.items():
                if out[column].isna().any() and dtype.kind in "iub":
                    continue  # a missing value in an int / bool column: pandas keeps it as NaN
                try:
                    out[column] = out[column].astype(dtype)
                except (TypeError, ValueError):
                    pass
        if state["deleted_rows"]:
            gone = set(state["deleted_rows"])
            out = out.iloc[[i for i in range(len(out)) if i not in gone]]
    if series:
        return out.iloc[:, 0].rename(source.name)
    return out


__all__ = ["EDITABLE", "EMPTY", "CellError", "Spec", "apply", "changed", "check", "spec", "wire"]
