"""Overlays in a real browser: a dialog opens as a modal, reruns alone, closes on dismissal;
a popover opens from its button; toasts are not in the page flow."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


@rr.dialog("Cast your vote", on_dismiss="rerun")
async def vote() -> None:
    rr.write("Pick one")
    if rr.button("Count"):
        rr.session_state.n = rr.session_state.get("n", 0) + 1
    rr.write(f"count {rr.session_state.get('n', 0)}")
    if rr.button("Done"):
        rr.rerun()


async def main() -> None:
    if rr.button("Open"):
        rr.session_state.open = True
    if rr.session_state.get("open"):
        rr.session_state.open = False
        await vote()
    with rr.popover("Settings"):
        rr.write("popover body")
    if rr.button("Toast"):
        rr.toast("Saved **now**", duration=5)


async def test_dialog_popover_and_toast(page: Page, serve: Callable[..., str]) -> None:
    await open_app(page, serve(rr.App(main)))
    await page.get_by_role("button", name="Open").click()
    dialog = page.locator("dialog.rr-dialog")
    await expect(dialog).to_be_visible()
    await expect(dialog.locator("h2")).to_have_text("Cast your vote")
    await dialog.get_by_role("button", name="Count").click()
    await expect(dialog).to_contain_text("count 1")  # a fragment run: the dialog stays open
    await dialog.get_by_role("button", name="Done").click()  # rr.rerun(): it closes
    await expect(dialog).to_have_count(0)

    await page.get_by_role("button", name="Open").click()
    await expect(page.locator("dialog.rr-dialog")).to_be_visible()
    await page.keyboard.press("Escape")  # dismissed: on_dismiss="rerun" reruns without it
    await expect(page.locator("dialog.rr-dialog")).to_have_count(0)
    await settled(page)

    body = page.locator(".rr-pop-body")
    await expect(body).to_be_hidden()
    await page.get_by_role("button", name="Settings").click()
    await expect(body).to_contain_text("popover body")
    await page.mouse.click(5, 400)  # outside closes it
    await expect(body).to_be_hidden()

    await page.get_by_role("button", name="Toast").click()
    toast = page.locator("#rr-toasts .rr-toast")
    await expect(toast).to_contain_text("Saved now")
    await expect(toast.locator("strong")).to_have_text("now")
    await expect(page.locator("#rr-main .rr-toast")).to_have_count(0)
