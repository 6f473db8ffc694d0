"""The million-row dataframe in Chromium: ``python -m benchmarks.dataframe [--rows N]``.

Serves ``rr.dataframe`` of an N x 8 frame (pandas, numpy floats) from a uvicorn thread in this
process and measures: page load -> first rows painted, scroll to the end -> last row painted,
websocket bytes received for the first view, rows in the DOM, and this process's RSS growth
from building the frame and serving one session. Prints one JSON object. Not yet a scenario
of ``benchmarks.run`` (its table compares with Streamlit; this has no Streamlit side yet).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import threading
import time
from typing import Any

from .browser import ARGS, CHROMIUM


def _rss() -> int:
    import psutil

    return int(psutil.Process(os.getpid()).memory_info().rss)


async def measure(rows: int) -> dict[str, Any]:
    import numpy as np
    import pandas as pd
    import uvicorn
    from playwright.async_api import async_playwright

    import reactive_rerun as rr

    before = _rss()
    frame = pd.DataFrame({f"c{i}": np.random.default_rng(i).random(rows) for i in range(8)})

    async def main() -> None:
        rr.dataframe(frame)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(rr.App(main), host="127.0.0.1", port=port,
                                           log_level="warning", ws="wsproto"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:  # noqa: ASYNC110 - uvicorn sets a flag, no event
        await asyncio.sleep(0.05)
    received: list[int] = []
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("websocket", lambda ws: ws.on(
                "framereceived", lambda f: received.append(len(f if isinstance(f, bytes)
                                                               else f.encode()))))
            t0 = time.perf_counter()
            await page.goto(f"http://127.0.0.1:{port}/")
            await page.locator('[role=row][aria-rowindex="2"] [role=gridcell]').first.wait_for()
            first = time.perf_counter() - t0
            first_bytes = sum(received)
            t1 = time.perf_counter()
            await page.locator(".rr-df-scroll").evaluate("s => { s.scrollTop = s.scrollHeight; }")
            await page.locator(f'[role=row][aria-rowindex="{rows + 1}"] [role=gridcell]') \
                .first.wait_for()
            last = time.perf_counter() - t1
            in_dom = await page.locator("[role=row]").count()
            await browser.close()
    finally:
        server.should_exit = True
        thread.join(10)
    return {
        "rows": rows, "cols": 8, "first_rows_painted_s": round(first, 3),
        "last_row_painted_s": round(last, 3), "first_view_ws_bytes": first_bytes,
        "rows_in_dom": in_dom, "server_rss_growth_mb": round((_rss() - before) / 2**20, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    print(json.dumps(asyncio.run(measure(parser.parse_args().rows))))


if __name__ == "__main__":
    main()
