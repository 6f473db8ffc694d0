"""Helpers of the web-layer tests: a page model that applies frames the way ``static/client.js``
does (and records every duplicate or gap it sees), a client over Starlette's ``TestClient``
websocket, a client over a real socket (``websockets``), and a real uvicorn server on an
ephemeral port.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
import warnings
from collections.abc import AsyncIterator, Callable
from typing import Any

import anyio
import uvicorn
from websockets.asyncio.client import ClientConnection, connect

from reactive_rerun import protocol, testing

with warnings.catch_warnings():
    # Starlette 1.x prefers ``httpx2`` for its TestClient and warns when it falls back to httpx.
    warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
    from starlette.testclient import TestClient, WebSocketTestSession
    from starlette.websockets import WebSocketDisconnect

__all__ = [
    "AsyncClient",
    "PageModel",
    "SyncClient",
    "TestClient",
    "WebSocketDisconnect",
    "serve",
]

TIMEOUT = 30.0  # generous: the suite runs on small, busy machines


class PageModel(testing.PageModel):
    """The harness's page model (the browser client's frame rules), fed frames as a websocket
    client receives them, keeping each frame and adding readers for the web-layer tests."""

    def __init__(self) -> None:
        super().__init__()
        self.received: list[dict[str, Any]] = []

    def apply_frame(self, frame: dict[str, Any]) -> None:
        self.received.append(frame)
        super().apply_frame(frame)

    # -- reading the page -----------------------------------------------------------------------

    def shown(self) -> list[dict[str, Any]]:
        return [e for _, e in self.ordered()]

    def texts(self, kind: str) -> list[str]:
        return [str(e["text"]) for e in self.shown() if e["k"] == kind]

    @property
    def header(self) -> str | None:
        headers = self.texts("header")
        return headers[0] if headers else None

    def widget(self, label: str) -> dict[str, Any]:
        found = [e for e in self.shown() if e.get("label") == label and "id" in e]
        assert len(found) == 1, f"expected one widget {label!r} on the page, found {found}"
        return found[0]

    def echo(self, label: str, value: Any) -> str:
        """Show a value the user entered, as the browser's input does; the widget's id."""
        element = self.widget(label)
        element["value"] = value
        return str(element["id"])

    @property
    def idle(self) -> bool:
        """A run completed and none is in flight."""
        return bool(self.runs) and not self.running

    def ops_since(self, since: int = 0) -> list[dict[str, Any]]:
        return [op for frame in self.received[since:] for op in frame["ops"]]


def hello(session: str | None = None, seq: int = 0, v: int = protocol.VERSION) -> dict[str, Any]:
    return {"t": "hello", "v": v, "session": session, "seq": seq}


class SyncClient:
    """A tab over Starlette's in-process ``TestClient`` websocket."""

    def __init__(self, ws: WebSocketTestSession, page: PageModel | None = None) -> None:
        self.ws = ws
        self.page = page or PageModel()

    def send(self, message: Any) -> None:
        self.ws.send_text(message if isinstance(message, str) else json.dumps(message))

    def receive(self, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The next raw ASGI message the app sent (bounded wait: a bug must not hang the suite)."""
        stream = getattr(self.ws, "_send_rx", None)
        if stream is None:  # a Starlette without the stream: wait unbounded
            return dict(self.ws.receive())

        async def get() -> dict[str, Any]:
            with anyio.fail_after(timeout):
                return dict(await stream.receive())

        return self.ws.portal.call(get)

    def frame(self, timeout: float = TIMEOUT) -> dict[str, Any]:
        message = self.receive(timeout)
        if message["type"] == "websocket.close":
            raise WebSocketDisconnect(message.get("code", 1000), message.get("reason"))
        frame: dict[str, Any] = json.loads(message["text"])
        self.page.apply_frame(frame)
        return frame

    def until(self, predicate: Callable[[PageModel], bool], timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while not predicate(self.page):
            self.frame(max(0.1, deadline - time.monotonic()))

    def start(self, session: str | None = None, seq: int = 0) -> None:
        """Say hello and wait for the first complete run."""
        self.send(hello(session, seq))
        self.until(lambda p: p.idle)

    def click(self, label: str) -> None:
        self.send({"t": "click", "id": self.page.widget(label)["id"]})

    def set(self, label: str, value: Any) -> None:
        """Enter a value and wait for the run it causes to end."""
        runs = len(self.page.runs)
        self.send({"t": "set", "id": self.page.echo(label, value), "v": value})
        self.until(lambda p: len(p.runs) > runs and p.idle)


class AsyncClient:
    """A tab over a real websocket (``websockets``), talking to a real server."""

    def __init__(self, ws: ClientConnection, page: PageModel | None = None) -> None:
        self.ws = ws
        self.page = page or PageModel()

    async def send(self, message: Any) -> None:
        await self.ws.send(message if isinstance(message, str) else json.dumps(message))

    async def frame(self, within: float = TIMEOUT) -> dict[str, Any]:
        with anyio.fail_after(within):
            text = await self.ws.recv()
        frame: dict[str, Any] = json.loads(text)
        self.page.apply_frame(frame)
        return frame

    async def until(self, predicate: Callable[[PageModel], bool], within: float = TIMEOUT) -> None:
        with anyio.fail_after(within):
            while not predicate(self.page):
                await self.frame(within)

    async def start(self, session: str | None = None, seq: int = 0) -> None:
        await self.send(hello(session, seq))
        await self.until(lambda p: p.idle)

    async def click(self, label: str) -> None:
        await self.send({"t": "click", "id": self.page.widget(label)["id"]})

    async def set(self, label: str, value: Any) -> None:
        """Enter a value and wait for the run it causes to end."""
        runs = len(self.page.runs)
        await self.send({"t": "set", "id": self.page.echo(label, value), "v": value})
        await self.until(lambda p: len(p.runs) > runs and p.idle)


@contextlib.asynccontextmanager
async def open_client(
    url: str, page: PageModel | None = None, **kwargs: Any
) -> AsyncIterator[AsyncClient]:
    async with connect(url, open_timeout=TIMEOUT, close_timeout=5, **kwargs) as ws:
        yield AsyncClient(ws, page)


@contextlib.asynccontextmanager
async def serve(app: Any, **config: Any) -> AsyncIterator[str]:
    """Run ``app`` on a real uvicorn server (wsproto, permessage-deflate declined, as
    ``docs/deploy.md`` starts it) on 127.0.0.1; yields ``host:port``."""
    server = uvicorn.Server(
        uvicorn.Config(
            app, host="127.0.0.1", port=0, ws="wsproto", ws_per_message_deflate=False,
            log_config=None, log_level="warning", **config,
        )
    )
    task = asyncio.create_task(server.serve())
    try:
        with anyio.fail_after(TIMEOUT):
            while not server.started:
                if task.done():
                    task.result()
                    raise RuntimeError("uvicorn stopped before it started")
                await asyncio.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        with anyio.fail_after(TIMEOUT):
            await task


async def wait_for(predicate: Callable[[], bool], within: float = TIMEOUT) -> None:
    """Let the loop run until ``predicate()`` holds (fails the test after ``within`` s)."""
    with anyio.fail_after(within):
        for _ in itertools.count():
            if predicate():
                return
            await asyncio.sleep(0.01)
