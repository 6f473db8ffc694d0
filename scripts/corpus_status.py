"""The corpus's pass rate: ``python -m scripts.corpus_status [--write]``.

Runs every app of ``tests/corpus/`` headless, as ``tests/test_corpus.py`` does, and prints (or,
with ``--write``, writes to ``tests/corpus/STATUS.md``) which run clean, which need a Streamlit
function we do not have (counted by name: the names that unblock the most apps come first),
and which fail for another reason.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections import Counter
from pathlib import Path

from tests.test_corpus import BUGS, CORPUS, MissingAPI, apps, missing_api, name_of, run_app

STATUS = CORPUS / "STATUS.md"


async def classify(path: Path) -> tuple[str, str]:
    """(status, detail): clean, missing API, bug (a known one) or failing."""
    name, missing = name_of(path), missing_api(path)
    try:
        await run_app(path)
    except MissingAPI as exc:
        return "missing API", ", ".join(missing) or str(exc)
    except Exception as exc:  # any failure is reported, not raised
        if missing:
            return "failing", f"needs {', '.join(missing)}, and failed otherwise: {exc}"[:300]
        if name in BUGS:
            return "bug", BUGS[name].removeprefix("bug: ")
        return "failing", f"{type(exc).__name__}: {exc}"[:300]
    if missing:
        return "failing", f"runs clean but the source names missing API {missing}"
    if name in BUGS:
        return "failing", "runs clean but is listed in BUGS (remove it there)"
    return "clean", ""


async def survey() -> list[tuple[str, str, str]]:
    return [(name_of(p), *await classify(p)) for p in apps()]


def report(rows: list[tuple[str, str, str]]) -> str:
    total = len(rows)
    clean = sum(1 for _, status, _ in rows if status == "clean")
    needs = Counter(n for p in apps() for n in missing_api(p))
    lines = [
        "# Corpus status",
        "",
        "Made by `python -m scripts.corpus_status --write`: every app of `tests/corpus/` run "
        "headless with `AppTest.from_file` and checked as `tests/test_corpus.py` checks it.",
        "",
        f"**{clean} / {total} apps run clean ({100 * clean / total:.0f}%).**",
        "",
        "## Missing API, by the number of apps that need it",
        "",
        "| name | apps |",
        "| --- | ---: |",
        *(f"| `{n}` | {c} |" for n, c in sorted(needs.items(), key=lambda x: (-x[1], x[0]))),
        "",
        "## Apps",
        "",
        "| app | status | detail |",
        "| --- | --- | --- |",
        *(f"| `{name}` | {status} | {detail.replace('|', '/')} |" for name, status, detail in rows),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    logging.getLogger("reactive_rerun").setLevel(logging.CRITICAL)  # the apps' own tracebacks
    text = report(asyncio.run(survey()))
    if "--write" in argv:
        STATUS.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
