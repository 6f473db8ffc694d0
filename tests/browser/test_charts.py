"""Charts in Chromium: drawn, updated in place by a ticking fragment without leaking, and their
libraries loaded only by pages that show a chart."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


@rr.fragment(run_every=0.03)
async def ticking() -> None:
    n = rr.session_state.ticks = rr.session_state.get("ticks", 0) + 1
    xs = range(n, n + 300)
    rr.line_chart({"x": list(xs), "sin": [math.sin(x / 20) for x in xs],
                   "cos": [math.cos(x / 20) for x in xs]}, x="x")
    rr.caption(f"tick {n}")


async def charts() -> None:
    await ticking()


async def plain() -> None:
    rr.title("No charts here")
    rr.write("Just text.")


async def ticks(page: Page) -> int:
    text = await page.locator("#rr-main .rr-caption").text_content()
    return int((text or "tick 0").removeprefix("tick "))


async def heap(page: Page) -> float:
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("HeapProfiler.collectGarbage")
    await cdp.send("HeapProfiler.collectGarbage")
    used = (await cdp.send("Runtime.getHeapUsage"))["usedSize"]
    await cdp.detach()
    return float(used)


async def until_ticks(page: Page, n: int) -> None:
    await page.wait_for_function(
        f"() => +(document.querySelector('#rr-main .rr-caption')?.textContent || '')"
        f".replace('tick ', '') >= {n}", timeout=60_000)


async def test_a_ticking_chart_updates_in_place_and_does_not_leak(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(rr.App(charts)))
    await expect(page.locator(".rr-chart canvas")).to_have_count(1)
    start = await ticks(page)
    await until_ticks(page, start + 30)  # warmed up: the library and caches are in
    await page.evaluate("() => { window.__chart = document.querySelector('.rr-chart');"
                        " window.__canvas = window.__chart.querySelector('canvas'); }")
    before = await heap(page)
    first = await ticks(page)
    await until_ticks(page, first + 300)
    after = await heap(page)
    same = await page.evaluate(
        "() => document.querySelector('.rr-chart') === window.__chart"
        " && window.__chart.querySelector('canvas') === window.__canvas"
        " && document.querySelectorAll('.rr-chart canvas').length === 1")
    assert same, "the chart was recreated instead of updated"
    assert after - before < 2_000_000, f"heap grew {after - before:.0f} bytes over 300 updates"
    assert page_errors == []


async def test_only_a_page_with_a_chart_loads_the_chart_library(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(plain)))
    await expect(page.get_by_text("Just text.")).to_be_visible()
    names = await page.evaluate(
        "() => performance.getEntriesByType('resource').map((e) => e.name)")
    # (the page's font is vendored too, and always loads)
    assert not [n for n in names if ("/vendor" in n and ".woff2" not in n) or "chart" in n], names

    await open_app(page, serve(rr.App(charts)))
    await expect(page.locator(".rr-chart canvas")).to_have_count(1)
    names = await page.evaluate(
        "() => performance.getEntriesByType('resource').map((e) => e.name)")
    assert any(n.endswith("/elements/chart.js") for n in names), names
    assert any("/vendor/uplot-1.6.32/" in n for n in names), names


async def libraries() -> None:
    rr.vega_lite_chart({"k": ["a", "b"], "v": [1, 2]}, {
        "mark": "bar", "encoding": {"x": {"field": "k", "type": "nominal"},
                                    "y": {"field": "v", "type": "quantitative"}}})
    rr.plotly_chart({"data": [{"type": "scatter", "x": [1, 2, 3], "y": [2, 1, 3]}]})


async def test_vega_lite_and_plotly_charts_draw(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    pytest.importorskip("plotly")
    await open_app(page, serve(rr.App(libraries)))
    await expect(page.locator(".rr-vega svg.marks")).to_have_count(1)
    await expect(page.locator(".rr-plotly .main-svg").first).to_be_visible()
    names = await page.evaluate(
        "() => performance.getEntriesByType('resource').map((e) => e.name)")
    assert any("/vendor/vega-embed-7.3.0/" in n for n in names), names
    assert any("/_rr/plotly/" in n for n in names), names
    assert not any("uplot" in n for n in names), names  # only what the page shows
    assert page_errors == []


@rr.fragment(run_every=0.1)
async def ten_a_second() -> None:
    n = rr.session_state.tens = rr.session_state.get("tens", 0) + 1
    xs = range(n, n + 200)
    rr.line_chart({"x": list(xs), "y": [math.sin(x / 15) for x in xs]}, x="x")
    rr.caption(f"tick {n}")


async def ten_app() -> None:
    await ten_a_second()


async def test_a_chart_redrawn_ten_times_a_second_neither_flickers_nor_leaks(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    """1,000 updates at 10 a second (about 100 s): the chart's node and canvas stay (never
    removed, so nothing blanks between frames), the DOM does not grow, the heap stays flat."""
    await open_app(page, serve(rr.App(ten_app)))
    await expect(page.locator(".rr-chart canvas")).to_have_count(1)
    start = await ticks(page)
    await until_ticks(page, start + 20)
    await page.evaluate("""() => {
      window.__chart = document.querySelector('.rr-chart');
      window.__removed = 0;
      new MutationObserver((ms) => { for (const m of ms) for (const n of m.removedNodes)
        if (n.nodeType === 1 && (n.matches('.rr-chart, canvas') || n.querySelector?.('canvas')))
          window.__removed++; }).observe(document.body, { childList: true, subtree: true });
    }""")
    before = await heap(page)
    nodes = await page.evaluate("() => document.getElementsByTagName('*').length")
    first = await ticks(page)
    await page.wait_for_function(
        f"() => +(document.querySelector('#rr-main .rr-caption')?.textContent || '')"
        f".replace('tick ', '') >= {first + 1000}", timeout=300_000, polling=1000)
    after = await heap(page)
    assert await page.evaluate("() => window.__removed") == 0, "the chart's canvas was replaced"
    assert await page.evaluate("() => document.querySelector('.rr-chart') === window.__chart")
    assert await page.evaluate("() => document.getElementsByTagName('*').length") == nodes
    assert after - before < 2_000_000, f"heap grew {after - before:.0f} bytes over 1,000 updates"
    assert page_errors == []
