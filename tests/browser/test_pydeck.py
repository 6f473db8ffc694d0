"""pydeck_chart in Chromium: deck.gl draws pydeck 0.9.3's JSON (tests/data/pydeck_scatter.json:
a ScatterplotLayer of four cities), new data updates the same canvas, a click on a city comes
back to the script as Streamlit's selection, and a page without a deck loads no deck.gl."""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]
SPEC: dict[str, Any] = json.loads(
    (Path(__file__).parent.parent / "data" / "pydeck_scatter.json").read_text())
FRANKFURT = {"name": "Frankfurt", "lat": 50.11, "lon": 8.68, "people": 0.8}
HEIGHT = 400


async def app() -> None:
    spec = json.loads(json.dumps(SPEC))
    if rr.session_state.get("more"):
        spec["layers"][0]["data"].append(FRANKFURT)
    rr.checkbox("More", key="more")
    event = rr.pydeck_chart({**spec, "tooltip": {"html": "<b>{name}</b> <img src=x>"}},
                            on_select="rerun", key="deck", height=HEIGHT)
    rr.text("picked " + json.dumps({"indices": event.selection.indices, "names": [
        row["name"] for rows in event.selection.objects.values() for row in rows]}))


def at(box: dict[str, float], lat: float, lon: float) -> tuple[float, float]:
    """Where deck.gl's Web Mercator view (512 px tiles) of SPEC puts ``lat``/``lon`` on screen."""
    view = SPEC["initialViewState"]
    scale = 512 * 2 ** view["zoom"] / (2 * math.pi)

    def merc(la: float, lo: float) -> tuple[float, float]:
        return (scale * math.radians(lo),
                -scale * math.log(math.tan(math.pi / 4 + math.radians(la) / 2)))

    cx, cy = merc(view["latitude"], view["longitude"])
    x, y = merc(lat, lon)
    return box["x"] + box["width"] / 2 + x - cx, box["y"] + box["height"] / 2 + y - cy


async def red_near(page: Page, box: dict[str, float], point: tuple[float, float]) -> bool:
    """Whether the screen shows the layer's red (255, 75, 75) at ``point`` (a screenshot of the
    spot, read back through a 2D canvas: WebGL's own buffer is cleared after each frame)."""
    png = await page.screenshot(clip={"x": point[0] - 3, "y": point[1] - 3, "width": 6,
                                      "height": 6})
    r, g, b = await page.evaluate(
        """async (data) => {
          const img = new Image();
          img.src = 'data:image/png;base64,' + data;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width; c.height = img.height;
          const x = c.getContext('2d');
          x.drawImage(img, 0, 0);
          return [...x.getImageData(3, 3, 1, 1).data].slice(0, 3);
        }""", base64.b64encode(png).decode())
    return bool(r > 200 and g < 140 and b < 140)


async def test_deck_draws_updates_in_place_and_a_click_selects(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await page.set_viewport_size({"width": 1000, "height": 800})
    await open_app(page, serve(rr.App(app)))
    canvas = page.locator(".rr-pydeck canvas")
    await expect(canvas).to_have_count(1)
    shown = page.locator(".rr-text", has_text="picked")
    await expect(shown).to_have_text('picked {"indices": {}, "names": []}')
    box = await canvas.bounding_box()
    assert box is not None and abs(box["height"] - HEIGHT) <= 2
    berlin, frankfurt = at(box, 52.52, 13.40), at(box, FRANKFURT["lat"], FRANKFURT["lon"])
    await page.wait_for_function("() => document.querySelector('.rr-pydeck canvas').width > 0")
    for _ in range(50):  # deck.gl draws on its next animation frame
        if await red_near(page, box, berlin):
            break
        await page.wait_for_timeout(100)
    assert await red_near(page, box, berlin)
    assert not await red_near(page, box, frankfurt)

    await page.evaluate("() => window.__canvas = document.querySelector('.rr-pydeck canvas')")
    await page.get_by_text("More").click()
    for _ in range(50):
        if await red_near(page, box, frankfurt):
            break
        await page.wait_for_timeout(100)
    assert await red_near(page, box, frankfurt)  # the fifth city, drawn in the same canvas
    assert await page.evaluate(
        "() => document.querySelector('.rr-pydeck canvas') === window.__canvas")

    await page.mouse.move(*berlin)
    tip = page.locator(".deck-tooltip")
    await expect(tip).to_have_text("Berlin")  # the html template's text only
    assert await tip.locator("b, img").count() == 0
    await page.mouse.click(*berlin)
    await expect(shown).to_have_text('picked {"indices": {"cities": [0]}, "names": ["Berlin"]}')
    await page.mouse.click(*frankfurt)
    await expect(shown).to_have_text(
        'picked {"indices": {"cities": [4]}, "names": ["Frankfurt"]}')
    await page.mouse.click(box["x"] + 5, box["y"] + box["height"] - 5)  # nothing there
    await expect(shown).to_have_text('picked {"indices": {}, "names": []}')
    assert page_errors == []


async def test_a_page_without_a_deck_loads_no_deck_gl(
    page: Page, serve: Callable[..., str]
) -> None:
    async def plain() -> None:
        rr.text("no map here")

    await open_app(page, serve(rr.App(plain)))
    scripts = await page.evaluate("() => [...document.scripts].map((s) => s.src).join(' ')")
    assert "deck.gl" not in scripts


async def test_multi_object_clicks_add_and_remove_objects(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    async def many() -> None:
        event = rr.pydeck_chart(SPEC, on_select="rerun", selection_mode="multi-object",
                                height=HEIGHT)
        rr.text("picked " + json.dumps(event.selection.indices))

    await page.set_viewport_size({"width": 1000, "height": 800})
    await open_app(page, serve(rr.App(many)))
    canvas = page.locator(".rr-pydeck canvas")
    await expect(canvas).to_have_count(1)
    box = await canvas.bounding_box()
    assert box is not None
    shown = page.locator(".rr-text", has_text="picked")
    for _ in range(50):  # until the first frame is drawn
        if await red_near(page, box, at(box, 52.52, 13.40)):
            break
        await page.wait_for_timeout(100)
    for (lat, lon), text in [((52.52, 13.40), '{"cities": [0]}'),
                             ((50.94, 6.96), '{"cities": [0, 2]}'),
                             ((52.52, 13.40), '{"cities": [2]}')]:
        await page.mouse.click(*at(box, lat, lon))
        await expect(shown).to_have_text("picked " + text)
    await page.get_by_role("button", name="Clear selection").click()
    await expect(shown).to_have_text("picked {}")
    assert page_errors == []
