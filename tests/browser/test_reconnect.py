"""A tab whose TCP connection is cut reconnects and resumes its session; no click is lost."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


class CuttableProxy:
    """A TCP proxy 127.0.0.1:<ephemeral> -> the server, that can cut every live connection.

    While ``blocked``, new connections are accepted and reset at once (the server looks down).
    ``cut(server_side=False)`` resets only the browser's side and leaves the server's side open
    and silent, as a dropped network path does: the server is not told.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.blocked = False
        self.connections = 0
        self._writers: set[asyncio.StreamWriter] = set()
        self._upstream: set[asyncio.StreamWriter] = set()
        self._silent: set[asyncio.StreamWriter] = set()  # server sides left hanging
        self._tasks: set[asyncio.Task[None]] = set()
        self._server: asyncio.Server | None = None
        self.port = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        assert self._server is not None
        self._server.close()
        self.cut()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    def cut(self, *, server_side: bool = True) -> None:
        """Reset every live connection (only the browser's side unless ``server_side``)."""
        if not server_side:
            self._silent |= self._upstream
        for writer in list(self._writers):
            if server_side or writer not in self._upstream:
                writer.transport.abort()
        if server_side:
            for writer in self._silent:
                writer.transport.abort()
            self._silent.clear()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.blocked:
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        self.connections += 1
        self._writers |= {writer, up_writer}
        self._upstream.add(up_writer)
        pumps = [
            asyncio.create_task(self._pump(reader, up_writer)),
            asyncio.create_task(self._pump(up_reader, writer)),
        ]
        self._tasks.update(pumps)
        for task in pumps:
            task.add_done_callback(self._tasks.discard)
        await asyncio.wait(pumps, return_when=asyncio.FIRST_COMPLETED)
        for w in (writer, up_writer):
            if w not in self._silent:
                w.transport.abort()
            self._writers.discard(w)
            self._upstream.discard(w)

    @staticmethod
    async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()


async def main() -> None:
    if rr.button("Increment"):
        rr.session_state.n = rr.session_state.get("n", 0) + 1
    rr.header(f"Count: {rr.session_state.get('n', 0)}")


@pytest.fixture
async def proxied(serve: Callable[..., str]) -> AsyncIterator[tuple[CuttableProxy, rr.App]]:
    app = rr.App(main)
    port = int(serve(app).rstrip("/").rsplit(":", 1)[1])
    proxy = CuttableProxy(port)
    await proxy.start()
    yield proxy, app
    await proxy.close()


# Records every connection state the page goes through (body[data-rr-state]).
RECORD_STATES = """() => {
  window.__states = [document.body.dataset.rrState];
  new MutationObserver(() => {
    const s = document.body.dataset.rrState;
    if (s !== window.__states.at(-1)) window.__states.push(s);
  }).observe(document.body, {attributes: true, attributeFilter: ['data-rr-state']});
}"""


async def click_and_see(page: Page, count: int) -> None:
    await page.get_by_role("button", name="Increment").click()
    await expect(page.locator("#rr-main h2")).to_have_text(f"Count: {count}")


def server_count(app: rr.App) -> int:
    """The count held by the server (the app's one live session)."""
    sessions = list(app.sessions.live.values())
    assert len(sessions) == 1, f"{len(sessions)} sessions: the tab did not resume its session"
    return int(sessions[0].data.state["n"])


async def test_cut_connection_reconnects_and_keeps_state_and_clicks(
    page: Page, proxied: tuple[CuttableProxy, rr.App]
) -> None:
    proxy, app = proxied
    body = page.locator("body")
    await open_app(page, f"http://127.0.0.1:{proxy.port}/")
    session = await page.evaluate("window.__rr.session")
    for n in (1, 2, 3):
        await click_and_see(page, n)
    await settled(page)
    await page.evaluate(RECORD_STATES)

    proxy.blocked = True
    proxy.cut()
    await expect(body).to_have_attribute("data-rr-state", "reconnecting")
    await expect(page.locator("#rr-status-text")).to_have_text("Reconnecting…")
    proxy.blocked = False
    await expect(body).to_have_attribute("data-rr-state", "connected")

    assert await page.evaluate("window.__states") == ["connected", "reconnecting", "connected"]
    assert await page.evaluate("window.__rr.session") == session, "a new session was started"
    await expect(page.locator("#rr-main h2")).to_have_text("Count: 3")

    # A click right after the reconnect counts, exactly once.
    await click_and_see(page, 4)
    await settled(page)
    await expect(page.locator("#rr-main h2")).to_have_text("Count: 4")
    assert server_count(app) == 4


async def test_click_made_while_disconnected_is_delivered_once(
    page: Page, proxied: tuple[CuttableProxy, rr.App]
) -> None:
    proxy, app = proxied
    body = page.locator("body")
    await open_app(page, f"http://127.0.0.1:{proxy.port}/")
    await click_and_see(page, 1)
    await settled(page)

    proxy.blocked = True
    proxy.cut()
    await expect(body).to_have_attribute("data-rr-state", "reconnecting")
    await page.get_by_role("button", name="Increment").click()  # queued by the client
    proxy.blocked = False

    await expect(page.locator("#rr-main h2")).to_have_text("Count: 2")
    await settled(page)
    await expect(page.locator("#rr-main h2")).to_have_text("Count: 2")
    assert server_count(app) == 2


async def test_reconnect_resumes_even_if_the_server_missed_the_drop(
    page: Page, proxied: tuple[CuttableProxy, rr.App]
) -> None:
    proxy, app = proxied
    await open_app(page, f"http://127.0.0.1:{proxy.port}/")
    session = await page.evaluate("window.__rr.session")
    await click_and_see(page, 1)
    await settled(page)

    await page.evaluate(RECORD_STATES)
    proxy.cut(server_side=False)  # the browser sees the drop; the server does not
    await page.wait_for_function(
        "window.__states.includes('reconnecting') && window.__rr.state === 'connected'"
    )

    assert await page.evaluate("window.__rr.session") == session, "a new session was started"
    await expect(page.locator("#rr-main h2")).to_have_text("Count: 1")
    await click_and_see(page, 2)
    await settled(page)
    assert server_count(app) == 2


async def test_offline_for_a_second_shows_a_banner_and_pauses_the_page_then_resumes(
    page: Page, proxied: tuple[CuttableProxy, rr.App]
) -> None:
    proxy, app = proxied
    await open_app(page, f"http://127.0.0.1:{proxy.port}/")
    await click_and_see(page, 1)
    await settled(page)
    banner = page.locator("#rr-offline")

    proxy.blocked = True
    proxy.cut()
    await expect(banner).to_be_visible()  # after a second without the server
    await expect(banner).to_contain_text("Connection lost")
    assert await page.evaluate("document.getElementById('rr-page').inert")
    proxy.blocked = False

    await expect(banner).to_be_hidden()
    assert not await page.evaluate("document.getElementById('rr-page').inert")
    await click_and_see(page, 2)  # the widgets work again, the session kept its state
    assert server_count(app) == 2


async def test_a_short_drop_shows_no_banner(
    page: Page, proxied: tuple[CuttableProxy, rr.App]
) -> None:
    proxy, _ = proxied
    await open_app(page, f"http://127.0.0.1:{proxy.port}/")
    await page.evaluate("""() => {
      window.__bannered = false;
      new MutationObserver(() => {
        if (document.body.classList.contains('rr-offline')) window.__bannered = true;
      }).observe(document.body, {attributes: true, attributeFilter: ['class']});
    }""")
    proxy.cut()  # the reconnect succeeds at once
    await expect(page.locator("body")).to_have_attribute("data-rr-state", "connected")
    await page.wait_for_timeout(1200)
    assert not await page.evaluate("window.__bannered")
