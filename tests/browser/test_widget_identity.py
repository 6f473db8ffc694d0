"""A widget keeps its DOM node across reruns."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


async def main() -> None:
    rr.header(f"Runs: {rr.session_state.setdefault('runs', 0)}")
    rr.session_state.runs += 1
    name = rr.text_input("Name", key="name")
    rr.button("Rerun")
    rr.write(f"Name is {name or 'empty'}")


async def test_text_input_node_survives_reruns(page: Page, serve: Callable[..., str]) -> None:
    await open_app(page, serve(rr.App(main)))
    field = page.get_by_label("Name")
    node = await field.element_handle()
    assert node is not None
    widget = await page.locator("[data-kind=text_input]").element_handle()
    assert widget is not None
    await field.fill("Ada")
    await field.press("Enter")
    await expect(page.get_by_text("Name is Ada")).to_be_visible()

    header = page.locator("#rr-main h2")
    first = int((await header.text_content() or "").removeprefix("Runs: "))
    for i in range(1, 5):
        await page.get_by_role("button", name="Rerun").click()
        await expect(header).to_have_text(f"Runs: {first + i}")
    await settled(page)

    assert await node.evaluate("n => n.isConnected")
    assert await node.evaluate("n => n === document.querySelector('[data-kind=text_input] input')")
    assert await widget.evaluate("n => n.isConnected")
    assert await node.evaluate("n => n.value") == "Ada"
