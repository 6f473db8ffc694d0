"""Elements a slow run has not redrawn yet dim after ~0.5 s; fast runs never dim anything."""

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


async def main() -> None:
    rr.header("Above the wait")
    if rr.button("Slow"):
        await asyncio.sleep(1.5)
    rr.button("Fast")
    rr.text("Below the wait")
    rr.caption(f"runs: {rr.session_state.setdefault('runs', 0)}")
    rr.session_state.runs += 1


# Samples, every animation frame, the opacity of every element; records when the first one
# drops under 0.95 (ms after the last button press) and the lowest opacity of each path.
SAMPLE = """() => {
  const s = window.__sample = {pressed: null, dimmedAfter: null, lowest: {}, stop: false};
  document.addEventListener('click', () => { s.pressed = performance.now(); }, true);
  const frame = () => {
    if (s.stop) return;
    for (const n of document.querySelectorAll('#rr-main [data-path]')) {
      const o = +getComputedStyle(n).opacity, p = n.dataset.path;
      s.lowest[p] = Math.min(s.lowest[p] ?? 1, o);
      if (o < 0.95 && s.dimmedAfter === null && s.pressed !== null)
        s.dimmedAfter = performance.now() - s.pressed;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}"""

DIMMED = "(n) => +getComputedStyle(n).opacity < 0.95"


async def test_slow_run_dims_elements_not_yet_redrawn_then_restores_them(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    await page.evaluate(SAMPLE)
    below = page.get_by_text("Below the wait")

    await page.get_by_role("button", name="Slow").click()

    await expect(below).to_have_class(STALE)
    await page.wait_for_function(f"({DIMMED})(document.querySelector('.rr-text'))")
    await settled(page)
    await expect(page.locator("#rr-main .rr-stale")).to_have_count(0)
    await page.wait_for_function(
        "[...document.querySelectorAll('#rr-main [data-path]')]"
        ".every((n) => +getComputedStyle(n).opacity === 1)"
    )
    sample = await page.evaluate("window.__sample")
    assert sample["dimmedAfter"] >= 450, f"dimmed {sample['dimmedAfter']:.0f} ms after the click"
    # The header drawn (unchanged) before the wait was confirmed, so it never dimmed.
    header = await page.locator("#rr-main [data-kind=header]").get_attribute("data-path")
    assert sample["lowest"][header] == 1


async def test_fast_runs_never_dim_anything(page: Page, serve: Callable[..., str]) -> None:
    await open_app(page, serve(rr.App(main)))
    await page.evaluate(SAMPLE)
    caption = page.locator("#rr-main .rr-caption")
    for runs in range(1, 6):
        await page.get_by_role("button", name="Fast").click()
        await expect(caption).to_have_text(f"runs: {runs}")
        await settled(page)
    # A few more frames after the last run, in case a dim were only about to start.
    await page.evaluate("() => new Promise((r) => setTimeout(r, 700))")
    sample = await page.evaluate("window.__sample")
    assert sample["dimmedAfter"] is None, sample
    assert set(sample["lowest"].values()) == {1}, sample["lowest"]
