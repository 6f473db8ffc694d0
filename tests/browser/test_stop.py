"""The page's Stop control: shown while a run is in flight, it cancels that run (SPEC §7)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


async def slow_report() -> None:
    state = rr.session_state
    state.setdefault("finished", 0)
    if rr.button("Build the report"):
        rr.text("building…")
        await asyncio.sleep(30)
        state.finished += 1
    rr.text(f"reports finished: {state.finished}")
    rr.text_input("Note")


async def test_stop_cancels_the_run_in_flight(page: Page, serve: Callable[..., str]) -> None:
    await open_app(page, serve(rr.App(slow_report)))
    stop = page.locator("#rr-stop")
    await expect(stop).to_be_hidden()
    await page.get_by_role("button", name="Build the report").click()
    await expect(page.get_by_text("building…")).to_be_visible()
    await expect(stop).to_be_visible()
    await stop.click()
    await settled(page)
    await expect(stop).to_be_hidden()
    await expect(page.get_by_text("building…")).to_be_visible()  # what it drew stays
    await page.wait_for_timeout(300)
    await expect(page.get_by_text("reports finished: 1")).to_have_count(0)  # never finished
    note = page.get_by_label("Note")  # the page is live again: the next event runs at once
    await note.fill("after the stop")
    await note.press("Enter")
    await settled(page)
    await expect(note).to_have_value("after the stop")
    await expect(page.get_by_text("reports finished: 0")).to_be_visible()
    await expect(page.get_by_text("building…")).to_be_hidden()
