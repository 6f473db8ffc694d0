"""A regression guard: ``python -m benchmarks.check`` (not part of CI's pass/fail).

Re-runs the quick scenarios (``run.CHECK`` at ``--quick`` sizes) against every installed peer,
then compares each row's ratio — the peer's number over ours, measured in the same run — with
the same row (scenario + metric) of the last published results, ``results/quick.json`` (a
``python -m benchmarks.run --quick`` run published with the README). Exit 1 when one of our
advantages shrank by more than 30%: for a row where lower is better (ms, B, KB, MiB, s,
% core) the ratio peer / ours fell below 0.7x the published one; where higher is better (/s,
MiB/s) ours / peer did. Ratios, not raw numbers, because the machine's load moves both sides:
a slower machine slows Streamlit as well, and only a change of ours moves the ratio much.
Rows without a number on both sides (ours-only rows, counts), tails (p90, p99, max: a few
samples at the quick sizes) and numbers below the measurement's resolution are not compared;
errors of ours fail. The scenarios with a failure are re-run (``--retries``, 2 by default) and a
ratio fails only if it failed every time: the quick sizes are small and the machine is shared.
Run it before a release note; a failure is a prompt to run that scenario at its full size.

``--current FILE`` compares a results JSON already at hand instead of running (what the smoke
test does); ``--against FILE`` picks the baseline.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
BASELINE = RESULTS / "quick.json"
HIGHER_IS_BETTER = {"/s", "MiB/s"}
LOWER_IS_BETTER = {"ms", "B", "KB", "MiB", "s", "% core"}
PEERS = {"st": "ratio_st_over_rr", "ng": "ratio_ng_over_rr"}
# below these a number is the measurement's resolution, not a result (psutil's CPU seconds tick
# at 10 ms; RSS moves by allocator pages): such a row is not compared
FLOOR = {"s": 0.05, "MiB": 1.0, "% core": 1.0}
TAILS = ("p90", "p99", "max", "last answer")
# C2's click -> answer at the quick size is its fixed 200 ms computation plus noise: its CPU
# row is compared instead
NOISY = ("click -> answer",)


def advantage(row: dict[str, Any], peer: str) -> float | None:
    """How many times better ours is than ``peer`` on this row (None: not comparable)."""
    ratio = row.get(PEERS[peer])
    unit = row.get("unit")
    if ratio is None or ratio <= 0:
        return None
    floor = FLOOR.get(unit or "", 0.0)
    if min(abs(row.get("rr") or 0.0), abs(row.get(peer) or 0.0)) < floor:
        return None
    if unit in LOWER_IS_BETTER:
        return float(ratio)
    if unit in HIGHER_IS_BETTER:
        return 1.0 / float(ratio)
    return None


def tail(metric: str) -> bool:
    """A tail percentile or a maximum: with the quick sizes' few samples, noise."""
    return any(w in metric for w in TAILS + NOISY)


def compare(
    current: list[dict[str, Any]], published: list[dict[str, Any]], tolerance: float = 0.3
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each comparable row's advantage now and then; and the failures (regressed ratios, and
    rows with errors of ours), each with its scenario, metric, peer and a line of text."""
    before = {(r["scenario"], r["metric"].strip()): r for r in published}
    report: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    for row in current:
        key = (row["scenario"], row["metric"].strip())
        if "errors" in key[1] and row.get("rr"):
            failures.append({"scenario": key[0], "metric": key[1], "peer": "",
                             "text": f"{key[0]} {key[1]}: {row['rr']} errors of ours"})
        old = before.get(key)
        if old is None or tail(key[1]):
            continue
        for peer in PEERS:
            now, then = advantage(row, peer), advantage(old, peer)
            if now is None or then is None:
                continue
            change = now / then
            bad = change < 1 - tolerance
            report.append({"scenario": key[0], "metric": key[1], "peer": peer, "unit":
                           row["unit"], "then": then, "now": now, "change": change,
                           "regressed": bad})
            if bad:
                failures.append({"scenario": key[0], "metric": key[1], "peer": peer,
                                 "text": f"{key[0]} {key[1]} vs {peer}: {then:.2f}x -> "
                                         f"{now:.2f}x ({(change - 1) * 100:+.0f}%)"})
    return report, failures


def render(report: list[dict[str, Any]]) -> str:
    lines = ["| scenario | metric | vs | published | now | change |", "|---|---|---|---|---|---|"]
    for r in report:
        flag = " **worse**" if r["regressed"] else ""
        lines.append(f"| {r['scenario']} | {r['metric']} | {r['peer']} | {r['then']:.2f}x | "
                     f"{r['now']:.2f}x | {(r['change'] - 1) * 100:+.0f}%{flag} |")
    return "\n".join(lines)


def run_quick(only: list[str]) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "check.json"
        cmd = [sys.executable, "-m", "benchmarks.run", "--quick", "--frameworks", "auto",
               "--only", ",".join(only), "--json", str(out)]
        print("$", " ".join(cmd[1:]), file=sys.stderr, flush=True)
        subprocess.run(cmd, check=True, cwd=RESULTS.parent.parent)
        rows: list[dict[str, Any]] = json.loads(out.read_text())["rows"]
    return rows


def main(argv: list[str] | None = None) -> int:
    from .run import CHECK

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", default=str(BASELINE), help="the published results JSON")
    parser.add_argument("--current", help="compare this results JSON instead of running")
    parser.add_argument("--only", default=",".join(CHECK), help="scenarios to re-run")
    parser.add_argument("--tolerance", type=float, default=0.3)
    parser.add_argument("--retries", type=int, default=2,
                        help="re-runs of the scenarios that failed; a ratio fails only if it "
                        "failed every time")
    args = parser.parse_args(argv)
    published = json.loads(Path(args.against).read_text())["rows"]
    if args.current:
        report, failures = compare(json.loads(Path(args.current).read_text())["rows"],
                                   published, args.tolerance)
    else:
        report, failures = compare(run_quick([s.strip() for s in args.only.split(",")
                                              if s.strip()]), published, args.tolerance)
        for attempt in range(args.retries):
            if not failures:
                break
            again = sorted({"S1" if f["scenario"] == "S2" else f["scenario"] for f in failures})
            print(f"re-running {', '.join(again)} (retry {attempt + 1} of {args.retries})",
                  file=sys.stderr, flush=True)
            report2, failures2 = compare(run_quick(again), published, args.tolerance)
            still = {(f["scenario"], f["metric"], f["peer"]) for f in failures2}
            failures = [f for f in failures if (f["scenario"], f["metric"], f["peer"]) in still]
            redone = {(r["scenario"], r["metric"], r["peer"]): r for r in report2}
            report = [redone.get((r["scenario"], r["metric"], r["peer"]), r)
                      if r["regressed"] else r for r in report]
    print(render(report))
    if not report:
        print("\nnothing to compare: no row has a peer's number in both runs", file=sys.stderr)
    for f in failures:
        print("REGRESSION:", f["text"])
    print(f"\n{len(report)} ratios compared against {args.against}; "
          f"{len(failures)} failure(s) (tolerance {args.tolerance:.0%})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
