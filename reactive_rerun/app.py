"""``App``: the ASGI adapter (Starlette) between browsers and sessions.

Serves the page shell, the client's static files from a version-stamped path, a health
endpoint and one websocket. Every URL is relative to where the app is mounted.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import html
import logging
from collections.abc import AsyncIterator, Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from . import __version__, protocol
from .client_info import ClientInfo
from .config import SessionConfig
from .errors import ProtocolError, TooManySessions
from .registry import SessionRegistry
from .runner import Script
from .script import ScriptFile
from .session import Session
from .store import SessionStore

logger = logging.getLogger("reactive_rerun")


def static_dir() -> Path:
    """``static/`` inside the wheel, or beside the package in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "static", here.parent / "static"):
        if (candidate / "client.js").is_file():
            return candidate
    raise RuntimeError("reactive_rerun's static files are missing from this installation")


class _Assets:
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


class App:
    """A script served as an ASGI app: ``uvicorn myapp:app``, or mounted in any Starlette app.

    Args:
        main: the script, an ``async def`` taking no arguments.
        title: the page title.
        session_timeout: seconds a session waits for its client to reconnect.
        allowed_origins: websocket origins accepted besides the page's own (``"*"``: any).
        show_error_details: show tracebacks of uncaught exceptions on the page.
        dev_mode: also show developer warnings (a run that blocked the event loop) on the page.
        max_events_per_second: messages a client may send per second (bursts of twice that).
        max_pending_callbacks: widget callbacks a session may have waiting for the next run.
        max_consecutive_reruns: the rerun-loop guard's limit.
        max_frame_bytes: the largest client message accepted.
        max_sessions: sessions this process holds at most.
        store: keeps sessions' durable data (default: this process's memory).
        reload: for a ``ScriptFile``, pick up saved changes and rerun every session.
    """

    def __init__(
        self,
        main: Script,
        *,
        title: str = "reactive_rerun",
        session_timeout: float = 120.0,
        allowed_origins: Iterable[str] = (),
        show_error_details: bool = True,
        dev_mode: bool = False,
        max_consecutive_reruns: int = 100,
        max_events_per_second: float = 1000.0,
        max_pending_callbacks: int = 1000,
        max_frame_bytes: int = 1 << 20,
        max_sessions: int = 10_000,
        store: SessionStore | None = None,
        reload: bool = False,
    ) -> None:
        self.main = main
        self.reload = reload
        self.title = title
        self.allowed_origins = frozenset(allowed_origins)
        self.max_frame_bytes = max_frame_bytes
        self.config = SessionConfig(
            show_error_details=show_error_details,
            dev_mode=dev_mode,
            max_consecutive_reruns=max_consecutive_reruns,
            max_events_per_second=max_events_per_second,
            event_burst=max(1, int(2 * max_events_per_second)),
            max_pending_callbacks=max_pending_callbacks,
        )
        self.sessions = SessionRegistry(
            main, self.config, timeout=session_timeout, max_sessions=max_sessions, store=store
        )
        self._shell = (static_dir() / "index.html").read_text(encoding="utf-8")
        self._router = Starlette(
            routes=[
                Route("/", self._page),
                Route("/_rr/health", self._health),
                WebSocketRoute("/_rr/ws", self._socket),
                Route(f"/_rr/static/{__version__}/{{name:path}}", _Assets(static_dir()).serve),
            ],
            lifespan=self._lifespan,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and _route_path(scope) == "/_rr/ws":
            # straight to the handler: Starlette's middleware and routing layers would stay
            # on the stack (and in memory) for the whole life of every connection
            await self._socket(WebSocket(scope, receive, send))
            return
        await self._router(scope, receive, send)

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        watcher = None
        if self.reload and isinstance(self.main, ScriptFile):
            from .reload import watch

            watcher = asyncio.get_running_loop().create_task(
                watch(self.main, self.sessions.rerun_all)
            )
        try:
            yield
        finally:
            if watcher is not None:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher
            await self.sessions.close_all()

    async def _page(self, request: Request) -> Response:
        base = base_path(request.scope.get("root_path", ""))
        page = (
            self._shell.replace("{{title}}", html.escape(self.title))
            .replace("{{base}}", html.escape(base))
            .replace("{{static}}", f"_rr/static/{__version__}")
        )
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})

    async def _health(self, request: Request) -> Response:
        from .cache import stats

        return JSONResponse({"status": "ok", "sessions": len(self.sessions), "caches": stats()})

    def _origin_allowed(self, websocket: WebSocket) -> bool:
        origin = websocket.headers.get("origin")
        if origin is None or "*" in self.allowed_origins or origin in self.allowed_origins:
            return True
        host = websocket.headers.get("host", "")
        return origin.split("://", 1)[-1].lower() == host.lower()

    async def _socket(self, websocket: WebSocket) -> None:
        if not self._origin_allowed(websocket):
            logger.warning("refused a websocket from origin %r", websocket.headers.get("origin"))
            await websocket.close(code=1008, reason="origin not allowed")
            return
        await websocket.accept()
        try:
            hello = await asyncio.wait_for(self._hello(websocket), timeout=10)
        except (TimeoutError, WebSocketDisconnect):
            return
        if hello is None:
            return
        last_seq = hello["seq"]
        try:
            session, resumed = await self.sessions.open(hello["session"], hello.get("tab"))
        except TooManySessions as exc:
            await _refuse(websocket, str(exc))
            return
        client = websocket.scope.get("client")
        session.introduce(ClientInfo(
            url=hello.get("url", ""),
            raw_headers=websocket.scope.get("headers", []),
            ip_address=client[0] if client else None,
            locale=hello.get("locale"),
            timezone=hello.get("tz"),
            timezone_offset=hello.get("tzoff"),
        ), new=not resumed)
        del hello  # not kept for the life of the connection
        await self._serve(websocket, session, last_seq, resumed)

    async def _hello(self, websocket: WebSocket) -> protocol.Hello | None:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return None
        text = message.get("text")
        try:
            if text is not None:
                protocol.check_size(text, self.max_frame_bytes)
            decoded = protocol.decode(text if text is not None else message.get("bytes") or b"")
            if decoded["t"] != "hello":
                raise ProtocolError("the first message must be 'hello'")
            if decoded["v"] != protocol.VERSION:
                raise ProtocolError(
                    f"protocol version {decoded['v']} is not supported (server speaks "
                    f"{protocol.VERSION}); reload the page"
                )
        except ProtocolError as exc:
            await _refuse(websocket, str(exc))
            return None
        return decoded

    async def _serve(
        self, websocket: WebSocket, session: Session, last_seq: int, resumed: bool
    ) -> None:
        pipe = SocketWriter(websocket)
        session.attach(pipe.send, last_seq, resumed=resumed, on_replaced=pipe.replaced)
        try:
            while not pipe.closing:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    break
                if session.sender != pipe.send:  # the same page load reconnected elsewhere
                    break
                self._receive(session, message)
        except (WebSocketDisconnect, RuntimeError):
            pass
        finally:
            if session.sender in (pipe.send, None):  # not taken over by a newer socket
                self.sessions.release(session)
            await pipe.stop()

    def _receive(self, session: Session, message: Mapping[str, Any]) -> None:
        text = message.get("text")
        try:
            if text is None:
                if session.admit():
                    session.refuse("binary frames are not accepted: send JSON text frames")
                return
            session.receive_text(text, self.max_frame_bytes)
        except Exception:  # a bug must not drop the connection: log it, keep the session
            logger.exception("session %s: a client message failed", session.id[:8])


async def _refuse(websocket: WebSocket, reason: str) -> None:
    """Tell the client why, then close (a close reason holds at most 123 UTF-8 bytes)."""
    short = reason.encode()[:120].decode(errors="ignore")
    with contextlib.suppress(Exception):
        await websocket.send_text(protocol.frame(0, [protocol.op_error(reason)]))
        await websocket.close(code=1008, reason=short)


def base_path(root_path: str) -> str:
    """The page's ``<base href>``: the mount point as an absolute path of percent-encoded parts.

    The mount point comes from the request (a path parameter in ``Mount("/{tenant}", app)``), so
    it is untrusted: a backslash or an empty part could make ``/\\evil.example/`` or
    ``//evil.example/``, which a browser reads as another host. Each part is percent-encoded and
    empty parts are dropped, so the result is always ``/`` or ``/part/.../``.
    """
    parts = [quote(part, safe="") for part in root_path.split("/") if part]
    return "/" + "".join(f"{part}/" for part in parts)


def _route_path(scope: Scope) -> str:
    """The path below the mount point (``root_path``), as Starlette's router sees it."""
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root) else path


class SocketWriter:
    """Frames on their way into one websocket, written by a task that exists only while
    there is something to write (an idle session holds no writer task and no queue)."""

    __slots__ = ("websocket", "pending", "pending_bytes", "writer", "closing")
    LIMIT = 2000  # frames waiting for a client that stopped reading ...
    LIMIT_BYTES = 8 << 20  # ... or their bytes

    def __init__(self, websocket: WebSocket) -> None:
        self.websocket = websocket
        self.pending: list[str] = []
        self.pending_bytes = 0
        self.writer: asyncio.Task[None] | None = None
        self.closing = False

    def send(self, text: str) -> None:
        if len(self.pending) >= self.LIMIT or self.pending_bytes > self.LIMIT_BYTES:
            self.close(1013, "client is not reading")  # it resyncs when it reconnects
            raise ConnectionError("client is not reading")
        self.pending.append(text)
        self.pending_bytes += len(text)
        if self.writer is None:
            self.writer = asyncio.get_running_loop().create_task(self._write())

    def replaced(self) -> None:  # the same page load reconnected before this socket died
        self.close(4000, "resumed by a newer connection")

    def close(self, code: int, reason: str) -> None:
        self.closing = True
        self.pending.clear()
        if self.writer is not None:
            self.writer.cancel()
        self.writer = asyncio.get_running_loop().create_task(self._close(code, reason))

    async def _write(self) -> None:
        try:
            while self.pending:
                batch, self.pending, self.pending_bytes = self.pending, [], 0
                for text in batch:
                    await self.websocket.send_text(text)
        except Exception:  # the socket died; its receive loop sees that and cleans up
            self.pending.clear()
        finally:
            if self.writer is asyncio.current_task():
                self.writer = None

    async def _close(self, code: int, reason: str) -> None:
        with contextlib.suppress(Exception):
            await self.websocket.close(code=code, reason=reason)

    async def stop(self) -> None:
        writer, self.writer = self.writer, None
        if writer is not None and not self.closing:
            writer.cancel()
        if writer is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await writer

__all__ = ["App", "SocketWriter", "base_path", "static_dir"]
