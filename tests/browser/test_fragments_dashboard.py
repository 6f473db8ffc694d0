"""examples/fragments_dashboard.py: a ticking panel next to a form that typing never loses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

from .helpers import example_app, open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

NAME = "Ada Lovelace, typing while the panel ticks away"

# Records every distinct "Updated ..." caption text from now on.
RECORD_UPDATES = """() => {
  const now = () => [...document.querySelectorAll('#rr-main .rr-caption')]
    .map((n) => n.textContent).find((t) => t.startsWith('Updated'));
  window.__updates = [now()];
  new MutationObserver(() => {
    const t = now();
    if (t !== window.__updates.at(-1)) window.__updates.push(t);
  }).observe(document.getElementById('rr-main'),
             {subtree: true, childList: true, characterData: true});
}"""


async def test_dashboard_ticks_keeps_typing_and_saves_note(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(example_app("fragments_dashboard")))
    updated = page.locator("#rr-main .rr-caption").filter(has_text="Updated")
    await expect(updated).to_have_count(1)
    first = await updated.text_content()
    # The live panel reruns every second on its own.
    await expect(updated).not_to_have_text(first or "", timeout=5_000)

    name = page.get_by_label("Name")
    await name.click()
    await page.evaluate(RECORD_UPDATES)
    await page.keyboard.type(NAME, delay=45)  # ~2 s: the panel ticks meanwhile
    updates = await page.evaluate("window.__updates")
    assert len(updates) >= 2, f"the panel did not tick while typing: {updates}"
    await expect(name).to_have_value(NAME)
    assert await name.evaluate("n => n.selectionStart === n.value.length")

    await page.get_by_label("Note").fill("fragments are neat")
    await page.get_by_role("button", name="Save note").click()
    await expect(page.get_by_text(f"{NAME}: fragments are neat")).to_be_visible()
    await expect(name).to_have_value(NAME)
