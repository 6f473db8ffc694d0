"""An event during a long ``await`` cancels the run in flight: its result shows at once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


def change() -> None:
    rr.session_state.title = "Changed"


async def main() -> None:
    rr.header(rr.session_state.get("title", "Start"))
    rr.button("Change header", on_click=change)
    if rr.button("Start long work"):
        rr.caption("working")
        await asyncio.sleep(30)
        rr.caption("long work done")


async def test_click_during_long_await_gets_its_result_within_seconds(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    header = page.locator("#rr-main h2")
    await expect(header).to_have_text("Start")

    await page.get_by_role("button", name="Start long work").click()
    await expect(page.get_by_text("working", exact=True)).to_be_visible()
    await expect(page.locator("body")).to_have_attribute("data-rr-state", "running")

    clicked = time.monotonic()
    await page.get_by_role("button", name="Change header").click()
    await expect(header).to_have_text("Changed", timeout=3_000)
    took = time.monotonic() - clicked
    assert took < 3, f"the header changed after {took:.1f} s"
    await expect(page.get_by_text("long work done")).to_have_count(0)
