"""S5c: memory when the client offers permessage-deflate, as every browser does.

Browsers send ``Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits`` and
compress what they send once it is accepted. Under uvicorn's wsproto implementation an accepted
offer costs the server a zlib compressor (and a decompressor once the client sent a compressed
message) per socket, kept for the socket's life, and it inflates every compressed frame in full,
with no size bound, before uvicorn's ``ws_max_size`` is looked at. Two measurements, each against
a server started with ``--ws-per-message-deflate true`` (uvicorn's default) and ``false`` (the
documented way, ``docs/deploy.md``):

* idle: ``count`` sessions opened with the ``websockets`` client library and
  ``compression="deflate"`` (its offer is the one Chromium sends), each waits for its first run
  to finish and stays open; RSS of the server process per session above a one-session baseline.
* flood: ``frames`` sockets, each sends ``hello`` and then one text frame of ``"a" * ~525 MB``
  compressed to ``frame_kib`` KiB (RSV1 set). With the offer declined a compressed frame is a
  protocol error, so the same flood is then sent as the client must send it: ``frames`` frames of
  ``frame_kib`` KiB uncompressed on one session (refused by ``max_frame_bytes`` or the rate
  limit: the app's limits), and one message with the bomb's uncompressed size, streamed until the
  server closes the socket (uvicorn's ``ws_max_size``, 16 MiB by default). Peak and kept RSS of
  the server process; the peak is sampled every 10 ms.

``python -m benchmarks.deflate [--sessions 1000,3000] [--frames 10]`` prints the numbers as JSON;
``python -m benchmarks.run --only S5c`` puts them in the table.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import time
import zlib
from typing import Any

from . import wsraw
from .servers import HOST, Server

try:
    import psutil
except ImportError:  # pragma: no cover - psutil comes with the [bench] extra
    psutil = None

HELLO = '{"t":"hello","v":1,"session":null,"seq":0}'
OFFER = "permessage-deflate; client_max_window_bits"  # what Chromium offers
MiB = 1 << 20


def rss(pid: int) -> int:
    return int(psutil.Process(pid).memory_info().rss) if psutil else 0


def negotiated(headers: Any) -> str:
    return str(headers.get("Sec-WebSocket-Extensions") or "")


# -- idle sessions ------------------------------------------------------------------------------

async def open_idle(
    port: int, count: int, *, compression: str | None = "deflate", concurrency: int = 50,
    within: float = 180.0,
) -> tuple[list[Any], int, set[str]]:
    """Open ``count`` sessions with the ``websockets`` client; each waits for its first run to
    finish. Returns (connections, failures, the extension answers seen)."""
    from websockets.asyncio.client import connect

    sem = asyncio.Semaphore(concurrency)
    conns: list[Any] = []
    answers: set[str] = set()
    failures = 0
    deadline = time.monotonic() + within

    async def one() -> None:
        nonlocal failures
        async with sem:
            ws = None
            try:
                async with asyncio.timeout(max(1.0, deadline - time.monotonic())):
                    ws = await connect(f"ws://{HOST}:{port}/_rr/ws", compression=compression,
                                       ping_interval=None, max_size=None)
                    assert ws.response is not None
                    answers.add(negotiated(ws.response.headers))
                    await ws.send(HELLO)
                    while '"status":"complete"' not in str(await ws.recv()):
                        pass
                conns.append(ws)
            except (Exception, TimeoutError):
                failures += 1
                if ws is not None:
                    with contextlib.suppress(Exception):
                        await ws.close()

    await asyncio.gather(*(one() for _ in range(count)))
    return conns, failures, answers


async def close_all(conns: list[Any]) -> None:
    async def one(ws: Any) -> None:
        with contextlib.suppress(Exception):
            async with asyncio.timeout(5):
                await ws.close()

    for i in range(0, len(conns), 200):
        await asyncio.gather(*(one(ws) for ws in conns[i : i + 200]))


async def idle(
    deflate: bool, sessions: tuple[int, ...], log: Any = print, uvicorn_args: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Per-session RSS with a compressing client, server flag ``deflate``."""
    out: dict[str, Any] = {}
    with Server("rr", "main", 10, deflate=deflate, uvicorn_args=[*uvicorn_args]) as server:
        first, _, answers = await open_idle(server.port, 1)
        await asyncio.sleep(1.0)
        base = rss(server.pid)
        out["baseline_rss"] = base
        conns: list[Any] = []
        failures = 0
        for count in sessions:
            log(f"S5c: {count} idle sessions, client offers deflate, server flag "
                f"{'on' if deflate else 'off'}")
            more, failed, seen = await open_idle(server.port, count - len(conns))
            conns += more
            failures += failed
            answers |= seen
            await asyncio.sleep(2.0)
            now = rss(server.pid)
            out[str(count)] = {
                "rss": now, "failures": failures,
                "per_session_kb": (now - base) / len(conns) / 1024 if conns else None,
            }
        out["extensions_answered"] = sorted(answers)
        await close_all(conns + first)
    return out


# -- compressed floods --------------------------------------------------------------------------

def bomb(frame_kib: int) -> tuple[bytes, int]:
    """A permessage-deflate payload of ``frame_kib`` KiB inflating to runs of ``a``; returns
    (payload, inflated size)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"a" * MiB
    parts: list[bytes] = []
    size = inflated = 0
    while size < frame_kib * 1024 - 2048:
        part = comp.compress(chunk)
        parts.append(part)
        size += len(part)
        inflated += len(chunk)
    tail = comp.flush(zlib.Z_SYNC_FLUSH)
    assert tail.endswith(b"\x00\x00\xff\xff")
    parts.append(tail[:-4])  # the extension strips the empty block's trailer
    return b"".join(parts), inflated


class Sampler:
    """The peak RSS of a process, sampled every 10 ms while running."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = rss(pid)
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            self.peak = max(self.peak, rss(self.pid))
            await asyncio.sleep(0.01)

    def __enter__(self) -> Sampler:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: Any) -> None:
        assert self._task is not None
        self._task.cancel()


async def _wait_closed(conns: list[wsraw.WSConn], within: float) -> None:
    for _ in range(int(within / 0.05)):
        if all(c.closed for c in conns):
            return
        await asyncio.sleep(0.05)


def _close_codes(conns: list[wsraw.WSConn]) -> list[int | None]:
    """The close code each socket got from the server (``None``: no close frame)."""
    return [c.close_code for c in conns]


async def _raw(port: int, msgs: list[tuple[int, bytes]]) -> wsraw.WSConn:
    def on_message(op: int, payload: bytes) -> None:
        msgs.append((op, payload[:200]))

    conn = await wsraw.connect(HOST, port, "/_rr/ws", on_message, extensions=OFFER)
    conn.send_text(HELLO)
    return conn


async def flood(
    deflate: bool, frames: int, frame_kib: int, log: Any = print,
    uvicorn_args: tuple[str, ...] = (),
) -> dict[str, Any]:
    """``frames`` sockets each send one compressed bomb (or, when the offer is declined, what
    the client can send instead); peak and kept RSS of the server."""
    payload, inflated = bomb(frame_kib)
    out: dict[str, Any] = {"frame_bytes": len(payload), "inflates_to": inflated}
    with Server("rr", "main", 10, deflate=deflate, uvicorn_args=[*uvicorn_args]) as server:
        pid = server.pid
        await asyncio.sleep(1.0)
        base = rss(pid)
        out["baseline_rss"] = base
        msgs: list[list[tuple[int, bytes]]] = [[] for _ in range(frames)]
        conns = [await _raw(server.port, msgs[i]) for i in range(frames)]
        accepted = b"permessage-deflate" in conns[0].response_head.lower()
        out["extension_accepted"] = accepted
        await asyncio.sleep(1.0)
        log(f"S5c: flood, {frames} x {len(payload) // 1024} KiB compressed frames "
            f"(inflating to {inflated // MiB} MiB each), server flag {'on' if deflate else 'off'}")
        with Sampler(pid) as sampler:
            for c in conns:
                if not c.closed:
                    c.send_frame(wsraw.OP_TEXT, payload, rsv1=True)
            await _wait_closed(conns, 30.0)
            await asyncio.sleep(1.0)
        await asyncio.sleep(2.0)
        out["compressed"] = {
            "peak_rss": sampler.peak, "kept_rss": rss(pid), "close_codes": _close_codes(conns),
            "server_alive": server.proc is not None and server.proc.poll() is None,
        }
        for c in conns:
            c.close()
        if accepted:
            return out

        # declined: what a client can send instead
        log(f"S5c: flood, {frames} x {frame_kib} KiB uncompressed frames on one session")
        m: list[tuple[int, bytes]] = []
        conn = await _raw(server.port, m)
        await asyncio.sleep(0.5)
        text = b"a" * (frame_kib * 1024)
        with Sampler(pid) as sampler:
            for _ in range(frames):
                if conn.closed:
                    break
                conn.send_frame(wsraw.OP_TEXT, text)
                await asyncio.sleep(0.05)
            await asyncio.sleep(2.0)
        refusals = [p for op, p in m if op == wsraw.OP_TEXT and b'"op":"error"' in p]
        out["uncompressed_frames"] = {
            "peak_rss": sampler.peak, "kept_rss": rss(pid), "refused": len(refusals),
            "first_refusal": refusals[0][:160].decode(errors="replace") if refusals else None,
            "socket_closed": conn.closed, "close_codes": _close_codes([conn]),
        }
        conn.close()

        log(f"S5c: flood, one {inflated // MiB} MiB uncompressed message, {frames} sockets")
        msgs = [[] for _ in range(frames)]
        conns = [await _raw(server.port, msgs[i]) for i in range(frames)]
        await asyncio.sleep(0.5)
        with Sampler(pid) as sampler:
            sent = await asyncio.gather(*(_stream(c, inflated, budget=15.0) for c in conns))
            await _wait_closed(conns, 3.0)
            await asyncio.sleep(1.0)
        await asyncio.sleep(2.0)
        out["uncompressed_message"] = {
            "peak_rss": sampler.peak, "kept_rss": rss(pid), "sent_bytes_max": max(sent),
            "closed": sum(c.closed for c in conns),
            "close_codes": _close_codes(conns),
        }
        for c in conns:
            c.close()
    return out


async def _stream(conn: wsraw.WSConn, length: int, budget: float) -> int:
    """Send one text frame of ``length`` bytes of ``a`` in 1 MiB chunks until the server
    closes the socket, everything is sent, or ``budget`` seconds passed."""
    key = conn.send_frame_header(wsraw.OP_TEXT, length)
    chunk = b"a" * MiB
    sent = 0
    end = time.monotonic() + budget
    while sent < length and time.monotonic() < end and not conn.closed:
        assert conn.transport is not None
        if conn.transport.is_closing():
            break
        if conn.transport.get_write_buffer_size() > 4 * MiB:
            await asyncio.sleep(0.005)
            continue
        n = min(MiB, length - sent)
        conn.send_masked(chunk[:n], key)
        sent += n
        await asyncio.sleep(0)
    return sent


async def tabs(deflate: bool, pages: int, log: Any = print) -> dict[str, Any]:
    """Idle Chromium tabs (``browser.idle_tabs``) against a server with flag ``deflate``."""
    from . import browser

    log(f"S5c: {pages} idle Chromium tabs, server flag {'on' if deflate else 'off'}")
    with Server("rr", "main", 10, deflate=deflate) as server:
        return await browser.idle_tabs(f"http://{HOST}:{server.port}/", server.pid, pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", default="1000", help="comma-separated, e.g. 1000,3000")
    parser.add_argument("--frames", type=int, default=10)
    parser.add_argument("--frame-kib", type=int, default=510)
    parser.add_argument("--only", choices=["idle", "flood", "both", "chromium"], default="both")
    parser.add_argument("--pages", type=int, default=200, help="Chromium tabs (--only chromium)")
    parser.add_argument("--ws-max-size", type=int, default=0,
                        help="pass uvicorn --ws-max-size (default: uvicorn's, 16 MiB)")
    parser.add_argument("--flag", choices=["on", "off", "both"], default="both")
    args = parser.parse_args(argv)
    sessions = tuple(int(s) for s in args.sessions.split(","))
    extra = ("--ws-max-size", str(args.ws_max_size)) if args.ws_max_size else ()

    async def run() -> dict[str, Any]:
        res: dict[str, Any] = {}
        flags = {"on": (True,), "off": (False,), "both": (True, False)}[args.flag]
        for deflate in flags:
            key = "flag_on" if deflate else "flag_off"
            res[key] = {}
            if args.only == "chromium":
                res[key]["chromium"] = await tabs(deflate, args.pages, _log)
            if args.only in ("idle", "both"):
                res[key]["idle"] = await idle(deflate, sessions, _log, extra)
            if args.only in ("flood", "both"):
                res[key]["flood"] = await flood(deflate, args.frames, args.frame_kib, _log,
                                                 extra)
        return res

    print(json.dumps(asyncio.run(run()), indent=1))
    return 0


def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


if __name__ == "__main__":
    os.environ.setdefault("BENCH_LOGDIR", "/tmp")
    sys.exit(main())
