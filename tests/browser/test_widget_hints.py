"""Hints the server sends are honoured by the page: multiselect's max_selections, placeholders."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


async def main() -> None:
    picked = rr.multiselect("Toppings", ["ham", "egg", "kale", "corn"], max_selections=2)
    rr.write(f"picked {len(picked)}")
    rr.number_input("Amount", value=None, placeholder="How many?")


async def test_multiselect_offers_no_more_than_max_selections(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    box = page.get_by_role("combobox", name="Toppings")
    await box.click()
    await page.get_by_role("option", name="ham").click()
    await expect(page.get_by_text("picked 1")).to_be_visible()
    await page.get_by_role("option", name="kale").click()
    await expect(page.get_by_text("picked 2")).to_be_visible()
    await settled(page)
    await expect(page.get_by_role("option")).to_have_count(0)
    await expect(page.locator("[data-kind=multiselect]").get_by_role("status")).to_have_text(
        "You can only select up to 2 options. Remove an option first.")
    await page.get_by_role("button", name="Remove ham").click()
    await expect(page.get_by_text("picked 1")).to_be_visible()
    await expect(page.get_by_role("option", name="ham")).to_be_visible()


async def test_number_input_shows_its_placeholder(page: Page, serve: Callable[..., str]) -> None:
    await open_app(page, serve(rr.App(main)))
    await expect(page.get_by_label("Amount")).to_have_attribute("placeholder", "How many?")
