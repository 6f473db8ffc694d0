"""The built-in charts: data read as Streamlit reads it, sent as uPlot's JSON-safe columns."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

import pytest

import reactive_rerun as rr
from reactive_rerun.elements.chart import build
from reactive_rerun.errors import APIError
from reactive_rerun.testing import AppTest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def chart(mark: str, data: object, **kw: object) -> dict[str, object]:
    kw.setdefault("x", None)
    kw.setdefault("y", None)
    kw.setdefault("color", None)
    out = build(mark, data, **kw)  # type: ignore[arg-type]
    out["data"] = [_plain(c) for c in out["data"]]
    if isinstance(out["sizes"], list):
        out["sizes"] = [_plain(c) for c in out["sizes"]]
    return out


def _plain(col: object) -> list[object]:
    """A built column as a list, None where missing (numpy arrays are built vectorised)."""
    vals = col.tolist() if hasattr(col, "tolist") else col
    return [None if isinstance(v, float) and v != v else v for v in vals]  # type: ignore[attr-defined]


def test_a_dict_of_columns_is_wide_data_over_its_row_numbers() -> None:
    out = chart("line", {"a": [1, 2, 3], "b": [3.5, 2, 1]})
    assert out["data"] == [[0, 1, 2], [1, 2, 3], [3.5, 2, 1]]
    assert [s["name"] for s in out["series"]] == ["a", "b"]  # type: ignore[attr-defined]
    assert out["xtype"] == "num" and out["cats"] is None


def test_nan_and_infinity_travel_as_null() -> None:
    out = chart("line", {"a": [1.0, math.nan, math.inf, -math.inf, None]})
    assert out["data"][1] == [1.0, None, None, None, None]  # type: ignore[index]
    json.dumps(out, allow_nan=False)


def test_lists_of_numbers_rows_and_records() -> None:
    assert chart("line", [5, 6])["data"] == [[0, 1], [5, 6]]
    assert chart("line", [[1, 2], [3, 4]])["data"] == [[0, 1], [1, 3], [2, 4]]
    out = chart("line", [{"x": 2, "y": 1}, {"x": 1, "y": 5}], x="x")
    assert out["data"] == [[1, 2], [5, 1]]  # sorted by x


def test_x_and_y_pick_columns_and_unknown_columns_are_named() -> None:
    data = {"t": [3, 1, 2], "a": [30, 10, 20], "b": [0, 0, 0]}
    assert chart("line", data, x="t", y="a")["data"] == [[1, 2, 3], [10, 20, 30]]
    with pytest.raises(APIError, match="'nope' is not a column"):
        chart("line", data, y=["a", "nope"])


def test_a_colour_column_makes_long_data_one_series_per_value() -> None:
    data = {"x": [1, 2, 1, 2], "g": ["b", "b", "a", "a"], "v": [1, 2, 3, 4]}
    out = chart("line", data, x="x", y="v", color="g")
    assert [s["name"] for s in out["series"]] == ["a", "b"]  # type: ignore[attr-defined]
    xs, a, b = out["data"]  # type: ignore[misc]
    assert xs == [1, 1, 2, 2]
    assert [v for v in a if v is not None] == [3, 4] and [v for v in b if v is not None] == [1, 2]


def test_bars_of_long_data_stack_on_the_server_and_sum_duplicates() -> None:
    data = {"c": ["x", "y", "x", "x"], "g": ["p", "p", "q", "q"], "v": [1, 2, 3, 4]}
    out = chart("bar", data, x="c", y="v", color="g")
    assert out["cats"] == ["x", "y"] and out["stack"] == "stack"
    assert out["data"] == [[0, 1], [1, 2], [8, 2]]  # q = 3 + 4 on top of p
    grouped = chart("bar", data, x="c", y="v", color="g", stack=False)
    assert grouped["stack"] == "group" and grouped["data"] == [[0, 1], [1, 2], [7, None]]
    norm = chart("bar", data, x="c", y="v", color="g", stack="normalize")
    assert norm["data"][2] == [1, 1]  # type: ignore[index]
    assert chart("bar", data, x="c", y="v", color="g", stack="layered")["stack"] is None


def test_bar_sort_false_keeps_data_order_and_a_column_sorts() -> None:
    data = {"c": ["b", "a", "c"], "v": [2, 3, 1]}
    assert chart("bar", data, x="c", sort=False)["cats"] == ["b", "a", "c"]
    assert chart("bar", data, x="c")["cats"] == ["a", "b", "c"]
    assert chart("bar", data, x="c", sort="-v")["cats"] == ["a", "b", "c"]
    assert chart("bar", data, x="c", sort="v")["cats"] == ["c", "b", "a"]


def test_area_stacks_unless_stack_is_false() -> None:
    data = {"a": [1, 2], "b": [10, 20]}
    assert chart("area", data)["data"] == [[0, 1], [1, 2], [11, 22]]
    assert chart("area", data, stack=False)["data"] == [[0, 1], [1, 2], [10, 20]]
    assert chart("area", data, stack="center")["data"] == [[0, 1], [-4.5, -9.0], [5.5, 11.0]]
    with pytest.raises(APIError, match="stack must be"):
        chart("area", data, stack="sideways")


def test_dates_travel_as_utc_seconds() -> None:
    data = {"d": [dt.date(2024, 1, 2), dt.date(2024, 1, 1)], "v": [2, 1]}
    out = chart("line", data, x="d")
    assert out["xtype"] == "time"
    assert out["data"] == [[1704067200.0, 1704153600.0], [1, 2]]


def test_scatter_sizes_come_from_a_column_or_a_number() -> None:
    data = {"x": [1, 2], "y": [3, 4], "s": [10, 20]}
    assert chart("scatter", data, x="x", y="y", size="s")["sizes"] == [[10, 20]]
    assert chart("scatter", data, x="x", y="y", size=50)["sizes"] == 50.0


def test_colours_are_css_strings_one_per_series() -> None:
    out = chart("line", {"a": [1], "b": [2]}, color=["#f00", (0, 128, 255)])
    assert [s["color"] for s in out["series"]] == ["#f00", "rgb(0,128,255)"]  # type: ignore[attr-defined]
    with pytest.raises(APIError, match="2 series but 1 colours"):
        chart("line", {"a": [1], "b": [2]}, color="#f00")


def test_pandas_frames_series_and_index() -> None:
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    df = pd.DataFrame({"v": [1.0, np.nan]}, index=pd.Index([10, 20], name="k"))
    out = chart("line", df)
    assert out["data"] == [[10, 20], [1.0, None]] and out["x_name"] == "k"
    s = pd.Series([3, 4], name="s")
    assert chart("bar", s)["series"] == [{"name": "s", "color": None}]
    when = pd.DataFrame({"t": pd.to_datetime(["2024-01-01", None]), "v": [1, 2]})
    assert chart("line", when, x="t")["data"] == [[1704067200.0], [1]]  # NaT dropped
    assert chart("line", np.array([[1, 2], [3, 4]]))["data"] == [[0, 1], [1, 3], [2, 4]]


async def test_the_chart_element_carries_its_fields_and_labels() -> None:
    async def main() -> None:
        rr.line_chart({"t": [1, 2], "v": [3, 4]}, x="t", y="v", height=200)
        rr.bar_chart({"a": [1]}, horizontal=True, use_container_width=False, width=300)
        rr.scatter_chart({"a": [1], "b": [2]}, x="a", y="b", x_label="A", alt="points")

    async with AppTest(main) as at:
        line, bar, dots = at.chart
        assert line.props["mark"] == "line" and line.props["height"] == 200
        assert line.props["x_label"] == "t" and line.props["y_label"] == "v"
        assert bar.props["horizontal"] is True and bar.props["width"] == "content"
        assert dots.props["x_label"] == "A" and dots.props["alt"] == "points"


async def test_bad_sizes_are_refused() -> None:
    async def main() -> None:
        rr.line_chart([1], width=-3)

    async with AppTest(main) as at:
        assert "width must be" in at.exception[0].props["message"]


def test_the_loader_knows_the_manifest_hashes() -> None:
    manifest = json.loads((ROOT / "static" / "vendor" / "manifest.json").read_text())
    files = {f: h for p in manifest["packages"] for f, h in p["files"].items()}
    loader = (ROOT / "static" / "vendor.js").read_text()
    listed = dict(re.findall(r"'([^']+)': '(sha384-[^']+)'", loader))
    assert listed and all(files.get(f) == h for f, h in listed.items()), listed


def test_columns_travel_as_exact_little_endian_floats() -> None:
    from reactive_rerun.elements import _chartdata as cd

    ints = cd.encode([0, 1, 2, 4])
    assert ints["t"] == "f4" and cd.decode(ints) == [0, 1, 2, 4]  # exact in Float32
    tenths = cd.encode([0.1, None, 2.5])
    assert tenths["t"] == "f8" and tenths["nan"] and cd.decode(tenths) == [0.1, None, 2.5]
    assert cd.encode([1.0, 2.0])["h"] == cd.encode([1, 2])["h"] != cd.encode([2, 1])["h"]


def test_an_evenly_spaced_column_travels_as_its_rule() -> None:
    """An index or a regular axis (100,000 x values) is sent as start, step and count: a few
    bytes instead of 533 KB, read back value for value."""
    import numpy as np

    from reactive_rerun.elements import _chartdata as cd

    for values in (list(range(100_000)), np.arange(0.5, 50.5, 0.5), [10.0, 7.5, 5.0, 2.5]):
        col = cd.encode(values)
        assert col["t"] == "seq" and "b" not in col
        assert cd.decode(col) == [float(v) for v in values]
        assert len(str(col)) < 200
    assert cd.encode([0, 1, 2, 4])["t"] == "f4"  # one step differs: values sent
    assert cd.encode([0.1, 0.2, 0.3])["t"] == "f8"  # 0.1 + 2 * 0.1 != 0.3: values sent
    assert cd.encode(list(range(5)))["h"] != cd.encode(list(range(6)))["h"]


async def test_an_update_sends_only_the_columns_that_changed() -> None:
    async def app() -> None:
        n = rr.session_state.n = rr.session_state.get("n", 0) + 1
        rr.button("again")
        xs = list(range(5000))
        rr.line_chart({"x": xs, "y": [math.sin(i / 50 + n) for i in xs]}, x="x")

    async with AppTest(app) as at:
        sent = at.page.bytes
        await at.button("again").click()
        update = at.page.bytes - sent
        ops = [op for op in at.page.ops if op["op"] == "el" and op["e"]["k"] == "chart"]
        x, y = ops[-1]["e"]["data"]
        assert "b" not in x and "b" in y  # the unchanged x column went as its hash only
        assert 5000 * 8 < update < 5000 * 8 * 4 / 3 + 2000  # y's Float64 values, base64
        from reactive_rerun.elements import _chartdata as cd

        shown = at.chart[0].props["data"]  # the client rebuilt the whole chart
        assert cd.decode(shown[0]) == list(range(5000))
        assert cd.decode(shown[1])[:2] == [math.sin(2), math.sin(1 / 50 + 2)]


def test_lists_of_numbers_are_read_without_numpy() -> None:
    """Plain lists for a line chart go through C arrays while numpy is not imported."""
    from reactive_rerun.elements import _chartdata as cd
    from reactive_rerun.elements.chart import _plain_numbers

    out = _plain_numbers([0, 1, 3], [[1.0, math.nan, 2.0], [3, 4, 6]], None, numpy_loaded=False)
    assert out is not None and [type(c).__name__ for c in out["data"]] == ["Floats"] * 3
    x, y, z = (cd.encode(c) for c in out["data"])
    assert (x["t"], y["t"], z["t"]) == ("f4", "f8", "f4") and y["nan"] and not z["nan"]
    assert cd.decode(y) == [1.0, None, 2.0] and cd.decode(z) == [3, 4, 6]
    even = _plain_numbers([0, 1, 2], [[5, 6, 7]], None, numpy_loaded=False)
    assert even is not None and cd.encode(even["data"][0])["t"] == "seq"
    assert _plain_numbers([2, 1], [[1, 2]], None, numpy_loaded=False) is None  # not sorted
    assert _plain_numbers([0, math.nan], [[1, 2]], None, numpy_loaded=False) is None
    assert _plain_numbers([0, 1], [[1, math.inf]], None, numpy_loaded=False) is None
    assert _plain_numbers([0, 1], [["a", "b"]], None, numpy_loaded=False) is None
