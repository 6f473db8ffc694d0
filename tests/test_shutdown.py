"""Graceful shutdown: runs are cancelled with their finally blocks run, no tracebacks logged."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest
from websockets.asyncio.client import connect

import reactive_rerun as rr
from tests._webclient import serve

pytestmark = pytest.mark.anyio


async def test_server_stop_cancels_runs_runs_finally_blocks_and_logs_no_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    events: list[str] = []
    started = asyncio.Event()

    async def main() -> None:
        try:
            rr.text("working")
            started.set()
            await asyncio.sleep(30)
        finally:
            events.append("finally ran")

    app = rr.App(main)
    caplog.set_level(logging.INFO)
    close_code = None
    async with serve(app, lifespan="on") as host:
        ws = await connect(f"ws://{host}/_rr/ws", origin=f"http://{host}")
        await ws.send(json.dumps({"t": "hello", "v": 1, "session": None, "seq": 0}))
        await asyncio.wait_for(started.wait(), 10)
        reader = asyncio.create_task(_drain(ws))
    close_code = await asyncio.wait_for(reader, 10)
    assert events == ["finally ran"]
    assert not app.sessions.live
    assert close_code in (1001, 1012)  # the server said it is going away / restarting
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def _drain(ws: object) -> int | None:
    from websockets.exceptions import ConnectionClosed

    try:
        while True:
            await ws.recv()  # type: ignore[attr-defined]
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd is not None else None
