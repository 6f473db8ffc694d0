"""The browser client's files, served from memory under a version-stamped path."""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response


def static_dir() -> Path:
    """``static/`` inside the wheel, or beside the package in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "static", here.parent / "static"):
        if (candidate / "client.js").is_file():
            return candidate
    raise RuntimeError("reactive_rerun's static files are missing from this installation")


class Assets:
    """The client's files, every file under ``static/`` (subfolders too) of a known type, read
    once and served from memory (gzipped when the browser takes it and it helps): first render
    waits on these. A request names a key of this set, so no request path reaches another file."""

    TYPES = {
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".json": "application/json",
        ".map": "application/json",
        ".txt": "text/plain; charset=utf-8",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
    }

    def __init__(self, folder: Path) -> None:
        self.files: dict[str, tuple[bytes, bytes | None, str]] = {}
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.suffix not in self.TYPES or not path.is_file() or "/." in f"/{name}":
                continue
            body = path.read_bytes()
            zipped = gzip.compress(body, 9, mtime=0)
            # None: gzip does not help (fonts, tiny files), always sent as is
            self.files[name] = (body, zipped if len(zipped) < len(body) else None,
                                self.TYPES[path.suffix])

    async def serve(self, request: Request) -> Response:
        found = self.files.get(request.path_params["name"])
        if found is None:
            return PlainTextResponse("Not Found", status_code=404)
        body, zipped, kind = found
        headers = {
            "Cache-Control": "public, max-age=31536000, immutable",
            "Vary": "Accept-Encoding",
        }
        if zipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
            body = zipped
            headers["Content-Encoding"] = "gzip"
        return Response(body, media_type=kind, headers=headers)


class PlotlyJS:
    """plotly.js from the installed ``plotly`` package (``rr.plotly_chart``) at a versioned URL,
    read and gzipped on first request."""

    def __init__(self) -> None:
        self.body: tuple[bytes, bytes] | None = None

    async def serve(self, request: Request) -> Response:
        from .elements.plotly import plotly_js

        found = plotly_js()
        if found is None or request.path_params["version"] != found[0]:
            return PlainTextResponse("Not Found", status_code=404)
        if self.body is None:
            body = found[1].read_bytes()
            self.body = (body, await asyncio.to_thread(gzip.compress, body, 6, mtime=0))
        body, zipped = self.body
        headers = {
            "Cache-Control": "public, max-age=31536000, immutable",
            "Vary": "Accept-Encoding",
        }
        if "gzip" in request.headers.get("accept-encoding", ""):
            body = zipped
            headers["Content-Encoding"] = "gzip"
        return Response(body, media_type=Assets.TYPES[".js"], headers=headers)


__all__ = ["Assets", "PlotlyJS", "static_dir"]
