"""``App``: the ASGI adapter (Starlette) between browsers and sessions.

Serves the page shell, the client's static files from a version-stamped path, a health
endpoint and one websocket. Every URL is relative to where the app is mounted.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from collections.abc import AsyncIterator, Iterable, Mapping
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from . import __version__, protocol
from .assets import Assets, PlotlyJS, static_dir
from .client_info import ClientInfo
from .config import SessionConfig
from .errors import ProtocolError, TooManySessions
from .media_routes import MediaRoutes
from .page import DEFAULTS
from .registry import SessionRegistry
from .runner import Script
from .script import ScriptFile
from .session import Session
from .socket_writer import SocketWriter, refuse
from .store import SessionStore, open_store
from .theme import Theme, from_config

logger = logging.getLogger("reactive_rerun")


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
        max_upload_size: megabytes one uploaded file may have (``rr.file_uploader``).
        upload_quota: megabytes the uploaders of one session may hold at once.
        session_store: where sessions' records are kept: a ``redis://`` URL shared by every
            worker (any worker then serves any session), a ``SessionStore``, or None (this
            process's memory). ``store`` is the older name of the same argument.
        reload: for a ``ScriptFile``, pick up saved changes and rerun every session.
        theme: the page's look: a ``Theme`` or a dict of its settings (``base``,
            ``primaryColor``, ``backgroundColor``, ``secondaryBackgroundColor``,
            ``textColor``, ``font``), set over ``[theme]`` of ``.streamlit/config.toml`` in
            the working directory or beside a ``ScriptFile`` (``docs/theme.md``).
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
        max_upload_size: int = 200,
        upload_quota: int = 1000,
        session_store: str | SessionStore | None = None,
        store: SessionStore | None = None,
        reload: bool = False,
        theme: Theme | Mapping[str, Any] | None = None,
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
            max_upload_size=max_upload_size,
            upload_quota=upload_quota,
        )
        self.sessions = SessionRegistry(
            main, self.config, timeout=session_timeout, max_sessions=max_sessions,
            store=open_store(session_store if session_store is not None else store,
                             ttl=session_timeout),
        )
        folders = [main.folder] if isinstance(main, ScriptFile) else []
        self.theme = from_config(folders).over(Theme.of(theme))
        self._shell = (
            (static_dir() / "index.html").read_text(encoding="utf-8")
            .replace("{{theme_default}}", self.theme.default)
            .replace("{{theme}}", self.theme.css())
            .replace("{{defaults}}", protocol.dumps(DEFAULTS).replace("<", "\\u003c"))
        )
        media = MediaRoutes(self.sessions)
        self._router = Starlette(
            routes=[
                Route("/", self._page),
                Route("/_rr/health", self._health),
                WebSocketRoute("/_rr/ws", self._socket),
                Route(f"/_rr/static/{__version__}/{{name:path}}", Assets(static_dir()).serve),
                Route("/_rr/plotly/{version}/plotly.min.js", PlotlyJS().serve),
                Route("/_rr/media/{session}/{token}", media.media, methods=["GET", "HEAD"]),
                Route("/_rr/upload/{session}/{token}", media.upload, methods=["PUT"]),
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
        from .tabular import warm

        warm()  # narwhals, off the loop: the first dataframe of the process does not wait for it
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
                    await refuse(
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
            await refuse(websocket, str(exc))
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
            await refuse(websocket, str(exc))
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



__all__ = ["App", "base_path"]
