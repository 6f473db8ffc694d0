"""Profile our server's hot path: ``python -m benchmarks.hotpath [S1 S4 S6]``.

For each scenario: a server under pyinstrument (``profile_server``), the same load as the
benchmark, the profile written to ``benchmarks/results/profile-<scenario>.{txt,html}``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import time
from pathlib import Path

from .driver import closed_loop, open_many, sequential
from .rr_client import RRSession
from .servers import HOST, Server

OUT = Path(__file__).resolve().parent / "results"


async def profile(scenario: str, seconds: float) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    prefix = str(OUT / f"profile-{scenario}")
    app, n, label, sessions = {
        "S1": ("main", 10, "Inc", 1),
        "S4": ("main", 10, "Inc", 100),
        "S6": ("fragment", 1000, "Frag", 1),
    }[scenario]
    server = Server("rr", app, n, profile_out=prefix)
    with server:
        clients, failed = await open_many(lambda: RRSession(HOST, server.port), sessions)
        assert not failed, f"{failed} sessions failed to open"
        await sequential(clients[0], label, 50, budget=10)
        os.kill(server.pid, signal.SIGUSR1)
        if sessions == 1:
            samples, errors = await sequential(clients[0], label, 1_000_000, budget=seconds)
            summary = f"{len(samples)} sequential clicks, {errors} errors"
        else:
            r = await closed_loop(clients, label, seconds)
            summary = f"{r['reruns_per_s']:.0f} reruns/s, {r['errors']} errors"
        os.kill(server.pid, signal.SIGUSR2)
        txt = Path(prefix + ".txt")
        deadline = time.monotonic() + 30
        while not _fresh(txt):
            if time.monotonic() > deadline:
                raise RuntimeError("the profile was not written")
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)
        for c in clients:
            c.close()
    print(f"{scenario}: {summary} -> {txt}", file=sys.stderr)
    return txt


def _fresh(path: Path) -> bool:
    return path.exists() and path.stat().st_mtime > time.time() - 60


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenarios", nargs="*", default=["S1", "S4", "S6"])
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    for s in args.scenarios:
        asyncio.run(profile(s.upper(), args.seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
