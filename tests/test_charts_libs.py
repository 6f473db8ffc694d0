"""rr.altair_chart / rr.vega_lite_chart / rr.plotly_chart, and plotly.js served from plotly."""

from __future__ import annotations

import math

import httpx
import pytest

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_vega_lite_chart_puts_the_data_in_the_spec_json_safe() -> None:
    async def main() -> None:
        rr.vega_lite_chart({"a": [1.0, math.nan], "b": ["x", "y"]},
                           {"mark": "bar", "encoding": {"x": {"field": "b"}}})
        rr.vega_lite_chart({"mark": "point", "width": 200, "data": {"values": [{"v": 1}]}})

    async with AppTest(main) as at:
        one, two = at.vega
        assert one.props["spec"]["data"] == {"values": [{"a": 1.0, "b": "x"},
                                                        {"a": None, "b": "y"}]}
        assert one.props["width"] == "stretch" and one.props["theme"] == "streamlit"
        assert two.props["width"] == "content"  # the spec sets its width


async def test_altair_chart_sends_the_charts_spec() -> None:
    alt = pytest.importorskip("altair")
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"x": [1, 2], "y": [3.0, float("nan")]})

    async def main() -> None:
        rr.altair_chart(alt.Chart(df).mark_line().encode(x="x", y="y"), theme=None)

    async with AppTest(main) as at:
        spec = at.vega[0].props["spec"]
        assert spec["mark"]["type"] == "line" if isinstance(spec["mark"], dict) else spec["mark"]
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v")
        assert at.vega[0].props["theme"] is None


async def test_plotly_chart_sends_the_figure_and_where_plotly_js_is() -> None:
    go = pytest.importorskip("plotly.graph_objects")
    import plotly

    async def main() -> None:
        rr.plotly_chart(go.Figure(go.Scatter(x=[1, 2], y=[3, None])), height=300)
        rr.plotly_chart({"data": [{"type": "bar", "y": [1]}]}, use_container_width=False)

    async with AppTest(main) as at:
        one, two = at.plotly
        assert one.props["figure"]["data"][0]["type"] == "scatter"
        assert one.props["height"] == 300 and one.props["js"] == plotly.__version__
        assert one.props["integrity"].startswith("sha384-")
        assert two.props["width"] == "content"


async def test_the_app_serves_plotly_js_at_its_version_only() -> None:
    pytest.importorskip("plotly")
    import plotly

    async def main() -> None:
        rr.text("x")

    app = rr.App(main)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        ok = await client.get(f"/_rr/plotly/{plotly.__version__}/plotly.min.js")
        assert ok.status_code == 200 and ok.headers["content-type"].startswith("text/javascript")
        assert b"plotly" in ok.content[:2000].lower()
        assert "immutable" in ok.headers["cache-control"]
        missing = await client.get("/_rr/plotly/0.0.0/plotly.min.js")
        assert missing.status_code == 404


async def test_an_altair_selection_comes_back_in_streamlits_shape() -> None:
    alt = pytest.importorskip("altair")
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"k": ["a", "b", "c"], "v": [1, 3, 2]})

    async def main() -> None:
        point = alt.selection_point(fields=["k"])  # unnamed: Altair numbers or hashes it
        brush = alt.selection_interval(name="brush", encodings=["x"])
        chart = alt.Chart(df).mark_bar().encode(x="k", y="v").add_params(point, brush)
        rr.session_state.event = rr.altair_chart(chart, on_select="rerun")

    async with AppTest(main) as at:
        assert at.session_state.event == {"selection": {"brush": {}, "param_1": {}}}
        assert at.vega[0].props["modes"] == ["brush", "param_1"]
        await at.vega[0].set_value({"param_1": [{"k": "b"}]})
        event = at.session_state.event
        assert event.selection.param_1 == [{"k": "b"}] and event["selection"]["brush"] == {}
        await at.vega[0].set_value({"param_1": [{"k": "b"}], "brush": {"k": ["a", "b"]}})
        assert at.session_state.event.selection.brush == {"k": ["a", "b"]}
        assert at.vega[0].props["spec"]["params"][0]["name"] in ("brush", "param_1")


async def test_a_vega_lite_selection_must_name_a_parameter_of_the_spec() -> None:
    spec = {"mark": "point", "params": [{"name": "pick", "select": "point"}],
            "data": {"values": [{"x": 1}]}, "encoding": {"x": {"field": "x"}}}

    async def main() -> None:
        rr.session_state.event = rr.vega_lite_chart(spec, on_select="rerun", selection_mode="pick")
        with pytest.raises(rr.errors.APIError, match="not defined"):
            rr.vega_lite_chart(spec, on_select="rerun", selection_mode="other", key="x")
        with pytest.raises(rr.errors.APIError, match="no selection"):
            rr.vega_lite_chart({"mark": "point"}, on_select="rerun", key="y")

    async with AppTest(main) as at:
        assert at.session_state.event == {"selection": {"pick": {}}}
        assert at.errors == []


async def test_a_plotly_selection_comes_back_in_streamlits_shape() -> None:
    pytest.importorskip("plotly")

    async def main() -> None:
        fig = {"data": [{"type": "scatter", "mode": "markers", "x": [1, 2, 3], "y": [3, 1, 2]}]}
        rr.session_state.event = rr.plotly_chart(fig, on_select="rerun", selection_mode="box")

    async with AppTest(main) as at:
        empty = {"points": [], "point_indices": [], "box": [], "lasso": []}
        assert at.session_state.event == {"selection": empty}
        assert at.plotly[0].props["modes"] == ["box"]
        picked = {"points": [{"curve_number": 0, "point_index": 1, "x": 2, "y": 1}],
                  "point_indices": [1], "box": [{"xref": "x", "yref": "y", "x": [1.5, 2.5],
                                                 "y": [0, 1.5]}], "lasso": []}
        await at.plotly[0].set_value(picked)
        event = at.session_state.event
        assert event.selection.point_indices == [1] and event.selection.box[0]["x"] == [1.5, 2.5]


async def test_mermaid_echarts_and_pydeck_take_streamlits_parameters() -> None:
    option = {"xAxis": {"type": "category", "data": ["a", "b"]}, "yAxis": {},
              "series": [{"type": "bar", "data": [1, 2], "selectedMode": "single"}]}

    async def main() -> None:
        rr.mermaid_chart("graph TD; A-->B", width=300, alt="two boxes")
        rr.session_state.event = rr.echarts_chart(option, on_select="rerun", renderer="svg",
                                                  height=250, key="ec")
        rr.echarts_chart(option, theme=None)
        rr.session_state.deck = rr.pydeck_chart(None, on_select="rerun", height=300)
        with pytest.raises(rr.errors.APIError, match="renderer"):
            rr.echarts_chart(option, renderer="webgl")  # type: ignore[arg-type]

    async with AppTest(main) as at:
        assert at.mermaid[0].props == {"k": "mermaid", "body": "graph TD; A-->B", "width": 300,
                                       "alt": "two boxes"}
        one, two = at.echarts
        assert one.props["renderer"] == "svg" and one.props["height"] == 250 and one.props["id"]
        assert two.props["id"] is None and two.props["theme"] is None
        assert at.session_state.event == {"selection": {"selected": [], "areas": []}}
        picked = {"selected": [{"series_index": 0, "series_id": None, "series_name": None,
                                "data_type": "main", "data_indices": [1]}], "areas": []}
        await one.set_value(picked)
        assert at.session_state.event.selection.selected[0]["data_indices"] == [1]
        assert at.session_state.deck == {"selection": {"indices": {}, "objects": {}}}
        assert at.pydeck[0].props["height"] == 300 and at.errors == []


async def test_a_bad_selection_from_a_client_is_refused_and_changes_nothing() -> None:
    spec = {"mark": "point", "params": [{"name": "pick", "select": "point"}],
            "data": {"values": [{"x": 1}]}, "encoding": {"x": {"field": "x"}}}
    fig = {"data": [{"type": "scatter", "x": [1], "y": [1]}]}

    async def main() -> None:
        rr.session_state.runs = rr.session_state.get("runs", 0) + 1
        rr.session_state.vega = rr.vega_lite_chart(spec, on_select="rerun")
        rr.session_state.plotly = rr.plotly_chart(fig, on_select="rerun")

    async with AppTest(main) as at:
        for element, bad in [(at.vega[0], {"other": []}), (at.vega[0], {"pick": 3}),
                             (at.vega[0], [1]), (at.plotly[0], {"point_indices": ["x"]}),
                             (at.plotly[0], {"boxes": []})]:
            await at.send({"t": "set", "id": element.id, "v": bad})
        assert len(at.page.errors) == 5 and at.session_state.runs == 1
        assert at.session_state.vega == {"selection": {"pick": {}}}
