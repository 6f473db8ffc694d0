"""Helpers of the browser tests: a threaded uvicorn server, page waits, example apps."""

from __future__ import annotations

import importlib
import socket
import threading
import time
from typing import Any

import uvicorn
from playwright.async_api import Page

import reactive_rerun as rr

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000  # generous: the suite must hold on a loaded 2-core machine


class Server:
    """A uvicorn server for one ASGI app, on 127.0.0.1 and an ephemeral port, in a thread."""

    def __init__(self, app: Any, *, lifespan: str = "on") -> None:
        self.config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=0,
            ws="wsproto",
            ws_per_message_deflate=False,  # as docs/deploy.md starts it
            lifespan=lifespan,
            log_level="warning",
            timeout_graceful_shutdown=2,
        )
        self.server = uvicorn.Server(self.config)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
        self.sock.close()


class PageLog:
    """Console errors and uncaught page errors of one page."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))


def example_app(name: str, **kwargs: Any) -> rr.App:
    """A fresh ``App`` for ``examples/<name>.py`` (its own sessions)."""
    module = importlib.import_module(f"examples.{name}")
    return rr.App(module.main, **kwargs)


async def open_app(page: Page, url: str) -> None:
    """Load the page and wait until its first run has completed."""
    await page.goto(url)
    await settled(page)


async def settled(page: Page) -> None:
    """Wait until the page is connected with no run in flight."""
    await page.wait_for_function(
        "() => window.__rr && window.__rr.state === 'connected' && window.__rr.runs.size === 0"
        " && document.getElementById('rr-main').children.length > 0",
        timeout=TIMEOUT_MS,
    )
