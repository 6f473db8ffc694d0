"""The element table of docs/protocol.md, made from the element kinds' definitions.

``python -m scripts.protocol_table`` prints it; ``--write`` puts it into docs/protocol.md
between its markers. A test checks that the doc holds exactly this table.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reactive_rerun.element import KINDS

DOC = Path(__file__).resolve().parent.parent / "docs" / "protocol.md"
START = "<!-- element kinds: made by scripts/protocol_table.py -->"
END = "<!-- end of element kinds -->"


def table() -> str:
    rows = ["| kind | is | fields besides `k` | meaning |", "| --- | --- | --- | --- |"]
    for kind in sorted(KINDS.values(), key=lambda k: (k.block, k.is_widget, k.name)):
        role = "block" if kind.block else (
            "widget" if kind.is_widget else "element"
        )
        fields = ", ".join(f"`{f}`" for f in kind.fields) or "-"
        rows.append(f"| `{kind.name}` | {role} | {fields} | {kind.doc} |")
    return "\n".join(rows)


def section() -> str:
    return f"{START}\n{table()}\n{END}"


def write() -> None:
    text = DOC.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    DOC.write_text(head + section() + tail, encoding="utf-8")


if __name__ == "__main__":
    if "--write" in sys.argv:
        write()
    else:
        print(table())
