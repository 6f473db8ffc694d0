"""The client's element registry: one module per kind, loaded on first use; in-place updates.

A changed leaf keeps its DOM node (and DOM state such as an open ``<details>``); a page loads
only the modules of the kinds it shows; a kind without a module shows a placeholder; a quiet
(timer) run does not flip the status to "Running…".
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from playwright.async_api import Page, WebSocketRoute, expect

import reactive_rerun as rr

from .helpers import PageLog, open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


async def changing() -> None:
    n = rr.session_state.setdefault("n", 0)
    rr.code("\n".join(f"line {i} of run {n}" for i in range(60)), language="python")
    rr.json({"run": n, "rows": list(range(40))}, expanded=False)
    with rr.expander(f"Details of run {n}"):
        rr.text(f"inside {n}")
    if rr.button("Next"):
        rr.session_state.n = n + 1
        rr.rerun()


MARK = """sel => { const n = document.querySelector(sel); n.__mark = 1; return true; }"""
MARKED = """sel => document.querySelector(sel).__mark === 1"""


async def test_changed_leaves_and_blocks_keep_their_nodes_and_open_state(
    page: Page, serve: Callable[..., str]
) -> None:
    log = PageLog(page)
    await open_app(page, serve(rr.App(changing)))
    code, js, exp = "[data-kind=code]", "[data-kind=json]", "[data-type=expander]"
    for sel in (code, js, exp):
        await page.evaluate(MARK, sel)
    await page.locator(f"{js} summary").click()
    await page.locator(f"{exp} > summary").click()
    assert await page.evaluate(f"document.querySelector('{js}').open")
    await page.evaluate(f"document.querySelector('{code} pre').scrollTop = 200")

    await page.get_by_role("button", name="Next").click()
    await expect(page.locator(exp + " > summary")).to_have_text("Details of run 1")
    await expect(page.locator(code)).to_contain_text("line 0 of run 1")
    await expect(page.locator(js)).to_contain_text('"run": 1')
    await settled(page)

    for sel in (code, js, exp):
        assert await page.evaluate(MARKED, sel), f"{sel} was rebuilt"
    assert await page.evaluate(f"document.querySelector('{js}').open"), "JSON closed again"
    assert await page.evaluate(f"document.querySelector('{exp}').open"), "expander closed again"
    assert await page.locator(f"{code} code").get_attribute("class") == "language-python"
    assert log.errors == []


async def text_only() -> None:
    rr.title("Title")
    rr.header("Header")
    rr.markdown("Some *markdown*")
    rr.text("plain")


async def with_slider() -> None:
    rr.title("Title")
    rr.slider("Level", 0, 10, 3)


LOADED = """() => performance.getEntriesByType('resource').map(r => r.name)
  .filter(n => n.includes('/elements/')).map(n => n.split('/elements/')[1]).sort()"""


async def test_a_page_loads_only_the_modules_of_the_kinds_it_shows(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(text_only)))
    await expect(page.locator("#rr-main .rr-text")).to_have_text("plain")
    loaded = await page.evaluate(LOADED)
    assert loaded == ["header.js", "markdown.js", "text.js", "title.js"]

    await open_app(page, serve(rr.App(with_slider)))
    await expect(page.get_by_role("slider", name="Level")).to_have_attribute("aria-valuenow", "3")
    loaded = await page.evaluate(LOADED)
    assert "slider.js" in loaded
    assert not {"button.js", "text_input.js", "checkbox.js"} & set(loaded)


def _rewrite(route: WebSocketRoute, change: Callable[[dict[str, Any]], None]) -> None:
    """Pass the page's websocket through, applying ``change`` to every op from the server."""
    server = route.connect_to_server()

    def down(message: str | bytes) -> None:
        frame = json.loads(message)
        for op in frame.get("ops", []):
            change(op)
        route.send(json.dumps(frame))

    server.on_message(down)
    route.on_message(lambda m: server.send(m))


async def unknown_kind() -> None:
    rr.text("before")
    rr.caption("to be renamed")
    rr.text("after")


async def test_a_kind_without_a_module_shows_a_placeholder_and_the_frame_still_applies(
    page: Page, serve: Callable[..., str]
) -> None:
    def rename(op: dict[str, Any]) -> None:
        if op.get("op") == "el" and op["e"].get("k") == "caption":
            op["e"]["k"] = "no_such_kind"

    await page.route_web_socket("**/_rr/ws", lambda ws: _rewrite(ws, rename))
    log = PageLog(page)
    await open_app(page, serve(rr.App(unknown_kind)))
    placeholder = page.locator("[data-kind=no_such_kind]")
    await expect(placeholder).to_have_text('[cannot show element of kind "no_such_kind"]')
    await expect(page.locator("#rr-main .rr-text")).to_have_text(["before", "after"])
    assert any("no_such_kind" in e for e in log.errors), log.errors


@rr.fragment(run_every=0.2)
async def ticking() -> None:
    await asyncio.sleep(0.05)  # a run that spans frames, like a real data source
    rr.caption(f"tick {time.monotonic():.3f}")


async def timer_page() -> None:
    rr.title("Timer")
    await ticking()


async def test_quiet_timer_runs_do_not_flip_the_status_to_running(
    page: Page, serve: Callable[..., str]
) -> None:
    def quiet(op: dict[str, Any]) -> None:  # what the server sends for a run_every tick
        if op.get("op") == "start" and op.get("scope") == "fragment":
            op["quiet"] = True

    await page.route_web_socket("**/_rr/ws", lambda ws: _rewrite(ws, quiet))
    await open_app(page, serve(rr.App(timer_page)))
    await page.evaluate("""() => {
      window.__states = [];
      new MutationObserver(() => window.__states.push(document.body.dataset.rrState))
        .observe(document.body, { attributes: true, attributeFilter: ['data-rr-state'] });
      window.__ticks = 0;
      new MutationObserver(() => window.__ticks++)
        .observe(document.getElementById('rr-main'),
                 { subtree: true, characterData: true, childList: true });
    }""")
    await page.wait_for_function("window.__ticks >= 5")
    assert await page.evaluate("window.__states") == []
    await expect(page.locator("body")).to_have_attribute("data-rr-state", "connected")
