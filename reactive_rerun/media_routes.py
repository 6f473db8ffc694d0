"""The web side of media: ``GET /_rr/media/<session>/<token>`` serves a session's file.

Part of the web layer (Starlette); the files themselves are the session's ``MediaFiles``
(``media.py``, plain Python). Anything unknown, or of a session this process no longer holds,
is a 404. Responses are ``Cache-Control: private``, answer ``Range`` requests (seekable audio
and video), and carry a restrictive content security policy, so an SVG opened on its own can
run nothing on the app's origin (a PDF goes without it: browsers' PDF viewers refuse to open
in a sandbox, and run the document's own scripts, if any, apart from the page).
"""

from __future__ import annotations

import logging
import re
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from .errors import UploadRefused
from .registry import SessionRegistry

logger = logging.getLogger("reactive_rerun")

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
HEADERS = {
    "Cache-Control": "private, max-age=3600",
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
}


def not_found() -> Response:
    return PlainTextResponse("Not Found", status_code=404)


def disposition(filename: str) -> str:
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "_").replace("\\", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


class MediaRoutes:
    def __init__(self, sessions: SessionRegistry) -> None:
        self.sessions = sessions

    async def media(self, request: Request) -> Response:
        session = self.sessions.live.get(request.path_params["session"])
        if session is None or session.closed:
            return not_found()
        file = session.live.media.get(request.path_params["token"])
        if file is None:
            return not_found()
        try:
            body = await file.content()
        except Exception:
            logger.exception("session %s: making a media file failed", session.id[:8])
            return PlainTextResponse("the file could not be made", status_code=500)
        headers = dict(HEADERS, **{"Content-Type": file.mimetype})
        if file.mimetype == "application/pdf":  # the browser's PDF viewer refuses a sandbox
            del headers["Content-Security-Policy"]
        if file.maker is not None:  # made anew on each request: never reused from a cache
            headers["Cache-Control"] = "private, no-cache"
        if file.filename is not None:
            headers["Content-Disposition"] = disposition(file.filename)
        wanted = request.headers.get("range")
        if wanted is None:
            return Response(body, headers=headers)
        size = len(body)
        match = RANGE.match(wanted.strip())
        start: int
        stop: int
        if match is None or match.group(1) == match.group(2) == "":
            return Response(body, headers=headers)  # a form we do not serve: the whole file
        if match.group(1) == "":  # the last N bytes
            start, stop = max(0, size - int(match.group(2))), size - 1
        else:
            start = int(match.group(1))
            stop = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
        if start >= size or start > stop:
            headers["Content-Range"] = f"bytes */{size}"
            return Response(b"", status_code=416, headers=headers)
        headers["Content-Range"] = f"bytes {start}-{stop}/{size}"
        return Response(body[start:stop + 1], status_code=206, headers=headers)


    async def upload(self, request: Request) -> Response:
        """``PUT /_rr/upload/<session>/<token>?name=...``: the raw bytes of one file.

        Refused (a JSON ``{"error": ...}`` the widget shows) before any byte is read when
        ``Content-Length`` says it is too large, else as soon as the bytes received pass the cap.
        """
        session = self.sessions.live.get(request.path_params["session"])
        if session is None or session.closed:
            return refused(UploadRefused("this session is over; reload the page", 404))
        uploads = session.live.uploads
        quota = session.config.upload_quota << 20
        name = (request.query_params.get("name") or "file")[:255]
        mimetype = request.headers.get("content-type") or "application/octet-stream"
        length_header = request.headers.get("content-length")
        try:
            length = int(length_header) if length_header is not None else None
            slot = uploads.check(request.path_params["token"], name, length, quota)
        except UploadRefused as exc:
            return refused(exc)
        except ValueError:
            return refused(UploadRefused("a bad Content-Length", 400))
        spool = uploads.spool()
        size = 0
        try:
            async for chunk in request.stream():
                size += len(chunk)
                uploads.check_size(slot, size, quota)
                spool.write(chunk)
        except UploadRefused as exc:
            spool.close()
            return refused(exc)
        except BaseException:
            spool.close()
            raise
        if slot.token not in uploads.slots:  # its uploader went away meanwhile
            spool.close()
            return refused(UploadRefused("this uploader is no longer on the page", 404))
        file = uploads.add(slot, name, mimetype, spool, size)
        return JSONResponse({"id": file.file_id, "name": file.name, "size": file.size})


def refused(exc: UploadRefused) -> Response:
    return JSONResponse({"error": str(exc)}, status_code=exc.status,
                        headers={"Connection": "close"} if exc.status == 413 else None)


__all__ = ["MediaRoutes", "disposition"]
