"""Reconnect over real sockets: resume within ``session_timeout`` (same state, only the frames
missed, or a full page), a fresh session after it, cleanup of expired sessions, no hijack.

Each test runs a real uvicorn server (wsproto) on 127.0.0.1 in the test's own event loop, so
it can look at the app's registry directly; the client is the ``websockets`` library.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import weakref
from typing import Any

import anyio
import pytest
from _webclient import AsyncClient, PageModel, hello, open_client, serve, wait_for

import reactive_rerun as rr

pytestmark = pytest.mark.anyio


async def counter() -> None:
    if "n" not in rr.session_state:
        rr.session_state.n = 0
    if rr.button("+1"):
        rr.session_state.n += 1
    rr.header(f"n = {rr.session_state.n}")
    rr.text_input("Name", key="name")


def make_app(**kwargs: Any) -> rr.App:
    kwargs.setdefault("session_timeout", 30.0)
    return rr.App(counter, **kwargs)


def ws_url(host: str) -> str:
    return f"ws://{host}/_rr/ws"


def drop(tab: AsyncClient) -> None:
    """Lose the connection the way a network failure does: no close handshake."""
    tab.ws.transport.abort()


async def disconnected(app: rr.App, session_id: str) -> rr.Session:
    """The server noticed that the session's socket is gone."""
    session = app.sessions.live[session_id]
    await wait_for(lambda: not session.connected)
    return session


async def increment(tab: AsyncClient, to: int) -> None:
    await tab.click("+1")
    await tab.until(lambda p: p.header == f"n = {to}" and p.idle)


async def resume(tab: AsyncClient, session_id: str | None, seq: int) -> list[dict[str, Any]]:
    """Say hello with a session id and seq; the frames up to the one that names the session."""
    since = len(tab.page.received)
    tab.page.resumed = None
    await tab.send(hello(session_id, seq))
    await tab.until(lambda p: p.resumed is not None)
    return tab.page.received[since:]


def element_ops(frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [op for f in frames for op in f["ops"] if op["op"] in ("el", "rm", "reset")]


async def test_reconnect_within_timeout_resumes_same_session_state_and_widgets() -> None:
    app = make_app()
    async with serve(app) as host:
        async with open_client(ws_url(host)) as tab:
            await tab.start()
            await increment(tab, 1)
            await increment(tab, 2)
            await tab.set("Name", "Ada")
            sid, seq, page = tab.page.session_id, tab.page.seq, tab.page
            assert sid is not None
            drop(tab)
        session = await disconnected(app, sid)
        assert app.sessions.live[sid] is session

        async with open_client(ws_url(host), page=page) as tab:
            await resume(tab, sid, seq)
            assert tab.page.session_id == sid
            assert tab.page.resumed is True
            assert app.sessions.live[sid] is session
            assert session.state.to_dict() == {"n": 2, "name": "Ada"}
            assert tab.page.header == "n = 2"
            assert tab.page.widget("Name")["value"] == "Ada"
            await increment(tab, 3)  # the script sees the state it had
            assert tab.page.violations == []
        assert len(app.sessions) == 1


async def test_reconnect_replays_only_the_frames_it_missed() -> None:
    app = make_app()
    async with serve(app) as host:
        async with open_client(ws_url(host)) as tab:
            await tab.start()
            sid, seen, page = tab.page.session_id, tab.page.seq, tab.page
            assert sid is not None
            await tab.click("+1")
            drop(tab)  # before reading anything the click produced
        session = await disconnected(app, sid)
        with anyio.fail_after(30):
            await session.until_idle()
        latest = session.data.seq
        assert latest > seen, "the click's run drew nothing while the tab was away"
        assert page.seq == seen

        async with open_client(ws_url(host), page=page) as tab:
            frames = await resume(tab, sid, seen)
            assert [f["seq"] for f in frames] == list(range(seen + 1, latest + 2))
            assert frames[-1]["ops"] == [{"op": "session", "id": sid, "resumed": True}]
            assert not any(op["op"] == "reset" for f in frames for op in f["ops"])
            assert tab.page.header == "n = 1"
            assert tab.page.violations == []
            await increment(tab, 2)
            assert tab.page.violations == []


async def test_reconnect_with_nothing_missed_gets_no_frame_again() -> None:
    app = make_app()
    async with serve(app) as host:
        async with open_client(ws_url(host)) as tab:
            await tab.start()
            await increment(tab, 1)
            sid, seq, page = tab.page.session_id, tab.page.seq, tab.page
            drop(tab)
        assert sid is not None
        await disconnected(app, sid)
        async with open_client(ws_url(host), page=page) as tab:
            frames = await resume(tab, sid, seq)
            session_op = {"op": "session", "id": sid, "resumed": True}
            assert frames == [{"seq": seq + 1, "ops": [session_op]}]
            assert tab.page.header == "n = 1"
            await increment(tab, 2)
            assert tab.page.violations == []


async def test_reconnect_from_too_far_back_gets_a_full_page() -> None:
    app = make_app()
    # Keep only two frames of history so "too far back" is quick to reach.
    app.sessions.config = dataclasses.replace(app.config, history_frames=2)
    async with serve(app) as host:
        async with open_client(ws_url(host)) as tab:
            await tab.start()
            sid, stale_seq = tab.page.session_id, tab.page.seq
            for n in (1, 2, 3):
                await increment(tab, n)
            drop(tab)
        assert sid is not None
        await disconnected(app, sid)

        stale = PageModel()  # a tab that last applied frame ``stale_seq``
        stale.seq, stale.session_id = stale_seq, sid
        async with open_client(ws_url(host), page=stale) as tab:
            frames = await resume(tab, sid, stale_seq)
            assert len(frames) == 1
            ops = frames[0]["ops"]
            assert ops[0] == {"op": "session", "id": sid, "resumed": True}
            assert ops[1] == {"op": "reset"}
            assert all(op["op"] == "el" for op in ops[2:])
            assert tab.page.header == "n = 3"
            assert tab.page.violations == []
            await increment(tab, 4)
            assert tab.page.violations == []


async def test_resumed_session_is_not_expired_by_the_earlier_disconnect() -> None:
    app = make_app(session_timeout=0.3)
    async with serve(app) as host:
        async with open_client(ws_url(host)) as tab:
            await tab.start()
            sid, seq, page = tab.page.session_id, tab.page.seq, tab.page
            drop(tab)
        assert sid is not None
        await disconnected(app, sid)
        async with open_client(ws_url(host), page=page) as tab:
            await resume(tab, sid, seq)
            assert tab.page.resumed is True
            await asyncio.sleep(1.5)  # well past the timeout armed by the disconnect
            assert sid in app.sessions.live
            await increment(tab, 1)
            assert tab.page.session_id == sid


async def test_after_timeout_a_fresh_session_starts() -> None:
    app = make_app(session_timeout=0.3)
    async with serve(app) as host:
        async with open_client(ws_url(host)) as tab:
            await tab.start()
            await increment(tab, 1)
            sid, seq, page = tab.page.session_id, tab.page.seq, tab.page
            drop(tab)
        assert sid is not None
        await wait_for(lambda: sid not in app.sessions.live)
        await app.sessions.settled()
        assert await app.sessions.store.claim(sid) is None

        async with open_client(ws_url(host), page=page) as tab:
            await resume(tab, sid, seq)
            assert tab.page.resumed is False
            new_id = tab.page.session_id
            assert new_id is not None and new_id != sid
            await tab.until(lambda p: p.idle and p.header is not None)
            assert tab.page.header == "n = 0"
            assert app.sessions.live[new_id].state.to_dict() == {"n": 0, "name": ""}
            assert set(app.sessions.live) == {new_id}
            assert tab.page.violations == []


async def test_expired_session_tasks_cancelled_and_memory_freed() -> None:
    unwound: list[str] = []

    async def busy() -> None:
        rr.session_state.big = bytearray(1 << 20)
        rr.header("working")
        try:
            await asyncio.Event().wait()  # a run that never ends by itself
        finally:
            unwound.append("finally")

    app = rr.App(busy, session_timeout=0.3)
    async with serve(app) as host:
        async with open_client(ws_url(host)) as tab:
            await tab.send(hello())
            await tab.until(lambda p: p.header == "working")
            sid = tab.page.session_id
            assert sid is not None
            session = app.sessions.live[sid]
            driver = app.sessions._drivers[sid]
            runs = list(session.scheduler.runs)
            assert runs and not any(t.done() for t in runs)
            session_ref, data_ref = weakref.ref(session), weakref.ref(session.data)
            del session
            drop(tab)

        await wait_for(lambda: sid not in app.sessions.live)
        await wait_for(driver.done)
        await wait_for(lambda: all(t.done() for t in runs))
        assert all(t.cancelled() for t in runs)
        assert unwound == ["finally"]
        await app.sessions.settled()
        assert await app.sessions.store.claim(sid) is None
        assert sid not in app.sessions._drivers
        del driver
        runs.clear()

        def freed() -> bool:
            gc.collect()
            return session_ref() is None and data_ref() is None

        await wait_for(freed)


async def test_second_socket_with_a_live_session_id_gets_a_new_session() -> None:
    app = make_app()
    async with serve(app) as host, open_client(ws_url(host)) as owner:
        await owner.start()
        await increment(owner, 1)
        sid = owner.page.session_id
        assert sid is not None

        async with open_client(ws_url(host)) as intruder:
            await intruder.start(session=sid, seq=owner.page.seq)
            assert intruder.page.resumed is False
            assert intruder.page.session_id not in (None, sid)
            assert intruder.page.header == "n = 0"
            await increment(intruder, 1)
            await increment(intruder, 2)

        await increment(owner, 2)  # the owner's tab still drives its own session
        assert app.sessions.live[sid].state["n"] == 2
        assert owner.page.session_id == sid
        assert owner.page.violations == []


async def test_unknown_session_id_starts_a_fresh_session() -> None:
    app = make_app()
    async with serve(app) as host, open_client(ws_url(host)) as tab:
        await tab.start(session="not-a-session-this-server-made", seq=41)
        assert tab.page.resumed is False
        assert tab.page.session_id != "not-a-session-this-server-made"
        assert tab.page.header == "n = 0"
        assert tab.page.violations == []
