"""The floor of S9: a bare Starlette websocket echo page with the same content as ``rr_apps.main``.

``uvicorn benchmarks.apps.echo_app:from_env --factory --ws wsproto`` (size from ``BENCH_N``).
The page is the same DOM our client builds for the "main" app (same tags, classes and
``data-path`` attributes, an "Inc" button, its counter, N static text lines) under our own
``static/style.css``, drawn once as static HTML. Its only script sends ``inc`` on a click of
"Inc" and writes the count the server echoes back into the counter: the least any client can do
for that click, so the time from the click to the DOM change is the browser's and the
socket's own cost.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

STYLE = (Path(__file__).resolve().parents[2] / "static" / "style.css").read_text(encoding="utf-8")

SCRIPT = """
const u = new URL('ws', document.baseURI); u.protocol = 'ws:';
const ws = (window.__ws = new WebSocket(u)), count = document.querySelector('[data-path="m.1"]');
ws.onopen = () => document.body.dataset.rrState = 'connected';
ws.onmessage = (ev) => { count.textContent = 'count: ' + ev.data; };
document.querySelector('[data-path="m.0"] button').onclick = () => ws.send('inc');
"""


def _button(path: str, label: str) -> str:
    return (f'<div data-path="{path}" data-kind="button"><button type="button" '
            f'class="rr-btn rr-secondary">{label}</button></div>')


def _text(path: str, text: str) -> str:
    return f'<div class="rr-text" data-path="{path}" data-kind="text">{html.escape(text)}</div>'


def page(n: int) -> str:
    parts = [_button("m.0", "Inc"), _text("m.1", "count: 0"),
             '<h2 data-path="m.2" data-kind="header">Title</h2>', _button("m.3", "Foo")]
    parts += [_text(f"m.{4 + i}", f"static line {i}") for i in range(n)]
    parts.append(_button(f"m.{4 + n}", "Slow"))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>echo floor</title>
<link rel="stylesheet" href="style.css"></head>
<body data-rr-state="connecting">
<main id="rr-page"><div id="rr-main" class="rr-slot" data-path="m">{"".join(parts)}</div></main>
<script type="module">{SCRIPT}</script>
</body></html>"""


def app(n: int) -> Starlette:
    body = page(n)

    async def index(request: Request) -> Response:
        return HTMLResponse(body)

    async def style(request: Request) -> Response:
        return Response(STYLE, media_type="text/css")

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def ws(websocket: WebSocket) -> None:
        await websocket.accept()
        count = 0
        try:
            while True:
                if await websocket.receive_text() == "inc":
                    count += 1
                    await websocket.send_text(str(count))
        except WebSocketDisconnect:
            return

    return Starlette(routes=[
        Route("/", index), Route("/style.css", style), Route("/_rr/health", health),
        WebSocketRoute("/ws", ws),
    ])


def from_env() -> Starlette:
    return app(int(os.environ.get("BENCH_N", "10")))
