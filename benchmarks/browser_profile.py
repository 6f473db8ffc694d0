"""Where one click's time goes in the browser: ``python -m benchmarks.browser_profile [N]``.

Serves the "main" app of N static lines (default 10,000), opens it in headless Chromium, and
records clicks on "Inc" (after a few warm-up clicks): ``--clicks`` of them under the V8 CPU
profiler (CDP ``Profiler``, 50 µs sampling) for the top self-time functions, as many under a
Chrome trace (``devtools.timeline``) for the main thread's style recalculation
(``UpdateLayoutTree``, with the number of elements it restyled), layout and script time. Prints
per-click averages; ``--save DIR`` also writes the CPU profile (``.cpuprofile``, opens in Chrome
DevTools) when under 200 KB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
from collections import defaultdict
from pathlib import Path
from typing import Any

from .browser import ARGS, CHROMIUM, _click, _open
from .servers import HOST, Server


def self_times(profile: dict[str, Any], clicks: int, top: int = 12) -> list[tuple[str, float]]:
    """Self time (ms) per function (name, file:line) of a CDP CPU profile, largest first."""
    by_id = {n["id"]: n for n in profile["nodes"]}
    acc: dict[str, float] = defaultdict(float)
    for node_id, dt in zip(profile["samples"], profile["timeDeltas"], strict=True):
        cf = by_id[node_id]["callFrame"]
        url = cf["url"].rsplit("/", 1)[-1]
        where = f" ({url}:{cf['lineNumber'] + 1})" if url else ""
        acc[(cf["functionName"] or "(anonymous)") + where] += dt / 1000 / clicks
    return sorted(acc.items(), key=lambda kv: -kv[1])[:top]


def trace_summary(trace: dict[str, Any], clicks: int) -> dict[str, Any]:
    """Main-thread totals of one click's trace: style recalc (and elements restyled), layout..."""
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    names = {"UpdateLayoutTree": "style_recalc_ms", "Layout": "layout_ms",
             "FunctionCall": "script_ms", "RunMicrotasks": "microtasks_ms",
             "Paint": "paint_ms", "ParseHTML": "parse_ms"}
    out: dict[str, Any] = {v: 0.0 for v in names.values()}
    out["elements_restyled"] = 0
    for e in events:
        key = names.get(e.get("name", ""))
        if key is None or e.get("ph") != "X":
            continue
        out[key] += e.get("dur", 0) / 1000
        if e["name"] == "UpdateLayoutTree":
            args = e.get("args", {})
            out["elements_restyled"] += int(
                args.get("elementCount", args.get("data", {}).get("elementCount", 0)) or 0)
    return {k: v / clicks for k, v in out.items()}


async def profile(n: int, clicks: int) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    with Server("rr", "main", n) as server:
        url = f"http://{HOST}:{server.port}/"
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                page = await _open(browser, url, 60)
                for _ in range(5):
                    await _click(page, 60)
                cdp = await page.context.new_cdp_session(page)
                await cdp.send("Profiler.enable")
                await cdp.send("Profiler.setSamplingInterval", {"interval": 50})
                await cdp.send("Profiler.start")
                profiled = [await _click(page, 60) for _ in range(clicks)]
                prof = (await cdp.send("Profiler.stop"))["profile"]
                await browser.start_tracing(page=page, categories=["devtools.timeline"])
                traced = [await _click(page, 60) for _ in range(clicks)]
                trace = json.loads(await browser.stop_tracing())
            finally:
                await browser.close()
    med = lambda xs, k: statistics.median(x[k] for x in xs)  # noqa: E731
    return {"n": n, "clicks": clicks,
            "profiled": {"dom": med(profiled, "dom"), "styled": med(profiled, "styled")},
            "traced": {"dom": med(traced, "dom"), "styled": med(traced, "styled")},
            "self_ms": self_times(prof, clicks), "trace": trace_summary(trace, clicks),
            "cpuprofile": prof}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--clicks", type=int, default=5, help="clicks per recording")
    parser.add_argument("--save", type=Path, default=None, help="write the .cpuprofile here")
    args = parser.parse_args(argv)
    res = asyncio.run(profile(args.n, args.clicks))
    if args.save is not None:
        text = json.dumps(res["cpuprofile"])
        if len(text) < 200_000:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"click-N{args.n}.cpuprofile").write_text(text)
    print(f"N={res['n']}, {res['clicks']} clicks per recording: click -> DOM change / styled "
          f"p50 {res['profiled']['dom']:.1f} / {res['profiled']['styled']:.1f} ms under the "
          f"profiler, {res['traced']['dom']:.1f} / {res['traced']['styled']:.1f} ms traced")
    print("main thread per click (trace): " + ", ".join(
        f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in res["trace"].items()))
    print("top self time per click (CPU profile, ms):")
    for name, ms in res["self_ms"]:
        print(f"  {ms:7.2f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
