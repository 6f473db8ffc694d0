"""`uvicorn --workers 2`: each websocket lives in one worker; a reconnect that lands on the
other worker starts a fresh session cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from _processes import free_port, wait_until_serving
from websockets.sync.client import connect

ROOT = Path(__file__).resolve().parent.parent


def _hello(host: str, session: str | None) -> tuple[str, bool, list[str]]:
    with connect(f"ws://{host}/_rr/ws", origin=f"http://{host}") as ws:
        ws.send(json.dumps({"t": "hello", "v": 1, "session": session, "seq": 1 if session else 0}))
        sid, resumed, errors, headers = "", False, [], []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            frame = json.loads(ws.recv(timeout=20))
            for op in frame["ops"]:
                if op["op"] == "session":
                    sid, resumed = op["id"], op["resumed"]
                if op["op"] == "error":
                    errors.append(op["message"])
                if op["op"] == "el" and op["e"]["k"] == "header":
                    headers.append(op["e"]["text"])
            if headers:
                return sid, resumed, errors
    raise AssertionError("no page arrived")


def test_two_workers_serve_sessions_and_a_reconnect_elsewhere_starts_fresh() -> None:
    port = free_port()
    host = f"127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "examples.rerun_pattern:app", "--port", str(port),
         "--workers", "2", "--ws", "wsproto", "--ws-per-message-deflate", "false",
         "--log-level", "warning"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        wait_until_serving(proc, host)
        first, resumed, errors = _hello(host, None)
        assert not resumed and not errors
        outcomes = set()
        for _ in range(12):  # the OS spreads connections over both workers
            sid, resumed, errors = _hello(host, first)
            assert not errors
            assert resumed == (sid == first)  # same worker: resumed; other worker: fresh session
            outcomes.add(resumed)
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=30)
    assert "Traceback" not in output, output
    assert outcomes  # at least one reconnect was served without an error
