"""The README's script example, served by ``reactive-rerun run``, in a real browser."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, expect

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent.parent


def serve_file(script: Path) -> tuple[subprocess.Popen[str], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "reactive_rerun", "run", str(script), "--port", str(port),
         "--no-reload"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(url + "_rr/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.1)


async def test_the_plain_script_example_works_in_the_browser(page: Page) -> None:
    proc, url = serve_file(ROOT / "examples" / "plain_script.py")
    try:
        await open_app(page, url)
        await expect(page.locator("#rr-main h2")).to_have_text("A plain Streamlit script")
        await expect(page.locator(".rr-md").first).to_contain_text("magic")
        await page.get_by_label("Your name").fill("Grace")
        await page.get_by_label("Your name").press("Enter")
        await page.get_by_role("button", name="Think about it").click()
        await expect(page.locator(".rr-spinner")).to_be_visible()  # time.sleep in a thread
        await expect(page.locator(".rr-alert")).to_contain_text("Done thinking, Grace.")
        await expect(page.locator(".rr-caption")).to_contain_text("Server time")
        await expect(page.locator(".rr-md").last).to_contain_text("Streams work in plain scripts")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)
