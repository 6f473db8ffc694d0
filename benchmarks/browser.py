"""Browser scenarios, in headless Chromium: S8 (page load) and S9 (one click's cost).

S8: page navigation -> first rendered element, cold cache.

Debian's Chromium through the Python ``playwright`` package (never ``playwright install``).
Each sample is a fresh browser context (empty cache). An init script (it runs before any page
script) watches the DOM with a ``MutationObserver`` and records ``performance.now()`` — which
counts from navigation start — when the first element appears: for reactive_rerun a
``[data-path]`` node whose ``data-kind`` is not ``block``; for Streamlit an element container
(``[data-testid="stElementContainer"]``) holding a drawn element. Transferred bytes come from
Resource Timing (``transferSize``: headers + body as received).

S9: one click on "Inc" in the "main" app of N static lines -> the counter's DOM change, in our
page and in a bare Starlette websocket echo page with the same content and stylesheet
(``apps/echo_app.py``): the floor for that click. Both pages stay open in one browser and the
samples alternate between them. Two times per click: to the DOM change (``dom``) and to the page
styled and laid out after it (``styled``, a forced layout right after the change: any style
invalidation the client caused is paid there). ``client`` is the browser's own share of
``styled``: from the websocket message that brought the change to the styled page (the rest is
the server's run and the socket).
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
    "ng": ".bench-counter",  # NiceGUI: Vue renders the embedded elements client-side
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


# -- S9: one click -> DOM change, ours vs a bare websocket echo page (the floor) ---------------

# One sample, run in the page (the same code for both pages, which share paths m.0 / m.1): the
# time from the click on "Inc" to the counter's text change (a MutationObserver on the counter),
# and to the page being styled and laid out after it (a forced layout in that callback: the work
# the browser would do before the next paint, whatever the client invalidated included); and
# the client's own part, from the arrival of the websocket message that changed the counter
# (its event's timeStamp) to that styled page: the rest is the server and the socket.
CLICK = """
async () => {
  const btn = document.querySelector('[data-path="m.0"] button');
  const count = document.querySelector('[data-path="m.1"]');
  const ws = window.__rr ? window.__rr.ws : window.__ws, msgs = [];
  const onMsg = (ev) => msgs.push(ev.timeStamp);
  ws.addEventListener('message', onMsg);
  const before = count.textContent;
  return await new Promise((resolve) => {
    let t0;
    const obs = new MutationObserver(() => {
      if (count.textContent === before) return;
      const t1 = performance.now();
      obs.disconnect();
      count.getBoundingClientRect();
      const t2 = performance.now();
      setTimeout(() => {  // the frame's own message listeners have run by now
        ws.removeEventListener('message', onMsg);
        const tm = Math.max(...msgs.filter((t) => t <= t1));
        resolve({dom: t1 - t0, styled: t2 - t0, client: t2 - tm});
      });
    });
    obs.observe(count, {childList: true, characterData: true, subtree: true});
    t0 = performance.now();
    btn.click();
  });
}
"""
# Our page is ready once its first run ended; the echo page once its socket is open.
READY = ("() => document.body.dataset.rrState === 'connected' && (!window.__rr || "
         "window.__rr.runs.size === 0) && !!document.querySelector('[data-path=\"m.1\"]')")
SETTLED = "() => !window.__rr || window.__rr.runs.size === 0"


async def _open(browser: Any, url: str, within: float) -> Any:
    context = await browser.new_context(viewport={"width": 1000, "height": 800})
    page = await context.new_page()
    await page.goto(url, timeout=within * 1000)
    await page.wait_for_function(READY, timeout=within * 1000, polling=50)
    return page


async def _click(page: Any, within: float) -> dict[str, float]:
    await page.bring_to_front()
    res: dict[str, float] = await page.evaluate(CLICK)
    await page.wait_for_function(SETTLED, timeout=within * 1000, polling=5)
    await page.wait_for_timeout(20)
    return res


async def click_to_dom(
    urls: dict[str, str], samples: int, warmup: int = 5, within: float = 60.0
) -> dict[str, Any]:
    """Per page (``rr``, ``echo``): samples of click -> DOM change, alternating between pages."""
    from playwright.async_api import async_playwright

    out: dict[str, dict[str, Any]] = {
        k: {"dom_ms": [], "styled_ms": [], "client_ms": [], "errors": 0} for k in urls
    }
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            pages = {k: await _open(browser, url, within) for k, url in urls.items()}
            for page in pages.values():
                for _ in range(warmup):
                    await _click(page, within)
            for _ in range(samples):
                for k, page in pages.items():
                    try:
                        res = await _click(page, within)
                    except Exception as exc:  # a sample that failed is counted, not fatal
                        out[k]["errors"] += 1
                        out[k]["last_error"] = repr(exc)[:300]
                        continue
                    out[k]["dom_ms"].append(res["dom"])
                    out[k]["styled_ms"].append(res["styled"])
                    out[k]["client_ms"].append(res["client"])
        finally:
            await browser.close()
    for r in out.values():
        for m in ("dom_ms", "styled_ms", "client_ms"):
            s = r[m]
            r[m.replace("_ms", "_p50")] = statistics.median(s) if s else None
    return out


# -- S11: one chat session's token -> DOM, among many streaming sessions -----------------------

# Before any page script: wrap WebSocket so that, once armed, each message from the server is
# looked at before the client applies it: the highest token index (``w<i>``) in its Markdown is
# "arrived" at the message event's time. All times are wall-clock ms (performance.timeOrigin +
# a high-resolution offset), comparable with the server's time.time() on the same machine.
CHAT_SPY = r"""
(() => {
  const W = window.WebSocket;
  const C = window.__chat = {armed: false, dom: [], msg: [], seenDom: -1, seenMsg: -1};
  const top = (s) => {
    let m = -1;
    for (const x of s.matchAll(/\bw(\d+)\b/g)) m = Math.max(m, +x[1]);
    return m;
  };
  window.WebSocket = class extends W {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (ev) => {
        if (!C.armed || typeof ev.data !== 'string') return;
        const t = performance.timeOrigin + ev.timeStamp;
        let m = -1;
        for (const h of ev.data.matchAll(/"html":"((?:[^"\\]|\\.)*)"/g)) m = Math.max(m, top(h[1]));
        for (let i = C.seenMsg + 1; i <= m; i++) C.msg[i] = t;
        if (m > C.seenMsg) C.seenMsg = m;
      });
    }
  };
})();
"""
# Armed once the page is ready: a MutationObserver on the main area; when the last Markdown
# element's text ends with token k, tokens up to k are "in the DOM" now (the callback runs right
# after the client applied the frame, before the next paint).
CHAT_ARM = r"""
() => {
  const C = window.__chat;
  const main = document.getElementById('rr-main');
  C.obs = new MutationObserver(() => {
    const t = performance.timeOrigin + performance.now();
    const mds = main.querySelectorAll('.rr-md');
    if (!mds.length) return;
    const m = mds[mds.length - 1].textContent.match(/w(\d+)\D*$/);
    if (!m) return;
    const k = +m[1];
    for (let i = C.seenDom + 1; i <= k; i++) C.dom[i] = t;
    if (k > C.seenDom) C.seenDom = k;
  });
  C.obs.observe(main, {childList: true, subtree: true, characterData: true});
  C.armed = true;
}
"""
CHAT_READY = ("() => document.body.dataset.rrState === 'connected' && window.__rr.runs.size === 0 "
              "&& !!document.querySelector('textarea.rr-chat-text')")
CHAT_COLLECT = """
() => {
  const C = window.__chat;
  C.obs.disconnect();
  const skew = Date.now() - (performance.timeOrigin + performance.now());
  return {dom: C.dom, msg: C.msg, skew_ms: skew};
}
"""


class ChatPage:
    """One headless Chromium tab of our chat app: ``open``, then ``submit`` a message through
    the chat box (typed, Enter), ``wait`` until token ``n - 1`` is in the DOM, ``collect``."""

    def __init__(self, url: str, within: float = 60.0) -> None:
        self.url, self.within = url, within
        self._pw: Any = None
        self._browser: Any = None
        self.page: Any = None

    async def open(self) -> None:
        from playwright.async_api import async_playwright

        self._pw = await async_playwright().start()
        self._browser = await self._pw.chromium.launch(
            executable_path=CHROMIUM, args=ARGS, headless=True)
        context = await self._browser.new_context(viewport={"width": 1000, "height": 800})
        self.page = await context.new_page()
        await self.page.add_init_script(CHAT_SPY)
        await self.page.goto(self.url, timeout=self.within * 1000)
        await self.page.wait_for_function(CHAT_READY, timeout=self.within * 1000, polling=50)
        await self.page.evaluate(CHAT_ARM)

    async def submit(self, text: str) -> None:
        box = self.page.locator("textarea.rr-chat-text")
        await box.fill(text)
        await box.press("Enter")

    async def wait(self, n: int, within: float) -> None:
        await self.page.wait_for_function(
            f"window.__chat.seenDom >= {n - 1}", timeout=within * 1000, polling=250)

    async def collect(self) -> dict[str, Any]:
        res: dict[str, Any] = await self.page.evaluate(CHAT_COLLECT)
        return res

    async def close(self) -> None:
        try:
            if self._browser is not None:
                await self._browser.close()
        finally:
            if self._pw is not None:
                await self._pw.stop()


# -- B1: click -> DOM in every framework's own page, measured the same way -------------------

# Per framework: the "Inc" button, the counter's element, and when the page is idle again (no
# run in flight) so the next click starts from rest. NiceGUI has no run: its page is idle once
# the label changed.
PEERS = {
    "rr": {"button": '[data-path="m.0"] button', "counter": '[data-path="m.1"]',
           "idle": "!window.__rr || window.__rr.runs.size === 0"},
    "st": {"button": '[data-testid="stButton"] button', "counter": '[data-testid="stText"]',
           "idle": "document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState "
                   "=== 'notRunning'"},
    "ng": {"button": ".bench-inc", "counter": ".bench-counter", "idle": "true"},
}
# One sample in the page: click the button and resolve when the counter's text differs (a
# MutationObserver on the whole body that re-finds the counter, as a framework may replace the
# node rather than its text), and after a forced style + layout right then ("styled").
CLICK_ANY = """
async ([buttonSel, counterSel]) => {
  const btn = document.querySelector(buttonSel);
  const text = () => document.querySelector(counterSel)?.textContent;
  const before = text();
  return await new Promise((resolve) => {
    let t0;
    const obs = new MutationObserver(() => {
      if (text() === before) return;
      const t1 = performance.now();
      obs.disconnect();
      document.body.getBoundingClientRect();
      resolve({dom: t1 - t0, styled: performance.now() - t0});
    });
    obs.observe(document.body, {childList: true, characterData: true, subtree: true});
    t0 = performance.now();
    btn.click();
  });
}
"""


async def _open_peer(browser: Any, fw: str, url: str, within: float) -> Any:
    p = PEERS[fw]
    context = await browser.new_context(viewport={"width": 1000, "height": 800})
    page = await context.new_page()
    await page.goto(url, timeout=within * 1000)
    await page.wait_for_selector(p["counter"], timeout=within * 1000)
    await page.wait_for_selector(p["button"], timeout=within * 1000)
    await page.wait_for_function(f"() => {p['idle']}", timeout=within * 1000, polling=50)
    return page


async def _click_peer(page: Any, fw: str, within: float) -> dict[str, float]:
    p = PEERS[fw]
    await page.bring_to_front()
    res: dict[str, float] = await page.evaluate(CLICK_ANY, [p["button"], p["counter"]])
    await page.wait_for_function(f"() => {p['idle']}", timeout=within * 1000, polling=5)
    await page.wait_for_timeout(20)
    return res


async def click_to_dom_peers(
    urls: dict[str, str], samples: int, warmup: int = 5, within: float = 60.0
) -> dict[str, Any]:
    """Per framework (``rr``, ``st``, ``ng``): samples of click -> DOM change (and styled),
    alternating between the frameworks' pages, all open in one browser."""
    from playwright.async_api import async_playwright

    from .driver import percentiles

    out: dict[str, dict[str, Any]] = {
        k: {"dom_ms": [], "styled_ms": [], "errors": 0} for k in urls
    }
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            pages = {k: await _open_peer(browser, k, url, within) for k, url in urls.items()}
            for k, page in pages.items():
                for _ in range(warmup):
                    await _click_peer(page, k, within)
            for _ in range(samples):
                for k, page in pages.items():
                    try:
                        res = await _click_peer(page, k, within)
                    except Exception as exc:  # a sample that failed is counted, not fatal
                        out[k]["errors"] += 1
                        out[k]["last_error"] = repr(exc)[:300]
                        continue
                    out[k]["dom_ms"].append(res["dom"])
                    out[k]["styled_ms"].append(res["styled"])
        finally:
            await browser.close()
    for r in out.values():
        # percentiles() takes seconds and gives ms
        r["dom"] = percentiles([v / 1000 for v in r["dom_ms"]])
        r["styled"] = percentiles([v / 1000 for v in r["styled_ms"]])
    return out
