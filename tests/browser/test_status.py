"""The page shows its connection state: connected, and running during a slow run."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


async def main() -> None:
    rr.header("Status")
    if rr.button("Slow"):
        await asyncio.sleep(1.5)
        rr.text("slow run done")


async def test_status_shows_connected_then_running_during_a_slow_run(
    page: Page, serve: Callable[..., str]
) -> None:
    body, status = page.locator("body"), page.locator("#rr-status")
    await open_app(page, serve(rr.App(main)))
    await expect(body).to_have_attribute("data-rr-state", "connected")
    await expect(status).to_have_text("Connected")
    await expect(status).to_be_visible()
    await expect(status).to_have_attribute("role", "status")

    await page.get_by_role("button", name="Slow").click()
    await expect(body).to_have_attribute("data-rr-state", "running")
    await expect(status).to_have_text("Running…")

    await expect(page.get_by_text("slow run done")).to_be_visible()
    await expect(body).to_have_attribute("data-rr-state", "connected")
    await expect(status).to_have_text("Connected")

    # The indicator does not cover the page's content (it sits in the top-right corner).
    box = await status.bounding_box()
    header = await page.locator("#rr-main h2").bounding_box()
    assert box is not None and header is not None
    assert box["y"] + box["height"] <= header["y"] or box["x"] >= header["x"] + header["width"]
