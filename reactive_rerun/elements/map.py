"""``rr.map``: points from latitude / longitude columns, drawn without a tile server.

The browser draws the points on a Web Mercator projection fitted to them, over a graticule
(lines of latitude and longitude, labelled): there is no base map (no coastlines, streets or
tiles), since that needs a tile server.
"""

from __future__ import annotations

from typing import Any, Literal

from ..element import Element
from ..errors import APIError
from . import _chartdata as cd
from .chart import _color

MAP = Element(
    "map", ("lat", "lon", "sizes", "colors", "zoom", "width", "height", "alt"),
    doc="`lat`, `lon` (numbers), `sizes` (radius in metres: one number or one per point), "
        "`colors` (`null`: the theme's, one CSS colour, or one per point), `zoom` (or `null`: "
        "fit the points), `width` (`stretch` / `content` / px), `height` (px), `alt` (the "
        "accessible name or `null`)",
)

LAT = ("lat", "latitude", "LAT", "LATITUDE")
LON = ("lon", "longitude", "LON", "LONGITUDE", "lng", "LNG")


def _find(cols: dict[str, list[Any]], given: str | None, names: tuple[str, ...], what: str
          ) -> list[Any]:
    if given is not None:
        if given not in cols:
            raise APIError(f"{what} column {given!r} is not in the data; its columns are "
                           f"{list(cols)}")
        return cols[given]
    for name in names:
        if name in cols:
            return cols[name]
    raise APIError(f"rr.map needs a {what} column: name it one of {', '.join(names[:2])} or pass "
                   f"{what}=...")


@MAP.function
def map(
    data: Any = None, *, latitude: str | None = None, longitude: str | None = None,
    color: Any = None, size: Any = None, zoom: int | None = None,
    width: int | Literal["stretch", "content"] = "stretch", height: int = 500,
    use_container_width: bool | None = None, alt: str | None = None,
) -> None:
    """Show points on a map (``latitude`` / ``longitude`` default to columns named lat/lon).

    ``color`` and ``size`` (radius in metres) are one value or a column's name.
    """
    t = cd.table(data)
    cols = t.columns
    lat = cd.numbers(_find(cols, latitude, LAT, "latitude"))
    lon = cd.numbers(_find(cols, longitude, LON, "longitude"))
    keep = [i for i in range(len(lat)) if lat[i] is not None and lon[i] is not None]
    sizes: Any = None
    if isinstance(size, str):
        sizes = [v for i, v in enumerate(cd.numbers(_find(cols, size, (), "size"))) if i in keep]
    elif size is not None:
        sizes = float(size)
    colors: Any = None
    if isinstance(color, str) and color in cols:
        colors = [_color(cols[color][i]) for i in keep]
    elif color is not None:
        colors = _color(color)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    MAP.draw(lat=[lat[i] for i in keep], lon=[lon[i] for i in keep], sizes=sizes, colors=colors,
             zoom=zoom, width=width, height=int(height) if height else 500, alt=alt or None)


__all__ = ["MAP", "map"]
