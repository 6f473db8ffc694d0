"""Servers the tests start as real processes: a free loopback port, and waiting until one serves."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_serving(proc: subprocess.Popen[Any], host: str, within: float = 30.0) -> None:
    """Poll ``/_rr/health`` on ``host`` until it answers; fail if the process dies or it is late."""
    deadline = time.monotonic() + within
    while True:
        try:
            if httpx.get(f"http://{host}/_rr/health", timeout=1).is_success:
                return
        except httpx.HTTPError:
            pass
        assert proc.poll() is None, f"the server process ended (exit code {proc.returncode})"
        assert time.monotonic() < deadline, f"the server on {host} did not start"
        time.sleep(0.1)


@contextlib.contextmanager
def served_module(folder: Path, name: str, source: str) -> Iterator[str]:
    """``source`` written to ``folder/name.py`` and served as ``name:app`` by uvicorn (wsproto)
    in its own process; yields its ``host:port`` once it answers, stops it afterwards."""
    (folder / f"{name}.py").write_text(textwrap.dedent(source))
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", f"{name}:app", "--port", str(port), "--ws", "wsproto",
         "--log-level", "error"],
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    host = f"127.0.0.1:{port}"
    try:
        wait_until_serving(proc, host)
        yield host
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
