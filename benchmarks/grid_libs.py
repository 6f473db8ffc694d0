"""Our grid against FINOS regular-table, in the browser only (docs/data.md says why ours stays).

``npm pack regular-table@0.9.2 && tar xzf regular-table-0.9.2.tgz`` then
``python -m benchmarks.grid_libs --regular-table package``. Both grids get the same synthetic
1,000,000 x 8 model, generated in the page (no server, no network but loopback for the
modules); per page: module load, mount -> first rows painted (one animation frame after the
draw), scroll to the end -> the last row in the DOM, and the cells in the DOM. Prints the
medians of ``--pages`` pages as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .browser import ARGS, CHROMIUM
from .servers import ROOT, free_port

RT_PAGE = """<!doctype html><html><head><link rel="stylesheet" href="rt/dist/css/material.css">
<style>regular-table{height:400px;width:1000px;display:block;position:relative}</style></head>
<body><regular-table id="t"></regular-table><script type="module">
const N = 1_000_000, C = 8;
window.bench = {};
const t0 = performance.now();
await import('./rt/dist/esm/regular-table.js');
window.bench.module = performance.now() - t0;
const table = document.getElementById('t');
const val = (r, c) => (r * (c + 1)) / 7;
table.setDataListener((x0, y0, x1, y1) => ({
  num_rows: N, num_columns: C,
  column_headers: Array.from({ length: x1 - x0 }, (_, i) => ['c' + (x0 + i)]),
  row_headers: Array.from({ length: y1 - y0 }, (_, j) => [String(y0 + j)]),
  data: Array.from({ length: x1 - x0 }, (_, i) => Array.from({ length: y1 - y0 },
    (_, j) => val(y0 + j, x0 + i).toFixed(4))),
}));
const t1 = performance.now();
await table.draw();
await new Promise(requestAnimationFrame);
window.bench.first = performance.now() - t1;
window.bench.ready = true;
</script></body></html>"""

OURS_PAGE = """<!doctype html><html><head><link rel="stylesheet" href="static/style.css"></head>
<body><div id="m" style="width:1000px"></div><script type="module">
const N = 1_000_000, C = 8;
window.bench = {};
const { tables } = await import('./static/dom.js'); // the page's client has loaded it already
const t0 = performance.now();
const { default: mount } = await import('./static/elements/dataframe.js');
window.bench.module = performance.now() - t0;
const val = (r, c) => +((r * (c + 1)) / 7).toFixed(4);
const rows = (a, b) => Array.from({ length: b - a },
  (_, k) => [a + k, a + k, ...Array.from({ length: C }, (_, c) => val(a + k, c))]);
const cols = [{ name: '', label: '', type: 'number', kind: 'int', index: true, pinned: true },
  ...Array.from({ length: C }, (_, c) => ({ name: 'c' + c, label: 'c' + c, type: 'number',
    kind: 'float' }))];
const ctx = { send: (m) => queueMicrotask(() => tables.get(m.id)?.(
  { op: 'rows', id: m.id, req: m.req, from: m.from, n: N, rows: rows(m.from, m.to) })) };
const t1 = performance.now();
const e = { id: null, label: '', help: null, disabled: false, form: null,
  label_visibility: 'collapsed', selection: null, modes: null, data: 'd1', n: N, cols,
  rows: rows(0, 50), width: 'stretch', height: 400, row_height: null };
document.getElementById('m').append(mount(e, ctx).node);
await new Promise(requestAnimationFrame);
window.bench.first = performance.now() - t1;
window.bench.ready = true;
</script></body></html>"""

LAST = {"rt": "regular-table tbody tr:last-child th",
        "ours": '[role=row][aria-rowindex="1000001"] [role=rowheader]'}
SCROLLER = {"rt": "regular-table", "ours": ".rr-df-scroll"}
SCROLL_JS = """([q, last]) => new Promise((done) => {
  const s = document.querySelector(q), t0 = performance.now();
  s.scrollTop = s.scrollHeight;
  const tick = () => {
    const n = document.querySelector(last);
    if (n && /999999/.test(n.textContent)) done(performance.now() - t0);
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""


async def _page(browser: Any, name: str, port: int) -> dict[str, float]:
    page = await browser.new_page(viewport={"width": 1280, "height": 800})
    await page.goto(f"http://127.0.0.1:{port}/{name}.html")
    await page.wait_for_function("window.bench && window.bench.ready", timeout=30_000)
    res: dict[str, float] = await page.evaluate("window.bench")
    res.pop("ready", None)
    res["scroll_to_end"] = await page.evaluate(SCROLL_JS, [SCROLLER[name], LAST[name]])
    res["cells_in_dom"] = await page.evaluate(
        "document.querySelectorAll('td,th,[role=gridcell],[role=rowheader]').length")
    await page.close()
    return res


async def measure(package: Path, pages: int) -> dict[str, dict[str, float]]:
    from playwright.async_api import async_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "rt.html").write_text(RT_PAGE)
        (site / "ours.html").write_text(OURS_PAGE)
        shutil.copytree(package, site / "rt")
        shutil.copytree(ROOT / "static", site / "static")
        port = free_port()
        server = subprocess.Popen(  # noqa: ASYNC220 - a static file server, started once
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
            cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        await asyncio.sleep(1.0)
        try:
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                out = {}
                for name in ("rt", "ours"):
                    runs = [await _page(browser, name, port) for _ in range(pages)]
                    out[name] = {k: round(statistics.median(r[k] for r in runs), 1)
                                 for k in runs[0]}
                await browser.close()
        finally:
            server.terminate()
            server.wait(10)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--regular-table", required=True, type=Path,
                        help="the unpacked npm package (its dist/ inside)")
    parser.add_argument("--pages", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(measure(args.regular_table, args.pages)), indent=1))


if __name__ == "__main__":
    main()
