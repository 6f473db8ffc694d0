"""`help=` is Markdown, as in Streamlit: the tooltip shows its bold, code and links, on hover and
on keyboard focus, and the text never becomes HTML."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

HELP = "Use **ISO** dates like `2024-01-31`.\nSee [the docs](https://example.com/dates)."


async def main() -> None:
    rr.text_input("Start", help=HELP)
    rr.header("Totals", help="Sums <img src=x onerror=window.pwned=1> *per month*")


async def test_help_shows_markdown_on_hover_and_on_focus(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    icon = page.get_by_role("img", name="Use ISO dates like 2024-01-31. See the docs.")
    tip = icon.locator(".rr-helptip")
    await expect(tip).to_be_hidden()
    await icon.hover()
    await expect(tip).to_be_visible()
    await expect(tip.locator("strong")).to_have_text("ISO")
    await expect(tip.locator("code")).to_have_text("2024-01-31")
    await expect(tip.locator("a")).to_have_text("the docs")
    await expect(tip.locator("a")).to_have_attribute("href", "https://example.com/dates")
    await page.mouse.move(0, 0)
    await expect(tip).to_be_hidden()
    await page.get_by_label("Start").focus()
    await page.keyboard.press("Shift+Tab")  # the help icon comes just before its field
    await expect(icon).to_be_focused()
    await expect(tip).to_be_visible()

    heading_tip = page.locator("h2 .rr-helptip")
    await page.locator("h2 .rr-help").hover()
    await expect(heading_tip).to_contain_text("Sums <img src=x onerror=window.pwned=1> per month")
    await expect(heading_tip.locator("em")).to_have_text("per month")
    assert await heading_tip.locator("img").count() == 0
    assert await page.evaluate("() => window.pwned") is None
    assert page_errors == []
