"""What ``dataframe``, ``data_editor`` and ``table`` share: the columns a table shows and how."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..column_config import width_px
from ..errors import APIError
from ..tabular import Column, Table

_TYPES = {
    "int": "number", "float": "number", "bool": "checkbox", "date": "date",
    "datetime": "datetime", "time": "time", "list": "list",
}
_PASSED = ("help", "pinned", "format", "min", "max", "step", "options", "display_text",
           "disabled", "required", "default", "max_chars", "validate", "timezone", "alignment",
           "y_min", "y_max", "color")


def columns(
    table: Table, column_order: Iterable[str] | None = None,
    column_config: Mapping[Any, Any] | None = None,
) -> tuple[tuple[int, ...], list[dict[str, Any]]]:
    """The table's column positions in the order shown, and each shown column's description:
    ``name``, ``label``, ``type`` (how cells look), ``kind`` (of the values), ``index``,
    ``width`` (px or null) and the column_config options that apply."""
    config = dict(column_config or {})
    names = [c.name for c in table.columns]
    for key in config:
        if key != "_index" and str(key) not in names:
            raise APIError(
                f"column_config names a column {key!r} the data does not have "
                f"(its columns: {', '.join(repr(n) for n in names if n) or 'none'})."
            )
    positions = [i for i, c in enumerate(table.columns) if c.index]
    if column_order is not None:
        order = [str(n) for n in column_order]
        unknown = [n for n in order if n not in names]
        if unknown:
            raise APIError(f"column_order names columns the data does not have: {unknown}.")
        by_name = {c.name: i for i, c in enumerate(table.columns) if not c.index}
        positions += [by_name[n] for n in order if n in by_name]
    else:
        positions += [i for i, c in enumerate(table.columns) if not c.index]
    shown: list[int] = []
    described: list[dict[str, Any]] = []
    for i in positions:
        column = table.columns[i]
        name: Any = "_index" if column.index else column.name
        one = config.get(name, config.get(_original_key(config, column), ...))
        if one is None:
            continue  # None in column_config hides the column
        shown.append(i)
        described.append(_describe(column, one))
    return tuple(shown), described


def _original_key(config: dict[Any, Any], column: Column) -> Any:
    for key in config:
        if str(key) == column.name and not column.index:
            return key
    return object()


def _describe(column: Column, config: Any) -> dict[str, Any]:
    if config is ...:
        config = {}
    elif isinstance(config, str):
        config = {"label": config}
    elif not isinstance(config, Mapping):
        raise APIError(
            f"column_config[{column.name!r}] must be a rr.column_config.*Column(...), a label "
            f"or None, not {type(config).__name__}."
        )
    out: dict[str, Any] = {
        "name": column.name,
        "label": config.get("label", column.name),
        "type": config.get("type") or _TYPES.get(column.kind, "text"),
        "kind": column.kind,
        "width": width_px(config.get("width")),
    }
    if column.index:
        out["index"] = True
        out["pinned"] = True
    for name in _PASSED:
        if config.get(name) is not None:
            out[name] = config[name]
    return out


def project(rows: list[list[Any]], shown: tuple[int, ...]) -> list[list[Any]]:
    """Rows ``[position, *cells]`` cut to the shown columns, in their order."""
    return [[r[0], *(r[1 + i] for i in shown)] for r in rows]


__all__ = ["columns", "project"]
