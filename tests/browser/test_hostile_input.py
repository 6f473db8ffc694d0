"""The browser as the victim: a hostile URL or another user's bad text must not take it over."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Browser, Page, expect
from starlette.applications import Starlette
from starlette.routing import Mount

import reactive_rerun as rr

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


async def test_a_backslash_mount_path_keeps_the_page_on_its_own_host(
    page: Page, serve: Callable[..., str]
) -> None:
    async def main() -> None:
        rr.header("tenant page")

    base = serve(Starlette(routes=[Mount("/{tenant}", app=rr.App(main))]))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    await open_app(page, base + "%5Cevil.example/")
    await expect(page.locator("#rr-main h2")).to_have_text("tenant page")
    origin = base.rstrip("/")
    assert await page.evaluate("document.baseURI") == base + "%5Cevil.example/"
    assert all(url.startswith(origin) for url in requests), requests


guestbook: list[str] = []


async def guestbook_app() -> None:
    entry = rr.text_input("Your name", key="entry")
    if rr.button("Sign") and entry:
        guestbook.append(entry)
    rr.text(" | ".join(guestbook) or "(empty)")


async def test_a_lone_surrogate_from_one_user_never_freezes_another_users_page(
    browser: Browser, serve: Callable[..., str]
) -> None:
    guestbook.clear()
    url = serve(rr.App(guestbook_app))
    attacker_context, victim_context = await browser.new_context(), await browser.new_context()
    try:
        attacker, victim = await attacker_context.new_page(), await victim_context.new_page()
        for pg in (attacker, victim):
            await open_app(pg, url)
            await expect(pg.locator(".rr-text")).to_have_text("(empty)")
        wid = await attacker.evaluate(
            "document.querySelector('[data-kind=text_input]').dataset.widgetId"
        )
        await attacker.evaluate(
            """(wid) => window.__rr.ws.send('{"t":"set","id":"' + wid + '","v":"x\\\\ud800y"}')""",
            wid,
        )
        await expect(attacker.locator(".rr-toast")).to_contain_text("lone surrogate")
        await victim.get_by_label("Your name").fill("Grace")
        await victim.get_by_label("Your name").press("Enter")
        await settled(victim)
        await victim.get_by_role("button", name="Sign").click()
        await expect(victim.locator(".rr-text")).to_have_text("Grace")
        await attacker.get_by_role("button", name="Sign").click()  # its page still works too
        await settled(attacker)
        await attacker.reload()
        await expect(attacker.locator(".rr-text")).to_have_text("Grace")
    finally:
        await attacker_context.close()
        await victim_context.close()


async def test_text_with_a_lone_surrogate_from_the_script_reaches_the_page(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    async def main() -> None:
        rr.text(b"caf\xe9 ok".decode("utf-8", "surrogateescape"))
        if rr.button("again"):
            rr.header("still answering")

    await open_app(page, serve(rr.App(main)))
    await expect(page.locator(".rr-text")).to_contain_text("ok")
    await page.get_by_role("button", name="again").click()
    await expect(page.locator("#rr-main h2")).to_have_text("still answering")
    assert page_errors == []
