"""``rr.columns``: side-by-side columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ..element import Element
from ..errors import APIError
from ..layout import Container, open_block
from .column import COLUMN

COLUMNS = Element(
    "columns", ("gap",), doc="`gap` (`small` / `medium` / `large`); holds `column` blocks",
    block=True,
)


@COLUMNS.function
def columns(
    spec: int | Sequence[float], *, gap: Literal["small", "medium", "large"] = "small"
) -> list[Container]:
    """Side-by-side columns: ``spec`` is a count or a list of relative widths."""
    weights = [1.0] * spec if isinstance(spec, int) else [float(w) for w in spec]
    if not weights or any(not w > 0 for w in weights):
        raise APIError("columns() takes a positive count or a list of positive widths.")
    row = open_block(COLUMNS, gap=gap)
    return [open_block(COLUMN, row.path, weight=w) for w in weights]

__all__ = ["COLUMNS", "columns"]
