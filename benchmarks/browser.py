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


# -- S5c: idle tabs --------------------------------------------------------------------------

SOCKET_SPY = """
(() => {
  const W = window.WebSocket;
  window.WebSocket = class extends W {
    constructor(...args) { super(...args); window.__ws = this; }
  };
})();
"""


async def idle_tabs(
    url: str, pid: int, pages: int, *, per_context: int = 50, concurrency: int = 10,
    settle: float = 3.0, within: float = 300.0,
) -> dict[str, Any]:
    """Open ``pages`` tabs of ``url`` (``per_context`` tabs per browser context), each until its
    first element is drawn, and leave them idle: RSS of the server process ``pid`` per tab above
    a one-tab baseline, and the extensions the server accepted (``WebSocket.extensions``)."""
    import asyncio
    import time

    import psutil
    from playwright.async_api import async_playwright

    proc = psutil.Process(pid)
    sel = SELECTORS["rr"]
    out: dict[str, Any] = {"pages": pages, "errors": 0, "extensions": []}
    deadline = time.monotonic() + within
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            contexts = [await browser.new_context()
                        for _ in range(max(1, -(-pages // per_context)))]
            sem = asyncio.Semaphore(concurrency)
            extensions: set[str] = set()

            async def tab(i: int) -> None:
                async with sem:
                    try:
                        left = max(1.0, deadline - time.monotonic()) * 1000
                        page = await contexts[i // per_context].new_page()
                        await page.add_init_script(SOCKET_SPY)
                        await page.goto(url, wait_until="commit", timeout=left)
                        await page.wait_for_selector(sel, timeout=left)
                        extensions.add(await page.evaluate(
                            "window.__ws ? window.__ws.extensions : null") or "")
                    except Exception as exc:  # a tab that failed is counted, not fatal
                        out["errors"] += 1
                        out["last_error"] = repr(exc)[:300]

            await tab(0)
            await asyncio.sleep(settle)
            base = int(proc.memory_info().rss)
            await asyncio.gather(*(tab(i) for i in range(1, pages)))
            await asyncio.sleep(settle)
            now = int(proc.memory_info().rss)
            opened = pages - 1 - out["errors"]
            out.update(baseline_rss=base, rss=now, opened=opened, extensions=sorted(extensions),
                       per_session_kb=(now - base) / opened / 1024 if opened > 0 else None)
        finally:
            await browser.close()
    return out
