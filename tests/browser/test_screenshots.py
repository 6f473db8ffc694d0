"""examples/showcase.py renders cleanly on desktop and phone widths; full-page screenshots.

Screenshots go to the test's temp dir, and also to ``$RR_SCREENSHOT_DIR`` when it is set.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.async_api import Browser, expect

from .helpers import TIMEOUT_MS, PageLog, example_app, open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

SIZES = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 375, "height": 812},
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
async def test_showcase_screenshots_without_errors_or_overflow(
    browser: Browser, serve: Callable[..., str], tmp_path: Path, scheme: str
) -> None:
    url = serve(example_app("showcase", title="showcase"))
    outs = [tmp_path]
    if os.environ.get("RR_SCREENSHOT_DIR"):
        outs.append(Path(os.environ["RR_SCREENSHOT_DIR"]))
    for size_name, viewport in SIZES.items():
        context = await browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
        context.set_default_timeout(TIMEOUT_MS)
        try:
            page = await context.new_page()
            log = PageLog(page)
            await open_app(page, url)
            await expect(page.get_by_role("button", name="Sign up")).to_be_visible()
            await page.evaluate("document.fonts.ready")
            for out in outs:
                out.mkdir(parents=True, exist_ok=True)
                shot = out / f"showcase-{size_name}-{scheme}.png"
                await page.screenshot(path=shot, full_page=True)
            assert log.errors == [], log.errors
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{size_name}: horizontal overflow ({width} px)"
        finally:
            await context.close()
