"""SPEC §9: the seed's three patterns each update the header after one click, with no flicker."""

from __future__ import annotations

from typing import Any

import pytest

import reactive_rerun as rr
from reactive_rerun.delta import path_key
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


def _header_texts_after(at: AppTest, since: int) -> list[str]:
    """Every header text the page was sent after op number ``since``."""
    return [
        op["e"]["text"]
        for op in at.page.ops[since:]
        if op["op"] == "el" and op["e"]["k"] == "header"
    ]


async def rerun_pattern() -> None:
    if "value" not in rr.session_state:
        rr.session_state.value = "Title"
    rr.header(rr.session_state.value)
    if rr.button("Foo"):
        rr.session_state.value = "Foo"
        rr.rerun()


async def callback_pattern() -> None:
    if "value" not in rr.session_state:
        rr.session_state.value = "Title"
    rr.header(rr.session_state.value)

    def update_value() -> None:
        rr.session_state.value = "Bar"

    rr.button("Bar", on_click=update_value)


async def container_pattern() -> None:
    if "value" not in rr.session_state:
        rr.session_state.value = "Title"
    container = rr.container()
    if rr.button("Baz"):
        rr.session_state.value = "Baz"
    container.header(rr.session_state.value)


async def _check(script: Any, label: str) -> None:
    async with AppTest(script) as at:
        assert at.header.texts == ["Title"]
        before = len(at.page.ops)
        await at.button(label).click()
        assert at.header.texts == [label]  # after one click
        assert _header_texts_after(at, before) == [label]  # never back to "Title" on the way
        assert path_key(at.header[0].path) < path_key(at.button(label).path)  # above the button
        assert at.errors == [] and at.exception == []
        await at.button(label).click()  # and it stays put
        assert at.header.texts == [label]
        assert _header_texts_after(at, before) == [label]


async def test_rerun_pattern_shows_foo_after_one_click_without_flicker() -> None:
    await _check(rerun_pattern, "Foo")


async def test_callback_pattern_shows_bar_after_one_click_without_flicker() -> None:
    await _check(callback_pattern, "Bar")


async def test_container_pattern_shows_baz_after_one_click_without_flicker() -> None:
    await _check(container_pattern, "Baz")
