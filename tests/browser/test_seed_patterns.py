"""SPEC §9 in a real browser: one click makes the header read Foo / Bar / Baz, no flicker."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

from .helpers import example_app, open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

# Records each text the main area's headers show, from now on (a new entry whenever it changes).
RECORD_HEADERS = """() => {
  const main = document.getElementById('rr-main');
  const now = () => [...main.querySelectorAll('h2')].map((h) => h.textContent).join('|');
  window.__headers = [now()];
  const record = () => {
    const t = now();
    if (t !== window.__headers.at(-1)) window.__headers.push(t);
  };
  new MutationObserver(record).observe(main, {subtree: true, childList: true, characterData: true,
                                              attributes: true});
}"""


@pytest.mark.parametrize(
    ("example", "label"),
    [("rerun_pattern", "Foo"), ("callback_pattern", "Bar"), ("container_pattern", "Baz")],
)
async def test_one_click_sets_header_above_button_without_flicker(
    page: Page, serve: Callable[..., str], example: str, label: str
) -> None:
    await open_app(page, serve(example_app(example)))
    header = page.locator("#rr-main h2")
    button = page.get_by_role("button", name=label, exact=True)
    await expect(header).to_have_text("Title")
    await page.evaluate(RECORD_HEADERS)

    await button.click()

    await expect(header).to_have_text(label)
    await settled(page)
    await expect(header).to_have_count(1)
    await expect(header).to_have_text(label)
    seen = await page.evaluate("window.__headers")
    # Title before the click, then the label, and nothing else in between or after (no flicker
    # back to "Title", no moment without a header).
    assert seen == ["Title", label], f"the header went through {seen}"
    above = await page.evaluate(
        """([h, b]) => !!(h.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)""",
        [await header.element_handle(), await button.element_handle()],
    )
    assert above, "the header is not above the button"
