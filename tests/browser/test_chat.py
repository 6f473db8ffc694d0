"""The chat example in a real browser: a reply streams in, a message sent during the stream is
answered after it (in order), Stop cancels a reply and keeps what it wrote."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

from examples import chat

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

BOX = "#rr-main .rr-chat-text"


async def send(page: Page, text: str) -> None:
    await page.locator(BOX).fill(text)
    await page.locator(BOX).press("Enter")


async def test_a_reply_streams_into_the_page(
    page: Page, serve: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat, "TOKEN_DELAY", 0.03)
    await open_app(page, serve(chat.app))
    box = page.locator(BOX)
    await expect(box).to_have_attribute("placeholder", "Ask anything")
    await send(page, "hello")
    await expect(box).to_have_value("")
    assistant = page.locator(".rr-chat-msg[data-role=assistant]").last
    await expect(assistant).to_contain_text("You said hello.")
    await expect(page.locator("#rr-stop")).to_be_visible()  # a run in flight offers Stop
    partial = await assistant.inner_text()
    assert "press Stop" not in partial  # it arrives word by word
    await expect(assistant).to_contain_text("or press Stop.")
    await settled(page)
    await expect(page.locator("#rr-stop")).to_be_hidden()
    await expect(assistant).not_to_contain_text("▌")  # the cursor goes with the stream
    await expect(page.locator(".rr-chat-msg[data-role=user]")).to_have_text(["hello"])
    await expect(box).to_be_focused()


async def test_a_message_sent_during_the_stream_is_answered_after_it(
    page: Page, serve: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat, "TOKEN_DELAY", 0.04)
    await open_app(page, serve(chat.app))
    await send(page, "first")
    assistant = page.locator(".rr-chat-msg[data-role=assistant]")
    await expect(assistant.first).to_contain_text("You said first.")
    await send(page, "second")  # while the first reply streams
    await expect(assistant).to_have_count(2, timeout=15_000)
    await settled(page)
    await expect(assistant.nth(0)).to_contain_text("You said first.")
    await expect(assistant.nth(0)).to_contain_text("or press Stop.")  # completed, not cut off
    await expect(assistant.nth(1)).to_contain_text("You said second.")
    await expect(assistant.nth(1)).to_contain_text("or press Stop.")
    await expect(page.locator(".rr-chat-msg[data-role=user]")).to_have_text(["first", "second"])


async def test_stop_cancels_the_reply_and_keeps_what_it_wrote(
    page: Page, serve: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat, "TOKEN_DELAY", 0.15)
    await open_app(page, serve(chat.app))
    await send(page, "stop me")
    assistant = page.locator(".rr-chat-msg[data-role=assistant]")
    await expect(assistant).to_contain_text("Here is")
    await page.locator("#rr-main .rr-chat-stop").click()
    await settled(page)
    kept = await assistant.inner_text()
    assert "You said stop me." in kept and "press Stop" not in kept
    assert "▌" not in kept
    await page.wait_for_timeout(400)
    assert await assistant.inner_text() == kept  # nothing more arrives, nothing reran
    await send(page, "again")  # the partial reply stays in the history
    await expect(assistant).to_have_count(2)
    await expect(assistant.first).to_have_text(kept)
