"""``rr.line_chart`` / ``area_chart`` / ``bar_chart`` / ``scatter_chart``: the built-in charts.

The data arrives as Streamlit reads it (``_chartdata.py``), wide (one series per column) or long
(``color`` names a column whose values split the rows into series), and leaves as uPlot's
columnar arrays: ``data[0]`` the x values, ``data[i]`` series ``i``, each sent as base64 of
little-endian floats with a content hash (``_chartdata.encode``); an update sends a column the
page already shows as its hash alone (``_wire``). Numeric data is read vectorised (numpy, or C
arrays for plain lists), the rest value by value. Stacking is done here, so the browser only
draws. Categories travel as their labels once (``cats``) and as their positions in
``data[0]``; dates as seconds since the epoch.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import sys
from collections.abc import Sequence
from typing import Any, Literal

from ..element import Element, ui
from ..errors import APIError
from ..page import WIRE
from ..threads import run_ui
from . import _chartdata as cd

CHART = Element(
    "chart",
    ("mark", "data", "series", "xtype", "cats", "x_label", "y_label", "stack", "horizontal",
     "sizes", "width", "height", "alt"),
    doc="`mark` (`line` / `area` / `bar` / `scatter`), `data` (uPlot columns: x then one per "
        "series, each `{t: f4|f8, h: hash, nan, b: base64 little-endian floats}`, NaN for "
        "missing; an update leaves out `b` of a column the chart already shows), `series` "
        "(`[{name, color}]`, `color` `null`: the theme's), `xtype` (`num` / `time` / `cat`), "
        "`cats` (category labels or `null`), "
        "`x_label`, `y_label`, `stack` (`null` / `stack` / `normalize` / `center` / `layered` / "
        "`group`), `horizontal`, `sizes` (scatter: a number, a list per series, or `null`), "
        "`width` (px, `stretch` or `content`), `height` (px or `null`), `alt`",
)



def _columns(props: dict[str, Any]) -> list[dict[str, Any]]:
    sizes = props["sizes"]
    return [*props["data"], *(sizes if isinstance(sizes, list) else ())]


def _wire(shown: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """An update sends a column the shown chart already has as its hash alone (``b`` left out):
    the browser keeps the decoded columns of what it shows, so bytes follow what changed."""
    have = {c["h"] for c in _columns(shown)}

    def slim(c: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in c.items() if k != "b"} if c["h"] in have else c

    sizes = new["sizes"]
    return {**new, "data": [slim(c) for c in new["data"]],
            "sizes": [slim(c) for c in sizes] if isinstance(sizes, list) else sizes}


def _unwire(shown: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    """What the browser does with ``_wire``'s props: columns sent as a hash come from what it
    shows (the headless test client, ``testing.py``, applies updates the same way)."""
    have = {c["h"]: c for c in _columns(shown)}

    def full(c: dict[str, Any]) -> dict[str, Any]:
        return c if "b" in c or c["t"] == "seq" else have[c["h"]]  # a rule is sent whole

    sizes = got["sizes"]
    return {**got, "data": [full(c) for c in got["data"]],
            "sizes": [full(c) for c in sizes] if isinstance(sizes, list) else sizes}


WIRE[CHART.name] = (_wire, _unwire)

Width = int | Literal["stretch", "content"]
Height = int | Literal["content", "stretch"]
Stack = bool | Literal["normalize", "center", "layered"] | None


def _color(c: Any) -> str | None:
    if c is None:
        return None
    if isinstance(c, str):
        return c
    if isinstance(c, Sequence) and len(c) in (3, 4) and all(isinstance(v, int | float) for v in c):
        parts = [int(v) if i < 3 and v > 1 else round(v * 255) if i < 3 else v
                 for i, v in enumerate(c)]
        rgb = ",".join(str(p) for p in parts[:3])
        return f"rgba({rgb},{parts[3]})" if len(parts) == 4 else f"rgb({rgb})"
    raise APIError(f"{c!r} is not a colour: use a CSS colour string or an RGB(A) tuple")


def _colors(color: Any, n: int) -> list[str | None]:
    if color is None:
        return [None] * n
    if isinstance(color, str) or (
        isinstance(color, tuple) and color and isinstance(color[0], int | float)
    ):
        given = [_color(color)]
    else:
        given = [_color(c) for c in color]
    if len(given) != n:
        raise APIError(f"the chart has {n} series but {len(given)} colours were given")
    return given


def _size(size: Any) -> float:
    if isinstance(size, bool) or not isinstance(size, int | float) or not math.isfinite(size):
        raise APIError(f"size must be a number or a column name, not {size!r}")
    return float(size)


def _sort_key(kind: cd.Kind, v: Any) -> Any:
    if kind == "cat":
        return (0, v) if isinstance(v, int | float) else (1, cd.label(v))
    return v


def build(
    mark: str, data: Any, *, x: str | None, y: str | Sequence[str] | None, color: Any,
    size: Any = None, stack: Stack = None, sort: bool | str = True,
) -> dict[str, Any]:
    """The chart's data fields: ``data``, ``series``, ``xtype``, ``cats``, ``sizes``, ``stack``,
    and the axis names (``x_name``, ``y_names``) the labels default to."""
    t = cd.table(data)
    cols = t.columns

    def column(name: str, what: str) -> list[Any]:
        if name not in cols:
            raise APIError(f"{what} {name!r} is not a column of the data; its columns are "
                           f"{list(cols)}")
        return cols[name]

    if x is None:
        xs_raw, x_name = t.index, t.index_name
    else:
        xs_raw, x_name = column(str(x), "x"), str(x)
    color_col = str(color) if isinstance(color, str) and color in cols else None
    size_col = str(size) if isinstance(size, str) else None
    if size_col is not None:
        column(size_col, "size")
    used = {str(x) if x is not None else None, color_col, size_col}
    if y is None:
        ys = [c for c in cols if c not in used]
    elif isinstance(y, str):
        ys = [str(y)]
    else:
        ys = [str(c) for c in y]
    for name in ys:
        column(name, "y")

    if color_col is None and mark in ("line", "scatter") and size_col is None:
        lite = _plain_numbers(xs_raw, [cols[nm] for nm in ys], size)
        if lite is not None:
            return {**lite, "x_name": x_name, "y_names": ys,
                    "series": [{"name": nm, "color": c}
                               for nm, c in zip(ys, _colors(color, len(ys)), strict=True)]}
    if color_col is None and mark != "bar":
        fast = _vectorised(mark, xs_raw, [cols[nm] for nm in ys], _colors(color, len(ys)),
                           cols[size_col] if size_col is not None else None, size, stack)
        if fast is not None:
            return {**fast, "x_name": x_name, "y_names": ys,
                    "series": [{"name": nm, "color": c}
                               for nm, c in zip(ys, _colors(color, len(ys)), strict=True)]}
    xs_raw = cd.plain(xs_raw)
    cols = {k: cd.plain(v) for k, v in cols.items()}
    n = len(xs_raw)
    if color_col is not None:  # long: the colour column's values name the series
        if len(ys) != 1:
            raise APIError("with a colour column, give one y column (the data is long-form)")
        keys = cols[color_col]
        names = sorted({cd.label(k) for k in keys})
        member = [cd.label(k) for k in keys]
        raw = cols[ys[0]]
        values = {nm: [raw[i] if member[i] == nm else None for i in range(n)] for nm in names}
        colors: list[str | None] = [None] * len(names)
        gaps = True
        y_names = [ys[0]]
    else:
        names = ys
        values = {nm: cols[nm] for nm in names}
        colors = _colors(color, len(names))
        gaps = False
        y_names = ys

    xtype = cd.kind_of(xs_raw)
    if mark == "bar" and xtype == "num":
        xtype = "cat"
    order = list(range(n))
    if mark == "bar" and isinstance(sort, str):
        by, reverse = (sort[1:], True) if sort.startswith("-") else (sort, False)
        key_col = cd.numbers(column(by, "sort")) if by in cols else []
        order.sort(key=lambda i: (key_col[i] is None, key_col[i] or 0), reverse=reverse)
    elif xtype != "cat" or mark != "bar" or sort is not False:
        keys_x = xs_raw
        if xtype == "time":
            keys_x = cd.seconds(xs_raw)
        if any(keys_x[i] is None or keys_x[i] != keys_x[i] for i in range(n)):
            order = [i for i in order if not cd._missing(keys_x[i])]
        try:
            order.sort(key=lambda i: _sort_key(xtype, keys_x[i]))
        except TypeError:
            pass

    sizes: Any = None
    if mark in ("bar", "area"):  # one bar / one area point per x: duplicates add up
        seen: dict[Any, int] = {}
        groups: list[list[int]] = []
        for i in order:
            key = cd.label(xs_raw[i]) if xtype == "cat" else xs_raw[i]
            if key in seen:
                groups[seen[key]].append(i)
            else:
                seen[key] = len(groups)
                groups.append([i])
    else:
        groups = [[i] for i in order]

    cats: list[str] | None = None
    if xtype == "cat":
        positions: dict[str, int] = {}
        xs: list[Any] = [positions.setdefault(cd.label(xs_raw[g[0]]), len(positions))
                         for g in groups]
        cats = list(positions)
    elif xtype == "time":
        secs = cd.seconds(xs_raw)
        xs = [secs[g[0]] for g in groups]
    else:
        nums = cd.numbers(xs_raw)
        xs = [nums[g[0]] for g in groups]

    series_values: list[list[float | int | None]] = []
    for nm in names:
        col = cd.numbers(values[nm])
        if all(len(g) == 1 for g in groups):
            series_values.append([col[g[0]] for g in groups])
        else:
            summed: list[float | int | None] = []
            for g in groups:
                vals = [v for v in (col[i] for i in g) if v is not None]
                summed.append(sum(vals) if vals else None)
            series_values.append(summed)

    if mark == "scatter":
        if size_col is not None:
            scol = cd.numbers(cols[size_col])
            sizes = [[scol[g[0]] if s[k] is not None else None for k, g in enumerate(groups)]
                     for s in series_values]
        elif size is not None:
            sizes = _size(size)

    kind = _stack_kind(mark, stack)
    if kind in ("stack", "normalize", "center"):
        series_values = _stacked(series_values, kind)

    return {
        "data": [xs, *series_values],
        "series": [{"name": nm, "color": c} for nm, c in zip(names, colors, strict=True)],
        "xtype": xtype,
        "cats": cats,
        "sizes": sizes,
        "stack": kind,
        "gaps": gaps,
        "x_name": x_name,
        "y_names": y_names,
    }


def _plain_numbers(xs_raw: Any, ys: list[Any], size: Any, *, numpy_loaded: bool | None = None
                   ) -> dict[str, Any] | None:
    """``build`` of a line or scatter chart of lists of plain numbers, x ascending, while numpy
    is not imported (``cd.floats``): the columns go out as they are. None: another path."""
    if numpy_loaded if numpy_loaded is not None else "numpy" in sys.modules:
        return None
    xs = cd.floats(xs_raw)
    if xs is None or xs.nan:
        return None
    if not all(map(operator.le, xs, itertools.islice(xs, 1, None))):
        return None
    series = [cd.floats(col) for col in ys]
    if any(s is None for s in series):
        return None
    return {"data": [xs, *series], "xtype": "num", "cats": None,
            "sizes": None if size is None else _size(size), "stack": None, "gaps": False}


def _vectorised(mark: str, xs_raw: Any, ys: list[Any], colors: list[str | None], size_col: Any,
                size: Any, stack: Stack) -> dict[str, Any] | None:
    """``build`` for numeric or time x and numeric y columns, with numpy: sorted by x, missing
    x dropped, an area's duplicate x values added up, stacked. None: the general path."""
    x = cd.vector(xs_raw)
    if x is None:
        return None
    xtype, xs = x
    series = []
    for col in ys:
        v = cd.vector(col)
        if v is None or v[0] != "num":
            return None
        series.append(v[1])
    svec = None
    if size_col is not None:
        sv = cd.vector(size_col)
        if sv is None or sv[0] != "num":
            return None
        svec = sv[1]
    np = cd.numpy()
    keep = ~np.isnan(xs)
    if not keep.all():
        xs, series = xs[keep], [s[keep] for s in series]
        svec = None if svec is None else svec[keep]
    if len(xs) > 1 and not bool((xs[1:] >= xs[:-1]).all()):
        order = np.argsort(xs, kind="stable")
        xs, series = xs[order], [s[order] for s in series]
        svec = None if svec is None else svec[order]
    if mark == "area" and len(xs) > 1 and bool((xs[1:] == xs[:-1]).any()):
        xs, starts = np.unique(xs, return_index=True)
        summed = []
        for s in series:
            total = np.add.reduceat(np.nan_to_num(s), starts)
            present = np.add.reduceat((~np.isnan(s)).astype(np.int64), starts)
            summed.append(np.where(present > 0, total, np.nan))
        series = summed
    sizes: Any = None
    if mark == "scatter":
        if svec is not None:
            sizes = [np.where(np.isnan(s), np.nan, svec) for s in series]
        elif size is not None:
            sizes = _size(size)
    kind = _stack_kind(mark, stack)
    if kind in ("stack", "normalize", "center") and series:
        totals = np.zeros(len(xs))
        stacked = []
        for s in series:
            totals = totals + np.nan_to_num(s)
            stacked.append(totals)
        if kind == "normalize":
            safe = np.where(totals == 0, 1.0, totals)
            stacked = [np.where(totals == 0, 0.0, s / safe) for s in stacked]
        elif kind == "center":
            stacked = [s - totals / 2 for s in stacked]
        series = stacked
    return {"data": [xs, *series], "xtype": xtype, "cats": None, "sizes": sizes,
            "stack": kind, "gaps": False}


def _stack_kind(mark: str, stack: Stack) -> str | None:
    if mark == "area":
        if stack is None or stack is True:
            return "stack"
        if stack is False:
            return None
    elif mark == "bar":
        if stack is None or stack is True:
            return "stack"
        if stack is False:
            return "group"
    else:
        return None
    if stack in ("normalize", "center", "layered"):
        return None if stack == "layered" else str(stack)
    raise APIError(f"stack must be True, False, None, 'normalize', 'center' or 'layered', "
                   f"not {stack!r}")


def _stacked(series: list[list[float | int | None]], kind: str) -> list[list[float | int | None]]:
    """Running totals, bottom series first: series ``i`` spans ``out[i-1]`` to ``out[i]``."""
    n = len(series[0]) if series else 0
    out: list[list[float | int | None]] = []
    totals: list[float | int] = [0] * n
    for s in series:
        row: list[float | int | None] = []
        for j in range(n):
            v = s[j]
            totals[j] += v or 0
            row.append(totals[j])
        out.append(row)
    if kind == "normalize":
        out = [[(v or 0) / totals[j] if totals[j] else 0 for j, v in enumerate(r)] for r in out]
    elif kind == "center":
        out = [[(v or 0) - totals[j] / 2 for j, v in enumerate(r)] for r in out]
    return out


def _dims(width: Width | None, height: Height | None, use_container_width: bool | None
          ) -> tuple[int | str, int | None]:
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    if width is None:
        width = "stretch"
    if not (width in ("stretch", "content") or isinstance(width, int) and width > 0):
        raise APIError(f"width must be 'stretch', 'content' or a positive number of pixels, "
                       f"not {width!r}")
    h: int | None
    if height is None or height in ("content", "stretch"):
        h = None
    elif isinstance(height, int) and not isinstance(height, bool) and height > 0:
        h = height
    else:
        raise APIError(f"height must be 'content', 'stretch' or a positive number of pixels, "
                       f"not {height!r}")
    return width, h


def _draw(mark: str, data: Any, *, x: str | None, y: str | Sequence[str] | None,
          x_label: str | None, y_label: str | None, color: Any, size: Any = None,
          stack: Stack = None, horizontal: bool = False, sort: bool | str = True,
          width: Width | None, height: Height | None, use_container_width: bool | None,
          alt: str | None) -> None:
    CHART.hint()  # (the functions are @ui.here: the hint is sent here, before the build)
    built = build(mark, data, x=x, y=y, color=color, size=size, stack=stack, sort=sort)
    w, h = _dims(width, height, use_container_width)
    if x_label is None:
        x_label = built["x_name"]
    if y_label is None and len(built["y_names"]) == 1 and (built["gaps"] or mark == "scatter"
                                                          or len(built["series"]) == 1):
        y_label = built["y_names"][0]
    sizes = built["sizes"]
    if isinstance(sizes, list):
        sizes = [cd.encode(s) for s in sizes]
    # built and encoded in the caller's thread (a plain script's own), drawn on the loop
    run_ui(functools.partial(
        CHART.draw, mark=mark, data=[cd.encode(col) for col in built["data"]],
        series=built["series"], xtype=built["xtype"], cats=built["cats"], x_label=x_label,
        y_label=y_label, stack=built["stack"], horizontal=bool(horizontal), sizes=sizes, width=w,
        height=h, alt=alt,
    ))


@ui.here
def line_chart(
    data: Any = None, *, x: str | None = None, y: str | Sequence[str] | None = None,
    x_label: str | None = None, y_label: str | None = None, color: Any = None,
    width: Width = "stretch", height: Height = "content", use_container_width: bool | None = None,
    alt: str | None = None,
) -> None:
    """A line chart of ``data``'s columns (Streamlit's parameters; see ``docs/charts.md``)."""
    _draw("line", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, width=width,
          height=height, use_container_width=use_container_width, alt=alt)


@ui.here
def area_chart(
    data: Any = None, *, x: str | None = None, y: str | Sequence[str] | None = None,
    x_label: str | None = None, y_label: str | None = None, color: Any = None,
    stack: Stack = None, width: Width = "stretch", height: Height = "content",
    use_container_width: bool | None = None, alt: str | None = None,
) -> None:
    """An area chart, stacked unless ``stack=False`` (also ``"normalize"``, ``"center"``)."""
    _draw("area", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, stack=stack,
          width=width, height=height, use_container_width=use_container_width, alt=alt)


@ui.here
def bar_chart(
    data: Any = None, *, x: str | None = None, y: str | Sequence[str] | None = None,
    x_label: str | None = None, y_label: str | None = None, color: Any = None,
    horizontal: bool = False, sort: bool | str = True, stack: Stack = None,
    width: Width = "stretch", height: Height = "content", use_container_width: bool | None = None,
    alt: str | None = None,
) -> None:
    """A bar chart: stacked by default, side by side with ``stack=False``, ``"layered"``
    overlapping, ``"normalize"`` / ``"center"``; ``horizontal=True`` turns it sideways."""
    _draw("bar", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, stack=stack,
          horizontal=horizontal, sort=sort, width=width, height=height,
          use_container_width=use_container_width, alt=alt)


@ui.here
def scatter_chart(
    data: Any = None, *, x: str | None = None, y: str | Sequence[str] | None = None,
    x_label: str | None = None, y_label: str | None = None, color: Any = None,
    size: str | float | None = None, width: Width = "stretch", height: Height = "content",
    use_container_width: bool | None = None, alt: str | None = None,
) -> None:
    """A scatter chart; ``size`` is a number (px) or a column giving each point's size."""
    _draw("scatter", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, size=size,
          width=width, height=height, use_container_width=use_container_width, alt=alt)


__all__ = ["CHART", "area_chart", "bar_chart", "line_chart", "scatter_chart"]
