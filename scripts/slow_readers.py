"""Clients that stop reading, against a real server in this process; prints when each is cut
off and the process's memory.

    python -m scripts.slow_readers 20 --lag 15 --seconds 40

Each slow reader is a plain socket with a small receive buffer that completes the websocket
handshake, says hello and never reads; the app draws 256 KB of new text every 50 ms. Memory is
the process's RSS (server and clients together; the clients hold only their sockets).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import gc
import inspect
import json
import os
import socket
import struct
import time
from typing import Any

import psutil
import uvicorn

import reactive_rerun as rr
from reactive_rerun import protocol

FILL = "x" * (256 * 1024)


async def big_text() -> None:
    await ticking()


@rr.fragment(run_every=0.05)
async def ticking() -> None:
    ticks = rr.session_state.get("ticks", 0) + 1
    rr.session_state.ticks = ticks
    rr.text(f"{ticks:08d}{FILL}")


class RawClient:
    """A websocket client on a plain non-blocking socket that reads only when told to."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    @classmethod
    async def open(
        cls, host: str, *, source: str = "127.0.0.1", rcvbuf: int = 4096
    ) -> RawClient:
        """Connect from ``source`` with a ``rcvbuf``-byte receive buffer, complete the handshake
        and say hello."""
        address, port = host.rsplit(":", 1)
        loop = asyncio.get_running_loop()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)  # before connect: the window
        sock.setblocking(False)
        sock.bind((source, 0))
        async with asyncio.timeout(10):
            await loop.sock_connect(sock, (address, int(port)))
            key = base64.b64encode(os.urandom(16)).decode()
            request = (
                f"GET /_rr/ws HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                f"Sec-WebSocket-Version: 13\r\nOrigin: http://{host}\r\n\r\n"
            )
            await loop.sock_sendall(sock, request.encode())
            head = b""
            while b"\r\n\r\n" not in head:  # the reply's headers, a byte at a time
                byte = await loop.sock_recv(sock, 1)
                if not byte:
                    raise ConnectionError(f"the server closed during the handshake: {head!r}")
                head += byte
        if not head.startswith(b"HTTP/1.1 101"):
            raise ConnectionError(f"the server refused the websocket: {head!r}")
        client = cls(sock)
        hello = {"t": "hello", "v": protocol.VERSION, "session": None, "seq": 0}
        await client.send(json.dumps(hello))
        return client

    async def send(self, text: str) -> None:
        """One masked text frame (clients must mask)."""
        payload = text.encode()
        mask = os.urandom(4)
        size = len(payload)
        if size < 126:
            head = struct.pack("!BB", 0x81, 0x80 | size)
        elif size < 1 << 16:
            head = struct.pack("!BBH", 0x81, 0x80 | 126, size)
        else:
            head = struct.pack("!BBQ", 0x81, 0x80 | 127, size)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        async with asyncio.timeout(10):
            await asyncio.get_running_loop().sock_sendall(self.sock, head + mask + masked)

    async def read_until_closed(self, within: float = 10.0, limit: int = 64 << 20) -> str:
        """Read what the kernel holds until the connection ends: "eof" or "reset". Raises
        ``TimeoutError`` if the server keeps it open past ``within`` seconds, and
        ``AssertionError`` if it sends more than ``limit`` bytes meanwhile."""
        loop = asyncio.get_running_loop()
        total = 0
        async with asyncio.timeout(within):
            while total < limit:
                try:
                    chunk = await loop.sock_recv(self.sock, 1 << 16)
                except ConnectionResetError:
                    return "reset"
                if not chunk:
                    return "eof"
                total += len(chunk)
        raise AssertionError(f"the server sent over {limit} bytes and kept the connection")

    def close(self) -> None:
        self.sock.close()


def rss_mib() -> float:
    return float(psutil.Process().memory_info().rss) / (1 << 20)


async def measure(count: int, lag: float, seconds: float, session_timeout: float) -> None:
    options: dict[str, Any] = {"session_timeout": session_timeout}
    if "max_send_lag" in inspect.signature(rr.App).parameters:
        options["max_send_lag"] = lag
    app = rr.App(big_text, **options)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, ws="wsproto", log_config=None,
                       log_level="error")
    )
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    host = f"127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    base, tasks = rss_mib(), len(asyncio.all_tasks())
    started = time.monotonic()
    clients = [await RawClient.open(host) for _ in range(count)]
    while len(app.sessions) < count:
        await asyncio.sleep(0.01)
    sessions = list(app.sessions.live.values())
    cut: dict[int, float] = {}
    peak = base
    while time.monotonic() - started < seconds and len(cut) < count:
        await asyncio.sleep(0.05)
        peak = max(peak, rss_mib())
        for i, session in enumerate(sessions):
            if i not in cut and not session.scheduler.connected.is_set():
                cut[i] = time.monotonic() - started
    watched = time.monotonic() - started

    async def end(client: RawClient) -> str:
        try:
            return await client.read_until_closed(within=2)
        except TimeoutError:
            return "still open"

    ends = await asyncio.gather(*(end(client) for client in clients))
    print(f"{count} slow readers, max_send_lag {options.get('max_send_lag', 'n/a')} s, "
          f"watched {watched:.1f} s")
    if cut:
        times = sorted(cut.values())
        print(f"released: {len(cut)} of {count}, after {times[0]:.1f} .. {times[-1]:.1f} s")
    else:
        print(f"released: 0 of {count}")
    print("client sockets: " + ", ".join(f"{ends.count(e)} {e}" for e in sorted(set(ends))))
    print(f"RSS: baseline {base:.0f} MiB, peak {peak:.0f} MiB "
          f"(+{(peak - base) / max(count, 1):.1f} MiB per slow reader), now {rss_mib():.0f} MiB")
    for client in clients:
        client.close()
    deadline = time.monotonic() + session_timeout + 5
    while app.sessions.live and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await app.sessions.settled()
    gc.collect()
    print(f"after session_timeout ({session_timeout:g} s): {len(app.sessions)} sessions, "
          f"asyncio tasks {len(asyncio.all_tasks())} (before the clients: {tasks}), "
          f"RSS {rss_mib():.0f} MiB (freed memory the allocator keeps counts)")
    server.should_exit = True
    await serving


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=20)
    parser.add_argument("--lag", type=float, default=15.0, help="App(max_send_lag=)")
    parser.add_argument("--seconds", type=float, default=40.0, help="how long to watch")
    parser.add_argument("--session-timeout", type=float, default=5.0, help="App(session_timeout=)")
    args = parser.parse_args()
    asyncio.run(measure(args.count, args.lag, args.seconds, args.session_timeout))


if __name__ == "__main__":
    main()
