"""Load client for NiceGUI (``apps/ng_app.py``) through its own protocol, no browser.

What a NiceGUI tab does: ``GET /`` (the server builds the page's elements for a new
``Client`` and embeds them, with the client id, in the HTML), then a socket.io connection
(engine.io v4 over a websocket, ``/_nicegui_ws/socket.io/?client_id=...&implicit_handshake=true
&EIO=4&transport=websocket``; the namespace connect ``40`` is the handshake). A click is
``42["event",{"id":<button>,"client_id":...,"listener_id":<its click listener>,"args":[]}]``;
the handler runs on the server and the changed label comes back in an ``update`` message
(``42["update",{"<label id>":{...},"_id":k}]``): that message is this client's "run finished".
Engine.io pings (``2``) are answered (``3``) and, as the page does every 3 s, the received
messages are acknowledged (``ack``) so the server can drop its resend history.
Uses the same ``wsraw`` transport as the other clients.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Any

from . import wsraw
from .driver import ClientSession

_RAW = "parseElements(String.raw`"


async def http_get(host: str, port: int, path: str, within: float = 30.0) -> bytes:
    """A plain HTTP/1.1 GET (``Connection: close``); returns the body."""
    async with asyncio.timeout(within):
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n"
                     .encode())
        data = await reader.read(-1)
        writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    if b" 200 " not in head.split(b"\r\n", 1)[0] + b" ":
        raise ConnectionError(f"GET {path}: {head[:80]!r}")
    if b"transfer-encoding: chunked" in head.lower():
        out, rest = bytearray(), body
        while rest:
            size_line, _, rest = rest.partition(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            if size == 0:
                break
            out += rest[:size]
            rest = rest[size + 2:]
        body = bytes(out)
    return body


def page_elements(html: str) -> tuple[str, dict[str, Any]]:
    """The client id and the element dicts a NiceGUI page embeds."""
    cid = html.split("'client_id': '", 1)[1].split("'", 1)[0]
    raw = html[html.index(_RAW) + len(_RAW):]
    raw = raw[:raw.index("`)")]
    for a, b in (("&#36;", "$"), ("&#96;", "`"), ("&gt;", ">"), ("&lt;", "<"), ("&amp;", "&")):
        raw = raw.replace(a, b)
    return cid, json.loads(raw)


class NGSession(ClientSession):
    framework = "ng"

    def __init__(self, host: str, port: int) -> None:
        super().__init__(host, port)
        self.client_id = ""
        self.listeners: dict[str, tuple[str, str]] = {}  # label -> (element id, listener id)
        self.counter_key = b""
        self.messages = 0
        self.page_bytes = 0
        self._acked = time.monotonic()
        self._next_id = 0

    async def _open(self) -> None:
        body = await http_get(self.host, self.port, "/")
        self.page_bytes = len(body)
        self.client_id, elements = page_elements(body.decode())
        for eid, e in elements.items():
            cls = e.get("class") or []
            for ev in e.get("events") or []:
                if ev["type"] == "click":
                    label = e.get("props", {}).get("label") or e.get("text") or eid
                    if "bench-inc" in cls:
                        label = "Inc"
                    self.listeners[str(label)] = (eid, ev["listener_id"])
            if "bench-counter" in cls:
                self.counter_key = f'"{eid}":'.encode()
        self.buttons = {k: v[0] for k, v in self.listeners.items()}
        path = (f"/_nicegui_ws/socket.io/?client_id={self.client_id}&next_message_id=0"
                f"&implicit_handshake=true&tab_id={uuid.uuid4()}&document_id={uuid.uuid4()}"
                "&EIO=4&transport=websocket")
        self.conn = await wsraw.connect(self.host, self.port, path, self._message)
        self.conn.on_close = self._lost
        # the namespace connect (the handshake); engine.io's open packet ("0", already sent by
        # the server) needs no answer
        self.conn.send_text("40")

    def _click(self, label: str) -> None:
        assert self.conn is not None
        eid, lid = self.listeners[label]
        self.conn.send_text('42["event",' + json.dumps(
            {"id": int(eid), "client_id": self.client_id, "listener_id": lid, "args": []},
            separators=(",", ":")) + "]")

    def _message(self, opcode: int, payload: bytes) -> None:
        if opcode != wsraw.OP_TEXT or not payload:
            return
        self.messages += 1
        kind = payload[:1]
        if self.conn is None or kind == b"0":  # engine.io open, maybe before connect returned
            return
        if kind == b"2":  # engine.io ping
            self.conn.send_text("3")
        elif payload.startswith(b"40"):  # namespace connected: handshake accepted
            self._run_finished()
        elif payload.startswith(b"44"):
            self._error(f"connect refused: {payload[:200]!r}")
        elif payload.startswith(b'42["update"'):
            if self.counter_key in payload:
                self._run_finished()
            if b'"_id":' in payload:
                with_id = payload.rsplit(b'"_id":', 1)[1]
                digits = with_id[: len(with_id) - len(with_id.lstrip(b"0123456789"))]
                if digits:
                    self._next_id = int(digits) + 1
            now = time.monotonic()
            if now - self._acked > 3.0:  # the page acknowledges every 3 s
                self._acked = now
                self.conn.send_text('42["ack",' + json.dumps(
                    {"client_id": self.client_id, "next_message_id": self._next_id}) + "]")
