"""SPEC §9: the seed's three patterns (the apps in examples/) each update the header after one
click, with no flicker."""

from __future__ import annotations

from typing import Any

import pytest

from examples.callback_pattern import main as callback_pattern
from examples.container_pattern import main as container_pattern
from examples.rerun_pattern import main as rerun_pattern
from reactive_rerun.page import path_key
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


def _header_texts_after(at: AppTest, since: int) -> list[str]:
    """Every header text the page was sent after op number ``since``."""
    return [
        op["e"]["text"]
        for op in at.page.ops[since:]
        if op["op"] == "el" and op["e"]["k"] == "header"
    ]


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
