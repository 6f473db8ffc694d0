"""Typing while a timer-driven fragment reruns loses no keystroke and keeps the caret."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

TYPED = "hello world, typing during reruns"


@rr.fragment(run_every=0.1)
async def clock() -> None:
    rr.session_state.ticks = rr.session_state.get("ticks", 0) + 1
    rr.caption(f"tick {rr.session_state.ticks}")


async def main() -> None:
    await clock()
    value = rr.text_input("Message", key="message")
    rr.write(f"Server has: {value}")


async def ticks(page: Page) -> int:
    text = await page.locator("#rr-main .rr-caption").text_content()
    assert text is not None
    return int(text.removeprefix("tick "))


async def test_typing_during_timer_reruns_keeps_every_keystroke(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    field = page.get_by_label("Message")
    await page.wait_for_function(  # the clock is ticking
        "+document.querySelector('#rr-main .rr-caption').textContent.split(' ')[1] >= 3"
    )
    await field.click()
    before = await ticks(page)

    await page.keyboard.type(TYPED, delay=30)

    during = await ticks(page) - before
    assert during >= 3, f"only {during} ticks happened while typing"
    assert await field.input_value() == TYPED
    caret = await field.evaluate(
        "n => [n.selectionStart, n.selectionEnd, n === document.activeElement]"
    )
    assert caret == [len(TYPED), len(TYPED), True]

    await page.keyboard.press("Enter")
    await expect(page.get_by_text(f"Server has: {TYPED}")).to_be_visible()
    assert await field.input_value() == TYPED
