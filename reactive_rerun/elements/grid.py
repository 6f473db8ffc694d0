"""``rr.grid``: a responsive grid; each element written into it is a cell."""

from __future__ import annotations

from typing import Any, Literal

from .. import _params
from ..element import Element
from ..errors import APIError
from ..layout import Container, open_block
from .container import css_key

GRID = Element(
    "grid",
    ("columns", "min_width", "wrap", "gap", "valign", "border", "row_height", "width", "height",
     "key", "dense"),
    doc="`columns` (`auto` or a count), `min_width` (px: a column's narrowest), `wrap` (fewer "
        "columns when narrow), `gap` (`[row, column]`, each a size name, px or null), `valign`, "
        "`border` (each cell framed), `row_height` (`content` or px), `width`, `height`, `key` "
        "(CSS class hook), `dense` (fill holes); each child is a cell",
    block=True,
)
GRID_CELL = Element(
    "grid_cell", ("column_span", "row_span"),
    doc="one cell of a `grid` holding several elements; `column_span` (a count or `all`), "
        "`row_span`",
    block=True,
)
MIN_WIDTH = 200  # Streamlit's "auto": about 200 pixels


class GridContainer(Container):
    """A grid: ``with g:`` or ``g.metric(...)`` adds a cell per element; ``g.cell()`` groups
    several elements into one cell (and can span columns or rows)."""

    __slots__ = ("_columns",)

    def __init__(self, path: str, columns: int | None) -> None:
        super().__init__(path)
        self._columns = columns

    def cell(self, *, column_span: int | Literal["all"] = 1, row_span: int = 1) -> Container:
        if column_span != "all" and (
            isinstance(column_span, bool) or not isinstance(column_span, int) or column_span < 1
        ):
            raise APIError(f"grid.cell: column_span must be a positive int or 'all', not "
                           f"{column_span!r}.")
        if isinstance(column_span, int) and self._columns is not None \
                and column_span > self._columns:
            raise APIError(f"grid.cell: column_span {column_span} is more than the grid's "
                           f"{self._columns} columns.")
        if isinstance(row_span, bool) or not isinstance(row_span, int) or row_span < 1:
            raise APIError(f"grid.cell: row_span must be a positive int, not {row_span!r}.")
        return open_block(GRID_CELL, self.path, column_span=column_span, row_span=row_span)


def _gap(value: Any) -> list[str | int | None]:
    if isinstance(value, tuple | list):
        if len(value) != 2:
            raise APIError(f"grid: gap must be one value or (row_gap, column_gap), not {value!r}.")
        return [_params.gap("grid", value[0]), _params.gap("grid", value[1])]
    one = _params.gap("grid", value)
    return [one, one]


def _positive(name: str, value: Any, words: tuple[str, ...], top: int | None = None) -> Any:
    if value in words:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1 and (
        top is None or value <= top
    ):
        return value
    raise APIError(f"grid: {name} must be {' or '.join(map(repr, words))} or a positive int"
                   f"{f' up to {top}' if top else ''}, not {value!r}.")


@GRID.function
def grid(
    columns: Literal["auto"] | int = "auto",
    *,
    min_column_width: Literal["auto"] | int = "auto",
    wrap: bool = True,
    gap: Any = "small",
    vertical_alignment: Literal["top", "center", "bottom"] = "top",
    border: bool = False,
    row_height: Literal["content"] | int = "content",
    width: Literal["stretch"] | int = "stretch",
    height: Literal["content", "stretch"] | int = "content",
    key: str | int | None = None,
    dense: bool = False,
) -> GridContainer:
    """A grid for cards, metric walls and galleries: each element written into it is a cell,
    and the cells reflow into fewer columns as the page narrows."""
    count = _positive("columns", columns, ("auto",), 24)
    if count == "auto" and wrap is False:
        raise APIError("grid: wrap=False needs a column count (columns='auto' has none to keep).")
    if vertical_alignment not in ("top", "center", "bottom"):
        raise APIError("grid: vertical_alignment must be 'top', 'center' or 'bottom', not "
                       f"{vertical_alignment!r}.")
    minimum = _positive("min_column_width", min_column_width, ("auto",))
    block = open_block(
        GRID, columns=count, min_width=MIN_WIDTH if minimum == "auto" else minimum,
        wrap=_params.flag("grid", "wrap", wrap), gap=_gap(gap), valign=vertical_alignment,
        border=_params.flag("grid", "border", border),
        row_height=_positive("row_height", row_height, ("content",)),
        width=_params.width("grid", width, content=False), height=_params.height("grid", height),
        key=css_key(key), dense=_params.flag("grid", "dense", dense),
    )
    return GridContainer(block.path, None if count == "auto" else count)


__all__ = ["GRID", "GRID_CELL", "GridContainer", "grid"]
