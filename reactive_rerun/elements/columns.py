"""``rr.columns``: side-by-side columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from .. import _params
from ..element import Element
from ..errors import APIError
from ..layout import Container, open_block
from .column import COLUMN

COLUMNS = Element(
    "columns", ("gap", "valign", "border", "width", "wrap"),
    doc="`gap` (a size name, px or null), `valign` (`top` / `center` / `bottom`), `border` "
        "(each column framed), `width`, `wrap` (stack on narrow screens); holds `column` blocks",
    block=True,
)


@COLUMNS.function
def columns(
    spec: int | Sequence[float], *,
    gap: Literal["xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge"] | int
    | None = "small",
    vertical_alignment: Literal["top", "center", "bottom"] = "top",
    border: bool = False,
    width: Literal["stretch"] | int = "stretch",
    wrap: bool = True,
) -> list[Container]:
    """Side-by-side columns: ``spec`` is a count or a list of relative widths."""
    weights = [1.0] * spec if isinstance(spec, int) else [float(w) for w in spec]
    if not weights or any(not w > 0 for w in weights):
        raise APIError("columns() takes a positive count or a list of positive widths.")
    if vertical_alignment not in ("top", "center", "bottom"):
        raise APIError("columns: vertical_alignment must be 'top', 'center' or 'bottom', not "
                       f"{vertical_alignment!r}.")
    row = open_block(
        COLUMNS, gap=_params.gap("columns", gap), valign=vertical_alignment,
        border=_params.flag("columns", "border", border),
        width=_params.width("columns", width, content=False),
        wrap=_params.flag("columns", "wrap", wrap),
    )
    return [open_block(COLUMN, row.path, weight=w) for w in weights]


__all__ = ["COLUMNS", "columns"]
