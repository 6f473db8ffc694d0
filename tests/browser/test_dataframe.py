"""SPEC §11 in Chromium: a million-row dataframe shows at once, scrolls to its last row with only
the rows in view in the DOM, sorts on the server, and hands a row selection to the script."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.browser, pytest.mark.anyio]

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
ROWS = 1_000_000
BIG = pd.DataFrame({f"c{i}": np.arange(ROWS, dtype=np.int64) * (i + 1) for i in range(8)})


def big_app() -> rr.App:
    async def main() -> None:
        rr.dataframe(BIG, key="big")

    return rr.App(main)


async def test_a_million_rows_show_at_once_and_scroll_to_the_last(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(big_app()))
    grid = page.get_by_role("grid")
    await expect(grid).to_have_attribute("aria-rowcount", str(ROWS + 1))
    await expect(grid.get_by_role("rowheader", name="0", exact=True)).to_be_visible()
    assert await grid.get_by_role("row").count() < 30  # only the rows in view are in the DOM
    await page.locator(".rr-df-scroll").evaluate("s => { s.scrollTop = s.scrollHeight; }")
    last = grid.get_by_role("rowheader", name=f"{ROWS - 1}", exact=True)
    await expect(last).to_be_visible()
    row = grid.locator(f'[role=row][aria-rowindex="{ROWS + 1}"]')
    await expect(row.get_by_role("gridcell").nth(7)).to_have_text(str((ROWS - 1) * 8))
    assert await grid.get_by_role("row").count() < 30
    assert page_errors == []


async def test_a_header_click_sorts_on_the_server(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(big_app()))
    grid = page.get_by_role("grid")
    header = grid.get_by_role("columnheader", name="c3")
    await expect(header).to_have_attribute("aria-sort", "none")
    await header.get_by_role("button").click()
    await expect(header).to_have_attribute("aria-sort", "ascending")
    await header.get_by_role("button").click()
    await expect(header).to_have_attribute("aria-sort", "descending")
    first = grid.locator('[role=row][aria-rowindex="2"]')
    await expect(first.get_by_role("rowheader")).to_have_text(str(ROWS - 1))
    await expect(first.get_by_role("gridcell").nth(3)).to_have_text(str((ROWS - 1) * 4))
    assert page_errors == []


async def test_selected_rows_reach_the_script(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    async def main() -> None:
        event = rr.dataframe({"city": ["Oslo", "Lima", "Pune"]}, on_select="rerun")
        rr.text(f"rows={event.selection.rows}")

    await open_app(page, serve(rr.App(main)))
    grid = page.get_by_role("grid")
    await grid.get_by_role("checkbox", name="Select row 3").check()
    await expect(page.get_by_text("rows=[2]")).to_be_visible()
    await grid.get_by_role("checkbox", name="Select row 1").check()
    await expect(page.get_by_text("rows=[2, 0]")).to_be_visible()
    await expect(grid.locator('[role=row][aria-selected="true"]')).to_have_count(2)
    await grid.get_by_role("columnheader", name="city").get_by_role("button").click()
    await expect(grid.locator('[role=row][aria-rowindex="2"]').get_by_role("gridcell").nth(1)) \
        .to_have_text("Lima")
    assert page_errors == []
