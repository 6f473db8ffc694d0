"""The look in a real browser: the theme menu (and that the choice survives a reload), an app's
own primary colour, highlighted code that stays text and copies, the JSON tree, and the phone
sidebar without bleed and above the page chrome."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from playwright.async_api import Browser, Page, Route, expect

import reactive_rerun as rr

from .helpers import TIMEOUT_MS, open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

IMG = '<img src=x onerror="window.__pwned=1">'
CODE = f"def f(x):\n    # {IMG}\n    return '{IMG}' + str(x)\n\nprint(f(1))"


async def main() -> None:
    with rr.sidebar:
        rr.header("Side")
    rr.button("Go", type="primary")
    rr.code(CODE, line_numbers=True)
    rr.json({"name": "Ada", "tags": ["a", "b"], "deep": {"deeper": {"x": 1}}}, expanded=1)
    rr.json({"ratio": float("nan"), "empty": []})


def bg(page: Page) -> object:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


async def test_the_menu_switches_the_theme_and_a_reload_keeps_it(
    page: Page, serve: Callable[..., str]
) -> None:
    url = serve(rr.App(main))
    await open_app(page, url)
    assert await bg(page) == "rgb(255, 255, 255)"  # the system's look (light here)
    await page.get_by_role("button", name="Main menu").click()
    menu = page.get_by_role("menu", name="Main menu")
    await expect(menu.get_by_role("menuitemradio", name="System")).to_have_attribute(
        "aria-checked", "true")
    await menu.get_by_role("menuitemradio", name="Dark").click()
    await expect(menu).to_be_hidden()
    assert await bg(page) == "rgb(15, 17, 23)"
    # before the first paint: dark already while the client's script has not even arrived
    async def late(route: Route) -> None:
        await asyncio.sleep(1.5)
        await route.continue_()

    await page.route("**/client.js", late)
    await page.goto(url, wait_until="commit")
    await page.wait_for_selector("#rr-page", state="attached")
    assert await page.evaluate("window.__rr === undefined")
    assert await bg(page) == "rgb(15, 17, 23)"
    await page.unroute("**/client.js")
    await page.reload()
    await open_app(page, url)
    assert await bg(page) == "rgb(15, 17, 23)"
    # by keyboard: open with ArrowDown, move to Light, choose with Enter; focus returns
    await page.get_by_role("button", name="Main menu").focus()
    await page.keyboard.press("ArrowDown")
    await expect(menu.get_by_role("menuitem", name="Rerun")).to_be_focused()
    for _ in range(2):
        await page.keyboard.press("ArrowDown")
    await expect(menu.get_by_role("menuitemradio", name="Light")).to_be_focused()
    await page.keyboard.press("Enter")
    assert await bg(page) == "rgb(255, 255, 255)"
    await expect(page.get_by_role("button", name="Main menu")).to_be_focused()


async def test_the_menus_rerun_reruns(page: Page, serve: Callable[..., str]) -> None:
    runs: list[int] = []

    async def counted() -> None:
        runs.append(1)
        rr.text(f"run {len(runs)}")

    await open_app(page, serve(rr.App(counted)))
    await expect(page.get_by_text("run 1")).to_be_visible()
    await page.get_by_role("button", name="Main menu").click()
    await page.get_by_role("menuitem", name="Rerun").click()
    await expect(page.get_by_text("run 2")).to_be_visible()


async def test_an_apps_primary_colour_shows_on_a_primary_button(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main, theme={"primaryColor": "#0a7d5a", "font": "serif"})))
    button = page.get_by_role("button", name="Go")
    await expect(button).to_have_css("background-color", "rgb(10, 125, 90)")
    await expect(button).to_have_css("color", "rgb(255, 255, 255)")  # white reads best on it
    assert "Georgia" in await page.evaluate("getComputedStyle(document.body).fontFamily")


async def test_the_page_font_is_the_bundled_one(page: Page, serve: Callable[..., str]) -> None:
    await open_app(page, serve(rr.App(main)))
    await page.evaluate("document.fonts.ready")
    assert await page.evaluate("document.fonts.check('16px \"Source Sans 3\"')")
    loaded = await page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert '"Source Sans 3"' in loaded or "Source Sans 3" in loaded


async def test_code_is_highlighted_numbered_stays_text_and_copies(
    browser: Browser, serve: Callable[..., str]
) -> None:
    url = serve(rr.App(main))
    context = await browser.new_context(viewport={"width": 1000, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    await context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    try:
        page = await context.new_page()
        await open_app(page, url)
        block = page.locator("[data-kind=code]")
        await expect(block).to_have_attribute("data-highlighted", "python")
        assert await block.locator(".hljs-keyword").count() >= 2  # def, return
        assert await block.locator(".hljs-comment").count() == 1
        assert await block.locator(".rr-line").count() == 5  # one box per line: numbered
        assert await block.locator("code").text_content() == CODE  # exactly the text
        assert await page.locator("img").count() == 0
        assert await page.evaluate("window.__pwned") is None
        number = await page.evaluate(
            "getComputedStyle(document.querySelector('.rr-code .rr-line'), '::before').content")
        assert number == "counter(rr-ln)" or number.strip('"') == "1"
        await block.hover()
        await block.get_by_role("button", name="Copy code").click()
        await expect(block.get_by_role("button", name="Copy code")).to_have_text("Copied")
        assert await page.evaluate("navigator.clipboard.readText()") == CODE
    finally:
        await context.close()


async def test_highlighting_loads_only_with_code(page: Page, serve: Callable[..., str]) -> None:
    async def no_code() -> None:
        rr.text("plain")

    await open_app(page, serve(rr.App(no_code)))
    scripts = await page.evaluate("[...document.scripts].map(s => s.src).join(' ')")
    assert "highlight" not in scripts


async def test_the_json_tree_opens_and_closes_by_mouse_and_keyboard(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    tree = page.locator("[data-kind=json]").first
    root, tags, deep = (tree.locator(".rr-jt").nth(i) for i in range(3))
    await expect(root).to_have_accessible_name("JSON (3 keys)")
    await expect(root).to_have_attribute("aria-expanded", "true")  # expanded=1: the top level
    await expect(tags).to_have_attribute("aria-expanded", "false")
    await expect(tree).to_contain_text('"name": "Ada"')
    await expect(tree).to_contain_text("2 items")
    await tags.click()
    await expect(tags).to_have_attribute("aria-expanded", "true")
    await expect(tree).to_contain_text('0: "a"')
    await deep.focus()
    await page.keyboard.press("Enter")
    await expect(deep).to_have_attribute("aria-expanded", "true")
    await expect(tree.get_by_role("button", name="deeper (1 key)")).to_be_visible()
    await root.click()
    await expect(root).to_have_attribute("aria-expanded", "false")
    await expect(tree).to_contain_text("3 keys")
    await expect(tree.get_by_text('"name"')).to_be_hidden()
    other = page.locator("[data-kind=json]").nth(1)  # Python's bare NaN: still a tree
    await expect(other.locator(".rr-jnumber")).to_have_text("NaN")
    await expect(other).to_contain_text('"empty": []')


async def test_phone_sidebar_does_not_bleed_and_its_backdrop_covers_the_chrome(
    browser: Browser, serve: Callable[..., str]
) -> None:
    url = serve(rr.App(main))
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = await context.new_page()
        await open_app(page, url)
        side = page.locator("#rr-sidebar")
        await expect(side).to_be_hidden()  # slid away and hidden: no shadow, no focus inside
        right = await side.evaluate("n => n.getBoundingClientRect().right")
        assert right <= 0
        assert await side.evaluate("n => getComputedStyle(n).boxShadow") == "none"
        await page.get_by_role("button", name="Toggle sidebar").click()
        await expect(side).to_be_visible()
        await page.wait_for_timeout(300)  # the slide
        on_top = await page.evaluate("""() => {
            const r = document.getElementById('rr-status').getBoundingClientRect();
            return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2).id; }""")
        assert on_top == "rr-backdrop"
    finally:
        await context.close()
