"""``rr.column_config``: how ``rr.dataframe`` and ``rr.data_editor`` show a column.

Each function returns a plain dict (as Streamlit's do), keyed as in Streamlit's ``column_config``
parameter: ``{"price": rr.column_config.NumberColumn("Price", format="$%.2f")}``. A string
instead of a dict is the column's label; ``None`` hides the column; ``"_index"`` names the index.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from .errors import APIError

Width = Literal["small", "medium", "large"] | int | None
Pinned = bool | None
Alignment = Literal["left", "center", "right"] | None
ChartColor = str | None  # "auto" / "auto-inverse" (green rising, red falling) or a CSS colour

ColumnConfig = dict[str, Any]

_WIDTHS = {"small": 75, "medium": 200, "large": 400}


def _config(kind: str | None, label: str | None, width: Width, help: str | None,
            disabled: bool | None, required: bool | None, pinned: Pinned, default: Any,
            **extra: Any) -> ColumnConfig:
    config: ColumnConfig = {
        "type": kind, "label": label, "width": width, "help": help, "disabled": disabled,
        "required": required, "pinned": pinned, "default": default, **extra,
    }
    return {k: v for k, v in config.items() if v is not None}


def Column(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    disabled: bool | None = None, required: bool | None = None, pinned: Pinned = None,
    alignment: Alignment = None,
) -> ColumnConfig:
    """A column's label, width, help and pinning, whatever its values."""
    return _config(None, label, width, help, disabled, required, pinned, None,
                   alignment=_align(alignment))


def TextColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    disabled: bool | None = None, required: bool | None = None, pinned: Pinned = None,
    default: str | None = None, max_chars: int | None = None, validate: str | None = None,
    alignment: Alignment = None,
) -> ColumnConfig:
    """Text; in ``data_editor`` at most ``max_chars``, matching ``validate`` (a regex)."""
    return _config("text", label, width, help, disabled, required, pinned, default,
                   max_chars=max_chars, validate=validate, alignment=_align(alignment))


def NumberColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    disabled: bool | None = None, required: bool | None = None, pinned: Pinned = None,
    default: int | float | None = None, format: str | None = None,
    min_value: int | float | None = None, max_value: int | float | None = None,
    step: int | float | None = None, alignment: Alignment = None,
) -> ColumnConfig:
    """Numbers, shown with ``format``: a printf-style string (``"%.2f"``, ``"$%d"``) or one of
    ``plain``, ``localized``, ``percent``, ``dollar``, ``euro``, ``yen``, ``accounting``,
    ``compact``, ``scientific``, ``engineering``."""
    return _config("number", label, width, help, disabled, required, pinned, default,
                   format=format, min=min_value, max=max_value, step=step,
                   alignment=_align(alignment))


def CheckboxColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    disabled: bool | None = None, required: bool | None = None, pinned: Pinned = None,
    default: bool | None = None,
) -> ColumnConfig:
    """True / false, shown as a check box."""
    return _config("checkbox", label, width, help, disabled, required, pinned, default)


def SelectboxColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    disabled: bool | None = None, required: bool | None = None, pinned: Pinned = None,
    default: Any = None, options: Iterable[Any] | None = None,
) -> ColumnConfig:
    """One of ``options``, chosen from a list in ``data_editor``."""
    return _config("selectbox", label, width, help, disabled, required, pinned, default,
                   options=None if options is None else list(options))


def DateColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    disabled: bool | None = None, required: bool | None = None, pinned: Pinned = None,
    default: Any = None, format: str | None = None, min_value: Any = None,
    max_value: Any = None, step: int | None = None,
) -> ColumnConfig:
    """Dates; ``format`` is ``localized``, ``distance``, ``iso8601`` or a pattern."""
    return _config("date", label, width, help, disabled, required, pinned, default,
                   format=format, min=_iso(min_value), max=_iso(max_value), step=step)


def DatetimeColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    disabled: bool | None = None, required: bool | None = None, pinned: Pinned = None,
    default: Any = None, format: str | None = None, min_value: Any = None,
    max_value: Any = None, step: int | float | None = None, timezone: str | None = None,
) -> ColumnConfig:
    """Dates with times; ``format`` as ``DateColumn``'s."""
    return _config("datetime", label, width, help, disabled, required, pinned, default,
                   format=format, min=_iso(min_value), max=_iso(max_value), step=step,
                   timezone=timezone)


def TimeColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    disabled: bool | None = None, required: bool | None = None, pinned: Pinned = None,
    default: Any = None, format: str | None = None, min_value: Any = None,
    max_value: Any = None, step: int | float | None = None,
) -> ColumnConfig:
    """Times of day."""
    return _config("time", label, width, help, disabled, required, pinned, default,
                   format=format, min=_iso(min_value), max=_iso(max_value), step=step)


def LinkColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    disabled: bool | None = None, required: bool | None = None, pinned: Pinned = None,
    default: str | None = None, max_chars: int | None = None, validate: str | None = None,
    display_text: str | None = None,
) -> ColumnConfig:
    """URLs shown as links; ``display_text`` replaces the URL as the link's text."""
    return _config("link", label, width, help, disabled, required, pinned, default,
                   max_chars=max_chars, validate=validate, display_text=display_text)


def ProgressColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    pinned: Pinned = None, format: str | None = None, min_value: int | float | None = None,
    max_value: int | float | None = None, step: int | float | None = None,
    color: ChartColor = None,
) -> ColumnConfig:
    """Numbers shown as a bar from ``min_value`` (0) to ``max_value`` (100 for ints, else 1)."""
    return _config("progress", label, width, help, None, None, pinned, None,
                   format=format, min=min_value, max=max_value, step=step, color=color)


def ImageColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    pinned: Pinned = None, alignment: Alignment = None,
) -> ColumnConfig:
    """Image URLs (http(s) or data:image/...), shown as small images."""
    return _config("image", label, width, help, None, None, pinned, None,
                   alignment=_align(alignment))


def ListColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    pinned: Pinned = None,
) -> ColumnConfig:
    """Lists, shown as small chips."""
    return _config("list", label, width, help, None, None, pinned, None)


def _chart(kind: str, label: str | None, width: Width, help: str | None, pinned: Pinned,
           y_min: int | float | None, y_max: int | float | None,
           color: ChartColor) -> ColumnConfig:
    return _config(kind, label, width, help, None, None, pinned, None, y_min=y_min,
                   y_max=y_max, color=color)


def LineChartColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    pinned: Pinned = None, y_min: int | float | None = None, y_max: int | float | None = None,
    color: ChartColor = None,
) -> ColumnConfig:
    """Lists of numbers, each drawn as a small line chart (an inline SVG) from ``y_min`` to
    ``y_max`` (the list's own range when not given)."""
    return _chart("line_chart", label, width, help, pinned, y_min, y_max, color)


def BarChartColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    pinned: Pinned = None, y_min: int | float | None = None, y_max: int | float | None = None,
    color: ChartColor = None,
) -> ColumnConfig:
    """Lists of numbers, each drawn as a small bar chart; as ``LineChartColumn``."""
    return _chart("bar_chart", label, width, help, pinned, y_min, y_max, color)


def AreaChartColumn(
    label: str | None = None, *, width: Width = None, help: str | None = None,
    pinned: Pinned = None, y_min: int | float | None = None, y_max: int | float | None = None,
    color: ChartColor = None,
) -> ColumnConfig:
    """Lists of numbers, each drawn as a small area chart; as ``LineChartColumn``."""
    return _chart("area_chart", label, width, help, pinned, y_min, y_max, color)


def _align(alignment: Any) -> str | None:
    if alignment not in (None, "left", "center", "right"):
        raise APIError(f"alignment must be 'left', 'center' or 'right', not {alignment!r}.")
    return str(alignment) if alignment is not None else None


def _iso(value: Any) -> Any:
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) else value


def width_px(width: Any) -> int | None:
    """A column width in pixels (``small`` / ``medium`` / ``large`` or an int), or None."""
    if isinstance(width, str):
        return _WIDTHS.get(width)
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return width
    return None


__all__ = [
    "AreaChartColumn", "BarChartColumn", "CheckboxColumn", "Column", "ColumnConfig",
    "DateColumn", "DatetimeColumn", "ImageColumn", "LineChartColumn", "LinkColumn", "ListColumn",
    "NumberColumn", "ProgressColumn", "SelectboxColumn", "TextColumn", "TimeColumn", "width_px",
]
