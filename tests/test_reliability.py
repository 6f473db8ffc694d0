"""Hostile clients and churn (SPEC §2, §8): fuzzed frames over a real websocket, and no leaks."""

from __future__ import annotations

import asyncio
import gc
import json
import threading
import time
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.sync.client import ClientConnection
from websockets.sync.client import connect as sync_connect

import reactive_rerun as rr
from tests._webclient import serve

pytestmark = pytest.mark.anyio

MAX_FRAME = 32 * 1024


async def counter() -> None:
    n = rr.session_state.setdefault("n", 0)
    if rr.button("Inc"):
        rr.session_state.n = n = n + 1
    rr.text(f"count {n}")
    rr.text_input("name", key="name", max_chars=20)
    rr.slider("level", 0, 10, 5)
    rr.selectbox("pick", ["a", "b"])
    with rr.form("f"):
        rr.number_input("qty", 0, 5, 1)
        rr.form_submit_button("Send")


@pytest.fixture(scope="module")
def live_server() -> Iterator[str]:
    """A real uvicorn server in a thread, for the synchronous hypothesis test."""
    app = rr.App(counter, max_frame_bytes=MAX_FRAME)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, ws="wsproto", ws_per_message_deflate=False,
                       log_level="critical")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"127.0.0.1:{port}"
    server.should_exit = True
    thread.join(30)


class Tab:
    """A synchronous protocol client that keeps the page's widget ids."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.errors: list[str] = []
        self.widgets: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.ws = self._open()

    def _open(self) -> ClientConnection:
        ws = sync_connect(f"ws://{self.host}/_rr/ws", origin=f"http://{self.host}").__enter__()
        ws.send(json.dumps({"t": "hello", "v": 1, "session": None, "seq": 0}))
        self.ws = ws
        self.read_until(lambda op: op["op"] == "end")
        return ws

    def read_until(self, done: Any) -> None:
        while True:
            frame = json.loads(self.ws.recv(timeout=10))
            hit = False
            for op in frame["ops"]:
                if op["op"] == "error":
                    self.errors.append(op["message"])
                if op["op"] == "el" and "label" in op["e"]:
                    self.widgets[op["e"]["label"]] = op["e"]["id"]
                if op["op"] == "el" and op["e"]["k"] == "text":
                    self.texts[op["p"]] = op["e"]["text"]
                hit = hit or done(op)
            if hit:
                return

    def probe(self) -> None:
        """The session still answers, in order (a click on a widget that does not exist)."""
        self.ws.send('{"t":"click","id":"probe-widget"}')
        self.read_until(lambda op: op["op"] == "error" and "probe-widget" in op["message"])
        self.errors = [e for e in self.errors if "probe-widget" not in e]

    def click(self, label: str) -> None:
        self.ws.send(json.dumps({"t": "click", "id": self.widgets[label]}))
        self.read_until(lambda op: op["op"] == "end")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)
kinds = st.sampled_from(["set", "click", "submit", "resync", "hello", "nope", "", None, 3])


@st.composite
def shaped_messages(draw: st.DrawFn) -> str:
    message: dict[str, Any] = {"t": draw(kinds)}
    for field in draw(st.lists(st.sampled_from(["id", "v", "form", "values", "seq", "session"]))):
        message[field] = draw(json_values)
    return json.dumps(message)


hostile = st.one_of(
    shaped_messages(),
    json_values.map(json.dumps),
    st.text(max_size=200),
    st.binary(max_size=200),
    st.integers(1000, 200_000).map(lambda n: "[" * n + "]" * n),
    st.integers(MAX_FRAME + 1, MAX_FRAME * 4).map(lambda n: json.dumps({"t": "set", "v": "x" * n})),
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(frames=st.lists(hostile, min_size=1, max_size=4))
def test_fuzzed_frames_never_crash_the_server_change_state_or_touch_another_session(
    live_server: str, frames: list[str | bytes]
) -> None:
    victim, attacker = _tabs(live_server)
    before = dict(victim.texts)
    for frame in frames:
        attacker.ws.send(frame)
    attacker.probe()  # the attacker's session answers, in order, after all of it
    assert victim.texts == before
    victim.click("Inc")  # the other session works as before
    assert victim.texts["m.1"] == f"count {_tabs.count + 1}"
    _tabs.count += 1


def _tabs(host: str, cache: dict[str, tuple[Tab, Tab]] = {}) -> tuple[Tab, Tab]:  # noqa: B006
    if host not in cache:
        cache[host] = (Tab(host), Tab(host))
    return cache[host]


_tabs.count = 0  # type: ignore[attr-defined]


def test_each_kind_of_bad_message_gets_a_clear_error(live_server: str) -> None:
    tab = Tab(live_server)
    bad = [
        (b"\x00\x01", "binary frames are not accepted"),
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"t": "explode"}', "unknown message kind"),
        ('{"t": "click", "id": "feedfacefeedface"}', "unknown widget id"),
        (json.dumps({"t": "set", "id": tab.widgets["level"], "v": 11}), "above the maximum"),
        (json.dumps({"t": "set", "id": tab.widgets["level"], "v": "5"}), "expected a number"),
        (json.dumps({"t": "set", "id": tab.widgets["pick"], "v": 7}), "out of range"),
        (json.dumps({"t": "set", "id": tab.widgets["name"], "v": "x" * 21}), "max_chars"),
        (json.dumps({"t": "set", "id": tab.widgets["qty"], "v": 2}), "in a form"),
        ("[" * 100_000 + "]" * 100_000, "over the"),
        (json.dumps({"t": "set", "v": "x" * (MAX_FRAME + 1)}), "over the"),
    ]
    for frame, reason in bad:
        tab.errors.clear()
        tab.ws.send(frame)
        tab.probe()
        assert len(tab.errors) == 1 and reason in tab.errors[0], (frame[:40], tab.errors)


async def test_connect_disconnect_churn_returns_tasks_and_memory_to_baseline() -> None:
    """Half the clients close cleanly, half drop the TCP connection; all sessions expire."""
    from scripts.churn import cycle  # the same cycle as the 5,000-cycle report in docs/

    app = rr.App(counter, session_timeout=0.05)

    async def settle() -> None:
        for _ in range(200):
            await asyncio.sleep(0.02)
            if not app.sessions.live and not app.sessions._background:
                break
        await asyncio.sleep(0.1)
        gc.collect()

    async with serve(app) as host:
        for i in range(100):  # warm up caches, imports and pools
            await cycle(host, drop=i % 2 == 1)
        await settle()
        tracemalloc.start()
        try:
            baseline_tasks = len(asyncio.all_tasks())
            baseline_memory = tracemalloc.get_traced_memory()[0]
            for i in range(1000):
                await cycle(host, drop=i % 2 == 1)
            await settle()
            tasks = len(asyncio.all_tasks())
            memory = tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
    assert not app.sessions.live
    assert tasks <= baseline_tasks
    # 1,000 sessions of a few KB each would leave megabytes behind
    assert memory - baseline_memory < 300_000, f"{memory - baseline_memory} bytes kept"
