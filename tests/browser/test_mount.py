"""An ``App`` mounted under a prefix serves its page, assets and websocket under that prefix."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect
from starlette.applications import Starlette
from starlette.routing import Mount

import reactive_rerun as rr

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


def counter(name: str) -> rr.App:
    async def main() -> None:
        rr.title(name)
        if rr.button("Add one"):
            rr.session_state.n = rr.session_state.get("n", 0) + 1
        rr.header(f"Count: {rr.session_state.get('n', 0)}")

    return rr.App(main)


async def check_app_at(page: Page, url: str, name: str) -> None:
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    responses: list[tuple[int, str]] = []
    page.on("response", lambda r: responses.append((r.status, r.url)))
    await open_app(page, url)
    await expect(page.locator("#rr-main h1")).to_have_text(name)
    await expect(page.locator("#rr-main h2")).to_have_text("Count: 0")
    await page.get_by_role("button", name="Add one").click()
    await expect(page.locator("#rr-main h2")).to_have_text("Count: 1")
    await settled(page)
    assert sockets == [url.replace("http://", "ws://") + "_rr/ws"], sockets
    assert all(status < 400 for status, _ in responses), responses
    static = [u for _, u in responses if "/_rr/static/" in u]
    assert static and all(u.startswith(url + "_rr/static/") for u in static), static


async def test_starlette_mount_serves_page_and_socket_under_prefix(
    page: Page, serve: Callable[..., str]
) -> None:
    service = Starlette(routes=[Mount("/dash", app=counter("Dashboard"))])
    base = serve(service)
    await check_app_at(page, base + "dash/", "Dashboard")


async def test_fastapi_two_apps_at_two_prefixes(page: Page, serve: Callable[..., str]) -> None:
    api = FastAPI()
    api.mount("/one", counter("First app"))
    api.mount("/two", counter("Second app"))
    base = serve(api)
    await check_app_at(page, base + "one/", "First app")
    other = await page.context.new_page()
    await check_app_at(other, base + "two/", "Second app")
    # The two apps keep separate sessions: the first page still counts on its own.
    await page.get_by_role("button", name="Add one").click()
    await expect(page.locator("#rr-main h2")).to_have_text("Count: 2")
    await expect(other.locator("#rr-main h2")).to_have_text("Count: 1")


async def test_each_mounted_app_keeps_its_session_when_a_tab_moves_between_them(
    page: Page, serve: Callable[..., str]
) -> None:
    api = FastAPI()
    api.mount("/one", counter("First app"))
    api.mount("/two", counter("Second app"))
    base = serve(api)
    count = page.locator("#rr-main h2")
    await open_app(page, base + "one/")
    await page.get_by_role("button", name="Add one").click()
    await expect(count).to_have_text("Count: 1")
    await settled(page)

    await open_app(page, base + "two/")  # same tab, the other app
    await expect(page.locator("#rr-main h1")).to_have_text("Second app")
    await page.get_by_role("button", name="Add one").click()
    await page.get_by_role("button", name="Add one").click()
    await expect(count).to_have_text("Count: 2")
    await settled(page)

    await page.go_back()  # like a reload, the first app resumes this tab's session
    await settled(page)
    await expect(page.locator("#rr-main h1")).to_have_text("First app")
    await expect(count).to_have_text("Count: 1")
