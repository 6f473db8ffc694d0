"""Load client for reactive_rerun's websocket protocol (``docs/protocol.md``), no browser.

``hello`` then ``click`` messages (a ``chat_input``'s submission: a ``click`` carrying ``v``); a
run is finished when a frame carries ``end`` with status ``complete``. Frames are only
JSON-decoded when they carry an ``end``, an ``error``, or (until the first run finished, or when
they carry buttons) elements.
"""

from __future__ import annotations

import json

from . import wsraw
from .driver import ClientSession


class RRSession(ClientSession):
    framework = "rr"

    def __init__(
        self, host: str, port: int, path: str = "/_rr/ws", source: str | None = None
    ) -> None:
        super().__init__(host, port)
        self.path = path
        self.source = source  # the local address to connect from (None: the system's pick)
        self.seq = 0
        self.session_id: str | None = None
        self.ends: dict[str, int] = {}
        self.uploads: dict[str, str] = {}  # a file_uploader's label -> its PUT URL (U1)

    async def _open(self) -> None:
        self.conn = await wsraw.connect(self.host, self.port, self.path, self._message,
                                        source=self.source)
        self.conn.on_close = self._lost
        self.conn.send_text('{"t":"hello","v":1,"session":null,"seq":0}')

    def _click(self, label: str) -> None:
        assert self.conn is not None
        self.conn.send_text(f'{{"t":"click","id":{json.dumps(self.buttons[label])}}}')

    def _submit(self, label: str, text: str) -> None:
        assert self.conn is not None
        self.conn.send_text(json.dumps({"t": "click", "id": self.buttons[label], "v": text}))

    def _message(self, opcode: int, payload: bytes) -> None:
        if opcode != wsraw.OP_TEXT:
            self._error("binary frame from server")
            return
        full = not self.completed or b'"k":"button"' in payload
        if not full and b'"op":"end"' not in payload and b'"op":"error"' not in payload:
            if b'"op":"close"' in payload:
                self._error("server closed the session")
            self.seq += 1
            return
        frame = json.loads(payload)
        seq = frame["seq"]
        if seq != self.seq + 1 and seq != 0:
            self._error(f"seq gap: {self.seq} -> {seq}")
        self.seq = seq or self.seq
        for op in frame["ops"]:
            kind = op["op"]
            if kind == "el":
                e = op["e"]
                if e.get("k") in ("button", "chat_input"):
                    self.buttons[e["label"]] = e["id"]
                elif e.get("k") == "file_uploader" and e.get("upload"):
                    self.uploads[e["label"]] = e["upload"]
            elif kind == "end":
                status = op["status"]
                self.ends[status] = self.ends.get(status, 0) + 1
                if status == "complete":
                    self._run_finished()
                elif status == "error":
                    self._error("run ended with an error")
            elif kind == "error":
                self._error(f"server refused a message: {op.get('message')}")
            elif kind == "session":
                self.session_id = op["id"]
            elif kind == "close":
                self._error(f"server closed the session: {op.get('reason')}")
