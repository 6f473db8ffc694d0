"""``rr.table``: a small static table, all of it on the page."""

from __future__ import annotations

from typing import Any, Literal

from ..element import Element
from ..errors import APIError
from ..tabular import to_table
from ._grid import columns, project

TABLE = Element(
    "table", ("cols", "rows", "border"),
    doc="`cols` (columns: `name`, `label`, `type`, `kind`, `index`, ...), `rows` (each "
    "`[position, cell, ...]`), `border` (`true` / `false` / `horizontal`)",
)

MAX_CELLS = 10_000


@TABLE.function
def table(data: Any = None, *, border: bool | Literal["horizontal"] = True) -> None:
    """Show ``data`` (any dataframe, a numpy array, a dict of columns, a list of rows) as a
    static table. For more than ``MAX_CELLS`` cells use ``rr.dataframe``, which scrolls."""
    grid = to_table(data)
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
    TABLE.draw(cols=cols, rows=project(grid.rows(0, grid.n), shown), border=border)


__all__ = ["MAX_CELLS", "TABLE", "table"]
