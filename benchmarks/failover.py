"""S12: failover on a shared Redis store, and what the store costs a rerun.

``python -m benchmarks.failover [--kills 20] [--sessions 10,500] [--duration 10]`` (or
``python -m benchmarks.run --frameworks rr --only S12``).

Failover: redis-server, two workers (``python -m reactive_rerun run
benchmarks/apps/rr_sleep_script.py --no-reload --session-store redis://...``), a round-robin TCP
proxy in this process (each new connection goes to the next backend that accepts it) and one raw
websocket client that behaves like the browser's (``static/client.js``): ``hello`` with
``session``, ``seq`` and ``tab``, numbered clicks (``n``) kept until an ``ack`` covers them and
resent on every new socket, a reconnect 200 ms after the socket drops (doubling up to 5 s, like
the page). Each kill: a click on "Inc" (every other kill with the click still in flight, the
others once its frame showed the new count), SIGKILL of the worker that owns the session (the
backend the proxy gave the client's socket; its ``/_rr/health`` session count is checked too),
then kill -> *page restored*: a frame on the new socket whose ``session`` op says
``resumed: true`` for the same id, with the counter showing every click once and no run in
flight. The counter is then checked again once every click is acknowledged (a lost click shows
as one less, a doubled one as one more), and the killed worker is started again on its port.

Throughput: the closed loop of S4 (every session clicks "Inc" as soon as its previous run
finished) against one worker serving the same script file, started without and with
``--session-store``; Redis ``INFO commandstats`` before and after gives the calls per run
(``evalsha``: the save scripts; all commands: also the heartbeats).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from . import wsraw
from .driver import closed_loop, open_many, percentiles
from .rr_client import RRSession
from .servers import HOST, Server, free_port

RECONNECT = 0.2  # seconds after a drop, as the page does (static/client.js)
RECONNECT_MAX = 5.0
# commands only the store's Lua scripts issue: INFO commandstats counts them besides the evalsha
# that ran them, but they are no round trips
IN_SCRIPTS = {"hget", "hset", "hincrby", "pexpire", "exists"}


# -- redis-server --------------------------------------------------------------------------------

@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """Debian's redis-server on a free loopback port, no persistence; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is not installed (Debian: apt-get install redis-server)")
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--bind", HOST, "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection((HOST, port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
        yield f"redis://{HOST}:{port}/0"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def command_calls(url: str) -> dict[str, int]:
    """Redis ``INFO commandstats``: calls per command since the server started."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        stats = client.info("commandstats")
    finally:
        client.close()
    return {name.removeprefix("cmdstat_"): int(v["calls"]) for name, v in stats.items()}


# -- the proxy -----------------------------------------------------------------------------------

class RoundRobin:
    """A TCP proxy on loopback: each new connection goes to the next backend that accepts it
    (a dead worker's port refuses: the next one). ``backends`` records, per proxied
    connection, the client's port -> the backend's port."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self._turn = itertools.cycle(range(len(ports)))
        self.backends: dict[int, int] = {}
        self._writers: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None
        self.port = 0

    async def __aenter__(self) -> RoundRobin:
        self._server = await asyncio.start_server(self._handle, HOST, 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: Any) -> None:
        assert self._server is not None
        self._server.close()
        for w in list(self._writers):
            w.close()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._server.wait_closed(), 5)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        with contextlib.suppress(Exception):
            writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        client_port = writer.get_extra_info("peername")[1]
        self._writers.add(writer)
        try:
            for _ in self.ports:
                port = self.ports[next(self._turn)]
                try:
                    up_reader, up_writer = await asyncio.open_connection(HOST, port)
                except OSError:
                    continue  # a dead worker: the next one
                self.backends[client_port] = port
                self._writers.add(up_writer)
                try:
                    await asyncio.gather(self._pipe(reader, up_writer),
                                         self._pipe(up_reader, writer))
                finally:
                    self._writers.discard(up_writer)
                return
            writer.close()
        finally:
            self._writers.discard(writer)


# -- the client ----------------------------------------------------------------------------------

class BrowserLikeClient:
    """One tab's protocol behaviour without a browser: see the module docstring."""

    def __init__(self, host: str, port: int, path: str = "/_rr/ws") -> None:
        self.host, self.port, self.path = host, port, path
        self.tab = secrets.token_hex(16)  # this "page load"
        self.session: str | None = None
        self.last_seq = 0
        self.resyncing = False
        self.next = 0
        self.sent: list[dict[str, Any]] = []  # numbered events not acknowledged yet
        self.acked = 0
        self.count: int | None = None  # what the page shows: "count: K"
        self.buttons: dict[str, str] = {}
        self.runs: set[int] = set()
        self.conn: wsraw.WSConn | None = None
        self.generation = 0  # sockets opened so far
        self.live = False  # this socket got its first frame
        self.resumed: bool | None = None  # the session op on the current socket
        self.new_sessions = 0  # session ops with resumed false after the first
        self.errors: list[str] = []
        self.client_port = 0  # the current socket's local port (the proxy's record key)
        self.closing = False
        self.reconnects = 0
        self.dropped_at = 0.0  # perf_counter of the last drop
        self.connected_at = 0.0  # ... and of the last socket opened (upgrade done)
        self._changed = asyncio.Event()
        self._reconnector: asyncio.Task[None] | None = None

    # -- connection ---------------------------------------------------------------------

    async def start(self, within: float = 30.0) -> None:
        await self._connect()
        await self.wait_for(lambda: self.live and not self.runs and self.count is not None,
                            within)

    async def _connect(self) -> None:
        conn = await wsraw.connect(self.host, self.port, self.path, self._message)
        self.connected_at = time.perf_counter()
        self.generation += 1
        self.conn = conn
        self.live = False
        self.resumed = None
        assert conn.transport is not None
        self.client_port = conn.transport.get_extra_info("sockname")[1]
        conn.on_close = lambda: self._dropped(conn)
        hello = {"t": "hello", "v": 1, "session": self.session,
                 "seq": self.last_seq if self.session else 0, "tab": self.tab}
        self.resyncing = False  # the server replays from last_seq (or sends the page)
        conn.send_text(json.dumps(hello))

    def _dropped(self, conn: wsraw.WSConn) -> None:
        if conn is not self.conn or self.closing:
            return
        self.dropped_at = time.perf_counter()
        self.conn = None
        self.live = False
        self._changed.set()
        if self._reconnector is None or self._reconnector.done():
            self._reconnector = asyncio.get_running_loop().create_task(self._reconnect())

    async def _reconnect(self) -> None:
        delay = RECONNECT
        for _ in range(40):  # bounded: ~3 minutes at most
            await asyncio.sleep(delay)
            if self.closing:
                return
            try:
                await self._connect()
                self.reconnects += 1
                return
            except (OSError, TimeoutError, wsraw.HandshakeError):
                delay = min(delay * 2, RECONNECT_MAX)
        self.errors.append("gave up reconnecting")

    def close(self) -> None:
        self.closing = True
        if self._reconnector is not None:
            self._reconnector.cancel()
        if self.conn is not None:
            self.conn.close()

    # -- outgoing -----------------------------------------------------------------------

    def _send(self, msg: dict[str, Any]) -> None:
        if self.live and self.conn is not None and not self.conn.closed:
            with contextlib.suppress(ConnectionError):
                self.conn.send_text(json.dumps(msg))

    def click(self, label: str) -> int:
        """A numbered click; kept until acknowledged. Returns its number."""
        self.next += 1
        msg = {"t": "click", "id": self.buttons[label], "n": self.next}
        self.sent.append(msg)
        self._send(msg)
        return self.next

    # -- incoming -----------------------------------------------------------------------

    def _message(self, opcode: int, payload: bytes) -> None:
        try:
            frame = json.loads(payload)
        except ValueError:
            self.errors.append("bad frame")
            return
        ops = frame.get("ops", [])
        seq = frame.get("seq", 0)
        if not seq > 0:
            for o in ops:
                if o.get("op") in ("error", "close"):
                    self.errors.append(f"{o['op']}: {o.get('message') or o.get('reason')}")
            return
        first = not self.live
        self.live = True
        ses = next((o for o in ops if o.get("op") == "session"), None)
        if ses is not None:
            if self.session is not None and (not ses["resumed"] or ses["id"] != self.session):
                self.new_sessions += 1  # the state is gone: a fresh session
            self.session = ses["id"]
            self.resumed = bool(ses["resumed"])
            if not ses["resumed"]:
                self.last_seq, self.next, self.acked = 0, 0, 0
                self.sent.clear()
                self._reset()
        if not any(o.get("op") == "reset" for o in ops):
            if seq <= self.last_seq or self.resyncing:
                return self._after(first)
            if seq != self.last_seq + 1:
                self.resyncing = True
                self._send({"t": "resync"})
                return self._after(first)
        self.resyncing = False
        self.last_seq = seq
        for o in ops:
            kind = o.get("op")
            if kind == "reset":
                self._reset()
            elif kind == "el":
                e = o["e"]
                if e.get("k") == "button":
                    self.buttons[e["label"]] = e["id"]
                elif e.get("k") == "text" and e.get("text", "").startswith("count: "):
                    self.count = int(e["text"].removeprefix("count: "))
            elif kind == "start":
                self.runs.add(o["run"])
            elif kind == "end":
                self.runs.discard(o["run"])
                if o.get("status") == "error":
                    self.errors.append("a run ended with an error")
            elif kind == "ack":
                self.acked = max(self.acked, int(o["n"]))
                self.sent = [m for m in self.sent if m["n"] > o["n"]]
            elif kind == "error":
                self.errors.append(f"refused: {o.get('message')}")
            elif kind == "close":
                self.errors.append(f"closed: {o.get('reason')}")
        self._after(first)

    def _after(self, first: bool) -> None:
        if first:  # not acknowledged: resent; the server skips the numbers it has applied
            for m in self.sent:
                self._send(m)
        self._changed.set()

    def _reset(self) -> None:
        self.runs.clear()
        self.count = None

    async def wait_for(self, condition: Callable[[], bool], within: float) -> float:
        """Wait until ``condition()`` holds after a frame (or a drop); the time it first held."""
        async with asyncio.timeout(within):
            while not condition():
                self._changed.clear()
                await self._changed.wait()
        return time.perf_counter()


# -- the failover loop ---------------------------------------------------------------------------

@contextlib.asynccontextmanager
async def cluster(url: str, count: int = 2) -> AsyncIterator[list[Server]]:
    workers = [Server("rr", "sleep", 10, session_store=url) for _ in range(count)]
    try:
        for w in workers:
            await asyncio.to_thread(w.start)
        yield workers
    finally:
        for w in workers:
            await asyncio.to_thread(w.stop)


def _shows(client: BrowserLikeClient, count: int) -> Callable[[], bool]:
    """The page shows ``count`` and no run is in flight."""
    return lambda: client.count == count and not client.runs


def _back(client: BrowserLikeClient, generation: int, count: int) -> Callable[[], bool]:
    """A newer socket than ``generation`` got its session op: resumed and showing ``count``
    with no run in flight (restored), or not resumed (a fresh session: the state is lost)."""
    shows = _shows(client, count)
    return lambda: (client.generation > generation and client.live
                    and client.resumed is not None and (not client.resumed or shows()))


def _sessions(port: int) -> int | None:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/_rr/health", timeout=2) as r:
            return int(json.loads(r.read())["sessions"])
    except OSError:
        return None


async def failover(url: str, kills: int, *, log: Any = None) -> dict[str, Any]:
    """``kills`` SIGKILLs of the worker owning one browser-like session; see the docstring."""
    times: list[float] = []
    to_drop: list[float] = []  # kill -> the client saw its socket close
    to_restore: list[float] = []  # the new socket open -> page restored
    per_kill: list[dict[str, Any]] = []
    lost = doubled = not_resumed = owner_mismatch = 0
    expected = 0
    async with cluster(url) as workers, RoundRobin([w.port for w in workers]) as proxy:
        client = BrowserLikeClient(HOST, proxy.port)
        try:
            await client.start()
            # A session is durable once its first record is in the store: the server
            # acknowledges a click only after the save that includes it. Kills start after
            # that (a worker killed in the few ms before a new session's first save takes the
            # session with it; the page then starts a new one).
            first = client.click("Inc")
            await client.wait_for(lambda: client.acked >= first, 10)
            expected = client.count or 0
            for i in range(kills):
                in_flight = i % 2 == 1
                n = client.click("Inc")
                expected += 1
                if not in_flight:  # its frame showed the new count (saved or not, unknown)
                    await client.wait_for(_shows(client, expected), 10)
                port = proxy.backends.get(client.client_port)
                owner = next(w for w in workers if w.port == port)
                counts = await asyncio.gather(*(asyncio.to_thread(_sessions, w.port)
                                                for w in workers))
                holding = [w.port for w, c in zip(workers, counts, strict=True) if c]
                if holding != [owner.port]:
                    owner_mismatch += 1
                generation = client.generation
                session = client.session
                assert owner.proc is not None
                killed = time.perf_counter()
                owner.proc.send_signal(signal.SIGKILL)
                restored = await client.wait_for(_back(client, generation, expected), 30)
                await asyncio.to_thread(owner.proc.wait, 10)
                ok = client.resumed and client.session == session
                if not ok:
                    not_resumed += 1
                took = restored - killed
                times.append(took)
                to_drop.append(client.dropped_at - killed)
                to_restore.append(restored - client.connected_at)
                # every click acknowledged (saved): the count must not move any more
                with contextlib.suppress(TimeoutError):
                    await client.wait_for(lambda: not client.sent and not client.runs, 10)
                await asyncio.sleep(0.3)  # a second application would show by now
                seen = client.count if client.count is not None else -1
                lost += max(0, expected - seen)
                doubled += max(0, seen - expected)
                per_kill.append({"kill": i + 1, "in_flight": in_flight, "click": n,
                                 "owner": owner.port, "holding": holding,
                                 "restored_ms": took * 1000, "count": seen,
                                 "expected": expected, "resumed": ok,
                                 "unacked": len(client.sent)})
                if log is not None:
                    log(f"S12: kill {i + 1}/{kills} ({'in flight' if in_flight else 'applied'}):"
                        f" restored after {took * 1000:.0f} ms, count {seen}/{expected}")
                expected = seen if seen >= 0 else expected
                await asyncio.to_thread(owner.start)  # the killed worker serves its port again
            record_count = await _stored_count(url, client.session)
        finally:
            client.close()
    return {
        "kills": kills, "failover": percentiles(times), "kill_to_drop": percentiles(to_drop),
        "reconnect_to_restored": percentiles(to_restore), "lost": lost, "doubled": doubled,
        "not_resumed": not_resumed, "owner_mismatch": owner_mismatch,
        "final_count": expected, "stored_count": record_count,
        "reconnects": client.reconnects, "client_errors": client.errors, "per_kill": per_kill,
        "errors": lost + doubled + not_resumed + len(client.errors)
        + (record_count != expected),
    }


async def _stored_count(url: str, session: str | None) -> int | None:
    """The counter in the session's record in Redis (what a next failover would resume)."""
    import redis.asyncio as aioredis

    from reactive_rerun import durable

    client = aioredis.from_url(url)
    try:
        for _ in range(20):  # the last save may still be on its way
            data: Any = await client.hget(f"rr:session:{session}", "data")
            if data:
                return int(durable.load(bytes(data)).state["count"])
            await asyncio.sleep(0.1)
    finally:
        await client.aclose()
    return None


# -- throughput with and without the store -------------------------------------------------------

def _clients(port: int) -> Callable[[], RRSession]:
    """Sessions from 50 per loopback address (127.0.1.1, 127.0.1.2, ...): the app lets one
    address hold at most 100 websockets (``max_connections_per_client``, not settable by
    ``reactive-rerun run``), so 500 sessions from one address would be refused."""
    made = itertools.count()
    return lambda: RRSession(HOST, port, source=f"127.0.1.{1 + next(made) // 50}")


async def throughput(url: str | None, sessions: int, duration: float) -> dict[str, Any]:
    """S4's closed loop against one ``run`` worker; with ``url``, Redis calls per run too."""
    with Server("rr", "sleep", 10, session_store=url) as server:
        opened, failed = await open_many(_clients(server.port), sessions)
        await asyncio.sleep(0.5)  # the first runs' saves are done
        done0 = sum(s.completed for s in opened)
        calls0 = command_calls(url) if url else {}
        r = await closed_loop(opened, "Inc", duration)
        await asyncio.sleep(0.5)  # the last runs' saves
        runs = sum(s.completed for s in opened) - done0
        if url:
            calls = command_calls(url)
            delta = {k: v - calls0.get(k, 0) for k, v in calls.items()}
            delta = {k: v for k, v in delta.items() if v > 0 and k != "info"}
            r["redis_calls"] = delta  # INFO counts the commands a script runs, too
            r["runs_counted"] = runs
            trips = sum(v for k, v in delta.items() if k not in IN_SCRIPTS)
            r["evalsha_per_run"] = delta.get("evalsha", 0) / runs if runs else None
            r["round_trips_per_run"] = trips / runs if runs else None
            r["commands_per_run"] = sum(delta.values()) / runs if runs else None
        r["connect_failures"] = failed
        r["errors"] += failed
        for s in opened:
            s.close()
    return r


async def measure(kills: int, sessions: tuple[int, ...], duration: float,
                  log: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {"loadavg_start": os.getloadavg()}
    with redis_server() as url:
        out["failover"] = await failover(url, kills, log=log)
        for count in sessions:
            for store in (False, True):
                if log is not None:
                    log(f"S12: closed loop, {count} sessions, {duration:g} s, "
                        f"{'with' if store else 'without'} the store")
                out[f"{'store' if store else 'memory'}_{count}"] = await throughput(
                    url if store else None, count, duration)
    out["loadavg_end"] = os.getloadavg()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--sessions", default="10,500", help="closed-loop sizes, e.g. 10,500")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per closed loop")
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sessions.split(",") if s)

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    result = asyncio.run(measure(args.kills, sizes, args.duration, log))
    for kill in result["failover"]["per_kill"]:
        kill.pop("holding", None)
    print(json.dumps(result, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
