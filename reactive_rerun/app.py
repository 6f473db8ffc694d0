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
import socket
import struct
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


class _PlotlyJS:
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
        return Response(body, media_type=_Assets.TYPES[".js"], headers=headers)


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
        max_connections_per_client: open websockets one client address may hold (``None``: no
            limit); more are refused (close 1008) before a session exists. The address is
            ``scope["client"]``: behind a proxy, run uvicorn with ``--proxy-headers
            --forwarded-allow-ips=<proxy>`` so it is the real client's, or else every user
            behind the proxy shares one address and this limit (``docs/deploy.md``).
        max_send_lag: seconds one frame may wait to go out to a client that is not reading;
            past that (or past ``SocketWriter.LIMIT_BYTES`` waiting) the connection is
            dropped and its session waits for the client to come back, as after any
            disconnect.
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
        max_connections_per_client: int | None = 100,
        max_send_lag: float = 15.0,
        store: SessionStore | None = None,
        reload: bool = False,
    ) -> None:
        self.main = main
        self.reload = reload
        self.title = title
        self.allowed_origins = frozenset(allowed_origins)
        self.max_frame_bytes = max_frame_bytes
        self.max_connections_per_client = max_connections_per_client
        self.max_send_lag = max_send_lag
        self._connections: dict[str, int] = {}  # open websockets per client address
        self._refusals, self._refusals_logged = 0, float("-inf")  # sockets over that, unlogged
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
                Route("/_rr/plotly/{version}/plotly.min.js", _PlotlyJS().serve),
                Route("/{page:path}", self._page),  # a page of a multipage app loads directly
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
        if request.path_params.get("page", "").startswith("_rr/"):
            return PlainTextResponse("Not Found", status_code=404)
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
        client = websocket.scope.get("client")
        address = str(client[0]) if client else None  # None: the server does not say
        limit = self.max_connections_per_client
        if address is not None and limit is not None:
            if self._connections.get(address, 0) >= limit:
                self._log_refusal(address, limit)
                with contextlib.suppress(Exception):
                    await websocket.accept()
                    await _refuse(
                        websocket,
                        f"too many connections from your address (the limit is {limit}); "
                        "close other tabs of this app and reload",
                    )
                return
            self._connections[address] = self._connections.get(address, 0) + 1
        try:
            await self._connected(websocket)
        finally:
            if address is not None and limit is not None:
                left = self._connections.pop(address, 1) - 1
                if left > 0:
                    self._connections[address] = left

    def _log_refusal(self, address: str, limit: int) -> None:
        """At most one line a second however fast a client retries (a log is a disk too)."""
        now = asyncio.get_running_loop().time()
        self._refusals += 1
        if now - self._refusals_logged >= 1.0:
            logger.warning(
                "refused %d websocket(s) over the limit of %d per client address (last: %s)",
                self._refusals, limit, address,
            )
            self._refusals, self._refusals_logged = 0, now

    async def _connected(self, websocket: WebSocket) -> None:
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
        ), new=not resumed, page=hello.get("page", ""))
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
        pipe = SocketWriter(websocket, self.max_send_lag)
        session.attach(pipe.send, last_seq, resumed=resumed, on_replaced=pipe.replaced)
        try:
            pipe.reader = asyncio.current_task()
            while not pipe.closing:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    break
                if session.sender != pipe.send:  # the same page load reconnected elsewhere
                    break
                self._receive(session, message)
        except (WebSocketDisconnect, RuntimeError):
            pass
        except asyncio.CancelledError:
            # the writer dropped the connection and stopped this wait: a normal end; any other
            # cancellation (the server shutting down) goes on
            task = asyncio.current_task()
            if not pipe.ended or task is None or task.uncancel() > 0:
                raise
        finally:
            pipe.reader = None
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
    """Tell the client why, then close (a close reason holds at most 123 UTF-8 bytes) and end
    the connection without waiting for the client's answer to the close (uvicorn would wait
    10 s: time a client retrying in a loop would fill with refused sockets); a client that does
    not take it within ``SocketWriter.CLOSE_TIMEOUT`` is cut off."""
    short = reason.encode()[:120].decode(errors="ignore")
    try:
        async with asyncio.timeout(SocketWriter.CLOSE_TIMEOUT):
            await websocket.send_text(protocol.frame(0, [protocol.op_error(reason)]))
            await websocket.close(code=1008, reason=short)
    except Exception:
        _abort(websocket)
        return
    transport = _transport(websocket)
    if transport is not None:
        with contextlib.suppress(Exception):
            transport.close()  # after what is written: the client still reads why


def _transport(websocket: WebSocket) -> asyncio.BaseTransport | None:
    """The connection's transport, where the server lets the app reach it, else None.

    uvicorn passes its protocol object's bound methods as the ASGI ``receive`` and ``send``, and
    that object holds the connection as ``.transport`` (both the wsproto and the websockets
    implementations). Nothing in ASGI promises this: another server, or middleware that wraps
    both callables, hides it, and then a dropped connection is closed by the server when the
    handler returns (a graceful close, which waits for buffered data to drain).
    """
    for call in (getattr(websocket, "_receive", None), getattr(websocket, "_send", None)):
        transport = getattr(getattr(call, "__self__", None), "transport", None)
        if transport is not None and callable(getattr(transport, "abort", None)):
            return transport  # type: ignore[no-any-return]
    return None


def _abort(websocket: WebSocket) -> None:
    """Drop the connection now, discarding what is buffered for it: in this process, and in the
    kernel (a zero linger time makes the close a reset, so no orphaned socket keeps unsent data
    while a client that never reads holds its window shut)."""
    transport = _transport(websocket)
    if transport is None:
        return
    with contextlib.suppress(Exception):
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(Exception):
        transport.abort()  # type: ignore[attr-defined]


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
    there is something to write (an idle session holds no writer task and no queue).

    A client that stops reading is dropped: when one frame has not gone out within ``max_lag``
    seconds (uvicorn's send waits while the connection's buffers are full), or more than
    ``LIMIT`` frames or ``LIMIT_BYTES`` wait behind it. Dropping tries a close frame for
    ``CLOSE_TIMEOUT`` seconds, aborts the transport (what is buffered for the client is freed)
    and stops the ``_serve`` loop's wait on ``receive()`` (``reader``), which then releases the
    session as for any disconnect: it resumes if the client comes back, and expires otherwise.
    """

    __slots__ = (
        "websocket", "max_lag", "pending", "pending_bytes", "writer", "closing", "reader", "ended",
    )
    LIMIT = 2000  # frames waiting for a client that stopped reading ...
    LIMIT_BYTES = 8 << 20  # ... or their characters
    CLOSE_TIMEOUT = 1.0  # seconds a close frame may take to go out

    def __init__(self, websocket: WebSocket, max_lag: float = 15.0) -> None:
        self.websocket = websocket
        self.max_lag = max_lag
        self.pending: list[str] = []
        self.pending_bytes = 0
        self.writer: asyncio.Task[None] | None = None
        self.closing = False
        self.reader: asyncio.Task[Any] | None = None  # the task waiting on this socket's receive
        self.ended = False  # this writer stopped the reader's wait

    def send(self, text: str) -> None:
        if self.closing:  # on its way out: the session is released when the reader ends
            return
        if len(self.pending) >= self.LIMIT or self.pending_bytes > self.LIMIT_BYTES:
            self.drop(f"client is not reading: over {self.LIMIT_BYTES >> 20} MiB waiting")
            return
        self.pending.append(text)
        self.pending_bytes += len(text)
        if self.writer is None:
            self.writer = asyncio.get_running_loop().create_task(self._write())

    def replaced(self) -> None:  # the same page load reconnected before this socket died
        self.close(4000, "resumed by a newer connection")

    def drop(self, reason: str) -> None:
        """Cut off a client that is not reading (it resyncs if it reconnects)."""
        logger.warning("dropped a websocket: %s", reason)
        self.close(1013, reason, abort=True)

    def close(self, code: int, reason: str, *, abort: bool = False) -> None:
        """Close the socket (``abort``: then drop the connection whatever the close did)."""
        if self.closing:
            return
        self.closing = True
        self.pending.clear()
        self.pending_bytes = 0
        if self.writer is not None and self.writer is not asyncio.current_task():
            self.writer.cancel()
        self.writer = asyncio.get_running_loop().create_task(self._close(code, reason, abort))

    async def _write(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(None) as lag:
                while self.pending:
                    batch, self.pending, self.pending_bytes = self.pending, [], 0
                    for text in batch:
                        lag.reschedule(loop.time() + self.max_lag)
                        await self.websocket.send_text(text)
        except TimeoutError:
            self.drop(f"client is not reading: a frame waited over {self.max_lag:g} s")
        except Exception as exc:  # the socket died; its receive loop sees that and cleans up
            logger.info("a websocket write failed (%s); %d frames not sent, the client "
                        "resyncs when it reconnects", exc, len(self.pending) + 1)
            self.pending.clear()
        finally:
            if self.writer is asyncio.current_task():
                self.writer = None

    async def _close(self, code: int, reason: str, abort: bool) -> None:
        try:
            async with asyncio.timeout(self.CLOSE_TIMEOUT):
                await self.websocket.close(code=code, reason=reason)
        except Exception:  # could not go out in time (the client is not reading), or the
            abort = True  # socket is gone already
        if abort:
            _abort(self.websocket)
        self._end()

    def _end(self) -> None:
        """Stop the reader's wait on ``receive()``: the server may never report this socket's
        end (no transport to abort, or a close that never completes)."""
        if self.reader is not None and not self.ended:
            self.ended = True
            self.reader.cancel()

    async def stop(self) -> None:
        writer, self.writer = self.writer, None
        if writer is not None and not self.closing:
            writer.cancel()
        if writer is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await writer

__all__ = ["App", "SocketWriter", "base_path", "static_dir"]
