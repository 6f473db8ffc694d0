"""Images load from the media route; a download button downloads its file, and reruns the script
only when its ``on_click`` asks for it. The app is mounted below a prefix, so the relative media
URLs must resolve against the page's base."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.async_api import Page, expect
from starlette.applications import Starlette
from starlette.routing import Mount

import reactive_rerun as rr

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

SVG = (
    "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='30'>"
    "<rect width='40' height='30' fill='red'/></svg>"
)
runs: list[int] = []


async def main() -> None:
    runs.append(1)
    rr.text(f"runs: {len(runs)}")
    rr.image(SVG, caption="a red box")
    rr.download_button("Quiet", "quiet data", file_name="quiet.txt", on_click="ignore")
    if rr.download_button("Loud", lambda: "loud data", file_name="loud.csv", mime="text/csv"):
        rr.text("loud clicked")


async def test_image_and_download(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    runs.clear()
    app = Starlette(routes=[Mount("/tenant", rr.App(main))])
    await open_app(page, serve(app) + "tenant/")
    await expect(page.get_by_text("runs: 1")).to_be_visible()
    img = page.locator(".rr-image img")
    await expect(img).to_have_count(1)
    await expect(page.locator("figcaption")).to_have_text("a red box")
    await page.wait_for_function(
        "() => { const i = document.querySelector('.rr-image img');"
        " return i && i.complete && i.naturalWidth === 40; }"
    )
    assert "/tenant/_rr/media/" in await img.evaluate("i => i.src")

    async with page.expect_download() as quiet:
        await page.get_by_role("button", name="Quiet").click()
    download = await quiet.value
    assert download.suggested_filename == "quiet.txt"
    assert Path(await download.path()).read_text() == "quiet data"  # noqa: ASYNC240
    await page.wait_for_timeout(300)
    await expect(page.get_by_text("runs: 1")).to_be_visible()  # no rerun

    async with page.expect_download() as loud:
        await page.get_by_role("button", name="Loud").click()
    download = await loud.value
    assert download.suggested_filename == "loud.csv"
    assert Path(await download.path()).read_text() == "loud data"  # noqa: ASYNC240
    await expect(page.get_by_text("loud clicked")).to_be_visible()
    await expect(page.get_by_text("runs: 2")).to_be_visible()
    assert page_errors == []


async def uploads() -> None:
    f = rr.file_uploader("Your file", type="txt", max_upload_size=1)
    if f is not None:
        rr.text(f"got {f.name}: {f.read().decode()}")


async def test_file_uploader_uploads_and_shows_a_refusal(
    page: Page, serve: Callable[..., str], page_errors: list[str], tmp_path: Path
) -> None:
    await open_app(page, serve(rr.App(uploads)))
    small = tmp_path / "hello.txt"
    small.write_text("hi there")
    await page.locator(".rr-file_uploader input[type=file]").set_input_files(str(small))
    await expect(page.get_by_text("got hello.txt: hi there")).to_be_visible()
    await expect(page.locator(".rr-upload-name")).to_have_text("hello.txt")

    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * ((1 << 20) + 10))
    await page.locator(".rr-file_uploader input[type=file]").set_input_files(str(big))
    await expect(page.locator(".rr-upload-error")).to_contain_text("larger than the limit")
    await expect(page.get_by_text("got hello.txt: hi there")).to_be_visible()  # unchanged

    wrong = tmp_path / "picture.png"  # refused by the server (the type), not the browser
    wrong.write_bytes(b"png")
    await page.locator(".rr-file_uploader input[type=file]").set_input_files(str(wrong))
    await expect(page.locator(".rr-upload-error")).to_contain_text("not an accepted file type")
    await expect(page.get_by_text("got hello.txt: hi there")).to_be_visible()

    await page.get_by_role("button", name="Remove hello.txt").click()
    await expect(page.get_by_text("got hello.txt")).to_have_count(0)
    # Chromium logs the refused request itself; nothing else went wrong
    assert [e for e in page_errors if "status of 415" not in e] == []
