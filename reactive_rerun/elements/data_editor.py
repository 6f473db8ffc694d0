"""``rr.data_editor``: the dataframe grid with editable cells, added and deleted rows.

The widget's value is Streamlit's editing state (``_edits.py``), kept in
``session_state[key]``; the call returns the data with the edits applied, in the input's type.
Every edit the browser sends is checked on the server, cell by cell: a bad value is refused
with a message the browser shows in that cell, and the state stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..context import current_run
from ..element import Element
from ..errors import APIError
from ..tabular import FrameTable, Table, cell, to_table
from ..widget import WIDGET_FIELDS, show
from . import _edits
from ._grid import columns, project
from .dataframe import FIRST_ROWS, INLINE_ROWS, _alt, _height, _width

DATA_EDITOR = Element(
    "data_editor",
    (*WIDGET_FIELDS, "edits", "num_rows", "data", "n", "cols", "rows", "width", "height",
     "row_height", "placeholder", "alt"),
    doc="`edits` (Streamlit's editing state: `edited_rows` keyed by row position as text, "
    "`added_rows`, `deleted_rows`), `num_rows` (`fixed` / `dynamic` / `add` / `delete`), "
    "`placeholder` (text of an empty cell), `alt` (the grid's accessible name), and "
    "`dataframe`'s `data`, `n`, `cols` (each with `disabled` when it cannot be edited), `rows`, "
    "`width`, `height`, `row_height`",
    value_field="edits",
    read=lambda props: props["edits"],
    enter=lambda props, value: value, heads_up=True,
)

NUM_ROWS = ("fixed", "dynamic", "add", "delete")


def _disabled_names(disabled: bool | Iterable[str | int]) -> tuple[bool, set[str]]:
    if isinstance(disabled, bool):
        return disabled, set()
    if isinstance(disabled, str | int):
        return False, {str(disabled)}
    return False, {str(d) for d in disabled}


def _categories(table: Table, cols: list[dict[str, Any]]) -> None:
    """A categorical column (pandas, polars Categorical / Enum) is edited by choosing one of
    its categories, as Streamlit does, unless column_config says otherwise."""
    if not isinstance(table, FrameTable):
        return
    import narwhals.stable.v2 as nw

    frame = table._frame
    schema = frame.schema
    for col in cols:
        dtype = schema.get(col["name"]) if not col.get("index") else None
        if dtype is None or col["type"] != "text" or "options" in col:
            continue
        if dtype == nw.Categorical or dtype == nw.Enum:
            col["type"] = "selectbox"
            col["options"] = [cell(c) for c in frame[col["name"]].cat.get_categories().to_list()]


def _range_index(data: Any) -> bool:
    """True unless the data has row labels of its own (a pandas index other than a range)."""
    index = getattr(data, "index", None)
    if type(data).__module__.partition(".")[0] != "pandas" or index is None:
        return True
    return type(index).__name__ == "RangeIndex"


@DATA_EDITOR.function
def data_editor(
    data: Any, *, width: int | Literal["stretch", "content"] | None = "stretch",
    height: int | Literal["auto"] | None = "auto", use_container_width: bool | None = None,
    hide_index: bool | None = None, column_order: Iterable[str] | None = None,
    column_config: Mapping[Any, Any] | None = None,
    num_rows: Literal["fixed", "dynamic", "add", "delete"] = "fixed",
    disabled: bool | Iterable[str | int] = False, key: str | int | None = None,
    on_change: Callback | Literal["rerun", "ignore"] | None = "rerun",
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None,
    row_height: int | None = None, placeholder: str | None = None, alt: str | None = None,
) -> Any:
    """Show ``data`` as an editable grid and return it with the user's edits applied.

    Cells are edited by type (text, number, checkbox, select, date / datetime / time); with
    ``num_rows="dynamic"`` rows can be added and deleted. ``disabled`` is True (nothing is
    editable) or the names of columns that are not. ``session_state[key]`` holds the edits in
    Streamlit's shape. ``on_change="ignore"``: edits are checked and kept without a rerun; the
    next run sees them.
    ``alt`` is the grid's accessible name.
    """
    if num_rows not in NUM_ROWS:
        raise APIError(f"num_rows must be one of {', '.join(NUM_ROWS)}, not {num_rows!r}.")
    if row_height is not None and (not isinstance(row_height, int) or row_height < 16):
        raise APIError(f"row_height must be a number of pixels (16 or more), not {row_height!r}.")
    if placeholder is not None and not isinstance(placeholder, str):
        raise APIError("placeholder must be a string.")
    if hide_index is None and num_rows in ("dynamic", "add") and _range_index(data):
        hide_index = True  # as Streamlit: row numbers of added rows would only confuse
    run = current_run()
    windows = run.host.live.windows
    held = windows.find(data, hide_index) if data is not None else None
    table: Table = held.table if held is not None else to_table(data, hide_index=hide_index)
    shown, cols = columns(table, column_order, column_config)
    _categories(table, cols)
    all_off, off = _disabled_names(disabled)
    specs: dict[str, _edits.Spec] = {}
    defaults: dict[str, Any] = {}
    for col in cols:
        editable = (not col.get("index") and not all_off and col["name"] not in off
                    and not col.get("disabled") and col["type"] in _edits.EDITABLE
                    and col["kind"] not in ("list", "other"))  # no text in an object column
        if editable:
            spec = _edits.spec(col)
            if col.get("default") is not None:
                try:
                    defaults[col["name"]] = spec.check(col["default"])
                except ValueError as exc:
                    raise APIError(
                        f"column_config[{col['name']!r}] default: {exc}") from None
            specs[col["name"]] = spec
        else:
            col["disabled"] = True
    n = table.n
    can_add, can_delete = num_rows in ("dynamic", "add"), num_rows in ("dynamic", "delete")

    def decode(wire: Any) -> dict[str, Any]:
        return _edits.check(wire, n, specs, can_add and not all_off, can_delete and not all_off)

    fields: dict[str, Any] = {
        "n": n, "cols": cols, "width": _width(width, use_container_width),
        "height": _height(height), "row_height": row_height, "placeholder": placeholder,
        "alt": _alt(alt),
        "num_rows": "fixed" if all_off else num_rows,
    }
    if n <= INLINE_ROWS:
        fields.update(data=None, rows=project(table.rows(0, n), shown))
    else:
        entry = windows.register(table, shown, hide_index)
        fields.update(data=entry.id, rows=entry.rows(0, FIRST_ROWS, None))
    if on_change is not None and on_change not in ("rerun", "ignore") and not callable(on_change):
        raise APIError(f"on_change must be 'rerun', 'ignore' or a callable, not {on_change!r}.")
    names = tuple(c["name"] for c in cols)
    state = show(
        DATA_EDITOR, "", key=key, identity=(names, n, num_rows), default=_edits.check({}, n, {},
                                                                                      False, False),
        decode=decode, encode=_edits.wire, help=None, disabled=all_off,
        label_visibility="collapsed", callback=on_change if callable(on_change) else None,
        args=args, kwargs=kwargs, extra=fields, silent=on_change == "ignore",
    )
    return _edits.apply(table, state, defaults)


__all__ = ["DATA_EDITOR", "data_editor"]
