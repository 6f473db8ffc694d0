"""The date, time, colour and choice inputs in Chromium: operated by mouse and keyboard, found by
role and label, and a bad raw value refused with a clear message."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, Page, expect

import reactive_rerun as rr

from .helpers import TIMEOUT_MS, PageLog, open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

D = dt.date


async def main() -> None:
    values: dict[str, Any] = {
        "day": rr.date_input("Day", D(2024, 5, 1), min_value=D(2024, 1, 1),
                             max_value=D(2024, 12, 31), format="DD.MM.YYYY",
                             help="Any day of 2024"),
        "trip": rr.date_input("Trip", (D(2024, 5, 1), D(2024, 5, 3))),
        "at": rr.time_input("Alarm", dt.time(7, 30), step=900),
        "when": rr.datetime_input("Meeting", dt.datetime(2024, 5, 1, 9, 0)),
        "color": rr.color_picker("Colour", "#4f46e5"),
        "size": rr.select_slider("Size", ["XS", "S", "M", "L", "XL"], value="M"),
        "band": rr.select_slider("Band", ["XS", "S", "M", "L", "XL"], value=("S", "L")),
        "diet": rr.pills("Diet", ["vegan", "vegetarian", "any"], selection_mode="multi",
                         default=["any"]),
        "view": rr.segmented_control("View", ["Day", "Week", "Month"], default="Week"),
        "quiet": rr.text_input("Search", label_visibility="collapsed", placeholder="Search"),
    }
    rr.text(json.dumps(values, default=str, sort_keys=True))


def seen(text: str) -> dict[str, Any]:
    return dict(json.loads(text))


async def shown(page: Page) -> dict[str, Any]:
    await settled(page)
    return seen(await page.locator(".rr-text").text_content() or "{}")


async def test_each_input_set_as_a_user_would_reaches_the_script(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    await page.get_by_label("Day", exact=True).fill("2024-06-02")
    await expect(page.locator(".rr-text")).to_contain_text('"day": "2024-06-02"')
    await expect(page.locator("[data-kind=date_input] output").first).to_have_text("02.06.2024")
    trip = page.get_by_role("group", name="Trip")
    await trip.get_by_label("End date").fill("2024-05-09")
    await expect(page.locator(".rr-text")).to_contain_text('"trip": ["2024-05-01", "2024-05-09"]')
    await page.get_by_label("Alarm").fill("08:15")
    await expect(page.locator(".rr-text")).to_contain_text('"at": "08:15:00"')
    await page.get_by_label("Meeting").fill("2024-05-20T17:45")
    await expect(page.locator(".rr-text")).to_contain_text('"when": "2024-05-20 17:45:00"')
    await page.get_by_label("Colour").fill("#123456")
    await expect(page.locator(".rr-text")).to_contain_text('"color": "#123456"')
    await page.get_by_role("group", name="Diet").get_by_role("button", name="vegan").click()
    await expect(page.locator(".rr-text")).to_contain_text('"diet": ["any", "vegan"]')
    await page.get_by_role("group", name="View").get_by_role("button", name="Month").click()
    await expect(page.locator(".rr-text")).to_contain_text('"view": "Month"')
    await page.get_by_label("Search").fill("kale")
    await page.get_by_label("Search").press("Enter")
    await expect(page.locator(".rr-text")).to_contain_text('"quiet": "kale"')


async def test_the_inputs_are_operated_by_keyboard(page: Page, serve: Callable[..., str]) -> None:
    await open_app(page, serve(rr.App(main)))
    await page.get_by_label("Size").focus()
    await page.keyboard.press("ArrowRight")
    await expect(page.locator(".rr-text")).to_contain_text('"size": "L"')
    await expect(page.get_by_label("Size")).to_have_attribute("aria-valuetext", "L")
    band = page.get_by_label("Upper value")
    await band.focus()
    await page.keyboard.press("ArrowRight")
    await expect(page.locator(".rr-text")).to_contain_text('"band": ["S", "XL"]')
    week = page.get_by_role("group", name="View").get_by_role("button", name="Week")
    await expect(week).to_have_attribute("aria-pressed", "true")
    await week.focus()
    await page.keyboard.press("Tab")  # to "Month"
    await page.keyboard.press("Space")
    await expect(page.locator(".rr-text")).to_contain_text('"view": "Month"')
    await page.keyboard.press("Shift+Tab")
    await page.keyboard.press("Enter")
    await expect(page.locator(".rr-text")).to_contain_text('"view": "Week"')
    await page.get_by_label("Alarm").focus()
    await page.keyboard.type("0945")
    await page.keyboard.press("Tab")
    await expect(page.locator(".rr-text")).to_contain_text('"at": "09:45:00"')
    help_icon = page.get_by_role("img", name="Any day of 2024")
    await help_icon.focus()
    await expect(help_icon).to_be_focused()


@pytest.mark.parametrize(("label", "value", "needle"), [
    ("Day", "2025-01-01", "after the maximum 2024-12-31"),
    ("Alarm", "07:31", "not on a step of 900 seconds"),
    ("Colour", "blue", "expected a colour as #rrggbb"),
    ("Size", 9, "out of range"),
    ("View", [0], "expected an option index"),
])
async def test_a_bad_raw_value_is_refused_with_a_clear_message(
    page: Page, serve: Callable[..., str], label: str, value: Any, needle: str
) -> None:
    await open_app(page, serve(rr.App(main)))
    before = await shown(page)
    name = page.locator(".rr-label").get_by_text(label, exact=True)
    node = page.locator(".rr-w").filter(has=name)
    wid = await node.get_attribute("data-widget-id")
    message = json.dumps({"t": "set", "id": wid, "v": value})
    await page.evaluate("(m) => window.__rr.ws.send(m)", message)
    await expect(page.locator(".rr-toast")).to_contain_text(needle)
    assert await shown(page) == before


async def test_screenshots_of_the_new_inputs(browser: Browser, serve: Callable[..., str],
                                             tmp_path: Path) -> None:
    url = serve(rr.App(main))
    outs = [tmp_path] + ([Path(os.environ["RR_SCREENSHOT_DIR"])]
                         if os.environ.get("RR_SCREENSHOT_DIR") else [])
    for scheme in ("light", "dark"):
        for name, width in (("desktop", 1280), ("phone", 375)):
            context = await browser.new_context(viewport={"width": width, "height": 900},
                                                color_scheme=scheme)  # type: ignore[arg-type]
            context.set_default_timeout(TIMEOUT_MS)
            try:
                page = await context.new_page()
                log = PageLog(page)
                await open_app(page, url)
                await page.evaluate("document.fonts.ready")
                for out in outs:
                    out.mkdir(parents=True, exist_ok=True)
                    await page.screenshot(path=out / f"inputs-{name}-{scheme}.png", full_page=True)
                assert log.errors == [], log.errors
                scroll = await page.evaluate("document.documentElement.scrollWidth")
                assert scroll <= width, f"{name}: horizontal overflow ({scroll} px)"
            finally:
                await context.close()
