"""Servers the tests start as real processes: a free loopback port, and waiting until one serves."""

from __future__ import annotations

import socket
import subprocess
import time
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
