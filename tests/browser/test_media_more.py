"""KaTeX (script, stylesheet, fonts) loads only once a formula is shown and typesets it; badges,
link buttons, download buttons, popovers and chat avatars show emoji and ``:material/…:``
icons; the logo goes to the page's corner and leaves with its element; a PDF is embedded from
the media route; the file uploader takes a dropped file and shows its progress."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from .helpers import open_app, settled

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

LOGO = (
    "<svg xmlns='http://www.w3.org/2000/svg' width='120' height='30'>"
    "<rect width='120' height='30' rx='6' fill='#4f46e5'/></svg>"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


async def main() -> None:
    rr.badge("Stable", icon=":material/check_circle:", color="green")
    rr.badge("Hot", icon="🔥", color="red")
    rr.badge("Odd", icon=":material/no_such_icon_here:", color="violet")
    rr.link_button("Docs", "https://example.com/docs", icon=":material/open_in_new:")
    rr.download_button("Save", "data", file_name="d.txt", icon=":material/download:")
    rr.popover("Options", icon=":material/tune:").write("inside")
    rr.chat_message("tool", avatar=":material/build:").write("a tool said")
    rr.chat_message("odd", avatar=":material/not_an_icon_we_have:").write("odd said")
    if rr.toggle("more"):
        rr.latex(r"\int_0^1 x^2\,dx = \tfrac{1}{3}")
        rr.logo(LOGO, link="https://example.com")
        rr.pdf(PDF, height=300)


async def test_latex_icons_logo_pdf(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    stable = page.locator(".rr-badge-green")
    await expect(stable.locator("svg path")).to_have_count(1)  # the Material Symbol, inline
    await expect(stable).to_have_text("Stable")
    await expect(page.locator(".rr-badge-red")).to_have_text("🔥Hot")
    odd_icon = page.locator(".rr-badge-violet .rr-icon-material")
    await expect(odd_icon).to_be_hidden()  # outside the subset: nothing shown
    link = page.get_by_role("button", name="Docs")
    assert await link.get_attribute("href") == "https://example.com/docs"
    assert await link.get_attribute("target") == "_blank"
    await expect(link.locator("svg")).to_have_count(1)
    await expect(page.get_by_role("button", name="Save").locator("svg")).to_have_count(1)
    await expect(page.get_by_role("button", name="Options").locator("svg")).to_have_count(1)
    avatars = page.locator(".rr-chat-msg .rr-avatar")
    await expect(avatars.nth(0).locator("svg path")).to_have_count(1)
    await expect(avatars.nth(1)).to_have_text("O")  # outside the subset: the name's letter
    sheets = "() => [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href).join()"
    assert "katex" not in await page.evaluate(sheets)
    assert await page.evaluate("typeof window.katex") == "undefined"
    await expect(page.locator("#rr-logo-page")).to_have_count(0)

    await page.get_by_text("more").click()
    await settled(page)
    await expect(page.locator(".rr-latex .katex-display .katex-html")).to_be_visible()
    assert "katex" in await page.evaluate(sheets)
    await page.wait_for_function("() => document.fonts.check('16px KaTeX_Main')")
    logo = page.locator("#rr-logo-page img")
    await page.wait_for_function(
        "() => { const i = document.querySelector('#rr-logo-page img');"
        " return i && i.complete && i.naturalWidth === 120; }"
    )
    assert await logo.evaluate("i => i.parentElement.href") == "https://example.com/"
    frame = page.locator(".rr-pdf iframe")
    assert "/_rr/media/" in await frame.evaluate("f => f.src")
    assert await frame.evaluate("f => f.getBoundingClientRect().height") == 300

    await page.get_by_text("more").click()  # the logo leaves with its element
    await settled(page)
    await expect(page.locator("#rr-logo-page")).to_have_count(0)
    assert page_errors == []


async def uploader_app() -> None:
    f = rr.file_uploader("Drop here", type=["csv"])
    if f is not None:
        rr.text(f"got {f.name}: {f.getvalue().decode()[:20]} ({f.size} bytes)")


DROP = """([name, text]) => {
  window.__bars = 0;
  new MutationObserver((ms) => { for (const m of ms) for (const n of m.addedNodes)
    if (n.querySelector && n.querySelector('progress')) window.__bars++; })
    .observe(document.querySelector('.rr-upload-files'), { childList: true });
  const dt = new DataTransfer();
  dt.items.add(new File([text], name, { type: 'text/csv' }));
  const zone = document.querySelector('.rr-upload-zone');
  const opts = { dataTransfer: dt, bubbles: true, cancelable: true };
  zone.dispatchEvent(new DragEvent('dragover', opts));
  zone.dispatchEvent(new DragEvent('drop', opts));
}"""


async def test_file_uploader_drop_zone_and_progress(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(rr.App(uploader_app)))
    await expect(page.locator(".rr-upload-limit")).to_have_text("Limit 200 MB per file • CSV")
    body = "a,b\n" + "1,2\n" * 250_000  # 1 MB: a progress bar while it goes
    await page.evaluate(DROP, ["data.csv", body])
    await expect(page.get_by_text("got data.csv: a,b")).to_be_visible()
    await expect(page.get_by_text(f"({len(body)} bytes)")).to_be_visible()
    assert await page.evaluate("window.__bars") == 1
    await page.evaluate(DROP, ["notes.txt", "x"])  # refused in the browser: not a csv
    await expect(page.locator(".rr-upload-error")).to_contain_text("not an accepted file type")
    await expect(page.get_by_text("got data.csv")).to_be_visible()
    assert page_errors == []
