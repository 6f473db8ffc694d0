"""How much 20 sessions stuck in `rr.rerun()` loops slow a normal session's clicks.

    python scripts/rerun_loops.py

Runs in one process through the real session machinery (the headless harness), so the ratio
shows the scheduling cost alone, without network time.
"""

from __future__ import annotations

import asyncio
import statistics
import time

import reactive_rerun as rr
from reactive_rerun.config import SessionConfig
from reactive_rerun.testing import AppTest

LOOPERS = 20
CLICKS = 300


async def looping() -> None:
    rr.text(f"spin {rr.session_state.setdefault('i', 0)}")
    rr.session_state.i += 1
    rr.rerun()


async def normal() -> None:
    n = rr.session_state.setdefault("n", 0)
    if rr.button("Inc"):
        rr.session_state.n = n = n + 1
    rr.text(f"count {n}")
    for i in range(20):
        rr.text(f"line {i}")


async def clicks(at: AppTest) -> list[float]:
    button = at.button("Inc")
    times = []
    for _ in range(CLICKS):
        start = time.perf_counter()
        await button.click()
        times.append(time.perf_counter() - start)
        await asyncio.sleep(0.001)  # a person clicks, waits, clicks again
    return times


async def main() -> None:
    unbounded = SessionConfig(max_consecutive_reruns=10**9)
    async with AppTest(normal) as at:
        alone = await clicks(at)
        loopers = [AppTest(looping, config=unbounded, timeout=3600) for _ in range(LOOPERS)]
        tasks = []
        for looper in loopers:
            tasks.append(asyncio.create_task(looper.__aenter__()))
        await asyncio.sleep(0.5)
        loaded = await clicks(at)
        spins = sum(looper.session.state.get("i", 0) for looper in loopers if looper.session)
        for looper in loopers:
            await looper.close()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    a, b = statistics.median(alone), statistics.median(loaded)
    p90a = statistics.quantiles(alone, n=10)[-1]
    p90b = statistics.quantiles(loaded, n=10)[-1]
    print(f"normal session click -> run finished, {CLICKS} clicks each:")
    print(f"  alone:                p50 {a * 1e3:.3f} ms  p90 {p90a * 1e3:.3f} ms")
    print(f"  with {LOOPERS} rerun loops:  p50 {b * 1e3:.3f} ms  p90 {p90b * 1e3:.3f} ms")
    print(f"  ratio p50 {b / a:.2f}x, p90 {p90b / p90a:.2f}x; looping runs meanwhile: {spins}")


if __name__ == "__main__":
    asyncio.run(main())
