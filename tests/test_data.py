"""SPEC §11: metric, table, dataframe (inline and windowed), selections, column_config."""

from __future__ import annotations

import json
from typing import Any

import pytest
from _helpers import until

import reactive_rerun as rr
from reactive_rerun import protocol
from reactive_rerun.errors import ProtocolError
from reactive_rerun.tabular import cell, to_table
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_metric_shows_value_delta_and_its_colour() -> None:
    async def main() -> None:
        rr.metric("Temp", 70, 1.5)
        rr.metric("Cost", "$3", "-2", delta_color="inverse", border=True, help="h")
        rr.metric("Off", None, -1, delta_color="off", chart_data=[1, 2, float("nan")])
        rr.metric("Plain", 3.5, label_visibility="collapsed")

    async with AppTest(main) as at:
        m = [e.props for e in at.metric]
        assert [m[0][k] for k in ("value", "delta", "arrow", "color")] \
            == ["70", "1.5", "up", "green"]
        assert [m[1][k] for k in ("arrow", "color", "border", "help")] \
            == ["down", "green", True, "h"]
        assert (m[2]["value"], m[2]["color"], m[2]["chart"]) == ("—", "gray", [1.0, 2.0, None])
        assert (m[3]["delta"], m[3]["arrow"], m[3]["visibility"]) == (None, None, "collapsed")


async def test_metric_refuses_an_unknown_delta_color() -> None:
    async def main() -> None:
        rr.metric("x", 1, 1, delta_color="purple-ish")

    async with AppTest(main) as at:
        assert "delta_color" in at.exception[0].props["message"]


async def test_table_is_static_and_refuses_large_data() -> None:
    async def main() -> None:
        rr.table({"x": [1, 2], "y": ["a", float("nan")]})
        rr.table([[i, i] for i in range(6000)])

    async with AppTest(main) as at:
        t = at.table[0].props
        assert [c["label"] for c in t["cols"]] == ["", "x", "y"]
        assert t["rows"] == [[0, 0, 1, "a"], [1, 1, 2, None]]
        message = at.exception[0].props["message"]
        assert "10,000 cells" in message and "rr.dataframe" in message


async def test_table_hides_its_index_or_header_and_scrolls_at_a_fixed_height() -> None:
    async def main() -> None:
        rr.table({"x": [1, 2]}, hide_index=True, hide_header=True, height=120, width=300,
                 alt="Two numbers")

    async with AppTest(main) as at:
        t = at.table[0].props
        assert [c["label"] for c in t["cols"]] == ["x"]  # no index column
        assert (t["header"], t["height"], t["width"], t["alt"]) == (False, 120, 300, "Two numbers")


async def test_metric_shows_an_icon_and_a_delta_description() -> None:
    async def main() -> None:
        rr.metric("Sales", 120, 8, icon=":material/bar_chart:", delta_description="vs May")

    async with AppTest(main) as at:
        m = at.metric[0].props
        assert (m["icon"], m["description"], m["delta"]) == (":material/bar_chart:", "vs May", "8")


def test_cells_are_json_safe() -> None:
    import datetime as dt

    values = [float("nan"), float("inf"), -float("inf"), 2**60, True, dt.date(2020, 1, 2), None]
    encoded = [cell(v) for v in values]
    assert encoded == [None, "inf", "-inf", str(2**60), True, "2020-01-02", None]
    protocol.dumps(encoded)  # no non-finite float reaches JSON


@pytest.mark.parametrize("kind", ["pandas", "polars", "pyarrow", "numpy", "rows", "dicts", "cols"])
def test_inputs_of_every_kind_read_the_same(kind: str) -> None:
    data: Any
    if kind == "pandas":
        pd = pytest.importorskip("pandas")
        data = pd.DataFrame({"a": [3, 1, 2], "b": ["x", "y", "z"]})
    elif kind == "polars":
        pl = pytest.importorskip("polars")
        data = pl.DataFrame({"a": [3, 1, 2], "b": ["x", "y", "z"]})
    elif kind == "pyarrow":
        pa = pytest.importorskip("pyarrow")
        data = pa.table({"a": [3, 1, 2], "b": ["x", "y", "z"]})
    elif kind == "numpy":
        np = pytest.importorskip("numpy")
        data = np.array([[3, 10], [1, 20], [2, 30]])
    elif kind == "rows":
        data = [(3, "x"), (1, "y"), (2, "z")]
    elif kind == "dicts":
        data = [{"a": 3, "b": "x"}, {"a": 1, "b": "y"}, {"a": 2, "b": "z"}]
    else:
        data = {"a": [3, 1, 2], "b": ["x", "y", "z"]}
    table = to_table(data, hide_index=True)
    assert table.n == 3
    assert [r[1] for r in table.rows(0, 3)] == [3, 1, 2]
    assert [r[0] for r in table.rows(0, 3, table.sort(0, False))] == [1, 2, 0]
    assert [r[0] for r in table.rows(0, 3, table.sort(0, True))] == [0, 2, 1]


def test_a_pandas_index_is_shown_unless_hidden() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"v": [1.5, None]}, index=pd.Index(["r1", "r2"], name="id"))
    shown = to_table(frame)
    assert [(c.name, c.index) for c in shown.columns] == [("id", True), ("v", False)]
    assert shown.rows(0, 2) == [[0, "r1", 1.5], [1, "r2", None]]
    assert [c.name for c in to_table(frame, hide_index=True).columns] == ["v"]
    series = to_table(pd.Series([5, 6], name="s"))
    assert series.rows(0, 2) == [[0, 0, 5], [1, 1, 6]]


async def test_a_small_frame_travels_inline_and_a_large_one_by_windows() -> None:
    big = [{"n": i, "x": float(i % 7) if i % 5 else float("nan")} for i in range(5000)]

    async def main() -> None:
        rr.dataframe({"a": [1, 2]})
        rr.dataframe(big, hide_index=True)

    async with AppTest(main) as at:
        small, large = (e.props for e in at.dataframe)
        assert small["data"] is None and small["rows"] == [[0, 0, 1], [1, 1, 2]]
        assert large["n"] == 5000 and large["data"] and len(large["rows"]) == 50
        assert len(json.dumps(large)) < 5000  # the first view, not the frame
        await at.send({"t": "rows", "id": large["data"], "req": 7, "from": 4998, "to": 5000})
        reply = at.page.replies[-1]
        assert (reply["req"], reply["from"], reply["n"]) == (7, 4998, 5000)
        assert reply["rows"] == [[4998, 4998, 0.0], [4999, 4999, 1.0]]
        await at.send({"t": "rows", "id": large["data"], "req": 8, "from": 0, "to": 3,
                       "sort": [1, "desc"]})
        assert [r[2] for r in at.page.replies[-1]["rows"]] == [6.0, 6.0, 6.0]
        await at.send({"t": "rows", "id": large["data"], "req": 9, "from": 4990, "to": 4991,
                       "sort": [1, "asc"]})
        assert at.page.replies[-1]["rows"][0][2] is None  # missing values sort last
        assert at.page.violations == [] and at.errors == []


async def test_a_large_frame_sorts_in_a_thread_once_per_column_and_direction() -> None:
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"v": np.arange(50_000)[::-1]})

    async def main() -> None:
        rr.dataframe(frame)

    async with AppTest(main) as at:
        data = at.dataframe[0].props["data"]
        entry = at.session.live.windows.entries[data]  # type: ignore[union-attr]
        for req in (1, 2):
            await at.send({"t": "rows", "id": data, "req": req, "from": 0, "to": 2,
                           "sort": [1, "asc"]})
        await until(lambda: len(at.page.replies) == 2)
        first = [[49_999, 49_999, 0], [49_998, 49_998, 1]]
        assert [r["rows"] for r in at.page.replies] == [first, first]
        assert list(entry.orders) == [(1, False)]
        at.session.rerun()  # type: ignore[union-attr]  # the same frame: same id, sort kept
        await at.settle()
        assert at.dataframe[0].props["data"] == data and entry.orders


async def test_rows_requests_are_checked() -> None:
    async def main() -> None:
        rr.dataframe(list(range(2000)))

    async with AppTest(main) as at:
        data = at.dataframe[0].props["data"]
        await at.send({"t": "rows", "id": "nope", "req": 1, "from": 0, "to": 10})
        await at.send({"t": "rows", "id": data, "req": 2, "from": 0, "to": 5000})
        await at.send({"t": "rows", "id": data, "req": 3, "from": 0, "to": 5, "sort": [9, "asc"]})
        await at.send({"t": "rows", "id": data, "req": 4, "from": 0, "to": 5, "sort": [0, "up"]})
        assert len(at.errors) == 4 and at.page.replies == []


def test_the_rows_message_shape() -> None:
    protocol.decode('{"t":"rows","id":"a","req":1,"from":0,"to":10,"sort":null}')
    with pytest.raises(ProtocolError):
        protocol.decode('{"t":"rows","id":"a","req":1,"from":10,"to":0}')


async def test_a_table_no_longer_shown_is_let_go() -> None:
    async def main() -> None:
        if not rr.checkbox("hide"):
            rr.dataframe(list(range(5000)))

    async with AppTest(main) as at:
        windows = at.session.live.windows  # type: ignore[union-attr]
        assert len(windows.entries) == 1
        data = at.dataframe[0].props["data"]
        await at.checkbox("hide").set_value(True)
        assert windows.entries == {}
        await at.send({"t": "rows", "id": data, "req": 1, "from": 0, "to": 5})
        assert at.errors == [] and at.page.replies == []  # a late request for it: no answer
        assert "windows" not in json.dumps(at.session.data.to_record(), default=str)  # type: ignore[union-attr]


async def test_row_selection_returns_streamlit_shape_and_is_validated() -> None:
    seen: list[Any] = []

    async def main() -> None:
        event = rr.dataframe({"a": [1, 2, 3]}, on_select="rerun", key="t")
        seen.append(event)

    async with AppTest(main) as at:
        assert seen[-1] == {"selection": {"rows": [], "columns": [], "cells": []}}
        await at.dataframe[0].set_value({"selection": {"rows": [2, 0], "columns": []}})
        assert seen[-1].selection.rows == [2, 0]
        assert at.session_state["t"]["selection"]["rows"] == [2, 0]
        for bad in ({"rows": [3]}, {"rows": [1, 1]}, {"rows": ["x"]}, {"columns": ["a"]}, [1]):
            await at.send({"t": "set", "id": at.dataframe[0].id, "v": bad})
        assert len(at.errors) == 5 and seen[-1].selection.rows == [2, 0]


async def test_single_and_column_selection_modes() -> None:
    seen: list[Any] = []

    async def main() -> None:
        seen.append(rr.dataframe({"a": [1], "b": [2]}, on_select="rerun",
                                 selection_mode=["single-row", "multi-column"]))

    async with AppTest(main) as at:
        df = at.dataframe[0]
        await at.send({"t": "set", "id": df.id, "v": {"rows": [0], "columns": ["b", "a"]}})
        assert seen[-1]["selection"] == {"rows": [0], "columns": ["b", "a"], "cells": []}
        await at.send({"t": "set", "id": df.id, "v": {"rows": [0, 1], "columns": []}})
        assert at.errors


async def test_column_config_labels_hides_orders_and_formats() -> None:
    cc = rr.column_config

    async def main() -> None:
        rr.dataframe(
            {"a": [1.5], "b": ["x"], "c": [True], "d": ["https://e.org"]},
            column_order=["d", "a", "c"], hide_index=True,
            column_config={"a": cc.NumberColumn("Amount", format="$%.2f", width="small",
                                                help="money", pinned=True),
                           "c": None, "d": cc.LinkColumn(display_text="open")},
        )
        rr.dataframe({"a": [1]}, column_config={"zz": "Z"})

    async with AppTest(main) as at:
        cols = at.dataframe[0].props["cols"]
        assert [c["name"] for c in cols] == ["d", "a"]
        assert cols[1] == {"name": "a", "label": "Amount", "type": "number", "kind": "float",
                           "width": 75, "help": "money", "pinned": True, "format": "$%.2f"}
        assert cols[0]["type"] == "link" and cols[0]["display_text"] == "open"
        assert at.dataframe[0].props["rows"] == [[0, "https://e.org", 1.5]]
        assert "zz" in at.exception[0].props["message"]


async def test_dataframe_is_a_container_method() -> None:
    async def main() -> None:
        col, = rr.columns(1)
        col.dataframe([1, 2])
        col.metric("m", 1)
        col.table([1])

    async with AppTest(main) as at:
        assert [e.kind for e in at.elements()][-3:] == ["dataframe", "metric", "table"]


async def test_a_frame_that_cannot_be_read_is_a_clear_error() -> None:
    async def main() -> None:
        rr.dataframe(object())

    async with AppTest(main) as at:
        assert "cannot show a object" in at.exception[0].props["message"]



# -- data_editor ---------------------------------------------------------------------------------


def _editor(at: AppTest) -> Any:
    return at.elements("data_editor")[0]


async def test_data_editor_returns_pandas_with_the_edits_and_keeps_streamlits_state() -> None:
    pd = pytest.importorskip("pandas")
    seen: list[Any] = []
    changes: list[int] = []

    async def main() -> None:
        df = pd.DataFrame({"name": ["a", "b", "c"], "qty": [1, 2, 3], "ok": [True, False, True]})
        out = rr.data_editor(df, key="ed", num_rows="dynamic",
                             on_change=lambda: changes.append(1),
                             column_config={"qty": rr.column_config.NumberColumn(default=7)})
        seen.append(out)

    async with AppTest(main) as at:
        assert list(seen[-1]["qty"]) == [1, 2, 3]
        await _editor(at).set_value({"edited_rows": {"1": {"qty": 20, "name": "B"}},
                                     "added_rows": [{"name": "d"}], "deleted_rows": [0]})
        out = seen[-1]
        assert isinstance(out, pd.DataFrame)
        assert list(out["name"]) == ["B", "c", "d"] and list(out["qty"]) == [20, 3, 7]
        assert list(out["ok"][:2]) == [False, True] and pd.isna(out["ok"].iloc[2])
        assert list(out.index) == [1, 2, 3] and out["qty"].dtype.kind == "i"
        assert at.session_state["ed"] == {"edited_rows": {1: {"qty": 20, "name": "B"}},
                                          "added_rows": [{"name": "d"}], "deleted_rows": [0]}
        assert changes == [1]
        assert _editor(at).value["edited_rows"] == {"1": {"qty": 20, "name": "B"}}


async def test_data_editor_refuses_a_bad_cell_with_its_reason_and_changes_nothing() -> None:
    seen: list[Any] = []

    async def main() -> None:
        seen.append(rr.data_editor(
            [{"item": "tea", "qty": 1, "size": "S", "day": "2024-01-02"}], key="ed",
            column_config={
                "qty": rr.column_config.NumberColumn(min_value=0, max_value=10, required=True),
                "size": rr.column_config.SelectboxColumn(options=["S", "M"]),
                "day": rr.column_config.DateColumn(),
            }))

    async with AppTest(main) as at:
        ed = _editor(at)
        await ed.set_value({"edited_rows": {"0": {"qty": 4}}})
        assert seen[-1] == [{"item": "tea", "qty": 4, "size": "S", "day": "2024-01-02"}]
        for cells, reason in [({"qty": "abc"}, "'abc' is not a number"),
                              ({"qty": 11}, "11 is above the maximum 10"),
                              ({"qty": 1.5}, "1.5 is not a whole number"),
                              ({"qty": None}, "a value is required"),
                              ({"size": "XL"}, "'XL' is not one of the options"),
                              ({"day": "2024-13-01"}, "'2024-13-01' is not a date"),
                              ({"nope": 1}, "not an editable column")]:
            runs = len(seen)
            await _editor(at).set_value({"edited_rows": {"0": cells}})
            refusal = [op for op in at.page.ops if op["op"] == "error"][-1]
            assert refusal["id"] == ed.id and reason in refusal["detail"], (reason, refusal)
            assert refusal["detail"].startswith("row 0, column ")
            assert len(seen) == runs  # no rerun
            assert at.session_state["ed"]["edited_rows"] == {0: {"qty": 4}}
        await _editor(at).set_value({"edited_rows": {"0": {"qty": 5, "size": "M",
                                                               "day": "2024-02-03"}}})
        assert seen[-1] == [{"item": "tea", "qty": 5, "size": "M", "day": "2024-02-03"}]


async def test_data_editor_num_rows_and_disabled_columns_limit_what_changes() -> None:
    async def main() -> None:
        rr.data_editor({"a": [1, 2], "b": ["x", "y"]}, key="fixed", disabled=["b"])
        rr.data_editor({"a": [1, 2]}, key="off", disabled=True)
        rr.data_editor({"a": [1, 2]}, key="add", num_rows="add")

    async with AppTest(main) as at:
        fixed, off, add = at.elements("data_editor")
        assert [c.get("disabled", False) for c in fixed.props["cols"]] == [True, False, True]
        assert off.props["disabled"] and off.props["num_rows"] == "fixed"
        for element, wire in [(fixed, {"added_rows": [{}]}), (fixed, {"deleted_rows": [0]}),
                              (fixed, {"edited_rows": {"0": {"b": "z"}}}),
                              (fixed, {"edited_rows": {"5": {"a": 1}}}),
                              (add, {"deleted_rows": [1]}), (off, {"edited_rows": {}})]:
            errors = len(at.errors)
            await element.set_value(wire)
            assert len(at.errors) == errors + 1, wire
        assert at.session_state["fixed"] == {"edited_rows": {}, "added_rows": [],
                                             "deleted_rows": []}
        await add.set_value({"added_rows": [{"a": 3}, {}]})
        assert at.session_state["add"]["added_rows"] == [{"a": 3}, {}]


async def test_data_editor_returns_the_input_type() -> None:
    pl = pytest.importorskip("polars")
    seen: dict[str, Any] = {}

    async def main() -> None:
        seen["dict"] = rr.data_editor({"a": [1, 2], "b": ["x", "y"]}, key="d")
        seen["rows"] = rr.data_editor([[1, "x"], [2, "y"]], key="r")
        seen["polars"] = rr.data_editor(pl.DataFrame({"a": [1, 2], "t": ["x", "y"]}), key="p",
                                        num_rows="dynamic")

    async with AppTest(main) as at:
        d, r, p = at.elements("data_editor")
        await d.set_value({"edited_rows": {"1": {"b": "Y"}}})
        await r.set_value({"edited_rows": {"0": {"0": 10}}})
        await p.set_value({"edited_rows": {"0": {"a": 9}}, "added_rows": [{"t": "z"}]})
        assert seen["dict"] == {"a": [1, 2], "b": ["x", "Y"]}
        assert seen["rows"] == [[10, "x"], [2, "y"]]
        assert isinstance(seen["polars"], pl.DataFrame)
        assert seen["polars"].to_dict(as_series=False) == {"a": [9, 2, None], "t": ["x", "y", "z"]}
        assert seen["polars"].schema["a"] == pl.Int64


async def test_chart_columns_and_alignment_reach_the_grid() -> None:
    async def main() -> None:
        rr.dataframe({"name": ["a", "b"], "trend": [[1, 3, 2], [4, None, 1]]}, column_config={
            "trend": rr.column_config.LineChartColumn("Trend", y_min=0, y_max=5, color="auto"),
            "name": rr.column_config.Column("Name", alignment="center", pinned=True,
                                            help="who", width="small"),
        })
        rr.column_config.TextColumn(alignment="middle")  # type: ignore[arg-type]

    async with AppTest(main) as at:
        cols = at.dataframe[0].props["cols"]
        assert {k: cols[2][k] for k in ("type", "y_min", "y_max", "color")} == {
            "type": "line_chart", "y_min": 0, "y_max": 5, "color": "auto"}
        assert {k: cols[1][k] for k in ("alignment", "pinned", "help", "width")} == {
            "alignment": "center", "pinned": True, "help": "who", "width": 75}
        assert at.dataframe[0].props["rows"][1][3] == [4, None, 1]
        assert "alignment must be" in at.exception[0].props["message"]
    assert rr.column_config.BarChartColumn()["type"] == "bar_chart"
    assert rr.column_config.AreaChartColumn(color="#f00")["color"] == "#f00"


async def test_a_large_data_editor_is_windowed_and_still_edits() -> None:
    seen: list[Any] = []

    async def main() -> None:
        seen.append(rr.data_editor({"x": list(range(5000))}, key="big", num_rows="delete"))

    async with AppTest(main) as at:
        props = _editor(at).props
        assert props["data"] is not None and len(props["rows"]) < 100 and props["n"] == 5000
        await _editor(at).set_value({"edited_rows": {"4999": {"x": -1}}, "deleted_rows": [0]})
        assert seen[-1]["x"][-1] == -1 and len(seen[-1]["x"]) == 4999


async def test_data_editor_reads_a_naive_datetime_in_the_columns_zone() -> None:
    pd = pytest.importorskip("pandas")
    seen: list[Any] = []

    async def main() -> None:
        df = pd.DataFrame({"t": pd.to_datetime(["2024-01-01"]).tz_localize("UTC"),
                           "o": [object()]})
        seen.append(rr.data_editor(df, key="tz"))

    async with AppTest(main) as at:
        assert _editor(at).props["cols"][2]["disabled"] is True  # an object column stays as is
        await _editor(at).set_value({"edited_rows": {"0": {"t": "2024-05-05T10:00"}}})
        assert str(seen[-1]["t"].iloc[0]) == "2024-05-05 10:00:00+00:00"
        assert at.session_state["tz"]["edited_rows"] == {0: {"t": "2024-05-05 10:00:00"}}


async def test_data_editor_offers_a_categorical_columns_categories() -> None:
    pd = pytest.importorskip("pandas")
    seen: list[Any] = []

    async def main() -> None:
        df = pd.DataFrame({"size": pd.Categorical(["S", "M"], categories=["S", "M", "L"])})
        seen.append(rr.data_editor(df))

    async with AppTest(main) as at:
        col = _editor(at).props["cols"][1]
        assert (col["type"], col["options"]) == ("selectbox", ["S", "M", "L"])
        await _editor(at).set_value({"edited_rows": {"0": {"size": "XL"}}})
        assert "'XL' is not one of the options" in at.errors[-1]
        await _editor(at).set_value({"edited_rows": {"0": {"size": "L"}}})
        assert list(seen[-1]["size"]) == ["L", "M"] and seen[-1]["size"].dtype == "category"


async def test_data_editor_in_a_form_sends_its_edits_with_the_submit() -> None:
    seen: list[Any] = []

    async def main() -> None:
        with rr.form("f"):
            seen.append(rr.data_editor([{"a": 1}], key="fe"))
            rr.form_submit_button("Save")

    async with AppTest(main) as at:
        await _editor(at).set_value({"edited_rows": {"0": {"a": 2}}})
        assert seen[-1] == [{"a": 1}]  # nothing until the submit
        await at.submit[0].click()
        assert seen[-1] == [{"a": 2}]


async def test_alt_names_the_grid_and_lazy_windows_a_small_table() -> None:
    async def main() -> None:
        rr.dataframe({"a": [1, 2]}, alt="  Two numbers ", lazy=True)
        rr.dataframe({"a": [1, 2]}, alt=" ")
        rr.data_editor({"a": [1]}, alt="Edits")

    async with AppTest(main) as at:
        lazy, plain = at.dataframe
        assert (lazy.props["alt"], lazy.props["data"] is not None) == ("Two numbers", True)
        assert (plain.props["alt"], plain.props["data"]) == (None, None)
        assert _editor(at).props["alt"] == "Edits"
