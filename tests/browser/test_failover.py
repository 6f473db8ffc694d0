"""More than one process (SPEC §15): two workers on one Redis behind a round-robin proxy with no
stickiness. The worker serving a session is killed; the page comes back on the other worker
with its state within 2 s, and a click in flight at the kill is applied exactly once."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from _processes import free_port, wait_until_serving
from _redis import redis_server
from playwright.async_api import Page, expect
from websockets.asyncio.client import connect

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent.parent

APP = """
import reactive_rerun as st
if st.button("+1"):
    st.session_state.n = st.session_state.get("n", 0) + 1
st.header(f"n = {st.session_state.get('n', 0)}")
"""


class Worker:
    """``reactive-rerun run`` on its own port, sharing the Redis store."""

    def __init__(self, script: Path, store: str, port: int) -> None:
        self.script, self.store, self.port = script, store, port
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Worker:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "reactive_rerun", "run", str(self.script), "--port",
             str(self.port), "--no-reload", "--session-store", self.store],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_until_serving(self.proc, f"127.0.0.1:{self.port}")
        return self

    def sessions(self) -> int:
        try:
            health = httpx.get(f"http://127.0.0.1:{self.port}/_rr/health", timeout=2).json()
        except httpx.HTTPError:
            return 0
        return int(health["sessions"])

    def signal(self, sig: int) -> None:
        assert self.proc is not None
        self.proc.send_signal(sig)
        if sig == signal.SIGKILL:
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@contextlib.asynccontextmanager
async def round_robin(ports: list[int]) -> AsyncIterator[int]:
    """A TCP proxy on loopback: each new connection goes to the next backend that answers."""
    turn = itertools.cycle(range(len(ports)))

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        with contextlib.suppress(Exception):
            writer.close()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for _ in ports:
            port = ports[next(turn)]
            try:
                up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                continue  # a dead worker: the next one
            await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
            return
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        server.close()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, list[Worker]]]:
    script = tmp_path / "counter.py"
    script.write_text(textwrap.dedent(APP))
    with redis_server() as url:
        workers = [Worker(script, url, free_port()).start() for _ in range(2)]
        try:
            yield url, workers
        finally:
            for worker in workers:
                worker.stop()


def owner(workers: list[Worker]) -> Worker:
    holding = [w for w in workers if w.proc is not None and w.proc.poll() is None
               and w.sessions() > 0]
    assert len(holding) == 1, [w.sessions() for w in workers]
    return holding[0]


async def test_a_killed_workers_session_is_back_on_another_within_2_s(
    page: Page, cluster: tuple[str, list[Worker]]
) -> None:
    redis_url, workers = cluster
    async with round_robin([w.port for w in workers]) as port:
        url = f"http://127.0.0.1:{port}/"
        await open_app(page, url)
        heading = page.locator("#rr-main h2")
        for n in (1, 2):
            await page.get_by_role("button", name="+1").click()
            await expect(heading).to_have_text(f"n = {n}")
        session = await page.evaluate("window.__rr.session")
        first = owner(workers)

        await page.evaluate("window.__socketBefore = window.__rr.ws")
        first.signal(signal.SIGKILL)  # the worker dies mid-session
        killed = time.monotonic()
        await page.wait_for_function(
            "() => window.__rr.ws && window.__rr.ws !== window.__socketBefore"
            " && window.__rr.state === 'connected' && window.__rr.runs.size === 0"
            " && document.querySelector('#rr-main h2')?.textContent === 'n = 2'"
            " && window.__rr.lastSeq > 0", timeout=10_000,
        )
        back_after = time.monotonic() - killed
        assert back_after < 2.0, f"the session came back after {back_after:.2f} s"
        assert await page.evaluate("window.__rr.session") == session  # the same session
        await page.get_by_role("button", name="+1").click()
        await expect(heading).to_have_text("n = 3")

        # a click in flight when its worker dies is applied exactly once
        first.start()  # the dead worker's port serves again (a restarted process)
        second = owner(workers)
        await page.get_by_role("button", name="+1").click()
        second.signal(signal.SIGKILL)
        await expect(heading).to_have_text("n = 4", timeout=10_000)
        await settled(page)
        await asyncio.sleep(1.0)  # a second application would show by now
        await expect(heading).to_have_text("n = 4")
        assert await page.evaluate("window.__rr.sent.length") == 0  # acknowledged
        second.start()

        # a duplicated tab (same session id, another page load) gets a new session
        async with connect(f"ws://127.0.0.1:{port}/_rr/ws", origin=url.rstrip("/")) as ws:
            await ws.send(json.dumps({"t": "hello", "v": 1, "session": session, "seq": 0,
                                      "tab": "a-duplicate"}))
            hello = json.loads(await asyncio.wait_for(ws.recv(), 10))
            op = next(o for o in hello["ops"] if o["op"] == "session")
            assert op["id"] != session and op["resumed"] is False


async def test_a_paused_worker_neither_overwrites_nor_deletes_a_moved_session(
    page: Page, cluster: tuple[str, list[Worker]]
) -> None:
    redis_url, workers = cluster
    import redis.asyncio as aioredis

    async with round_robin([w.port for w in workers]) as port:
        url = f"http://127.0.0.1:{port}/"
        await open_app(page, url)
        await page.get_by_role("button", name="+1").click()
        await expect(page.locator("#rr-main h2")).to_have_text("n = 1")
        session = await page.evaluate("window.__rr.session")
        paused = owner(workers)
        paused.signal(signal.SIGSTOP)
        await asyncio.sleep(2.0)  # its heartbeat runs out
        # another page load takes the session over on the other worker
        async with connect(f"ws://127.0.0.1:{port}/_rr/ws", origin=url.rstrip("/")) as ws:
            await ws.send(json.dumps({"t": "hello", "v": 1, "session": session, "seq": 0,
                                      "tab": "after-the-pause"}))
            ops: list[dict[str, object]] = []
            deadline = time.monotonic() + 10
            while not any(o.get("op") == "el" and "n = 1" in json.dumps(o) for o in ops):
                assert time.monotonic() < deadline, ops
                ops += json.loads(await asyncio.wait_for(ws.recv(), 10))["ops"]
            button = next(o["e"]["id"] for o in ops  # type: ignore[index]
                          if o.get("op") == "el" and o["e"]["k"] == "button")  # type: ignore[index]
            await ws.send(json.dumps({"t": "click", "id": button, "n": 1000}))
            deadline = time.monotonic() + 10
            while not any(o.get("op") == "el" and "n = 2" in json.dumps(o) for o in ops):
                assert time.monotonic() < deadline, ops
                ops += json.loads(await asyncio.wait_for(ws.recv(), 10))["ops"]
            paused.signal(signal.SIGCONT)  # it wakes up, still holding the page's socket
            await page.get_by_role("button", name="+1").click()  # a run there, then a stale save
            await asyncio.sleep(1.5)
        client = aioredis.from_url(redis_url)
        try:
            record = await client.hgetall(f"rr:session:{session}")
        finally:
            await client.aclose()
        assert record, "the moved session's record was deleted"
        from reactive_rerun import durable

        assert durable.load(record[b"data"]).state["n"] == 2  # not overwritten by the paused one


async def test_a_gracefully_stopped_workers_session_resumes_on_another(
    page: Page, cluster: tuple[str, list[Worker]]
) -> None:
    """A rolling restart: the worker gets SIGTERM (saves its sessions and closes its sockets);
    the page is not told to drop its session, so it comes back on the other worker as it was."""
    _, workers = cluster
    async with round_robin([w.port for w in workers]) as port:
        await open_app(page, f"http://127.0.0.1:{port}/")
        heading = page.locator("#rr-main h2")
        await page.get_by_role("button", name="+1").click()
        await expect(heading).to_have_text("n = 1")
        session = await page.evaluate("window.__rr.session")
        first = owner(workers)
        await page.evaluate("window.__socketBefore = window.__rr.ws")
        first.stop()  # SIGTERM: uvicorn's graceful shutdown, the App's close_all
        await page.wait_for_function(
            "() => window.__rr.ws && window.__rr.ws !== window.__socketBefore"
            " && window.__rr.state === 'connected' && window.__rr.runs.size === 0",
            timeout=10_000,
        )
        assert await page.evaluate("window.__rr.session") == session  # the same session
        await expect(heading).to_have_text("n = 1")
        await page.get_by_role("button", name="+1").click()
        await expect(heading).to_have_text("n = 2")
