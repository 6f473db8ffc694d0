"""CH1: a line chart of many points in Chromium: click -> chart painted, the update's bytes.

    python -m benchmarks.charts [--points 100000] [--samples 5]

One in-process server (uvicorn in a thread), one headless Chromium page. Each sample clicks a
button whose run draws ``line_chart`` of ``points`` points; the first sample also loads the
chart module and uPlot, the later ones update the chart in place (uPlot setData). Measured in
the page: click -> the frame with the chart arrived, click -> painted (two animation frames
after the run ended), and the bytes the server sent for that run (websocket text frames).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import socket
import statistics
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
        done({ painted_ms: performance.now() - t0, frame_ms: got - t0, bytes });
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
                await page.wait_for_function("window.__rr && window.__rr.state === 'connected'"
                                             " && window.__rr.runs.size === 0"
                                             " && document.querySelector('button')")
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
    s = out["samples"]
    out["first_painted_ms"] = s[0]["painted_ms"] if s else None
    later = s[1:]
    p50 = lambda key: statistics.median(x[key] for x in later) if later else None  # noqa: E731
    out["update_painted_p50_ms"] = p50("painted_ms")
    out["update_frame_p50_ms"] = p50("frame_ms")
    out["update_bytes"] = later[-1]["bytes"] if later else (s[0]["bytes"] if s else None)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(chart_paint(args.points, args.samples)), indent=2))


if __name__ == "__main__":
    main()
