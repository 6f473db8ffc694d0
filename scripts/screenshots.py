"""Screenshots of every example at 1280 and 390 px wide, light and dark, into docs/screenshots/.

    python -m scripts.screenshots                 # every example
    python -m scripts.screenshots showcase chat   # some
    python -m scripts.screenshots --out /tmp/shots

Each example is started as a real server process (``uvicorn examples.<name>:app``, or
``reactive-rerun run`` for the plain script), opened in Debian's Chromium (``/usr/bin/chromium``,
through Playwright) once its first run has completed, and photographed: the page from the top,
at most ``MAX_HEIGHT`` px tall. The theme is the reader's choice in the page menu (kept in
localStorage, as a reader's would be). PNGs are reduced to a 256-colour palette when Pillow is
installed, so the committed files stay small. Listed in docs/look.md.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
WIDTHS = {1280: 860, 390: 844}  # viewport width -> height
MAX_HEIGHT = 2000
THEMES = ("light", "dark")


async def _chat(page: Any) -> None:
    """A conversation, so the page shows messages and not only an empty input."""
    box = page.get_by_placeholder("Ask anything")
    await box.fill("What does a rerun do?")
    await box.press("Enter")
    await page.wait_for_timeout(300)
    await _settled(page)


async def _plain(page: Any) -> None:
    await page.get_by_role("button", name="Think about it").click()
    await page.wait_for_timeout(200)
    await _settled(page, quiet=False)


async def _charts(page: Any) -> None:
    await page.locator(".rr-chart canvas").first.wait_for()
    await page.get_by_role("grid").first.wait_for()
    await page.wait_for_timeout(300)


async def _showcase(page: Any) -> None:
    await page.get_by_role("button", name="Sign up").wait_for()


# name -> (command after "python -m", what to do once it shows)
EXAMPLES: dict[str, tuple[list[str], Callable[[Any], Awaitable[None]] | None]] = {
    "showcase": (["uvicorn", "examples.showcase:app"], _showcase),
    "chat": (["uvicorn", "examples.chat:app"], _chat),
    "fragments_dashboard": (["uvicorn", "examples.fragments_dashboard:app"], None),
    "plain_script": (["reactive_rerun", "run", "examples/plain_script.py", "--no-reload"], _plain),
    "data_and_charts": (["reactive_rerun", "run", "examples/data_and_charts.py", "--no-reload"],
                        _charts),
    "callback_pattern": (["uvicorn", "examples.callback_pattern:app"], None),
    "container_pattern": (["uvicorn", "examples.container_pattern:app"], None),
    "rerun_pattern": (["uvicorn", "examples.rerun_pattern:app"], None),
}


async def _settled(page: Any, quiet: bool = True) -> None:
    """Connected, first run done (timers' quiet runs may go on)."""
    await page.wait_for_function(
        "() => window.__rr && window.__rr.state === 'connected'"
        " && document.getElementById('rr-main').children.length > 0",
        timeout=20_000,
    )
    await page.wait_for_timeout(400 if quiet else 1500)


def _start(command: list[str], port: int) -> subprocess.Popen[bytes]:
    if command[0] == "uvicorn":
        command = [*command, "--ws", "wsproto", "--port", str(port), "--log-level", "warning"]
    else:
        command = [*command, "--port", str(port)]
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.Popen([sys.executable, "-m", *command], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _small(png: bytes) -> bytes:
    """The PNG reduced to a 256-colour palette (a third of the size or less), with Pillow."""
    try:
        from PIL import Image
    except ImportError:
        return png
    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, "PNG", optimize=True)
    return out.getvalue()


async def shoot(names: list[str], out: Path) -> list[Path]:
    from playwright.async_api import async_playwright

    sys.path.insert(0, str(ROOT))
    from tests._processes import free_port, wait_until_serving

    made: list[Path] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for name in names:
                command, prepare = EXAMPLES[name]
                port = free_port()
                proc = _start(command, port)
                try:
                    wait_until_serving(proc, f"127.0.0.1:{port}")
                    for width, height in WIDTHS.items():
                        for theme in THEMES:
                            made.append(await _one(browser, name, port, width, height, theme,
                                                   prepare, out))
                    if name == "showcase":  # the page chrome: the menu, the phone sidebar
                        for theme in THEMES:
                            made.append(await _one(browser, "showcase-menu", port, 1280, 860,
                                                   theme, _menu, out, full=False))
                        made.append(await _one(browser, "showcase-sidebar", port, 390, 844,
                                               "light", _sidebar, out, full=False))
                finally:
                    proc.terminate()
                    try:
                        proc.wait(10)
                    except subprocess.TimeoutExpired:
                        proc.kill()
        finally:
            await browser.close()
    return made


async def _menu(page: Any) -> None:
    await _showcase(page)
    await page.get_by_role("button", name="Main menu").click()
    await page.get_by_role("menu").wait_for()


async def _sidebar(page: Any) -> None:
    await _showcase(page)
    await page.get_by_role("button", name="Toggle sidebar").click()
    await page.wait_for_timeout(400)  # the slide


async def _one(browser: Any, name: str, port: int, width: int, height: int, theme: str,
               prepare: Callable[[Any], Awaitable[None]] | None, out: Path,
               full: bool = True) -> Path:
    context = await browser.new_context(viewport={"width": width, "height": height})
    try:
        await context.add_init_script(f"localStorage.setItem('rr-theme', '{theme}')")
        page = await context.new_page()
        await page.goto(f"http://127.0.0.1:{port}/")
        await _settled(page)
        if prepare is not None:
            await prepare(page)
        await page.evaluate("document.fonts.ready")
        await page.evaluate("window.scrollTo(0, 0)")
        if full:  # the whole (capped) page as the viewport: fixed parts (the sidebar) reach down
            tall = await page.evaluate("document.documentElement.scrollHeight")
            await page.set_viewport_size(
                {"width": width, "height": min(max(tall, height), MAX_HEIGHT)})
            await page.wait_for_timeout(150)
        png = await page.screenshot(animations="disabled")
        path = out / f"{name}-{width}-{theme}.png"
        path.write_bytes(_small(png))
        return path
    finally:
        await context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*",
                        help=f"examples (default: all of {', '.join(EXAMPLES)})")
    parser.add_argument("--out", type=Path, default=OUT, help="folder (default: docs/screenshots)")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in EXAMPLES]
    if unknown:
        parser.error(f"unknown example(s): {', '.join(unknown)}")
    args.out.mkdir(parents=True, exist_ok=True)
    for path in asyncio.run(shoot(args.names or list(EXAMPLES), args.out)):
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
              f"  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
