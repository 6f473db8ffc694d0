"""Shared fixtures of the real-browser tests: one headless Chromium, real uvicorn servers.

Every test here drives Debian's Chromium through Playwright's async API (on anyio's pytest
plugin, asyncio backend) against apps served by uvicorn on 127.0.0.1 from a background thread.

The browser is launched once for the whole browser package (``scope="package"``): a session-wide
async fixture would keep one event loop alive for every other async test of the run, so the
browser tests share their loop only among themselves.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from .helpers import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, PageLog, Server

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="package")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="package")
async def browser(anyio_backend: str) -> AsyncIterator[Browser]:
    async with async_playwright() as p:
        b = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            await b.close()


@pytest.fixture
def serve() -> Iterator[Callable[..., str]]:
    """``serve(app)`` starts a server for ``app`` and returns its base URL (with a final ``/``).

    Servers are stopped when the test ends (after its page is closed, see ``page``).
    """
    servers: list[Server] = []

    def start(app: Any, *, lifespan: str = "on") -> str:
        server = Server(app, lifespan=lifespan)
        server.start()
        servers.append(server)
        return server.url + "/"

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
async def page(browser: Browser, serve: Callable[..., str]) -> AsyncIterator[Page]:
    """A fresh page in its own browser context (own sessionStorage: a new session)."""
    context = await browser.new_context(viewport={"width": 1000, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    pg = await context.new_page()
    try:
        yield pg
    finally:
        await context.close()


@pytest.fixture
def page_errors(page: Page) -> list[str]:
    """Console errors and uncaught exceptions of ``page``, collected from its start."""
    return PageLog(page).errors
