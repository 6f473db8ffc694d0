"""Start and stop the servers under test: each one a subprocess on 127.0.0.1, a free port."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
APPS = Path(__file__).resolve().parent / "apps"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    framework: str  # "rr", "st", "ng" (NiceGUI) or "echo" (S9's floor: a bare Starlette
    # websocket echo page)
    app: str  # "main", "fragment", "chat" (S11) or "sleep" (S10: a plain script file,
    # `reactive-rerun run`)
    n: int
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    log: Path | None = None
    extra_env: dict[str, str] = field(default_factory=dict)
    profile_out: str | None = None
    # uvicorn's --ws-per-message-deflate: off as documented (docs/deploy.md); True only to
    # measure what it costs (S5c)
    deflate: bool = False
    uvicorn_args: list[str] = field(default_factory=list)  # more uvicorn options
    # `run --session-store URL` (S12: the "sleep" script file with a shared Redis store)
    session_store: str | None = None
    st_args: list[str] = field(default_factory=list)  # more `streamlit run` options (U1)

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def command(self) -> list[str]:
        if self.framework == "rr" and self.app == "sleep":  # a script file, as `run` serves it
            return [
                sys.executable, "-m", "reactive_rerun", "run", str(APPS / "rr_sleep_script.py"),
                "--host", HOST, "--port", str(self.port), "--no-reload",
                *(["--session-store", self.session_store] if self.session_store else []),
            ]
        if self.framework == "rr":
            if self.profile_out:
                return [sys.executable, "-m", "benchmarks.profile_server", str(self.port),
                        self.profile_out]
            return [
                sys.executable, "-m", "uvicorn", "benchmarks.apps.rr_apps:from_env", "--factory",
                "--ws", "wsproto", "--ws-per-message-deflate", "true" if self.deflate else "false",
                "--host", HOST, "--port", str(self.port), "--log-level", "warning",
                "--no-access-log", *self.uvicorn_args,
            ]
        if self.framework == "echo":
            return [
                sys.executable, "-m", "uvicorn", "benchmarks.apps.echo_app:from_env", "--factory",
                "--ws", "wsproto", "--host", HOST, "--port", str(self.port),
                "--log-level", "warning", "--no-access-log",
            ]
        if self.framework == "ng":  # NiceGUI's ui.run (uvicorn underneath); the "main" page only
            return [sys.executable, str(APPS / "ng_app.py")]
        script = APPS / {"main": "st_app.py", "fragment": "st_fragment.py",
                         "sleep": "st_sleep_script.py", "chat": "st_chat.py",
                         "upload": "st_upload.py", "cache": "st_cache.py"}[self.app]
        return [
            sys.executable, "-m", "streamlit", "run", str(script),
            "--server.headless", "true", "--server.address", HOST,
            "--server.port", str(self.port), "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--logger.level", "warning",
            "--global.developmentMode", "false", *self.st_args,
        ]

    def health_url(self) -> str:
        path = {"rr": "/_rr/health", "echo": "/_rr/health", "ng": "/_bench/health"}.get(
            self.framework, "/_stcore/health")
        return f"http://{HOST}:{self.port}{path}"

    def start(self, timeout: float = 60.0) -> Server:
        self.port = self.port or free_port()
        env = dict(os.environ, BENCH_APP=self.app, BENCH_N=str(self.n), BENCH_PORT=str(self.port),
                   **self.extra_env)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        logdir = Path(os.environ.get("BENCH_LOGDIR", "/tmp"))
        self.log = logdir / f"bench-{self.framework}-{self.app}-{self.n}-{self.port}.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                self.command(), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.framework} server exited early; see {self.log}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(self.health_url(), timeout=1) as r:
                    if r.status == 200:
                        return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.framework} server did not become healthy; see {self.log}")

    def stop(self, timeout: float = 10.0) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
