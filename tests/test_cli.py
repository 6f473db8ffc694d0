"""``reactive-rerun run app.py``: serves a script file, reloads it on save, stops on Ctrl-C."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from _processes import free_port, wait_until_serving
from websockets.sync.client import connect

ROOT = Path(__file__).resolve().parent.parent


def start(script: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reactive_rerun", "run", str(script), "--port", str(port), *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    host = f"127.0.0.1:{port}"
    wait_until_serving(proc, host)
    return proc, host


def headers_after(host: str, want: str) -> list[str]:
    """Open a session and read frames until a header reads ``want``."""
    with connect(f"ws://{host}/_rr/ws", origin=f"http://{host}") as ws:
        ws.send(json.dumps({"t": "hello", "v": 1, "session": None, "seq": 0}))
        seen: list[str] = []
        deadline = time.monotonic() + 20
        while want not in seen:
            assert time.monotonic() < deadline, seen
            for op in json.loads(ws.recv(timeout=20))["ops"]:
                if op["op"] == "el" and op["e"]["k"] == "header":
                    seen.append(op["e"]["text"])
        return seen


def test_run_serves_a_script_file_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    app = tmp_path / "hello.py"
    app.write_text("import reactive_rerun as st\nst.header('Hello from a file')\n")
    proc, host = start(app, "--no-reload")
    try:
        page = httpx.get(f"http://{host}/", timeout=5).text
        assert "<title>hello</title>" in page
        assert headers_after(host, "Hello from a file")
    finally:
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0, output
    assert f"http://{host}/" in output
    assert "Traceback" not in output


def test_a_saved_change_reaches_a_connected_page(tmp_path: Path) -> None:
    app = tmp_path / "live.py"
    app.write_text("import reactive_rerun as st\nst.header('before')\n")
    proc, host = start(app)
    try:
        with connect(f"ws://{host}/_rr/ws", origin=f"http://{host}") as ws:
            ws.send(json.dumps({"t": "hello", "v": 1, "session": None, "seq": 0}))
            headers: list[str] = []

            def read_until(text: str) -> None:
                deadline = time.monotonic() + 20
                while text not in headers:
                    assert time.monotonic() < deadline, headers
                    for op in json.loads(ws.recv(timeout=20))["ops"]:
                        if op["op"] == "el" and op["e"]["k"] == "header":
                            headers.append(op["e"]["text"])

            read_until("before")
            time.sleep(0.3)  # the watcher is up
            app.write_text("import reactive_rerun as st\nst.header('after')\n")
            read_until("after")  # the page reran by itself
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)


def test_a_missing_file_or_a_taken_port_is_a_clear_error(tmp_path: Path) -> None:
    missing = subprocess.run(
        [sys.executable, "-m", "reactive_rerun", "run", str(tmp_path / "nope.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=30,
    )
    assert missing.returncode == 2 and "no such script file" in missing.stderr
    app = tmp_path / "a.py"
    app.write_text("import reactive_rerun as st\n")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = subprocess.run(
            [sys.executable, "-m", "reactive_rerun", "run", str(app), "--port", str(port)],
            cwd=ROOT, capture_output=True, text=True, timeout=30,
        )
    assert busy.returncode == 1 and "already in use" in busy.stderr


def test_the_readme_example_runs_through_the_cli() -> None:
    proc, host = start(ROOT / "examples" / "plain_script.py", "--no-reload")
    try:
        assert headers_after(host, "A plain Streamlit script")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)
