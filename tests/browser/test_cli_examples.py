"""The README's script example, served by ``reactive-rerun run``, in a real browser."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from _processes import free_port, wait_until_serving
from playwright.async_api import Page, expect

from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent.parent


def serve_file(script: Path) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reactive_rerun", "run", str(script), "--port", str(port),
         "--no-reload"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    wait_until_serving(proc, f"127.0.0.1:{port}")
    return proc, f"http://127.0.0.1:{port}/"


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


async def test_the_data_and_charts_example_works_in_the_browser(page: Page) -> None:
    proc, url = serve_file(ROOT / "examples" / "data_and_charts.py")
    try:
        await open_app(page, url)
        await expect(page.locator(".rr-chart canvas")).to_have_count(2)
        orders = page.get_by_role("grid").first
        await orders.get_by_role("checkbox", name="Select row 1").check()
        await orders.get_by_role("checkbox", name="Select row 3").check()
        await expect(page.get_by_text("2 orders selected")).to_be_visible()
        legend = page.locator(".rr-chart").first.locator(".rr-chart-legend")
        await expect(legend).to_contain_text("South")
        await page.get_by_role("group", name="Region").get_by_role("button", name="North").click()
        await expect(legend).to_be_hidden()  # one series left: no legend
        await page.get_by_role("button", name="Add row").click()
        await page.keyboard.type("West")
        await page.keyboard.press("Enter")
        await expect(page.locator("[data-kind=json]")).to_contain_text("3 items")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
