"""The README's results block from one results JSON: ``python -m benchmarks.report [FILE]``.

Prints the machine, versions, command, duration and load average the run recorded, then its
table (the same as ``benchmarks.run`` prints), so ``benchmarks/README.md``'s Results section is
pasted from one run, never assembled by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .run import table

DEFAULT = Path(__file__).resolve().parent / "results" / "latest.json"


def render(data: dict[str, object]) -> str:
    m = data["meta"]
    assert isinstance(m, dict)
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v)
    start = m.get("loadavg_start") or [None]
    end = m.get("loadavg_now") or [None]
    head = [
        f"Machine: {m['cores']} cores, {m['platform']}, Python {m['python']}.",
        f"Versions: {versions}.",
        f"Command: `{m['command']}` ({m['elapsed_s']:.0f} s; load average "
        f"{start[0]:.2f} at the start, {end[0]:.2f} at the end).",
        "",
    ]
    rows = data["rows"]
    assert isinstance(rows, list)
    return "\n".join(head) + table(rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT
    print(render(json.loads(path.read_text())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
