"""``rr.html`` runs neither a ``<script>`` nor an ``onerror`` payload while its safe markup shows;
DOMPurify loads only on a page that shows ``html``; iframes run their scripts without the app's
origin and size themselves to their content."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr
import reactive_rerun.components.v1 as components

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

PAYLOAD = (
    "<p class='safe'>Safe <b>bold</b> <a href='javascript:window.__rr_pwned=3'>link</a></p>"
    "<script>window.__rr_pwned = 1</script>"
    "<img src='nope.png' onerror='window.__rr_pwned = 2'>"
    "<svg><script>window.__rr_pwned = 4</script></svg>"
    "<style>.safe { color: rgb(200, 0, 0) }</style>"
)
FRAME = (
    "<div style='height:220px'>tall</div><script>"
    "let reach = 'blocked'; try { reach = parent.document.title } catch (e) {}"
    "parent.postMessage({probe: reach, cookie: (() => { try { return document.cookie }"
    " catch (e) { return 'no cookies' } })()}, '*');</script>"
)


async def main() -> None:
    if rr.toggle("show html"):
        rr.html(PAYLOAD)
    rr.iframe(FRAME)
    components.html("<p id='c'>component</p><script>document.getElementById('c')"
                    ".textContent = 'scripted'</script>", height=80)


async def test_html_is_sanitised_and_iframes_are_sandboxed(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await page.add_init_script(
        "window.__probes = []; addEventListener('message', (e) => { if (e.data && e.data.probe)"
        " window.__probes.push(e.data); });"
    )
    await open_app(page, serve(rr.App(main)))
    # the iframe's script ran, but in an opaque origin: no access to the page, no cookies
    await page.wait_for_function("() => window.__probes.length > 0")
    probe = await page.evaluate("window.__probes[0]")
    assert probe == {"probe": "blocked", "cookie": "no cookies"}
    frame = page.locator(".rr-iframe").first
    sandbox = await frame.get_attribute("sandbox") or ""
    assert "allow-scripts" in sandbox and "allow-same-origin" not in sandbox
    await page.wait_for_function(  # height: content, reported by the frame
        "() => document.querySelector('.rr-iframe').getBoundingClientRect().height > 220"
    )
    component = page.frame_locator(".rr-iframe >> nth=1")
    await expect(component.locator("#c")).to_have_text("scripted")
    assert await page.locator(".rr-iframe").nth(1).evaluate("f => f.style.height") == "80px"
    # DOMPurify is loaded only once the page shows html
    assert await page.evaluate("typeof window.DOMPurify") == "undefined"

    await page.get_by_text("show html").click()
    await settled(page)
    safe = page.locator(".rr-html p.safe")
    await expect(safe).to_have_text("Safe bold link")
    await expect(safe.locator("b")).to_have_text("bold")
    assert await safe.evaluate("p => getComputedStyle(p).color") == "rgb(200, 0, 0)"
    await expect(page.locator(".rr-html img")).to_have_count(1)
    assert await page.locator(".rr-html img").get_attribute("onerror") is None
    assert await page.locator(".rr-html a").get_attribute("href") is None
    await page.locator(".rr-html a").click()
    await page.wait_for_timeout(400)  # an onerror would have fired by now
    assert await page.locator(".rr-html script").count() == 0
    assert await page.evaluate("window.__rr_pwned") is None
    assert await page.evaluate("typeof window.DOMPurify") == "function"
    assert [e for e in page_errors if "nope.png" not in e] == []
