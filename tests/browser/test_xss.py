"""Script-supplied strings reach the page as text: markup payloads stay inert everywhere."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
SVG = '"><svg onload=window.__pwned=1>'
LINKS = [
    "[click me](javascript:window.__pwned=1)",
    "[click me](JaVaScRiPt:window.__pwned=1)",
    "<javascript:window.__pwned=1>",
    "[data](data:text/html,<script>window.__pwned=1</script>)",
]
PAYLOADS = [IMG, SCRIPT, SVG]


class Evil:
    def __repr__(self) -> str:
        return SVG


async def main() -> None:
    with rr.sidebar:
        rr.header(IMG)
        rr.checkbox(SCRIPT)
    rr.title(IMG)
    rr.header(SCRIPT)
    rr.subheader(SVG)
    rr.caption(IMG)
    rr.text(SCRIPT)
    for payload in [*PAYLOADS, *LINKS]:
        rr.markdown(payload)
    rr.code(IMG)
    rr.json({"payload": SCRIPT})
    rr.write(SVG)
    rr.write({"nested": [IMG]})
    rr.write(Evil())
    rr.error(IMG)
    rr.warning(SCRIPT)
    rr.info(SVG)
    rr.success(LINKS[0])
    rr.exception(ValueError(IMG))
    rr.button(IMG, help=SVG)
    rr.checkbox(SVG)
    rr.toggle(IMG)
    rr.text_input(SCRIPT, value=IMG, placeholder=SVG)
    rr.text_area(SVG, value=SCRIPT, placeholder=IMG)
    rr.number_input(IMG, value=1)
    rr.slider(SCRIPT, 0, 10, 3)
    rr.selectbox(SVG, PAYLOADS, index=None, placeholder=IMG)
    rr.selectbox(IMG, PAYLOADS, index=1)
    rr.radio(SCRIPT, PAYLOADS)
    rr.multiselect(SVG, PAYLOADS, default=[IMG, SVG])
    first, second = rr.tabs([IMG, SCRIPT])
    first.text("in the first tab")
    second.text("in the second tab")
    with rr.expander(SVG, expanded=True):
        rr.text("inside the expander")
    with rr.form("f"):
        rr.text_input(IMG, key="in_form")
        rr.form_submit_button(SCRIPT)
    rr.caption("END")
    raise ValueError(SVG)


# Everything that would mean a payload was parsed as markup.
PARSED_MARKUP = """() => {
  const roots = [document.getElementById('rr-main'), document.getElementById('rr-side'),
                 document.getElementById('rr-toasts')];
  const found = [];
  for (const root of roots) {
    for (const n of root.querySelectorAll('img, script, svg, iframe, object, embed')) {
      found.push(n.outerHTML);
    }
    for (const n of root.querySelectorAll('*')) {
      for (const a of n.attributes) {
        const bad = /^on/i.test(a.name) || /^\\s*(javascript|data|vbscript):/i.test(a.value);
        if (bad) found.push(`${n.tagName} ${a.name}=${a.value}`);
      }
    }
  }
  return found;
}"""


async def test_markup_payloads_stay_inert_text_everywhere(
    page: Page, serve: Callable[..., str]
) -> None:
    await page.goto(serve(rr.App(main, title=SCRIPT)))
    await expect(page.get_by_text("END", exact=True)).to_be_visible()
    await expect(page.locator("[data-kind=exception]")).to_have_count(2)
    await settled(page)
    # Let anything a payload could have scheduled (image error events, timers) happen.
    await page.evaluate("() => new Promise((r) => setTimeout(r, 300))")

    assert await page.evaluate("typeof window.__pwned") == "undefined"
    assert await page.evaluate(PARSED_MARKUP) == []
    assert await page.title() == SCRIPT

    main_ = page.locator("#rr-main")

    async def shows(selector: str, text: str, nth: int = 0) -> None:
        await expect(main_.locator(selector).nth(nth)).to_contain_text(text)

    await expect(page.locator("#rr-side h2")).to_have_text(IMG)
    await expect(page.locator("#rr-side [data-kind=checkbox]")).to_have_text(SCRIPT)
    await shows("h1", IMG)
    await shows("h2", SCRIPT)
    await shows("h3", SVG)
    await shows("[data-kind=caption]", IMG)
    await shows("[data-kind=text]", SCRIPT)
    for i, payload in enumerate([*PAYLOADS, *LINKS]):
        await shows("[data-kind=markdown]", payload, i)
    await shows("[data-kind=code]", IMG)
    await shows("[data-kind=json]", SCRIPT)
    await shows("[data-kind=markdown]", SVG, len(PAYLOADS) + len(LINKS))  # write(str)
    await shows("[data-kind=json]", IMG.replace('"', '\\"'), 1)  # write(dict)
    await shows("[data-kind=text]", SVG, 1)  # write(object): its repr
    await shows(".rr-alert.rr-error", IMG)
    await shows(".rr-alert.rr-warning", SCRIPT)
    await shows(".rr-alert.rr-info", SVG)
    await shows(".rr-alert.rr-success", LINKS[0])
    await shows("[data-kind=exception]", IMG)
    await shows("[data-kind=exception]", SVG, 1)  # the script's own uncaught exception
    await shows("[data-kind=button]", IMG)
    assert await main_.locator("[data-kind=button] button").get_attribute("title") == SVG
    await shows("[data-kind=checkbox]", SVG)
    await shows("[data-kind=toggle]", IMG)
    text_input = main_.locator("[data-kind=text_input]").first
    await expect(text_input).to_contain_text(SCRIPT)
    await expect(text_input.locator("input")).to_have_value(IMG)
    await expect(text_input.locator("input")).to_have_attribute("placeholder", SVG)
    area = main_.locator("[data-kind=text_area]")
    await expect(area).to_contain_text(SVG)
    await expect(area.locator("textarea")).to_have_value(SCRIPT)
    await shows("[data-kind=number_input]", IMG)
    await shows("[data-kind=slider]", SCRIPT)
    chooser = main_.locator("[data-kind=selectbox]").first
    await expect(chooser).to_contain_text(SVG)
    await expect(chooser.get_by_role("combobox")).to_have_attribute("placeholder", IMG)
    await chooser.get_by_role("combobox").click()
    await expect(chooser.get_by_role("option")).to_have_text(PAYLOADS)
    await chooser.get_by_role("combobox").press("Escape")
    await expect(main_.get_by_role("combobox", name=IMG)).to_have_value(PAYLOADS[1])
    radio = main_.locator("[data-kind=radio]")
    await expect(radio.locator("legend")).to_have_text(SCRIPT)
    await expect(radio.locator(".rr-opts label")).to_have_text(PAYLOADS)
    multi = main_.locator("[data-kind=multiselect]")
    await expect(multi).to_contain_text(SVG)
    await expect(multi.locator(".rr-chip")).to_have_text([IMG + "×", SVG + "×"])
    await multi.get_by_role("combobox").click()
    await expect(multi.get_by_role("option").first).to_have_text(SCRIPT)
    await multi.get_by_role("combobox").press("Escape")
    await expect(main_.get_by_role("tab")).to_have_text([IMG, SCRIPT])
    await expect(main_.locator(".rr-exp > summary")).to_have_text(SVG)
    form = main_.locator("[data-type=form]")
    await expect(form.locator("[data-kind=text_input]")).to_contain_text(IMG)
    await expect(form.locator("[data-kind=submit] button")).to_have_text(SCRIPT)

    # Using the widgets (tabs, choices, typing markup) keeps it all inert.
    await main_.get_by_role("tab").nth(1).click()
    await expect(page.get_by_text("in the second tab")).to_be_visible()
    await main_.locator("[data-kind=radio] input").nth(0).check()
    await text_input.locator("input").fill(SVG + IMG)
    await text_input.locator("input").press("Enter")
    await settled(page)
    await page.evaluate("() => new Promise((r) => setTimeout(r, 300))")
    assert await page.evaluate("typeof window.__pwned") == "undefined"
    assert await page.evaluate(PARSED_MARKUP) == []
