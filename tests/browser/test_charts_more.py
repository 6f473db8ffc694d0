"""mermaid_chart, echarts_chart and pydeck_chart in Chromium: drawn, redrawn in place with new
data, an ECharts click selection back in the script, and the libraries loaded only when used."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import unquote

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


async def app() -> None:
    n = 2 if rr.button("More") else 1
    rr.mermaid_chart("graph LR\n  A[Start] --> B{Is it <b>bold</b>?}\n"
                     + "".join(f"  B --> N{i}[Node {i}]\n" for i in range(n)), alt="flow")
    option = {"xAxis": {"type": "category", "data": ["a", "b", "c"]}, "yAxis": {"type": "value"},
              "series": [{"type": "bar", "data": [3 * n, 1, 2], "selectedMode": "single"}]}
    event = rr.echarts_chart(option, on_select="rerun", key="ec", height=300)
    rr.text("ec " + json.dumps(event.selection, sort_keys=True))
    rr.pydeck_chart(None, height=160)


async def test_mermaid_echarts_and_pydeck_draw_update_and_select(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(rr.App(app)))
    diagram = page.locator(".rr-mermaid img")
    await expect(diagram).to_have_count(1)
    src = await diagram.get_attribute("src") or ""
    assert src.startswith("data:image/svg+xml") and unquote(src).count('class="node ') == 3
    assert await page.locator(".rr-mermaid b").count() == 0  # the label's text stayed text
    canvas = page.locator(".rr-echarts canvas")
    await expect(canvas).to_have_count(1)
    shown = page.locator(".rr-text", has_text="ec {")
    await expect(shown).to_have_text('ec {"areas": [], "selected": []}')
    await expect(page.locator(".rr-pydeck canvas")).to_have_count(1)
    node = await page.evaluate("() => window.__ec = document.querySelector('.rr-echarts')")
    assert node is not None

    box = await canvas.bounding_box()
    assert box is not None  # the middle bar ("b", the shortest) sits at the centre, near the axis
    await page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.7)
    await expect(shown).to_contain_text('"data_indices": [1]')
    sel = json.loads((await shown.text_content() or "")[3:])
    assert sel["selected"][0]["series_index"] == 0 and sel["selected"][0]["data_type"] == "main"

    await page.get_by_role("button", name="More").click()
    await expect(diagram).to_have_attribute("src", re.compile("N1"))  # a fourth node, N1
    assert await page.evaluate("() => document.querySelector('.rr-echarts') === window.__ec")
    assert page_errors == []
