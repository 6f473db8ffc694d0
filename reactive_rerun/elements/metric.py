"""``rr.metric``: a number in big type, with how it changed."""

from __future__ import annotations

import decimal
import math
from collections.abc import Iterable
from typing import Any, Literal

from .. import _params
from ..element import Element
from ..errors import APIError

METRIC = Element(
    "metric",
    ("label", "value", "delta", "color", "arrow", "help", "border", "visibility", "chart",
     "chart_type", "icon", "description"),
    doc="`label`, `value` (text), `delta` (text or `null`), `color` (`green` / `red` / `gray`), "
    "`arrow` (`up` / `down` / `null`), `help`, `border` (bool), `visibility` (label: `visible` "
    "/ `hidden` / `collapsed`), `chart` (numbers for a sparkline, or `null`), `chart_type` "
    "(`line` / `bar` / `area`), `icon` (emoji or `:material/name:` before the label, or "
    "`null`), `description` (muted text after the delta, or `null`)",
)

Number = int | float | decimal.Decimal


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return str(value)


def _chart(data: Any) -> list[float | None] | None:
    if data is None:
        return None
    from ..tabular import to_table

    table = to_table(data, hide_index=True)
    if not table.columns:
        return []
    values = table.values(len(table.columns) - 1)
    out: list[float | None] = []
    for v in values[-500:]:
        out.append(float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None)
    return out


@METRIC.function
def metric(
    label: str, value: Number | str | None, delta: Number | str | None = None,
    delta_color: Literal["normal", "inverse", "off"] | str = "normal", *,
    help: str | None = None, icon: str | None = None,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    border: bool = False, width: Any = "stretch", height: Any = "content",
    chart_data: Iterable[Any] | Any = None, chart_type: Literal["line", "bar", "area"] = "line",
    delta_arrow: Literal["auto", "up", "down", "off"] = "auto", format: str | None = None,
    delta_description: str | None = None,
) -> None:
    """Show ``value`` in big type under ``label``, and ``delta`` (how it changed) with an arrow
    (down when negative, or text starting with ``-``), green when good: ``delta_color="inverse"``
    makes a rise red, ``"off"`` gray. ``chart_data`` adds a sparkline. ``width``, ``height`` and
    ``format`` are accepted and not used yet. ``icon`` goes before the label,
    ``delta_description`` (e.g. "vs last month") after the delta."""
    if delta_description is not None and not isinstance(delta_description, str):
        raise APIError(f"delta_description must be a string or None, not {delta_description!r}.")
    if label_visibility not in ("visible", "hidden", "collapsed"):
        raise APIError(f"label_visibility must be 'visible', 'hidden' or 'collapsed', "
                       f"not {label_visibility!r}.")
    if chart_type not in ("line", "bar", "area"):
        raise APIError(f"chart_type must be 'line', 'bar' or 'area', not {chart_type!r}.")
    down = None
    if delta is not None and delta != "":
        if isinstance(delta, str):
            down = delta.strip().startswith("-")
        elif isinstance(delta, int | float | decimal.Decimal):
            down = delta < 0
        else:
            raise APIError(f"delta must be a number, a string or None, not {type(delta).__name__}.")
    if delta_color in ("normal", "inverse"):
        good = None if down is None else (not down) ^ (delta_color == "inverse")
        color = "gray" if good is None else "green" if good else "red"
    elif delta_color == "off":
        color = "gray"
    elif isinstance(delta_color, str) and delta_color in (
        "red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary",
    ):
        color = "gray" if delta_color == "grey" else delta_color
    else:
        raise APIError(f"delta_color must be 'normal', 'inverse' or 'off', not {delta_color!r}.")
    arrow = None if down is None or delta_arrow == "off" else (
        delta_arrow if delta_arrow in ("up", "down") else "down" if down else "up"
    )
    METRIC.draw(
        label=str(label), value=_text(value), delta=None if down is None else str(delta),
        color=color, arrow=arrow, help=help, border=bool(border), visibility=label_visibility,
        chart=_chart(chart_data), chart_type=chart_type,
        icon=_params.icon(f"metric {label!r}", icon), description=delta_description,
    )


__all__ = ["METRIC", "metric"]
