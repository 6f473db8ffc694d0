"""``rr.table``: a small static table, all of it on the page."""

from __future__ import annotations

from typing import Any, Literal

from .. import _params
from ..element import Element
from ..errors import APIError
from ..tabular import to_table
from ._grid import columns, project

TABLE = Element(
    "table", ("cols", "rows", "border", "width", "height", "header", "alt"),
    doc="`cols` (columns: `name`, `label`, `type`, `kind`, `index`, ...), `rows` (each "
    "`[position, cell, ...]`), `border` (`true` / `false` / `horizontal`), `width` (`stretch`, "
    "`content` or px), `height` (`content` or px: a fixed height scrolls, the header stays), "
    "`header` (show the column names), `alt` (the table's accessible name, or `null`)",
)

MAX_CELLS = 10_000


@TABLE.function
def table(
    data: Any = None, *, border: bool | Literal["horizontal"] = True,
    width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["content", "stretch"] = "content", hide_index: bool | None = None,
    hide_header: bool | None = None, alt: str | None = None,
) -> None:
    """Show ``data`` (any dataframe, a numpy array, a dict of columns, a list of rows) as a
    static table. For more than ``MAX_CELLS`` cells use ``rr.dataframe``, which scrolls.
    ``height`` in pixels scrolls the rows under a fixed header; ``hide_index`` and
    ``hide_header`` leave out the index column and the column names."""
    where = "rr.table"
    shown_width = _params.width(where, width)
    shown_height = _params.height(where, height)
    if alt is not None and not isinstance(alt, str):
        raise APIError(f"{where}: alt must be a string or None, not {alt!r}.")
    grid = to_table(data, hide_index=hide_index)
    shown, cols = columns(grid)
    cells = grid.n * max(len(shown), 1)
    if cells > MAX_CELLS:
        raise APIError(
            f"rr.table shows at most {MAX_CELLS:,} cells, and this data has {cells:,} "
            f"({grid.n:,} rows x {len(shown)} columns). Use rr.dataframe, which sends only "
            "the rows in view."
        )
    if border not in (True, False, "horizontal"):
        raise APIError(f"border must be True, False or 'horizontal', not {border!r}.")
    TABLE.draw(cols=cols, rows=project(grid.rows(0, grid.n), shown), border=border,
               width=shown_width, height=None if shown_height in ("content", "stretch")
               else shown_height, header=not hide_header, alt=alt)


__all__ = ["MAX_CELLS", "TABLE", "table"]
