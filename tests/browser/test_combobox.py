"""The controls a user expects, in a real browser: the searchable combobox (selectbox and
multiselect: filter, keyboard, chips, max_selections, new options), sliders moved by a click on
the track and by keys, and number_input's step buttons; each time the script sees the value."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Locator, Page, expect

import reactive_rerun as rr

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

FRUIT = ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape"]


async def main() -> None:
    rr.write(f"fruit={rr.selectbox('Fruit', FRUIT, index=None, help='Pick one')}")
    rr.write(f"tags={rr.multiselect('Toppings', ['ham', 'egg', 'kale', 'corn'], max_selections=3)}")
    rr.write(f"cats={rr.multiselect('Cats', ['Tom', 'Felix'], accept_new_options=True)}")
    rr.write(f"pet={rr.selectbox('Pet', ['dog'], accept_new_options=True)}")
    rr.write(f"level={rr.slider('Level', 0, 100, 10, format='%d%%')}")
    rr.write(f"band={rr.slider('Band', 0, 100, (20, 40))}")
    rr.write(f"size={rr.select_slider('Size', ['XS', 'S', 'M', 'L', 'XL'], value='S')}")
    rr.write(f"qty={rr.number_input('Qty', 0, 3, 2)}")
    rr.write(f"price={rr.number_input('Price', 0.0, 5.0, 1.0, step=0.25, format='$%.2f')}")


async def sees(page: Page, text: str) -> None:
    """The script wrote ``text`` (``name=value``) in its run: it saw the value."""
    line = page.locator("[data-kind=markdown]").filter(has_text=text.split("=")[0] + "=")
    await expect(line).to_have_text(text)


async def test_the_combobox_filters_as_the_user_types_and_is_driven_by_keys(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    box = page.get_by_role("combobox", name="Fruit")
    await expect(box).to_have_attribute("aria-expanded", "false")
    await expect(box).to_have_attribute("placeholder", "Choose an option")
    await box.focus()
    await page.keyboard.press("ArrowDown")
    await expect(box).to_have_attribute("aria-expanded", "true")
    listbox = page.get_by_role("listbox")
    await expect(listbox.get_by_role("option")).to_have_count(len(FRUIT))
    await page.keyboard.press("End")
    last = await listbox.get_by_role("option").last.get_attribute("id")
    await expect(box).to_have_attribute("aria-activedescendant", str(last))
    await page.keyboard.press("Escape")  # closes, chooses nothing
    await expect(box).to_have_attribute("aria-expanded", "false")
    await expect(listbox).to_be_hidden()
    await box.type("er")
    await expect(listbox.get_by_role("option")).to_have_text(["cherry", "elderberry"])
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("Enter")
    await sees(page, "fruit=elderberry")
    await expect(box).to_have_value("elderberry")
    await box.click()
    await expect(listbox.get_by_role("option", name="elderberry")).to_have_attribute(
        "aria-selected", "true")
    await page.keyboard.type("gr")  # replaces the shown text
    await page.keyboard.press("Enter")  # the first match when none is active
    await sees(page, "fruit=grape")
    await box.click()
    await page.keyboard.type("zzz")
    await expect(page.locator("[data-kind=selectbox]").first.get_by_role("status")).to_have_text(
        "No results")
    await page.keyboard.press("Tab")
    await expect(box).to_have_value("grape")


async def test_multiselect_chips_are_added_and_removed_and_max_selections_holds(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    box = page.get_by_role("combobox", name="Toppings")
    field = page.locator("[data-kind=multiselect]").first
    await box.click()
    await page.get_by_role("option", name="kale").click()
    await sees(page, "tags=['kale']")
    await page.keyboard.type("h")
    await page.keyboard.press("Enter")
    await sees(page, "tags=['kale', 'ham']")
    await expect(field.locator(".rr-chip")).to_have_text(["kale×", "ham×"])
    await page.keyboard.press("Backspace")  # the last chip
    await sees(page, "tags=['kale']")
    await page.get_by_role("option", name="Select all").click()  # only up to max_selections
    await sees(page, "tags=['kale', 'ham', 'egg']")
    await expect(field.get_by_role("status")).to_contain_text("You can only select up to 3")
    await field.get_by_role("button", name="Remove ham").click()
    await sees(page, "tags=['kale', 'egg']")
    await expect(box).to_be_focused()
    await page.keyboard.press("Escape")
    await field.get_by_role("button", name="Clear all").click()
    await sees(page, "tags=[]")
    await expect(field.locator(".rr-chip")).to_have_count(0)


async def test_new_options_are_typed_in_and_reach_the_script(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    cats = page.get_by_role("combobox", name="Cats")
    await cats.click()
    await page.keyboard.type("Garfield")
    await expect(page.get_by_role("option", name="Add: Garfield")).to_be_visible()
    await page.keyboard.press("Enter")
    await sees(page, "cats=['Garfield']")
    await page.keyboard.type("felix")  # an option in another case is the option
    await page.keyboard.press("Enter")
    await sees(page, "cats=['Garfield', 'Felix']")
    pet = page.get_by_role("combobox", name="Pet")
    await pet.click()
    await page.keyboard.type("Parrot")
    await page.keyboard.press("Enter")
    await sees(page, "pet=Parrot")
    await expect(pet).to_have_value("Parrot")


async def at(rail: Locator, fraction: float) -> None:
    """Click the track ``fraction`` of the way along, as a user would (scrolled into view)."""
    await rail.scroll_into_view_if_needed()
    box = await rail.bounding_box()
    assert box is not None
    x = min(max(box["width"] * fraction, 1), box["width"] - 1)
    await rail.page.mouse.click(box["x"] + x, box["y"] + box["height"] / 2)


async def test_a_click_on_the_track_moves_the_thumb_there(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    level = page.get_by_role("slider", name="Level")
    await expect(level).to_have_attribute("aria-valuetext", "10%")
    await at(page.locator("[data-kind=slider] .rr-rail").first, 0.75)
    await sees(page, "level=75")
    await expect(level).to_have_attribute("aria-valuenow", "75")
    await expect(level).to_contain_text("75%")  # the value is shown by the thumb
    await expect(level).to_be_focused()
    await page.keyboard.press("Home")
    await sees(page, "level=0")
    await page.keyboard.press("PageUp")
    await sees(page, "level=10")
    await page.keyboard.press("ArrowRight")
    await sees(page, "level=11")
    await page.keyboard.press("End")
    await sees(page, "level=100")

    band = page.locator("[data-kind=slider] .rr-rail").nth(1)
    await at(band, 0.9)
    await sees(page, "band=(20, 90)")  # the nearer thumb moves
    await at(band, 0.0)
    await sees(page, "band=(0, 90)")
    upper = page.get_by_role("slider", name="Band upper value")
    await upper.focus()
    await page.keyboard.press("ArrowLeft")
    await sees(page, "band=(0, 89)")

    await at(page.locator("[data-kind=select_slider] .rr-rail"), 1.0)
    await sees(page, "size=XL")
    await expect(page.get_by_role("slider", name="Size")).to_have_attribute("aria-valuetext", "XL")


async def test_number_input_steps_with_buttons_disabled_at_the_bounds(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    qty = page.locator("[data-kind=number_input]").first
    plus = qty.get_by_role("button", name="Increase")
    minus = qty.get_by_role("button", name="Decrease")
    await plus.click()
    await sees(page, "qty=3")
    await expect(plus).to_be_disabled()
    await expect(minus).to_be_enabled()
    for _ in range(3):
        await minus.click()
    await sees(page, "qty=0")
    await expect(minus).to_be_disabled()
    price = page.get_by_role("textbox", name="Price")
    await expect(price).to_have_value("$1.00")
    price_box = page.locator("[data-kind=number_input]").nth(1)
    await price_box.get_by_role("button", name="Increase").click()
    await sees(page, "price=1.25")
    await expect(price).to_have_value("$1.25")
    await price.fill("2.5")
    await price.press("Tab")
    await sees(page, "price=2.5")
    await expect(price).to_have_value("$2.50")
    await settled(page)


async def test_a_long_list_draws_a_page_of_rows_and_filters_the_whole_list(
    page: Page, serve: Callable[..., str]
) -> None:
    async def long_list() -> None:
        rr.write(f"pick={rr.selectbox('Item', [f'item {i}' for i in range(5000)])}")

    await open_app(page, serve(rr.App(long_list)))
    box = page.get_by_role("combobox", name="Item")
    await box.click()
    await expect(page.get_by_role("option")).to_have_count(200)
    await expect(page.locator("[data-kind=selectbox]").get_by_role("status")).to_have_text(
        "Showing 200 of 5000: type to narrow the list")
    await page.keyboard.type("4999")
    await expect(page.get_by_role("option")).to_have_text(["item 4999"])
    await page.keyboard.press("Enter")
    await sees(page, "pick=item 4999")


async def test_in_a_form_the_controls_send_their_values_with_the_submit(
    page: Page, serve: Callable[..., str]
) -> None:
    async def order() -> None:
        with rr.form("order", clear_on_submit=True):
            fruit = rr.selectbox("Fruit", FRUIT)
            tags = rr.multiselect("Toppings", ["ham", "egg"])
            level = rr.slider("Level", 0, 10, 5)
            qty = rr.number_input("Qty", 0, 9, 1)
            sent = rr.form_submit_button("Order")
        rr.write(f"order={sent} {fruit} {tags} {level} {qty}")

    await open_app(page, serve(rr.App(order)))
    await page.get_by_role("combobox", name="Fruit").click()
    await page.get_by_role("option", name="fig").click()
    await page.get_by_role("combobox", name="Toppings").click()
    await page.get_by_role("option", name="egg").click()
    await page.keyboard.press("Escape")
    await page.get_by_role("slider", name="Level").focus()
    await page.keyboard.press("End")
    await page.get_by_role("button", name="Increase").click()
    await settled(page)
    await sees(page, "order=False apple [] 5 1")  # nothing is sent before the submit
    await page.get_by_role("button", name="Order").click()
    await sees(page, "order=True fig ['egg'] 10 2")
    await expect(page.get_by_role("combobox", name="Fruit")).to_have_value("apple")  # cleared
    await expect(page.get_by_role("slider", name="Level")).to_have_attribute("aria-valuenow", "5")
    await expect(page.locator("[data-kind=multiselect] .rr-chip")).to_have_count(0)


FORMATS = [
    ("%d", 3.7, "3"), ("%.2f", 3.14159, "3.14"), ("%0.1f%%", 12.345, "12.3%"),
    ("$%.2f", 1234.5, "$1234.50"), ("$%,.2f", 1234.5, "$1,234.50"), ("%+d", 5, "+5"),
    ("%05.1f", 2.5, "002.5"), ("%e", 1234.5, "1.234500e+03"), ("%x", 255, "ff"),
    ("%.0f items", 2.5, "3 items"), ("%d", -4.2, "-4"), ("%,d", -1234567, "-1,234,567"),
    ("percent", 0.5, "50%"), ("dollar", 1234.567, "$1,234.57"), ("compact", 1234, "1.2K"),
    ("bytes", 1500, "1.5KB"), ("plain", 0.125, "0.125"),
]


async def test_number_formats_are_applied_as_sprintf_and_streamlit_name_them(
    page: Page, serve: Callable[..., str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    src = await page.evaluate(
        "() => [...document.querySelectorAll('link[rel=modulepreload]')][0].href")
    shown = await page.evaluate(
        """async ([src, cases]) => {
            const m = await import(new URL('numfmt.js', src).href);
            return cases.map(([f, x]) => m.fmtNumber(x, f, String));
        }""", [src, [[f, x] for f, x, _ in FORMATS]])
    assert shown == [want for _, _, want in FORMATS]
