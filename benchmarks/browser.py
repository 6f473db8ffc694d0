"""S8: page navigation -> first rendered element in headless Chromium, cold cache.

Debian's Chromium through the Python ``playwright`` package (never ``playwright install``).
Each sample is a fresh browser context (empty cache). An init script (it runs before any page
script) watches the DOM with a ``MutationObserver`` and records ``performance.now()`` — which
counts from navigation start — when the first element appears: for reactive_rerun a
``[data-path]`` node whose ``data-kind`` is not ``block``; for Streamlit an element container
(``[data-testid="stElementContainer"]``) holding a drawn element. Transferred bytes come from
Resource Timing (``transferSize``: headers + body as received).
"""

from __future__ import annotations

import os
import statistics
from typing import Any

CHROMIUM = os.environ.get("BENCH_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SELECTORS = {
    "rr": '[data-path][data-kind]:not([data-kind="block"])',
    "st": '[data-testid="stElementContainer"] [data-testid="stText"]',
}
INIT = """
(() => {
  const sel = %s;
  window.__firstEl = null;
  const check = () => {
    if (window.__firstEl === null && document.querySelector(sel)) {
      window.__firstEl = performance.now();
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, {childList: true, subtree: true});
})();
"""
COLLECT = """
() => {
  const res = performance.getEntriesByType('resource');
  const nav = performance.getEntriesByType('navigation')[0];
  const js = res.filter(r => r.name.split('?')[0].endsWith('.js'));
  const sum = (xs, f) => xs.reduce((a, r) => a + (r[f] || 0), 0);
  return {
    first_element_ms: window.__firstEl,
    js_files: js.length,
    js_transfer_bytes: sum(js, 'transferSize'),
    js_body_bytes: sum(js, 'encodedBodySize'),
    total_transfer_bytes: sum(res, 'transferSize') + (nav ? nav.transferSize : 0),
    requests: res.length + 1,
  };
}
"""


def available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return os.path.exists(CHROMIUM)


async def first_element(
    urls: dict[str, str], samples: int, within: float = 30.0
) -> dict[str, Any]:
    """Per framework: samples of navigation -> first element, interleaved between frameworks."""
    from playwright.async_api import async_playwright

    out: dict[str, dict[str, Any]] = {
        fw: {"samples_ms": [], "errors": 0, "resources": None} for fw in urls
    }
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            for _ in range(samples):
                for fw, url in urls.items():
                    context = await browser.new_context()  # fresh: empty cache
                    try:
                        page = await context.new_page()
                        await page.add_init_script(INIT % repr(SELECTORS[fw]))
                        await page.goto(url, wait_until="commit", timeout=within * 1000)
                        await page.wait_for_function(
                            "window.__firstEl !== null", timeout=within * 1000
                        )
                        await page.wait_for_load_state("load", timeout=within * 1000)
                        info = await page.evaluate(COLLECT)
                        out[fw]["samples_ms"].append(info.pop("first_element_ms"))
                        out[fw]["resources"] = info
                    except Exception as exc:  # a sample that failed is counted, not fatal
                        out[fw]["errors"] += 1
                        out[fw]["last_error"] = repr(exc)[:300]
                    finally:
                        await context.close()
        finally:
            await browser.close()
    for r in out.values():
        s = r["samples_ms"]
        r["p50"] = statistics.median(s) if s else None
        r["min"] = min(s) if s else None
        r["max"] = max(s) if s else None
    return out
