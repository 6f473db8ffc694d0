"""C1, caching, in process: ``python -m benchmarks.caching [--sessions 500] [--hits 100000]``.

Many sessions (the headless harness ``AppTest``, the same ``Session`` machinery the server
runs) call one cached 200 ms ``async def`` at once: how many computations ran, and when the
last session had its answer. Then the cost of a hit with small arguments, for a plain ``def``
called plainly and for an ``async def`` awaited. Streamlit's hit cost is measured beside it
when Streamlit is installed (its cached function called outside a script run).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import time
from typing import Any

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

COMPUTE_S = 0.2


async def shared(sessions: int) -> dict[str, Any]:
    computations = 0
    called: list[float] = []
    answered: list[float] = []

    @rr.cache_data
    async def slow(x: int) -> list[int]:
        nonlocal computations
        computations += 1
        await asyncio.sleep(COMPUTE_S)
        return [x]

    async def main() -> None:
        called.append(time.perf_counter())
        value = await slow(1)
        answered.append(time.perf_counter())
        rr.text(str(value))

    slow.clear()
    tests = [AppTest(main, timeout=60) for _ in range(sessions)]
    started = time.perf_counter()
    results = await asyncio.gather(*(t.__aenter__() for t in tests), return_exceptions=True)
    errors = sum(isinstance(r, BaseException) for r in results)
    errors += sum(t.text.texts != ["[1]"] for t in tests)
    await asyncio.gather(*(t.close() for t in tests), return_exceptions=True)
    return {
        "sessions": sessions,
        "computations": computations,
        "answered": len(answered),
        "last_answer_after_first_call_ms": (max(answered) - min(called)) * 1000,
        "last_answer_after_start_ms": (max(answered) - started) * 1000,
        "errors": errors,
        "stats": slow.stats(),
    }


async def hits(n: int) -> dict[str, float]:
    @rr.cache_data
    def plain(x: int, name: str, pair: tuple[int, int]) -> int:
        return x

    @rr.cache_data
    async def awaited(x: int, name: str, pair: tuple[int, int]) -> int:
        return x

    await plain.aio(1, "abc", (1, 2))
    await awaited(1, "abc", (1, 2))
    started = time.perf_counter()
    for _ in range(n):
        plain(1, "abc", (1, 2))
    sync_us = (time.perf_counter() - started) / n * 1e6
    started = time.perf_counter()
    for _ in range(n):
        await awaited(1, "abc", (1, 2))
    async_us = (time.perf_counter() - started) / n * 1e6
    return {"hit_sync_us": sync_us, "hit_async_us": async_us}


def streamlit_hit_us(n: int) -> float | None:
    """Streamlit's ``st.cache_data`` hit, outside a script run (bare mode), same arguments."""
    if importlib.util.find_spec("streamlit") is None:
        return None
    import logging

    import streamlit as st

    logging.getLogger("streamlit").setLevel(logging.ERROR)

    @st.cache_data(show_spinner=False)
    def plain(x: int, name: str, pair: tuple[int, int]) -> int:
        return x

    plain(1, "abc", (1, 2))
    started = time.perf_counter()
    for _ in range(n):
        plain(1, "abc", (1, 2))
    return (time.perf_counter() - started) / n * 1e6


async def measure(sessions: int, n_hits: int, *, streamlit: bool = True) -> dict[str, Any]:
    result = await shared(sessions)
    result.update(await hits(n_hits))
    result["st_hit_sync_us"] = streamlit_hit_us(n_hits) if streamlit else None
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--hits", type=int, default=100_000)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(measure(args.sessions, args.hits)), indent=1))


if __name__ == "__main__":
    main()
