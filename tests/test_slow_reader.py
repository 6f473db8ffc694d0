"""Hostile sockets: a client that stops reading is cut off and its session released; one client
address cannot hold more than ``max_connections_per_client`` websockets.

Each real-socket test runs a uvicorn server (wsproto) on 127.0.0.1 in the test's own event
loop, so it can look at the app's registry directly. The hostile client is a plain socket
(``RawClient`` of ``scripts/slow_readers.py``) that does the websocket handshake, says hello
and then never reads; its receive buffer is made small, so the kernel holds little of what the
server sends. Everything is bounded in count and time, and only loopback is used.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import psutil
import pytest
from _webclient import AsyncClient, PageModel, hello, open_client, serve, wait_for
from websockets.exceptions import ConnectionClosed

import reactive_rerun as rr
from reactive_rerun.socket_writer import SocketWriter
from scripts.slow_readers import RawClient

pytestmark = pytest.mark.anyio

BIG = 256 * 1024  # characters of text a tick draws
FILL = "x" * BIG


async def ticker() -> None:
    """A button, and a fragment that draws 256 KB of new text every 50 ms (a short text once
    "Light" is ticked: the well-behaved tab ticks it, so the test's own client stays small)."""
    if "n" not in rr.session_state:
        rr.session_state.n = 0
    if rr.button("+1"):
        rr.session_state.n += 1
    rr.header(f"n = {rr.session_state.n}")
    rr.checkbox("Light", key="light")
    await big()


@rr.fragment(run_every=0.05)
async def big() -> None:
    ticks = rr.session_state.get("ticks", 0) + 1
    rr.session_state.ticks = ticks
    rr.text(f"{ticks:08d}" if rr.session_state.light else f"{ticks:08d}{FILL}")


async def counter() -> None:
    """A button and a header: small frames, so an idle socket that never reads stays open."""
    if "n" not in rr.session_state:
        rr.session_state.n = 0
    if rr.button("+1"):
        rr.session_state.n += 1
    rr.header(f"n = {rr.session_state.n}")


def ws_url(host: str) -> str:
    return f"ws://{host}/_rr/ws"


async def click(tab: AsyncClient, to: int) -> None:
    """Click "+1" and see the count reach ``to`` within 5 s."""
    await tab.click("+1")
    await tab.until(lambda p: p.header == f"n = {to}", within=5)


def rss() -> int:
    return int(psutil.Process().memory_info().rss)


@asynccontextmanager
async def raw_clients(host: str, count: int, **kwargs: Any) -> AsyncIterator[list[RawClient]]:
    clients: list[RawClient] = []
    try:
        for _ in range(count):
            clients.append(await RawClient.open(host, **kwargs))
        yield clients
    finally:
        for client in clients:
            client.close()


# -- 6. a client that stops reading -------------------------------------------------------------


async def test_a_client_that_stops_reading_is_cut_off_and_released_others_unaffected() -> None:
    app = rr.App(ticker, session_timeout=5.0, max_send_lag=1.0)
    async with serve(app) as host, open_client(ws_url(host), max_size=None) as tab:
        await tab.start()
        await tab.set("Light", True)
        normal = tab.page.session_id
        assert normal is not None
        baseline = rss()
        started = time.monotonic()
        async with raw_clients(host, 2) as (comes_back, stays_away):
            await wait_for(lambda: len(app.sessions) == 3)
            slow = [sid for sid in app.sessions.live if sid != normal]
            sessions = [app.sessions.live[sid] for sid in slow]
            peak = baseline
            clicks = 0
            with anyio.fail_after(30):
                while any(s.connected for s in sessions):
                    # the normal tab keeps working all along: a click shows within 5 s
                    clicks += 1
                    await click(tab, clicks)
                    peak = max(peak, rss())
                    await asyncio.sleep(0.1)
            cut_off = time.monotonic() - started
            assert cut_off < 20, f"the slow clients were cut off only after {cut_off:.1f} s"
            # the server closed the TCP connections: what is left in the kernel, then the end
            for client in (comes_back, stays_away):
                assert await client.read_until_closed() in ("eof", "reset")
            peak = max(peak, rss())
            # released as for any disconnect: the timers stop, the expiry clock runs
            assert not any(s.scheduler.connected.is_set() for s in sessions)
            assert app._connections == {"127.0.0.1": 1}
        assert peak - baseline < 64 << 20, f"the server grew by {(peak - baseline) >> 20} MiB"

        # the one that comes back gets its session and the whole page
        async with open_client(ws_url(host), max_size=None) as back:
            await back.send(hello(slow[0], 0))
            await back.until(lambda p: p.resumed is not None and p.idle)
            assert back.page.session_id == slow[0]
            assert back.page.resumed is True
            assert back.page.header == "n = 0"
            assert any(t.endswith(FILL) for t in back.page.texts("text"))
        # the one that never comes back expires
        await wait_for(lambda: slow[1] not in app.sessions.live, within=15)

        await click(tab, clicks + 1)
        assert app.sessions.live[normal].connected


class _StuckSocket:
    """An ASGI server connection whose sends never complete once the socket is open, and whose
    ``receive``/``send`` are plain functions (no protocol object, so no transport to abort)."""

    def __init__(self) -> None:
        self.inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.inbox.put_nowait({"type": "websocket.connect"})
        self.inbox.put_nowait({"type": "websocket.receive", "text": json.dumps(hello())})
        self.accepted = asyncio.Event()
        self.scope = {
            "type": "websocket", "path": "/_rr/ws", "root_path": "", "headers": [],
            "client": ("10.0.0.1", 1234), "query_string": b"", "subprotocols": [],
        }

    async def receive(self) -> dict[str, Any]:
        return await self.inbox.get()

    async def send(self, message: dict[str, Any]) -> None:
        if message["type"] == "websocket.accept":
            self.accepted.set()
            return
        await asyncio.Event().wait()  # the client never reads


async def test_without_a_reachable_transport_a_stuck_socket_still_ends_its_handler() -> None:
    app = rr.App(ticker, session_timeout=5.0, max_send_lag=0.2)
    stuck = _StuckSocket()
    handler = asyncio.create_task(app(stuck.scope, stuck.receive, stuck.send))  # type: ignore[arg-type]
    try:
        with anyio.fail_after(10):
            await handler  # ends by itself, as a normal end (no exception)
        (session,) = app.sessions.live.values()
        assert not session.connected
        assert not session.scheduler.connected.is_set()
        assert app._connections == {}
    finally:
        handler.cancel()
        await app.sessions.close_all()


async def test_server_shutdown_cancellation_still_propagates_from_a_serving_socket() -> None:
    app = rr.App(ticker, session_timeout=5.0)
    stuck = _StuckSocket()
    stuck.send = _accept_only  # type: ignore[method-assign]
    handler = asyncio.create_task(app(stuck.scope, stuck.receive, stuck.send))  # type: ignore[arg-type]
    try:
        await wait_for(lambda: len(app.sessions) == 1, within=10)
        await asyncio.sleep(0.1)
        handler.cancel()
        with anyio.fail_after(10), pytest.raises(asyncio.CancelledError):
            await handler
        assert app._connections == {}
    finally:
        await app.sessions.close_all()


async def _accept_only(message: dict[str, Any]) -> None:
    """Sends that complete at once (a client that reads everything)."""


def test_the_writer_limits_are_bounded() -> None:
    assert SocketWriter.LIMIT_BYTES <= 16 << 20
    assert SocketWriter.CLOSE_TIMEOUT <= 5


# -- 10. connection hogs ------------------------------------------------------------------------


async def test_one_address_is_capped_others_still_connect_and_closing_frees_the_slots() -> None:
    cap = 3
    app = rr.App(counter, session_timeout=5.0, max_connections_per_client=cap)
    async with serve(app) as host:
        async with raw_clients(host, cap):
            await wait_for(lambda: len(app.sessions) == cap)
            page = PageModel()
            with anyio.fail_after(10), pytest.raises(ConnectionClosed) as closed:
                async with open_client(ws_url(host), page) as refused:
                    while True:  # refused at once, before its hello
                        await refused.frame()
            assert closed.value.rcvd is not None
            assert closed.value.rcvd.code == 1008
            assert "too many connections" in closed.value.rcvd.reason
            assert any("too many connections" in e for e in page.errors)
            assert len(app.sessions) == cap  # no session for the refused socket
            # a refused client that never answers the close is not waited for (uvicorn would
            # wait 10 s), so a client retrying in a loop cannot pile up refused sockets
            async with raw_clients(host, 1) as (ignores_the_close,):
                assert await ignores_the_close.read_until_closed(within=3) == "eof"
            assert len(app.sessions) == cap

            # another address still gets in
            async with open_client(ws_url(host), max_size=None, local_addr=("127.0.0.2", 0)) as tab:
                await tab.start()
                assert len(app.sessions) == cap + 1
                assert app._connections == {"127.0.0.1": cap, "127.0.0.2": 1}
        # the hog closed its sockets: the address may connect again
        await wait_for(lambda: app._connections == {})
        async with open_client(ws_url(host), max_size=None) as tab:
            await tab.start()
            assert tab.page.header == "n = 0"


async def test_every_way_out_gives_the_slot_back() -> None:
    app = rr.App(counter, session_timeout=5.0, max_connections_per_client=2)
    async with serve(app) as host:
        for _ in range(3):  # more rounds than the cap: a leaked slot would lock the address out
            # a refused hello (wrong protocol version)
            with anyio.fail_after(10), pytest.raises(ConnectionClosed):
                async with open_client(ws_url(host)) as bad:
                    await bad.send(hello(v=-1))
                    while True:
                        await bad.frame()
            # a clean close, and a connection dropped without a close handshake
            async with open_client(ws_url(host), max_size=None) as tab:
                await tab.start()
            async with open_client(ws_url(host), max_size=None) as tab:
                await tab.start()
                tab.ws.transport.abort()
            await wait_for(lambda: app._connections == {})
