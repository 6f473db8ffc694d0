"""A multipage app in a real browser: links, back and forward, and a page's own URL."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr
from reactive_rerun.script import ScriptFile

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]


def app_folder(tmp_path: Path) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "Home.py").write_text(textwrap.dedent("""
        import reactive_rerun as st
        st.session_state.visits = st.session_state.get("visits", 0) + 1
        st.header(f"Home, visit {st.session_state.visits}")
    """))
    (tmp_path / "pages" / "1_Reports.py").write_text(textwrap.dedent("""
        import reactive_rerun as st
        st.header("Reports")
        st.page_link("Home.py", label="Go home")
    """))
    return tmp_path / "Home.py"


async def test_links_back_forward_and_direct_urls_keep_one_session(
    page: Page, serve: Callable[..., str], tmp_path: Path
) -> None:
    url = serve(rr.App(ScriptFile(app_folder(tmp_path))))
    await open_app(page, url)
    heading = page.locator("#rr-main h2")
    await expect(heading).to_have_text("Home, visit 1")
    session = await page.evaluate("window.__rr.session")
    await page.locator("#rr-side").get_by_role("link", name="Reports").click()
    await expect(heading).to_have_text("Reports")
    await expect(page).to_have_url(url + "Reports")
    await page.go_back()
    await expect(heading).to_have_text("Home, visit 2")
    await expect(page).to_have_url(url)
    await page.go_forward()
    await expect(heading).to_have_text("Reports")
    await page.get_by_role("link", name="Go home").click()
    await expect(heading).to_have_text("Home, visit 3")
    assert await page.evaluate("window.__rr.session") == session  # one session throughout
    await page.goto(url + "Reports")  # a page's own URL loads that page
    await settled(page)
    await expect(heading).to_have_text("Reports")
    current = page.locator("#rr-side a[aria-current=page]")
    await expect(current).to_have_text("Reports")
