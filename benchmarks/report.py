"""The README's results block from one results JSON: ``python -m benchmarks.report [FILE]``.

Prints the machine, versions, command, duration and load average the run recorded, then its
table (the same as ``benchmarks.run`` prints), so ``benchmarks/README.md``'s Results section is
pasted from one run, never assembled by hand. ``--merge OUT A.json B.json ...`` joins the runs
of one session that were split (a later ``--only`` continuing one that stopped): rows in
in the run order (a scenario that a later part ran again comes from that part), each part's
command and load average kept under ``meta.parts``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .run import SCENARIOS, table

DEFAULT = Path(__file__).resolve().parent / "results" / "latest.json"


def render(data: dict[str, Any]) -> str:
    m = data["meta"]
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v)
    head = [
        f"Machine: {m['cores']} cores, {m['platform']}, Python {m['python']}.",
        "",
        f"Versions: {versions}.",
        "",
    ]
    for part in m.get("parts") or [m]:
        head.append(f"- `{part['command']}` ({part['elapsed_s']:.0f} s; load average "
                    f"{part['loadavg_start'][0]:.2f} at the start, "
                    f"{part['loadavg_now'][0]:.2f} at the end)")
    head += ["", ""]
    return "\n".join(head) + table(data["rows"])


def merge(paths: list[Path]) -> dict[str, Any]:
    parts = [json.loads(p.read_text()) for p in paths]
    meta = dict(parts[0]["meta"])
    meta["parts"] = [{k: p["meta"][k] for k in ("command", "elapsed_s", "loadavg_start",
                                                 "loadavg_now")} for p in parts]
    meta["elapsed_s"] = sum(p["meta"]["elapsed_s"] for p in parts)
    meta["loadavg_now"] = parts[-1]["meta"]["loadavg_now"]
    rows: list[dict[str, Any]] = []
    for i, p in enumerate(parts):  # a scenario a later part ran again is taken from that part
        later = {r["scenario"] for q in parts[i + 1:] for r in q["rows"]}
        rows += [r for r in p["rows"] if r["scenario"] not in later]
    def position(row: dict[str, Any]) -> int:  # the run order (S2 is part of S1)
        sid = "S1" if row["scenario"] == "S2" else row["scenario"]
        return SCENARIOS.index(sid) if sid in SCENARIOS else len(SCENARIOS)

    rows.sort(key=position)  # stable: each scenario's rows keep their order
    return {"meta": meta, "rows": rows,
            "raw": {k: v for p in parts for k, v in p["raw"].items()}}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--merge"]:
        Path(args[1]).write_text(json.dumps(merge([Path(a) for a in args[2:]]), indent=1,
                                            default=str))
        args = [args[1]]
    path = Path(args[0]) if args else DEFAULT
    print(render(json.loads(path.read_text())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
