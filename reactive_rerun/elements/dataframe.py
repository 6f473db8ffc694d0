"""``rr.dataframe``: a table of any size that scrolls, sorts and selects.

Up to ``INLINE_ROWS`` rows travel in the element. A larger table stays in the session
(``windows.py``, live data) and the element carries its first rows and a data id; the browser
asks for the rows in view as it scrolls, and a header click asks for them sorted, which the
server does once per column and direction. With ``on_select`` the table is a widget whose
value is Streamlit's selection: ``{"selection": {"rows": [...], "columns": [...]}}``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from ..bindings import Callback
from ..context import current_run
from ..element import Element
from ..errors import APIError
from ..tabular import Table, to_table
from ..widget import WIDGET_FIELDS, show
from ._grid import columns, project

DATAFRAME = Element(
    "dataframe",
    (*WIDGET_FIELDS, "selection", "modes", "data", "n", "cols", "rows", "width", "height",
     "row_height", "alt"),
    doc="`data` (the data id of a large table, whose rows come by `rows` requests, or `null`), "
    "`n` (rows), `cols` (columns: `name`, `label`, `type`, `kind`, `index`, `width`, `pinned`, "
    "...), `rows` (all of them, or a large table's first; each `[position, cell, ...]`), "
    "`width` (`stretch` / `content` / px), `height` (px or `null`), `row_height`, `modes` "
    "(selection modes, or `null`), `selection` (`{rows, columns}` or `null`), `alt` (the "
    "grid's accessible name, or `null`); a widget only "
    "with `on_select` (`id` is `null` otherwise)",
    value_field="selection",
    read=lambda props: None if props["selection"] is None else {"selection": {
        **props["selection"], "cells": []}},
    enter=lambda props, value: {k: v for k, v in value.get("selection", value).items()
                                if k in ("rows", "columns")}, heads_up=True,
)

INLINE_ROWS = 1000  # more rows than this are fetched by the browser a window at a time
FIRST_ROWS = 50  # rows a large table's element carries, so the first view needs no request
MODES = ("single-row", "multi-row", "single-column", "multi-column")


class Selection(dict[str, Any]):
    """A selection event: a dict whose keys read as attributes too (``event.selection.rows``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _attrs(value: Any) -> Any:
    if isinstance(value, dict):
        return Selection({k: _attrs(v) for k, v in value.items()})
    return copy.deepcopy(value)


def _modes(selection_mode: str | Iterable[str]) -> list[str]:
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for mode in modes:
        if mode not in MODES:
            raise APIError(f"selection_mode {mode!r} is not one of {', '.join(MODES)}.")
    if not modes or len({m.split("-")[1] for m in modes}) != len(modes):
        raise APIError("selection_mode takes at most one row mode and one column mode.")
    return modes


def _width(width: Any, use_container_width: bool | None) -> Any:
    if use_container_width is not None:
        return "stretch" if use_container_width else "content"
    if width is None:
        return "stretch"
    if width in ("stretch", "content") or (isinstance(width, int) and width > 0):
        return width
    raise APIError(f"width must be 'stretch', 'content' or a number of pixels, not {width!r}.")


def _alt(alt: Any) -> str | None:
    if alt is not None and not isinstance(alt, str):
        raise APIError(f"alt must be a string, not {type(alt).__name__}.")
    return alt.strip() or None if alt is not None else None


def _height(height: Any) -> int | None:
    if height is None or height == "auto":
        return None
    if isinstance(height, int) and not isinstance(height, bool) and height > 0:
        return height
    raise APIError(f"height must be 'auto' or a number of pixels, not {height!r}.")


@DATAFRAME.function
def dataframe(
    data: Any = None, width: int | Literal["stretch", "content"] | None = "stretch",
    height: int | Literal["auto"] | None = "auto", *, use_container_width: bool | None = None,
    hide_index: bool | None = None, column_order: Iterable[str] | None = None,
    column_config: Mapping[Any, Any] | None = None, key: str | int | None = None,
    on_select: Literal["ignore", "rerun"] | Callback = "ignore",
    selection_mode: str | Iterable[str] = "multi-row",
    selection_default: Mapping[str, Any] | None = None, row_height: int | None = None,
    placeholder: str | None = None, lazy: bool | None = None, alt: str | None = None,
) -> Selection | None:
    """Show ``data`` (pandas / polars / pyarrow dataframes and series, numpy arrays, dicts of
    columns, lists of rows or dicts) as a scrolling table, sortable by a header click.

    With ``on_select="rerun"`` (or a callback) clicking rows or column headers selects them
    (``selection_mode``) and the call returns the selection; otherwise it returns None.
    ``placeholder`` is accepted and not used yet. ``lazy=True`` fetches the rows in view even
    for a small table; otherwise tables above ``INLINE_ROWS`` rows are fetched so anyway (a
    large table is never sent whole). ``alt`` is the grid's accessible name.
    """
    run = current_run()
    windows = run.host.live.windows
    held = windows.find(data, hide_index) if data is not None else None
    table: Table = held.table if held is not None else to_table(data, hide_index=hide_index)
    shown, cols = columns(table, column_order, column_config)
    if row_height is not None and (not isinstance(row_height, int) or row_height < 16):
        raise APIError(f"row_height must be a number of pixels (16 or more), not {row_height!r}.")
    fields: dict[str, Any] = {
        "n": table.n, "cols": cols, "width": _width(width, use_container_width),
        "height": _height(height), "row_height": row_height, "alt": _alt(alt),
    }
    if table.n <= INLINE_ROWS and not lazy:
        fields.update(data=None, rows=project(table.rows(0, table.n), shown))
    else:
        entry = windows.register(table, shown, hide_index)
        fields.update(data=entry.id, rows=entry.rows(0, FIRST_ROWS, None))
    if on_select == "ignore":
        DATAFRAME.draw(id=None, label="", help=None, disabled=False, form=None, selection=None,
                       label_visibility="collapsed",
                       modes=None, **fields)
        return None
    if on_select != "rerun" and not callable(on_select):
        raise APIError(f"on_select must be 'ignore', 'rerun' or a callable, not {on_select!r}.")
    modes = _modes(selection_mode)
    names = [c["name"] for c in cols if not c.get("index")]
    n = table.n

    def decode(wire: Any) -> dict[str, Any]:
        if not isinstance(wire, dict) or set(wire) - {"rows", "columns"}:
            raise ValueError("expected {rows: [...], columns: [...]}")
        rows, chosen = wire.get("rows", []), wire.get("columns", [])
        if not isinstance(rows, list) or not isinstance(chosen, list):
            raise ValueError("rows and columns must be lists")
        if rows and not any(m.endswith("row") for m in modes):
            raise ValueError("this table does not select rows")
        if chosen and not any(m.endswith("column") for m in modes):
            raise ValueError("this table does not select columns")
        for r in rows:
            if isinstance(r, bool) or not isinstance(r, int) or not 0 <= r < n:
                raise ValueError(f"row {r!r} is not a row position (0..{n - 1})")
        for c in chosen:
            if c not in names:
                raise ValueError(f"{c!r} is not a column of the table")
        if len(set(rows)) != len(rows) or len(set(chosen)) != len(chosen):
            raise ValueError("rows and columns must be distinct")
        if "single-row" in modes and len(rows) > 1 or "single-column" in modes and len(chosen) > 1:
            raise ValueError("this table selects one at a time")
        return {"selection": {"rows": list(rows), "columns": list(chosen), "cells": []}}

    def encode(value: Any) -> dict[str, Any]:
        return {"rows": value["selection"]["rows"], "columns": value["selection"]["columns"]}

    default = decode({"rows": [], "columns": []})
    if selection_default is not None:
        wanted = selection_default.get("selection", selection_default)
        try:
            default = decode({k: list(wanted.get(k, [])) for k in ("rows", "columns")})
        except ValueError as exc:
            raise APIError(f"selection_default: {exc}") from None
    value = show(
        DATAFRAME, "", key=key, identity=(tuple(names), tuple(modes)), default=default,
        decode=decode, encode=encode, help=None, disabled=False,
        callback=None if on_select == "rerun" else on_select,
        extra={"modes": modes, **fields},
    )
    result: Selection = _attrs(value)
    return result


__all__ = ["DATAFRAME", "INLINE_ROWS", "Selection", "dataframe"]
