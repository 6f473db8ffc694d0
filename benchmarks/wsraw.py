"""A lean websocket client on ``asyncio.Protocol``, shared by both load drivers.

No per-message coroutine, no compression extension (``connect(extensions=...)`` may *offer*
one, for the memory scenarios that look at what the server answers; received frames are never
decompressed), no ping handling beyond answering pings: each received message is handed to a
callback as it is parsed. Both frameworks are
driven through this same transport, so the client's own cost is the same for both. Byte
counters count whole websocket frames (header + payload) in each direction.
"""

from __future__ import annotations

import asyncio
import base64
import os
import struct
from collections.abc import Callable

OP_CONT, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA

OnMessage = Callable[[int, bytes], None]


class HandshakeError(ConnectionError):
    pass


class WSConn(asyncio.Protocol):
    """One client websocket. ``on_message(opcode, payload)`` is called per complete message."""

    def __init__(self, on_message: OnMessage | None = None) -> None:
        self.on_message: OnMessage = on_message or (lambda op, data: None)
        self.on_close: Callable[[], None] | None = None
        self.transport: asyncio.Transport | None = None
        self.bytes_in = 0
        self.bytes_out = 0
        self.closed = False
        self._buf = bytearray()
        self._handshake: asyncio.Future[bytes] | None = None
        self._frag_op = 0
        self._frag: list[bytes] = []
        self.response_head = b""  # the server's HTTP upgrade response
        self.close_code: int | None = None  # from the server's close frame

    # -- asyncio.Protocol --------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self._handshake is not None and not self._handshake.done():
            self._handshake.set_exception(HandshakeError("connection lost during handshake"))
        if self.on_close is not None:
            self.on_close()

    def data_received(self, data: bytes) -> None:
        self._buf += data
        if self._handshake is not None and not self._handshake.done():
            end = self._buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self._buf[: end + 4])
            del self._buf[: end + 4]
            self._handshake.set_result(head)
        self._parse()

    # -- frames ------------------------------------------------------------------------------

    def _parse(self) -> None:
        buf = self._buf
        pos = 0
        n = len(buf)
        while n - pos >= 2:
            b0, b1 = buf[pos], buf[pos + 1]
            length = b1 & 0x7F
            head = 2
            if length == 126:
                if n - pos < 4:
                    break
                length = struct.unpack_from("!H", buf, pos + 2)[0]
                head = 4
            elif length == 127:
                if n - pos < 10:
                    break
                length = struct.unpack_from("!Q", buf, pos + 2)[0]
                head = 10
            if b1 & 0x80:  # servers never mask; tolerate it anyway
                head += 4
            if n - pos < head + length:
                break
            payload = bytes(buf[pos + head : pos + head + length])
            if b1 & 0x80:
                key = buf[pos + head - 4 : pos + head]
                payload = _mask(payload, bytes(key))
            self.bytes_in += head + length
            pos += head + length
            self._frame(b0 & 0x80, b0 & 0x0F, payload)
        if pos:
            del buf[:pos]

    def _frame(self, fin: int, op: int, payload: bytes) -> None:
        if op == OP_PING:
            self._send(OP_PONG, payload)
            return
        if op == OP_PONG:
            return
        if op == OP_CLOSE:
            self.close_code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else 1005
            if not self.closed:
                self._send(OP_CLOSE, payload[:2])
                self.closed = True
                if self.transport is not None:
                    self.transport.close()
            return
        if op == OP_CONT:
            self._frag.append(payload)
            if fin:
                data = b"".join(self._frag)
                self._frag = []
                self.on_message(self._frag_op, data)
            return
        if not fin:
            self._frag_op = op
            self._frag = [payload]
            return
        self.on_message(op, payload)

    def _send(self, op: int, payload: bytes, rsv1: bool = False) -> None:
        if self.transport is None or self.transport.is_closing():
            raise ConnectionError("websocket is closed")
        key = os.urandom(4)
        frame = _header(op, len(payload), rsv1) + key + _mask(payload, key)
        self.bytes_out += len(frame)
        self.transport.write(frame)

    def send_frame(self, op: int, payload: bytes, *, rsv1: bool = False) -> None:
        """One whole frame; ``rsv1`` marks a permessage-deflate compressed payload."""
        self._send(op, payload, rsv1)

    def send_frame_header(self, op: int, length: int) -> bytes:
        """Start a frame of ``length`` payload bytes; returns its mask key. The payload follows
        through ``send_masked`` (for payloads too large to build at once)."""
        if self.transport is None or self.transport.is_closing():
            raise ConnectionError("websocket is closed")
        key = os.urandom(4)
        head = _header(op, length, False) + key
        self.bytes_out += len(head)
        self.transport.write(head)
        return key

    def send_masked(self, chunk: bytes, key: bytes) -> None:
        """The next payload bytes of a frame begun by ``send_frame_header``; ``len(chunk)`` must
        be a multiple of 4 except for the last chunk."""
        if self.transport is None or self.transport.is_closing():
            raise ConnectionError("websocket is closed")
        self.bytes_out += len(chunk)
        self.transport.write(_mask(chunk, key))

    def send_text(self, text: str) -> None:
        self._send(OP_TEXT, text.encode())

    def send_binary(self, data: bytes) -> None:
        self._send(OP_BINARY, data)

    def close(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            try:
                self._send(OP_CLOSE, struct.pack("!H", 1000))
            except ConnectionError:
                pass
            self.transport.close()
        self.closed = True


def _header(op: int, n: int, rsv1: bool) -> bytes:
    b0 = 0x80 | (0x40 if rsv1 else 0) | op
    if n < 126:
        return struct.pack("!BB", b0, 0x80 | n)
    if n < 65536:
        return struct.pack("!BBH", b0, 0x80 | 126, n)
    return struct.pack("!BBQ", b0, 0x80 | 127, n)


def _mask(payload: bytes, key: bytes) -> bytes:
    n = len(payload)
    if n == 0:
        return payload
    full = (key * (n // 4 + 1))[:n]
    return (int.from_bytes(payload, "little") ^ int.from_bytes(full, "little")).to_bytes(
        n, "little"
    )


async def connect(
    host: str,
    port: int,
    path: str,
    on_message: OnMessage | None = None,
    *,
    subprotocol: str | None = None,
    extensions: str | None = None,
    within: float = 10.0,
    source: str | None = None,
) -> WSConn:
    """Open a websocket and finish the HTTP upgrade. ``extensions`` is sent as
    ``Sec-WebSocket-Extensions`` (an offer only: this client decompresses nothing); ``source``:
    the local address to connect from (another loopback address is another client)."""
    loop = asyncio.get_running_loop()
    local = (source, 0) if source else None
    async with asyncio.timeout(within):
        _, conn = await loop.create_connection(lambda: WSConn(on_message), host, port,
                                               local_addr=local)
        conn._handshake = loop.create_future()
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [
            f"GET {path} HTTP/1.1",
            f"Host: {host}:{port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
        ]
        if subprotocol:
            lines.append(f"Sec-WebSocket-Protocol: {subprotocol}")
        if extensions:
            lines.append(f"Sec-WebSocket-Extensions: {extensions}")
        request = ("\r\n".join(lines) + "\r\n\r\n").encode()
        assert conn.transport is not None
        conn.transport.write(request)
        head = await conn._handshake
    conn.response_head = head
    status = head.split(b"\r\n", 1)[0]
    if b" 101 " not in status + b" ":
        conn.close()
        raise HandshakeError(f"websocket upgrade refused: {status.decode(errors='replace')}")
    return conn
