"""DF1: a million-row dataframe in Chromium, ours and Streamlit's side by side.

``python -m benchmarks.dataframe [--rows N] [--frameworks rr|st|both]`` (Streamlit needs its
venv: ``PYTHONPATH=$PWD /tmp/benchvenv/bin/python -m benchmarks.dataframe --frameworks both``).
Each framework serves ``benchmarks/apps/{rr,st}_dataframe.py`` (an N x 8 frame of floats,
built once per server) as a subprocess; one headless Chromium page per framework measures:

- **run -> first rows painted**: the run appends ``time.time()`` to a file just before it
  draws the dataframe; the page records ``performance.timeOrigin + performance.now()`` in the
  first animation frame where the first data row is there (one machine, one clock). Ours: a
  ``gridcell`` of ``aria-rowindex=2`` in the DOM. Streamlit's grid is a canvas
  (glide-data-grid), which renders an accessibility table inside the canvas element for the
  cells it draws: its row ``aria-rowindex=2`` having a cell is taken as "painted".
- **page load -> first rows painted** (navigation start to the same instant), for context.
- **scroll to the end -> last row painted**: the scroller's ``scrollTop`` set to its height,
  then the last row (``aria-rowindex=N+1``) found the same way, in the page's clock.
- **bytes for the first view**: websocket payload bytes received until the first rows are
  painted (the page's static files are not counted: both cache them).
- **server memory**: the server process's RSS after the first view and the scroll, less its
  RSS after a warm-up page (``?warm=1``: pandas and numpy imported, no grid shown, that
  session closed), against the frame's in-memory size (N x 8 x 8 B): the frame is built by
  the measured run, so the growth holds the frame plus what serving it costs.
- **page load -> first rows** includes building the frame (about a second for 10**6 rows).

The measured page is the first grid of the server process and of the browser (a new browser
context, so no cached scripts): the cold case, the one a user meets after a deploy.

Prints one JSON object; ``benchmarks.run`` shows it as scenario DF1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .browser import ARGS, CHROMIUM
from .servers import APPS, HOST, Server

PROBE = """
(() => {
  const first = %(first)s;
  window.__rr_bench = { first: null, t0: null, last: null, lastSel: null };
  const now = () => performance.timeOrigin + performance.now();
  const tick = () => {
    const b = window.__rr_bench;
    if (b.first == null && document.querySelector(first)) b.first = now();
    if (b.lastSel && b.last == null && document.querySelector(b.lastSel)) b.last = now();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
"""

SELECTORS = {
    "rr": {"row": '[role=row][aria-rowindex="%d"] [role=gridcell]', "scroller": ".rr-df-scroll"},
    "st": {"row": 'canvas[data-testid="data-grid-canvas"] tr[aria-rowindex="%d"] td',
           "scroller": ".dvn-scroller"},
}


class _DataframeServer(Server):
    """``Server`` with DF1's apps: ``reactive-rerun run`` / ``streamlit run`` of a script."""

    def command(self) -> list[str]:
        script = str(APPS / f"{self.framework}_dataframe.py")
        if self.framework == "rr":
            return [sys.executable, "-m", "reactive_rerun", "run", script, "--host", HOST,
                    "--port", str(self.port), "--no-reload"]
        return [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
                "--server.address", HOST, "--server.port", str(self.port),
                "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
                "--logger.level", "warning", "--global.developmentMode", "false",
                "--server.maxMessageSize", "2000"]


def _rss(pid: int) -> int:
    import psutil

    return int(psutil.Process(pid).memory_info().rss)


async def measure(framework: str, rows: int, within: float = 120.0) -> dict[str, Any]:
    """One framework, one fresh server and page; see the module docstring."""
    from playwright.async_api import async_playwright

    sel = SELECTORS[framework]
    with tempfile.TemporaryDirectory() as tmp:
        mark_file = Path(tmp) / "mark"
        server = _DataframeServer(framework, "dataframe", rows,
                                  extra_env={"BENCH_MARK": str(mark_file)})
        server.start(timeout=120)
        try:
            received: list[tuple[float, int]] = []
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                warm = await browser.new_page()  # imports pandas; the grid stays cold
                await warm.goto(f"http://{HOST}:{server.port}/?warm=1")
                await warm.get_by_text("warm 0").wait_for(timeout=within * 1000)
                await warm.close()
                await asyncio.sleep(0.5)
                idle = _rss(server.pid)
                page = await browser.new_page(viewport={"width": 1280, "height": 900})
                await page.add_init_script(PROBE % {"first": json.dumps(sel["row"] % 2)})
                page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(
                    (time.time(), len(f if isinstance(f, bytes) else f.encode())))))
                await page.goto(f"http://{HOST}:{server.port}/")
                await page.wait_for_function("window.__rr_bench.first != null",
                                             timeout=within * 1000)
                probe = await page.evaluate(
                    "({...window.__rr_bench, origin: performance.timeOrigin, scripts:"
                    " performance.getEntriesByType('resource').filter((r) => /[.]js$/.test("
                    "r.name)).map((r) => [r.name.split('/').pop(), r.startTime, r.responseEnd])})")
                await page.wait_for_timeout(300)
                first_at = probe["first"] / 1000
                first_bytes = sum(n for t, n in received if t <= first_at + 0.05)
                mark = float(mark_file.read_text().split()[0])
                await page.evaluate("(s) => { window.__rr_bench.lastSel = s; }",
                                    sel["row"] % (rows + 1))
                t0 = await page.evaluate(
                    "(q) => { const s = document.querySelector(q); s.scrollTop = s.scrollHeight;"
                    " return performance.timeOrigin + performance.now(); }", sel["scroller"])
                await page.wait_for_function("window.__rr_bench.last != null",
                                             timeout=within * 1000)
                last = await page.evaluate("window.__rr_bench.last")
                rows_in_dom = await page.locator("[role=row]").count()
                await page.wait_for_timeout(300)
                served = _rss(server.pid)
                await browser.close()
        finally:
            server.stop()
    frame_bytes = rows * 8 * 8
    return {
        "framework": framework, "rows": rows, "cols": 8,
        "run_to_first_rows_ms": round((first_at - mark) * 1000, 1),
        "load_to_first_rows_ms": round(probe["first"] - probe["origin"], 1),
        "breakdown_ms": {  # from the run's mark: the grid's script loaded, the first ws frame
            "grid_script_loaded": _script_loaded(probe, framework, mark),
            "first_ws_frame_after_mark": next(
                (round((t - mark) * 1000, 1) for t, _ in received if t >= mark), None),
        },
        "scroll_to_last_row_ms": round(last - t0, 1),
        "first_view_ws_bytes": first_bytes,
        "rows_in_dom": rows_in_dom,
        "frame_mb": round(frame_bytes / 2**20, 1),
        "server_rss_growth_mb": round((served - idle) / 2**20, 1),
        "server_growth_over_frame": round((served - idle) / frame_bytes, 2),
    }


def _script_loaded(probe: dict[str, Any], framework: str, mark: float) -> float | None:
    """When the grid's module had arrived, in ms after the run's mark (None: not seen)."""
    name = "dataframe.js" if framework == "rr" else None
    ends = [end for file, _, end in probe["scripts"] if name is None or file == name]
    return round((probe["origin"] + max(ends)) - mark * 1000, 1) if ends else None


async def measure_all(frameworks: list[str], rows: int) -> dict[str, Any]:
    return {fw: await measure(fw, rows) for fw in frameworks}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--frameworks", choices=["rr", "st", "both"], default="rr")
    args = parser.parse_args()
    frameworks = ["rr", "st"] if args.frameworks == "both" else [args.frameworks]
    print(json.dumps(asyncio.run(measure_all(frameworks, args.rows)), indent=1))


if __name__ == "__main__":
    main()
