"""Rerun loops under load, over real sockets: how much do 20 sessions stuck in ``rr.rerun()``
loops slow a normal session's click -> run finished?

    python -m benchmarks.rerun_loops [--loopers 20] [--clicks 300]

One uvicorn server (subprocess, wsproto); the normal session clicks "Inc" with 2 ms between a
finished run and the next click, first alone, then while the loopers loop.
"""

from __future__ import annotations

import argparse
import asyncio
import json

from benchmarks.driver import percentiles
from benchmarks.rr_client import RRSession
from benchmarks.servers import Server


async def clicks(session: RRSession, count: int) -> list[float]:
    samples = []
    for _ in range(count):
        samples.append(await session.click_wait("Inc", within=10))
        await asyncio.sleep(0.002)
    return samples


async def measure(loopers: int, count: int, n: int) -> dict[str, object]:
    with Server("rr", "loops", n) as server:
        normal = RRSession("127.0.0.1", server.port)
        await normal.open()
        alone = percentiles(await clicks(normal, count))
        spinning = []
        for _ in range(loopers):
            s = RRSession("127.0.0.1", server.port)
            await s.open()
            s.click("Loop")
            spinning.append(s)
        await asyncio.sleep(1.0)
        before = sum(s.ends.get("rerun", 0) for s in spinning)
        loaded = percentiles(await clicks(normal, count))
        total = sum(s.ends.get("rerun", 0) for s in spinning)
        loops = total - before
        errors = len(normal.errors) + sum(len(s.errors) for s in spinning)
        for s in [normal, *spinning]:
            s.close()
    return {
        "alone": alone,
        "loaded": loaded,
        "looping_runs_meanwhile": loops,
        "looping_runs_total": total,
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--loopers", type=int, default=20)
    parser.add_argument("--clicks", type=int, default=300)
    parser.add_argument("--lines", type=int, default=20)
    args = parser.parse_args()
    result = asyncio.run(measure(args.loopers, args.clicks, args.lines))
    a, b = result["alone"], result["loaded"]
    assert isinstance(a, dict) and isinstance(b, dict)
    print(json.dumps(result, indent=2))
    print(f"normal session, click -> run finished over a websocket, {args.clicks} clicks each:")
    print(f"  alone:                 p50 {a['p50']:.3f} ms  p90 {a['p90']:.3f} ms")
    print(f"  with {args.loopers} rerun loops:   p50 {b['p50']:.3f} ms  p90 {b['p90']:.3f} ms")
    print(f"  ratio p50 {b['p50'] / a['p50']:.2f}x, p90 {b['p90'] / a['p90']:.2f}x")


if __name__ == "__main__":
    main()
