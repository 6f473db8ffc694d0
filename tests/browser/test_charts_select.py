"""Chart selections in Chromium: a click or a drag on a Vega-Lite or Plotly chart comes back to
the script as Streamlit's selection shape."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

BARS = {
    "data": {"values": [{"k": "a", "v": 1}, {"k": "b", "v": 3}, {"k": "c", "v": 2}]},
    "mark": "bar",
    "params": [{"name": "pick", "select": {"type": "point", "fields": ["k"]}}],
    "encoding": {"x": {"field": "k", "type": "nominal"},
                 "y": {"field": "v", "type": "quantitative"}},
}
POINTS = {
    "data": {"values": [{"x": i, "y": (i * 7) % 10} for i in range(10)]},
    "mark": "point",
    "params": [{"name": "brush", "select": {"type": "interval", "encodings": ["x"]}}],
    "encoding": {"x": {"field": "x", "type": "quantitative"},
                 "y": {"field": "y", "type": "quantitative"}},
}


async def vega_app() -> None:
    bars = rr.vega_lite_chart(BARS, on_select="rerun", key="bars", width=400)
    rr.text("bars " + json.dumps(bars.selection, sort_keys=True))
    pts = rr.vega_lite_chart(POINTS, on_select="rerun", key="pts", width=400)
    rr.text("pts " + json.dumps(pts.selection, sort_keys=True))


async def shown(page: Page, prefix: str) -> dict[str, object]:
    text = await page.locator(".rr-text", has_text=prefix).first.text_content() or ""
    out: dict[str, object] = json.loads(text.strip().removeprefix(prefix))
    return out


async def test_a_click_and_a_drag_on_vega_lite_charts_come_back(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(rr.App(vega_app)))
    await expect(page.locator(".rr-vega svg.marks")).to_have_count(2)
    assert await shown(page, "bars ") == {"pick": {}}
    bars = page.locator(".rr-vega").nth(0).locator(".mark-rect path")
    await expect(bars).to_have_count(3)
    await bars.nth(1).click()
    await expect(page.get_by_text('bars {"pick": [{"k": "b"}]}')).to_be_visible()

    chart = page.locator(".rr-vega").nth(1).locator("svg.marks")
    box = await chart.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 3
    await page.mouse.move(box["x"] + box["width"] * 0.3, y)
    await page.mouse.down()
    await page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    await page.mouse.move(box["x"] + box["width"] * 0.7, y, steps=5)
    await page.mouse.up()
    await expect(page.get_by_text('pts {"brush": {"x": [')).to_be_visible()
    low, high = (await shown(page, "pts "))["brush"]["x"]  # type: ignore[index]
    assert 0 < low < high < 9
    # the drawn brush survives the rerun it caused (the chart was not re-embedded)
    await expect(page.locator(".rr-vega").nth(1).locator(".mark-rect path")).not_to_have_count(0)
    assert page_errors == []


async def plotly_app() -> None:
    fig = {"data": [{"type": "scatter", "mode": "markers", "x": list(range(10)),
                     "y": [(i * 7) % 10 for i in range(10)]}],
           "layout": {"margin": {"l": 40, "r": 10, "t": 10, "b": 40}}}
    event = rr.plotly_chart(fig, on_select="rerun", key="fig", width=500, height=400)
    rr.text("sel " + json.dumps(event.selection, sort_keys=True))


async def test_a_box_drag_and_a_click_on_a_plotly_chart_come_back(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    pytest.importorskip("plotly")
    await open_app(page, serve(rr.App(plotly_app)))
    await expect(page.locator(".rr-plotly .main-svg").first).to_be_visible()
    area = page.locator(".rr-plotly .nsewdrag").first
    box = await area.bounding_box()
    assert box is not None
    await page.mouse.move(box["x"] + 2, box["y"] + 2)
    await page.mouse.down()
    await page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.5, steps=5)
    await page.mouse.move(box["x"] + box["width"] * 0.55, box["y"] + box["height"] - 2, steps=5)
    await page.mouse.up()
    await expect(page.get_by_text('sel {"box": [{')).to_be_visible()
    sel = await shown(page, "sel ")
    assert sel["lasso"] == [] and len(sel["box"]) == 1  # type: ignore[arg-type]
    indices = sel["point_indices"]
    assert indices and all(0 <= i <= 5 for i in indices)  # type: ignore[union-attr]
    point = sel["points"][0]  # type: ignore[index]
    assert {"curve_number", "point_index", "x", "y"} <= set(point)
    assert page_errors == []


ALTAIR5 = json.loads((Path(__file__).parent.parent / "data" / "altair5_specs.json").read_text())


async def altair5_app() -> None:
    specs = ALTAIR5["specs"]
    for name, spec in specs.items():
        if name == "bars_point":
            event = rr.vega_lite_chart(spec, on_select="rerun", key=name)
            rr.text("alt5 " + json.dumps(event.selection, sort_keys=True))
        else:
            rr.vega_lite_chart(spec)


async def test_altair_5_specs_draw_and_select_with_the_vendored_vega_lite(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    """Specs Altair 5.5 made (Vega-Lite 5 schema; ``tests/data/altair5_specs.json``, made with
    altair 5.5.0): line, layer, concat, facet, and a point selection, all drawn."""
    assert ALTAIR5["altair"].startswith("5.")
    await open_app(page, serve(rr.App(altair5_app)))
    charts = page.locator(".rr-vega")
    await expect(charts).to_have_count(len(ALTAIR5["specs"]))
    await expect(page.locator(".rr-vega svg.marks")).to_have_count(len(ALTAIR5["specs"]))
    for i in range(len(ALTAIR5["specs"])):
        await expect(charts.nth(i).locator("g.mark-symbol path, g.mark-rect path,"
                                           " g.mark-line path, g.mark-rule line").first
                     ).to_be_attached()
    assert await shown(page, "alt5 ") == {"param_1": {}}
    bars = page.locator(".rr-vega").first.locator(".mark-rect path")  # bars_point sorts first
    await bars.nth(2).click()
    await expect(page.get_by_text('alt5 {"param_1": [{"k": "c"}]}')).to_be_visible()
    assert page_errors == []


async def changing_app() -> None:
    n = rr.session_state.n = rr.session_state.get("n", 2) + (1 if rr.button("Next") else 0)
    rr.vega_lite_chart({"data": {"values": [{"x": i, "y": i * i} for i in range(n)]},
                        "mark": "point", "encoding": {"x": {"field": "x", "type": "quantitative"},
                                                      "y": {"field": "y", "type": "quantitative"}}})
    rr.plotly_chart({"data": [{"type": "bar", "y": list(range(n))}]}, height=300)


async def test_vega_lite_and_plotly_charts_take_new_data_in_place(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    pytest.importorskip("plotly")
    await open_app(page, serve(rr.App(changing_app)))
    points = page.locator(".rr-vega .mark-symbol path")
    await expect(points).to_have_count(2)
    await expect(page.locator(".rr-plotly .main-svg").first).to_be_visible()
    await page.evaluate("() => { window.__v = document.querySelector('.rr-vega');"
                        " window.__p = document.querySelector('.rr-plotly'); }")
    await page.get_by_role("button", name="Next").click()
    await expect(points).to_have_count(3)
    await page.wait_for_function(
        "() => document.querySelector('.rr-plotly-box').data?.[0]?.y?.length === 3")
    assert await page.evaluate("() => document.querySelector('.rr-vega') === window.__v"
                               " && document.querySelector('.rr-plotly') === window.__p")
    assert page_errors == []
