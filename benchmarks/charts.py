"""CH1: a line chart of many points in Chromium: click -> chart painted, the update's bytes.

    python -m benchmarks.charts [--points 100000] [--samples 5] [--frameworks rr|st|both]

``st`` (Streamlit 1.67, which draws with Vega) needs the interpreter that has it:
``PYTHONPATH=$PWD /tmp/benchvenv/bin/python -m benchmarks.charts --frameworks both``.

One in-process server (uvicorn in a thread), one headless Chromium page. Each sample clicks a
button whose run draws ``line_chart`` of ``points`` points; the first sample also loads the
chart module and uPlot, the later ones update the chart in place (uPlot setData). Measured in
the page: click -> the frame with the chart arrived, click -> painted (two animation frames
after the run ended), and the bytes the server sent for that run (websocket text frames); and,
from ``chart.js``'s performance marks, click -> the chart module got the data, decoded it, drew
it (uPlot), and -> the chart module and uPlot loaded (first draw only).

Streamlit: its own server process (``apps/st_chart.py``, same data built the same way), the same
click; painted is when the chart's canvas holds a picture different from before the click
(sampled every animation frame: Vega draws into one canvas, or re-embeds a new one), and the
bytes are its websocket's binary frames for that run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import socket
import statistics
import sys
import threading
import time
from typing import Any

import uvicorn

import reactive_rerun as rr

from .browser import ARGS, CHROMIUM, SOCKET_SPY


def chart_app(points: int) -> rr.App:
    async def main() -> None:
        if rr.button("Draw"):
            rr.session_state.n = rr.session_state.get("n", 0) + 1
        n = rr.session_state.get("n", 0)
        if n:
            xs = range(points)
            rr.line_chart({"x": list(xs), "y": [math.sin(i / 500 + n) for i in xs]}, x="x")

    return rr.App(main)


MEASURE = """() => new Promise((done) => {
  const t0 = performance.now(), ws = window.__ws;
  let bytes = 0, got = null;
  const onmsg = (ev) => {
    const n = typeof ev.data === 'string' ? ev.data.length : ev.data.byteLength;
    bytes += n;
    if (n > 1000) got = performance.now();
  };
  ws.addEventListener('message', onmsg);
  [...document.querySelectorAll('button')].find((b) => b.textContent === 'Draw').click();
  const tick = () => {
    if (got && document.querySelector('.rr-chart canvas') && window.__rr.runs.size === 0) {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        ws.removeEventListener('message', onmsg);
        const mark = (name) => {
          const m = performance.getEntriesByName(name).filter((e) => e.startTime >= t0).pop();
          return m ? m.startTime - t0 : null;
        };
        const lib = performance.getEntriesByType('resource')
          .filter((r) => /chart\.js|uPlot/.test(r.name) && r.startTime >= t0);
        const libs = lib.length ? Math.max(...lib.map((r) => r.responseEnd)) - t0 : null;
        done({ painted_ms: performance.now() - t0, frame_ms: got - t0, bytes,
               data_ms: mark('rr-chart-data'), decoded_ms: mark('rr-chart-decoded'),
               drawn_ms: mark('rr-chart-drawn'), libs_loaded_ms: libs });
      }));
    } else requestAnimationFrame(tick);
  };
  tick();
})"""


def _serve(app: rr.App) -> tuple[uvicorn.Server, threading.Thread, int]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="wsproto",
                                           ws_per_message_deflate=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    return server, thread, port


async def chart_paint(points: int, samples: int) -> dict[str, Any]:
    """First draw and ``samples - 1`` in-place updates of a ``points``-point line chart."""
    from playwright.async_api import async_playwright

    server, thread, port = _serve(chart_app(points))
    out: dict[str, Any] = {"points": points, "errors": 0, "samples": []}
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                page = await browser.new_page(viewport={"width": 1280, "height": 900})
                await page.add_init_script(SOCKET_SPY)
                await page.goto(f"http://127.0.0.1:{port}/")
                await page.wait_for_function(
                    "window.__rr && window.__rr.state === 'connected' && window.__rr.runs.size"
                    " === 0 && [...document.querySelectorAll('button')].some((b) =>"
                    " b.textContent === 'Draw')")  # (the page menu's button is there at once)
                for _ in range(samples):
                    try:
                        out["samples"].append(await page.evaluate(MEASURE))
                    except Exception as exc:  # counted, not fatal
                        out["errors"] += 1
                        out["last_error"] = repr(exc)[:300]
            finally:
                await browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=15)
    return _summary(out)


ST_MEASURE = """() => new Promise((done, fail) => {
  const t0 = performance.now(), ws = window.__ws;
  let bytes = 0, got = null;
  const sig = () => {
    const c = document.querySelector('[data-testid="stVegaLiteChart"] canvas');
    if (!c || !c.width || !c.height) return null;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let s = 0, ink = 0;
    for (let i = 3; i < d.length; i += 28) { s = (s * 31 + d[i] + d[i - 2]) | 0; ink += d[i] > 0; }
    return ink > 50 ? c.dataset.benchId + ':' + s : null;
  };
  document.querySelectorAll('[data-testid="stVegaLiteChart"] canvas').forEach((c) => {
    c.dataset.benchId ||= String(Math.random()); });
  const before = sig();
  const onmsg = (ev) => {
    const n = typeof ev.data === 'string' ? ev.data.length : (ev.data.byteLength ?? ev.data.size);
    bytes += n;
    if (n > 1000) got = performance.now();
  };
  ws.addEventListener('message', onmsg);
  [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Draw').click();
  const tick = () => {
    document.querySelectorAll('[data-testid="stVegaLiteChart"] canvas').forEach((c) => {
      c.dataset.benchId ||= String(Math.random()); });
    const now = sig();
    if (now && now !== before) {
      ws.removeEventListener('message', onmsg);
      done({ painted_ms: performance.now() - t0, frame_ms: got && got - t0, bytes });
    } else if (performance.now() - t0 > 60000) fail(new Error('no chart within 60 s'));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""


async def streamlit_paint(points: int, samples: int) -> dict[str, Any]:
    """The same samples against Streamlit 1.67 (its own process, ``apps/st_chart.py``)."""
    from playwright.async_api import async_playwright

    from .servers import APPS, HOST, Server

    class ChartServer(Server):
        def command(self) -> list[str]:
            cmd = super().command()
            cmd[cmd.index("run") + 1] = str(APPS / "st_chart.py")
            return cmd

    out: dict[str, Any] = {"points": points, "errors": 0, "samples": []}
    server = ChartServer("st", "main", points).start()
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                page = await browser.new_page(viewport={"width": 1280, "height": 900})
                await page.add_init_script(SOCKET_SPY)
                await page.goto(f"http://{HOST}:{server.port}/")
                await page.wait_for_selector('[data-testid="stButton"] button', timeout=60_000)
                await page.wait_for_timeout(500)
                for _ in range(samples):
                    try:
                        out["samples"].append(await page.evaluate(ST_MEASURE))
                    except Exception as exc:  # counted, not fatal
                        out["errors"] += 1
                        out["last_error"] = repr(exc)[:300]
                    await page.wait_for_timeout(300)  # let the run's end settle
            finally:
                await browser.close()
    finally:
        server.stop()
    return _summary(out)


# Wall-clock ms when the chart of the next run is drawn and then painted: the first animation
# frame after chart.js's "drawn" mark, and a task posted from its rAF callback, which runs once
# that frame has been painted (the usual "after next paint" mark).
FROM_RUN = """() => new Promise((done) => {
  const t0 = performance.now();
  [...document.querySelectorAll('button')].find((b) => b.textContent === 'Draw').click();
  const at = (name) => {
    const m = performance.getEntriesByName(name).filter((e) => e.startTime >= t0).pop();
    return m ? performance.timeOrigin + m.startTime : null;
  };
  const tick = () => {
    const drawn = at('rr-chart-drawn');
    if (drawn) { // the frame after the draw is painted once a task posted from its rAF runs
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => done({
          drawn, frame: at('rr-chart-data'), painted: performance.timeOrigin + performance.now(),
        });
        ch.port2.postMessage(0);
      });
    } else requestAnimationFrame(tick);
  };
  tick();
})"""


async def from_run(points: int, samples: int) -> dict[str, Any]:
    """The run draws the chart -> painted: a plain script under ``reactive-rerun run`` in its
    own process (warmed by another page first). ``samples`` new pages each draw a first chart
    (loading the chart code and uPlot, which the client is told to start as the run calls
    ``line_chart``); then the last page updates its chart ``samples - 1`` times."""
    import tempfile
    from pathlib import Path

    from playwright.async_api import async_playwright

    from .servers import APPS, HOST, Server

    class ChartScript(Server):
        def command(self) -> list[str]:
            return [sys.executable, "-m", "reactive_rerun", "run", str(APPS / "rr_chart.py"),
                    "--host", HOST, "--port", str(self.port), "--no-reload"]

    out: dict[str, Any] = {"points": points, "firsts": [], "samples": []}
    with tempfile.TemporaryDirectory() as tmp:
        marks = Path(tmp) / "marks"
        server = ChartScript("rr", "chart", points, extra_env={"BENCH_MARK": str(marks)}).start()
        try:
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                try:
                    warm = await browser.new_page()
                    await warm.goto(f"http://{HOST}:{server.port}/?warm=1")
                    await warm.get_by_text("warm").wait_for(timeout=60_000)
                    await warm.close()
                    drawn = 0

                    async def sample(page: Any) -> dict[str, Any]:
                        nonlocal drawn
                        got = await page.evaluate(FROM_RUN)
                        await page.wait_for_function("window.__rr.runs.size === 0")
                        mark = float(marks.read_text().split()[drawn])
                        drawn += 1
                        return {k: round(got[k] - mark * 1000, 1) if got[k] else None
                                for k in ("frame", "drawn", "painted")}

                    for i in range(max(samples, 1)):  # each a new page load: a first draw
                        page = await browser.new_page(viewport={"width": 1280, "height": 900})
                        await page.goto(f"http://{HOST}:{server.port}/")
                        await page.wait_for_function(
                            "window.__rr && window.__rr.runs.size === 0 && [...document"
                            ".querySelectorAll('button')].some((b) => b.textContent === 'Draw')")
                        out["firsts"].append(await sample(page))
                        if i < samples - 1:
                            await page.close()
                    for _ in range(samples - 1):  # then updates in place, on the last page
                        out["samples"].append(await sample(page))
                finally:
                    await browser.close()
        finally:
            server.stop()
    firsts, updates = out["firsts"], out["samples"]
    out["first_painted_p50_ms"] = (statistics.median(x["painted"] for x in firsts)
                                   if firsts else None)
    out["update_painted_p50_ms"] = (statistics.median(x["painted"] for x in updates)
                                    if updates else None)
    return out


def _summary(out: dict[str, Any]) -> dict[str, Any]:
    s = out["samples"]
    out["first_painted_ms"] = s[0]["painted_ms"] if s else None
    later = s[1:]
    p50 = lambda key: statistics.median(x[key] for x in later) if later else None  # noqa: E731
    out["update_painted_p50_ms"] = p50("painted_ms")
    out["update_frame_p50_ms"] = p50("frame_ms") if all(x["frame_ms"] for x in later) else None
    out["update_bytes"] = later[-1]["bytes"] if later else (s[0]["bytes"] if s else None)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--frameworks", choices=("rr", "st", "both"), default="rr")
    args = parser.parse_args()
    result: dict[str, Any] = {}
    if args.frameworks in ("rr", "both"):
        result["rr"] = asyncio.run(chart_paint(args.points, args.samples))
        result["rr"]["from_run"] = asyncio.run(from_run(args.points, args.samples))
    if args.frameworks in ("st", "both"):
        result["st"] = asyncio.run(streamlit_paint(args.points, args.samples))
    if args.frameworks == "rr":
        result = result["rr"]  # as before: benchmarks/run.py's CH1 reads this shape
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
