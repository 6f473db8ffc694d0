"""``rr.camera_input`` and ``rr.audio_input`` in Chromium with a fake camera and microphone:
the photo and the recording are uploaded and reach the script as files; clearing frees them."""

from __future__ import annotations

import io
import wave
from collections.abc import AsyncIterator, Callable

import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

import reactive_rerun as rr

from .helpers import CHROMIUM, CHROMIUM_ARGS, open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

FAKE_MEDIA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture
async def browser(anyio_backend: str) -> AsyncIterator[Browser]:
    async with async_playwright() as p:
        b = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + FAKE_MEDIA)
        try:
            yield b
        finally:
            await b.close()


async def main() -> None:
    photo = rr.camera_input("Take a picture")
    if photo is not None:
        jpeg = photo.getvalue().startswith(b"\xff\xd8\xff")
        rr.text(f"photo {photo.name} {photo.type} jpeg={jpeg}")
    voice = rr.audio_input("Say something", sample_rate=16000)
    if voice is not None:
        with wave.open(io.BytesIO(voice.getvalue())) as w:
            seconds = w.getnframes() / w.getframerate()
            rr.text(f"voice {voice.name} {w.getframerate()} Hz {w.getnchannels()} ch "
                    f"long={seconds > 0.5}")


async def test_camera_and_microphone(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(rr.App(main)))
    live = page.locator(".rr-cam-live")
    await page.wait_for_function(
        "() => { const v = document.querySelector('.rr-cam-live'); return v && v.videoWidth > 0; }"
    )
    await page.get_by_role("button", name="Take photo").click()
    await expect(page.get_by_text("photo image.jpg image/jpeg jpeg=True")).to_be_visible()
    await expect(page.locator(".rr-cam-shot")).to_be_visible()
    await expect(live).to_be_hidden()
    await page.get_by_role("button", name="Clear photo").click()
    await expect(page.get_by_text("photo image.jpg")).to_have_count(0)
    await expect(live).to_be_visible()

    await page.get_by_role("button", name="Record").click()
    await page.wait_for_timeout(1200)
    await page.get_by_role("button", name="Stop recording").click()
    await expect(page.get_by_text("voice audio.wav 16000 Hz 1 ch long=True")).to_be_visible()
    await expect(page.locator(".rr-mic-play")).to_be_visible()
    await page.get_by_role("button", name="Clear recording").click()
    await expect(page.get_by_text("voice audio.wav")).to_have_count(0)
    assert page_errors == []


async def quiet_camera() -> None:
    state = rr.session_state
    state.runs = state.get("runs", 0) + 1
    photo = rr.camera_input("Snap", on_change="ignore")
    rr.text(f"runs {state.runs}, photo {'taken' if photo is not None else 'none'}")
    rr.button("Refresh")


async def test_a_capture_with_on_change_ignore_waits_for_the_next_run(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    await open_app(page, serve(rr.App(quiet_camera)))
    await page.wait_for_function(
        "() => { const v = document.querySelector('.rr-cam-live'); return v && v.videoWidth > 0; }"
    )
    await expect(page.get_by_text("runs 1, photo none")).to_be_visible()
    await page.get_by_role("button", name="Take photo").click()
    await expect(page.locator(".rr-cam-shot")).to_be_visible()
    await page.wait_for_timeout(500)
    await expect(page.get_by_text("runs 1, photo none")).to_be_visible()  # no rerun
    await page.get_by_role("button", name="Refresh").click()
    await expect(page.get_by_text("runs 2, photo taken")).to_be_visible()  # kept for this run
    assert page_errors == []
