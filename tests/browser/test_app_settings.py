"""Page settings and the URL in a real browser."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


async def test_page_config_sets_title_icon_and_wide_layout(
    page: Page, serve: Callable[..., str]
) -> None:
    async def main() -> None:
        rr.set_page_config(page_title="Quarterly sales", page_icon="📈", layout="wide")
        rr.header("Sales")

    await open_app(page, serve(rr.App(main)))
    await expect(page).to_have_title("Quarterly sales")
    assert "svg" in (await page.locator("link[rel=icon]").get_attribute("href") or "")
    assert await page.evaluate("document.body.classList.contains('rr-wide')")
    width = await page.evaluate("document.getElementById('rr-main').getBoundingClientRect().width")
    assert width > 46 * 16  # wider than the centered column


async def test_query_params_come_from_the_url_and_writes_change_it_without_a_reload(
    page: Page, serve: Callable[..., str]
) -> None:
    async def main() -> None:
        rr.header(f"tab = {rr.query_params.get('tab', 'none')}")
        if rr.button("Details"):
            rr.query_params["tab"] = "details"

    url = serve(rr.App(main))
    await open_app(page, url + "?tab=summary")
    await expect(page.locator("#rr-main h2")).to_have_text("tab = summary")
    await page.evaluate("window.__rrMarker = 1")
    await page.get_by_role("button", name="Details").click()
    await settled(page)
    await expect(page).to_have_url(url + "?tab=details")
    assert await page.evaluate("window.__rrMarker") == 1  # no reload
    await page.reload()  # a new page load reads the URL it was given
    await settled(page)


async def test_context_sees_the_browser_locale_and_time_zone(
    page: Page, serve: Callable[..., str]
) -> None:
    async def main() -> None:
        rr.text(f"{rr.context.locale} {rr.context.timezone} {rr.context.headers['host']}")

    await open_app(page, serve(rr.App(main)))
    locale, tz = await page.evaluate(
        "[navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone]"
    )
    await expect(page.locator(".rr-text")).to_contain_text(f"{locale} {tz} 127.0.0.1")
