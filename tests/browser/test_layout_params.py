"""Issue 15 in Chromium: the new inputs (pagination, menu_button) and the containers whose state
is a widget value (expander, tabs, popover) operated as a user would, by mouse and keyboard,
found by role and label; bad raw values refused; screenshots light and dark."""

from __future__ import annotations

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


async def main() -> None:
    rr.title("Reports", help="Monthly numbers")
    rr.header("Sales", divider=True, icon=":material/bar_chart:")
    rr.info("Numbers are provisional.", icon=":material/info:", title="Heads up")
    values: dict[str, Any] = {}
    with rr.container(horizontal=True, vertical_alignment="center"):
        values["page"] = rr.pagination(20, default=2, key="page")
        values["export"] = rr.menu_button("Export", ["CSV", "JSON", "Parquet"], icon="📤")
        values["saved"] = rr.button("Save", icon="💾", shortcut="Ctrl+K", type="primary")
    more = rr.expander("Details", key="details", on_change="rerun", icon="🔎")
    with more:
        rr.write("Hidden until opened")
    values["details"] = more.open
    tabs = rr.tabs(["Chart", "Table", "Notes"], key="tab", on_change="rerun")
    tabs[0].write("chart here")
    values["tab"] = rr.session_state.tab
    values["email"] = rr.text_input("Email", type="email", required=True,
                                    placeholder="you@example.com")
    rr.space("small")
    g = rr.grid(3, border=True)
    for name, n in (("North", 12), ("South", 7), ("East", 3)):
        g.metric(name, n)
    rr.skeleton(height=40)
    rr.text(json.dumps(values, default=str, sort_keys=True))
    rr.bottom.caption("Pinned to the bottom of the page")


async def shown(page: Page) -> dict[str, Any]:
    await settled(page)
    return dict(json.loads(await page.locator(".rr-text").last.text_content() or "{}"))


def state(page: Page) -> Any:
    return page.locator(".rr-text").last


async def test_the_new_inputs_set_as_a_user_would_reach_the_script(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    for drawn in (page.locator("h2 .rr-hicon svg path"), page.locator(".rr-alert-icon svg path")):
        await expect(drawn).to_have_count(1)  # :material/...: icons drawn as SVG (icons.js)
    nav = page.get_by_role("navigation", name="Pagination")
    await nav.get_by_role("button", name="Next page").click()
    await expect(state(page)).to_contain_text('"page": 3')
    await expect(nav.get_by_role("button", name="Page 3")).to_have_attribute("aria-current", "page")
    await nav.get_by_role("button", name="Page 20").click()
    await expect(state(page)).to_contain_text('"page": 20')
    await expect(nav.get_by_role("button", name="Next page")).to_be_disabled()

    await page.get_by_role("button", name="Export").click()
    await page.get_by_role("menuitem", name="JSON").click()
    await expect(state(page)).to_contain_text('"export": "JSON"')

    await page.get_by_text("Details", exact=True).click()
    await expect(state(page)).to_contain_text('"details": true')
    await page.get_by_role("tab", name="Notes").click()
    await expect(state(page)).to_contain_text('"tab": "Notes"')

    email = page.get_by_label("Email")
    await email.fill("not an email")
    await email.press("Enter")
    await expect(page.get_by_text("Enter an email address.")).to_be_visible()
    await expect(email).to_have_attribute("aria-invalid", "true")
    await email.fill("ann@example.com")
    await email.press("Enter")
    await expect(state(page)).to_contain_text('"email": "ann@example.com"')


async def test_the_new_inputs_are_operated_by_keyboard(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    export = page.get_by_role("button", name="Export")
    await export.focus()
    await page.keyboard.press("ArrowDown")
    await expect(page.get_by_role("menuitem", name="CSV")).to_be_focused()
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("ArrowDown")
    await expect(page.get_by_role("menuitem", name="Parquet")).to_be_focused()
    await page.keyboard.press("Enter")
    await expect(state(page)).to_contain_text('"export": "Parquet"')
    await expect(export).to_be_focused()  # focus returns to the button
    await export.focus()
    await page.keyboard.press("Enter")
    await page.keyboard.press("Escape")
    await expect(page.get_by_role("menu")).to_be_hidden()
    await expect(export).to_be_focused()

    page_one = page.get_by_role("button", name="Page 1")
    await page_one.focus()
    await page.keyboard.press("Enter")
    await expect(state(page)).to_contain_text('"page": 1')

    await settled(page)
    await page.evaluate("document.activeElement.blur()")
    await page.keyboard.press("Control+k")
    await expect(state(page)).to_contain_text('"saved": true')

    notes = page.get_by_role("tab", name="Chart")
    await notes.focus()
    await page.keyboard.press("ArrowRight")
    await expect(state(page)).to_contain_text('"tab": "Table"')


@pytest.mark.parametrize(("label", "message", "needle"), [
    ("Pagination", {"t": "set", "v": 21}, "above the maximum 20"),
    ("Export", {"t": "click", "v": 9}, "out of range"),
])
async def test_a_bad_raw_value_is_refused_with_a_clear_message(
    page: Page, serve: Callable[..., str], label: str, message: dict[str, Any], needle: str
) -> None:
    await open_app(page, serve(rr.App(main)))
    before = await shown(page)
    kind = "pagination" if label == "Pagination" else "menu_button"
    wid = await page.locator(f"[data-kind={kind}]").get_attribute("data-widget-id")
    await page.evaluate("(m) => window.__rr.ws.send(m)", json.dumps({**message, "id": wid}))
    await expect(page.locator(".rr-toast")).to_contain_text(needle)
    assert await shown(page) == before


async def test_screenshots_of_the_layout_parameters(
    browser: Browser, serve: Callable[..., str], tmp_path: Path
) -> None:
    url = serve(rr.App(main))
    outs = [tmp_path] + ([Path(os.environ["RR_SCREENSHOT_DIR"])]
                         if os.environ.get("RR_SCREENSHOT_DIR") else [])
    for scheme in ("light", "dark"):
        for name, width in (("desktop", 1280), ("phone", 390)):
            context = await browser.new_context(viewport={"width": width, "height": 1100},
                                                color_scheme=scheme)  # type: ignore[arg-type]
            context.set_default_timeout(TIMEOUT_MS)
            try:
                page = await context.new_page()
                log = PageLog(page)
                await open_app(page, url)
                await page.get_by_role("button", name="Export").click()
                await page.evaluate("document.fonts.ready")
                for out in outs:
                    out.mkdir(parents=True, exist_ok=True)
                    await page.screenshot(path=out / f"layout-{name}-{scheme}.png",
                                          full_page=True)
                assert log.errors == [], log.errors
                scroll = await page.evaluate("document.documentElement.scrollWidth")
                assert scroll <= width, f"{name}: horizontal overflow ({scroll} px)"
            finally:
                await context.close()


async def test_time_formats_show_the_chosen_time_as_asked(
    page: Page, serve: Callable[..., str]
) -> None:
    import datetime as dt

    async def app() -> None:
        rr.time_input("Alarm", dt.time(14, 30), format="12h")
        rr.datetime_input("Meeting", dt.datetime(2024, 5, 1, 9, 0), format="DD.MM.YYYY")

    await open_app(page, serve(rr.App(app)))
    alarm = page.locator("[data-kind=time_input] output")
    await expect(alarm).to_have_text("2:30 PM")
    await page.get_by_label("Alarm").fill("09:15")
    await expect(alarm).to_have_text("9:15 AM")
    await expect(page.locator("[data-kind=datetime_input] output")).to_have_text("01.05.2024 09:00")
