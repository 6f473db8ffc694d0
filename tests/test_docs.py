"""The docs' code examples run as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python_blocks(doc: str) -> list[str]:
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, re.S)


def test_the_architecture_docs_kind_definition_draws_its_element() -> None:
    (example,) = python_blocks("architecture.md")
    check = (
        "import asyncio\n"
        "from reactive_rerun.testing import AppTest\n"
        "async def main():\n"
        "    chip('new', color='green')\n"
        "async def check():\n"
        "    async with AppTest(main) as at:\n"
        "        assert at.chip[0].props == {'k': 'chip', 'text': 'new', 'color': 'green'}\n"
        "        assert at.errors == []\n"
        "asyncio.run(check())\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", example + "\n" + check], cwd=ROOT, capture_output=True,
        text=True, timeout=60, check=False,
    )
    assert done.stdout.strip() == "ok", done.stderr


def test_the_caching_docs_example_runs() -> None:
    example = python_blocks("caching.md")[0]
    check = (
        "from reactive_rerun.testing import AppTest\n"
        "async def check():\n"
        "    async with AppTest(main) as at:\n"
        "        assert at.markdown.texts == ['<p>3 prices via db://x</p>\\n'], at.markdown\n"
        "        assert at.errors == []\n"
        "asyncio.run(check())\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", example + "\n" + check], cwd=ROOT, capture_output=True,
        text=True, timeout=60, check=False,
    )
    assert done.stdout.strip() == "ok", done.stderr


def test_the_testing_docs_examples_pass_as_written() -> None:
    first, second = python_blocks("testing.md")
    check = (
        "import asyncio\n"
        "asyncio.run(test_foo())\n"
        "test_greeting()\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", first + "\n" + second + "\n" + check], cwd=ROOT,
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.stdout.strip() == "ok", done.stderr


def test_docs_name_only_files_that_exist() -> None:
    paths = re.compile(r"`((?:reactive_rerun|tests|scripts|benchmarks|examples|static|docs)/"
                       r"[\w./-]+\.(?:py|md|js|css|json|html))(?:::\w+)?`")
    links = re.compile(r"\]\(([\w./-]+\.md)(?:#[\w-]+)?\)")
    missing = []
    for doc in [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]:
        text = doc.read_text(encoding="utf-8")
        for name in paths.findall(text):
            if not (ROOT / name).exists():
                missing.append(f"{doc.name}: {name}")
        for name in links.findall(text):
            if not (doc.parent / name).exists():
                missing.append(f"{doc.name}: link {name}")
    assert missing == []
