"""Forms in a real browser: clear_on_submit empties the fields after the submit's run."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


async def test_a_form_cleared_on_submit_empties_its_fields_after_the_run_saw_them(
    page: Page, serve: Callable[..., str]
) -> None:
    async def main() -> None:
        with rr.form("note", clear_on_submit=True):
            text = rr.text_input("Note")
            sent = rr.form_submit_button("Send")
        if sent:
            rr.session_state.notes = [*rr.session_state.get("notes", []), text]
        rr.text(" | ".join(rr.session_state.get("notes", [])) or "(none)")

    await open_app(page, serve(rr.App(main)))
    field = page.get_by_label("Note")
    await field.fill("first note")
    await page.get_by_role("button", name="Send").click()
    await expect(page.locator(".rr-text")).to_have_text("first note")
    await expect(field).to_have_value("")
    await field.fill("second")
    await field.press("Enter")  # enter_to_submit (the default)
    await expect(page.locator(".rr-text")).to_have_text("first note | second")
    await expect(field).to_have_value("")
