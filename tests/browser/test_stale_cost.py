"""Staleness costs what a run changes: a run writes only to the nodes it draws, confirms or
removes, until it has run long enough for dimming to show; a fragment's run (a timer's too)
touches nothing outside its fragment; removing a block forgets its whole subtree."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app, settled

STALE = re.compile(r"\brr-stale\b")  # (other classes, such as a width, may be there too)

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

LINES = 300

# Records every DOM mutation under #rr-main from now on: [kind, path of the nearest element
# with a data-path, attribute name].
RECORD = """() => {
  const log = window.__muts = [];
  const where = (n) =>
    (n.nodeType === 1 ? n : n.parentElement).closest('[data-path]')?.dataset.path;
  new MutationObserver((ms) => {
    for (const m of ms) log.push([m.type, where(m.target), m.attributeName]);
  }).observe(document.getElementById('rr-main'),
             {subtree: true, childList: true, characterData: true, attributes: true});
}"""


async def page_of_lines() -> None:
    state = rr.session_state
    if rr.button("Inc"):
        state.count = state.get("count", 0) + 1
    rr.text(f"count: {state.get('count', 0)}")
    for i in range(LINES):
        rr.text(f"static line {i}")
    if rr.button("Slow"):
        await asyncio.sleep(2.0)
    rr.caption("end")


async def test_a_fast_run_touches_only_what_it_redraws(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(page_of_lines)))
    await page.evaluate(RECORD)
    for runs in range(1, 4):
        await page.get_by_role("button", name="Inc").click()
        await expect(page.get_by_text(f"count: {runs}")).to_be_visible()
        await settled(page)
    await page.evaluate("() => new Promise((r) => setTimeout(r, 700))")  # past the dim delay
    muts = await page.evaluate("window.__muts")
    counter = await page.get_by_text("count: 3").get_attribute("data-path")
    assert muts, "the counter's change was not seen"
    assert {m[1] for m in muts} == {counter}, muts  # nothing else was written to
    assert all(m[0] != "attributes" for m in muts), muts


async def test_a_slow_run_dims_then_restores(page: Page, serve: Callable[..., str]) -> None:
    await open_app(page, serve(rr.App(page_of_lines)))
    await page.get_by_role("button", name="Slow").click()
    # after the delay, every line not drawn again yet is stale; the lines above the sleep were
    # confirmed (ok) before dimming started, so only what follows the button can be stale
    end = page.get_by_text("end", exact=True)
    await expect(end).to_have_class(STALE)
    assert await page.locator("#rr-main .rr-text.rr-stale").count() == 0
    await settled(page)
    await expect(page.locator("#rr-main .rr-stale")).to_have_count(0)


async def fragment_page() -> None:
    @rr.fragment
    async def slow_part() -> None:
        if rr.button("Slow part"):
            await asyncio.sleep(1.0)
        rr.text("inside")

    @rr.fragment(run_every=0.3)
    async def ticking() -> None:
        rr.session_state.ticks = rr.session_state.get("ticks", 0) + 1
        rr.text(f"ticks: {rr.session_state.ticks}")

    rr.text("outside above")
    await slow_part()
    await ticking()
    for i in range(LINES):
        rr.text(f"outside {i}")


async def test_fragment_and_timer_runs_stay_in_their_fragment(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(fragment_page)))
    await page.evaluate(RECORD)
    await page.get_by_role("button", name="Slow part").click()
    inside = page.get_by_text("inside", exact=True)
    await expect(inside).to_have_class(STALE)  # the slow fragment run dims its own
    await expect(inside).not_to_have_class(STALE)  # and its end restores it
    await settled(page)
    muts = await page.evaluate("window.__muts")
    inside_path = await inside.get_attribute("data-path")
    ticks_path = await page.get_by_text("ticks:").get_attribute("data-path")
    assert inside_path and ticks_path
    frag_slow = inside_path.rsplit(".", 1)[0] + "."
    frag_tick = ticks_path.rsplit(".", 1)[0] + "."
    assert any(m[1] == ticks_path for m in muts), "the timer did not tick"
    outside = [m for m in muts if not (m[1] or "").startswith((frag_slow, frag_tick))]
    assert outside == [], outside[:10]


async def shrinking() -> None:
    if not rr.session_state.get("small"):
        with rr.container():
            with rr.expander("more", expanded=True):
                for i in range(20):
                    rr.text(f"nested {i}")
    rr.button("Shrink", on_click=lambda: rr.session_state.update(small=True))


async def test_removing_a_block_forgets_its_subtree(page: Page, serve: Callable[..., str]) -> None:
    await open_app(page, serve(rr.App(shrinking)))
    before = await page.evaluate("window.__rr.nodes.size")
    await page.get_by_role("button", name="Shrink").click()
    await expect(page.get_by_text("nested 0")).to_have_count(0)
    await settled(page)
    paths = await page.evaluate("[...window.__rr.nodes.keys()]")
    assert before >= 24 and len(paths) <= 4, paths
    in_dom = await page.evaluate(
        "[...document.querySelectorAll('[data-path]')].map((n) => n.dataset.path)"
    )
    assert sorted(paths) == sorted(in_dom)
