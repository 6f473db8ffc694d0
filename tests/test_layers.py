"""The runtime knows no transport: it and the test harness load without Starlette."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reactive_rerun"
WEB = {"app", "assets", "socket_writer", "media_routes"}  # the web adapter: uses Starlette


def loaded_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    )
    return set(done.stdout.split())


def runtime_modules() -> list[str]:
    names = [p.stem for p in PACKAGE.glob("*.py") if p.stem not in WEB | {"__init__", "__main__"}]
    names += [f"elements.{p.stem}" for p in (PACKAGE / "elements").glob("*.py")]
    return [f"reactive_rerun.{name}" for name in names]


def test_the_runtime_never_imports_starlette() -> None:
    modules = runtime_modules()
    loaded = loaded_after("\n".join(f"import {m}" for m in modules))
    assert set(modules) <= loaded
    assert not {m for m in loaded if m.split(".")[0] in ("starlette", "uvicorn", "fastapi")}


def test_the_test_harness_loads_without_starlette() -> None:
    loaded = loaded_after("import reactive_rerun.testing")
    assert "reactive_rerun.testing" in loaded
    assert "starlette" not in loaded


def test_the_app_is_there_when_asked_for() -> None:
    loaded = loaded_after("import reactive_rerun as rr\nassert rr.App.__name__ == 'App'")
    assert "starlette" in loaded
