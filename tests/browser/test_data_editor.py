"""SPEC §11 in Chromium: rr.data_editor edits cells by type, adds and deletes rows, and a value
the server refuses shows its reason in the cell and changes nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.browser, pytest.mark.anyio]


def app() -> rr.App:
    async def main() -> None:
        rows = rr.data_editor(
            [{"fruit": "apple", "qty": 3, "ripe": True, "size": "S"},
             {"fruit": "pear", "qty": 5, "ripe": False, "size": "M"}],
            key="ed", num_rows="dynamic", column_config={
                "qty": rr.column_config.NumberColumn("Qty", min_value=0, max_value=100),
                "size": rr.column_config.SelectboxColumn("Size", options=["S", "M", "L"]),
            })
        rr.text(f"result={[list(r.values()) for r in rows]}")
        rr.text(f"state={rr.session_state['ed']}")

    return rr.App(main)



async def test_edit_a_cell_and_add_a_row_then_the_script_reads_them(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(app()))
    grid = page.get_by_role("grid", name="Data editor")
    qty = grid.locator('[role=row][aria-rowindex="3"] [role=gridcell]').nth(2)  # select, fruit, qty
    await expect(qty).to_have_text("5")
    await qty.dblclick()
    editor = page.locator(".rr-de-input")
    await editor.fill("42")
    await editor.press("Enter")
    await expect(page.get_by_text("result=[['apple', 3, True, 'S'], ['pear', 42, False, 'M']]")) \
        .to_be_visible()
    await expect(page.get_by_text("state={'edited_rows': {1: {'qty': 42}}")).to_be_visible()
    # typing on the active cell opens its editor; Tab commits and moves right
    fruit = grid.locator('[role=row][aria-rowindex="2"] [role=gridcell]').nth(1)
    await fruit.click()
    await page.keyboard.type("kiwi")
    await page.keyboard.press("Tab")
    await expect(page.get_by_text("result=[['kiwi', 3, True, 'S'], ['pear', 42, False, 'M']]")) \
        .to_be_visible()
    # a check box toggles with a click; a select box offers its options
    await grid.locator('[role=row][aria-rowindex="2"] [role=gridcell]').nth(3) \
        .get_by_role("checkbox").click()
    size = grid.locator('[role=row][aria-rowindex="2"] [role=gridcell]').nth(4)
    await size.dblclick()
    await page.locator("select.rr-de-input").select_option("L")
    await expect(page.get_by_text("result=[['kiwi', 3, False, 'L'], ['pear', 42, False, 'M']]")) \
        .to_be_visible()
    # add a row, type into it; delete the first row
    await page.get_by_role("button", name="Add row").click()
    await expect(grid.locator('[role=row][aria-rowindex="4"]')).to_be_visible()
    await page.keyboard.type("plum")
    await page.keyboard.press("Enter")
    await expect(page.get_by_text("'pear', 42, False, 'M'], ['plum', None, None, None]]")) \
        .to_be_visible()
    await grid.get_by_role("checkbox", name="Select row 1").check()
    await page.get_by_role("button", name="Delete rows").click()
    after = "result=[['pear', 42, False, 'M'], ['plum', None, None, None]]"
    await expect(page.get_by_text(after)).to_be_visible()
    await expect(page.get_by_text("'deleted_rows': [0]")).to_be_visible()
    assert page_errors == []


async def test_a_bad_number_is_refused_with_a_message_in_the_cell(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(app()))
    grid = page.get_by_role("grid", name="Data editor")
    qty = grid.locator('[role=row][aria-rowindex="2"] [role=gridcell]').nth(2)
    for typed, reason in [("abc", "'abc' is not a number"),
                          ("500", "500 is above the maximum 100")]:
        await qty.dblclick()
        await page.locator(".rr-de-input").fill(typed)
        await page.keyboard.press("Enter")
        bad = grid.locator('[aria-invalid="true"]')
        await expect(bad).to_contain_text(reason)
        await expect(bad).to_contain_text("3")  # the cell's value is back
    await expect(page.get_by_text("result=[['apple', 3, True, 'S'], ['pear', 5, False, 'M']]")) \
        .to_be_visible()
    empty = "state={'edited_rows': {}, 'added_rows': [], 'deleted_rows': []}"
    await expect(page.get_by_text(empty)).to_be_visible()
    assert page_errors == []


async def test_a_date_is_picked_and_escape_cancels(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    import datetime as dt

    async def main() -> None:
        rows = rr.data_editor({"day": [dt.date(2024, 1, 2)], "note": ["a"]}, hide_index=True)
        rr.text(f"days={rows['day']} notes={rows['note']}")

    await open_app(page, serve(rr.App(main)))
    grid = page.get_by_role("grid", name="Data editor")
    day, note = grid.get_by_role("gridcell").nth(0), grid.get_by_role("gridcell").nth(1)
    await day.dblclick()
    picker = page.locator("input.rr-de-input[type=date]")
    await expect(picker).to_have_value("2024-01-02")
    await picker.fill("2025-03-04")
    await picker.press("Enter")
    await expect(page.get_by_text("days=[datetime.date(2025, 3, 4)] notes=['a']")).to_be_visible()
    await note.dblclick()
    await page.locator(".rr-de-input").fill("changed")
    await page.keyboard.press("Escape")
    await expect(page.locator(".rr-de-input")).to_have_count(0)
    await expect(note).to_have_text("a")
    await expect(page.get_by_text("days=[datetime.date(2025, 3, 4)] notes=['a']")).to_be_visible()
    assert page_errors == []


async def test_with_on_change_ignore_an_edit_waits_for_the_next_run(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    async def main() -> None:
        state = rr.session_state
        state.runs = state.get("runs", 0) + 1
        rows = rr.data_editor({"qty": [1, 2]}, hide_index=True, on_change="ignore")
        rr.text(f"run {state.runs}: qty={rows['qty']}")
        rr.button("Refresh")

    await open_app(page, serve(rr.App(main)))
    grid = page.get_by_role("grid", name="Data editor")
    cell = grid.get_by_role("gridcell").nth(0)
    await cell.dblclick()
    await page.locator(".rr-de-input").fill("7")
    await page.keyboard.press("Enter")
    await expect(cell).to_have_text("7")  # the grid shows the edit
    await page.wait_for_timeout(400)
    await expect(page.get_by_text("run 1: qty=[1, 2]")).to_be_visible()  # no rerun
    await page.get_by_role("button", name="Refresh").click()
    await expect(page.get_by_text("run 2: qty=[7, 2]")).to_be_visible()
    assert page_errors == []
