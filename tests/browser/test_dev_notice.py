"""In development mode a run that blocks the event loop is shown on the page, naming the line."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


async def main() -> None:
    if rr.button("Block"):
        time.sleep(0.3)  # noqa: ASYNC251 - the mistake the notice is for
        await asyncio.sleep(0)
    rr.text("ready")


async def test_dev_mode_shows_a_blocked_loop_as_a_warning_naming_the_line(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main, dev_mode=True)))
    await page.get_by_role("button", name="Block").click()
    notice = page.locator(".rr-toast.rr-warning")
    await expect(notice).to_contain_text("held the event loop")
    await expect(notice).to_contain_text("test_dev_notice.py")
    await expect(notice).to_contain_text("anyio.to_thread.run_sync")


async def test_without_dev_mode_the_page_shows_no_block_warning(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    await page.get_by_role("button", name="Block").click()
    await expect(page.get_by_text("ready")).to_be_visible()
    await page.wait_for_timeout(300)
    assert await page.locator(".rr-toast").count() == 0
