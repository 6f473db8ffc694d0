"""Connect/disconnect churn against a real server in this process; prints tasks and memory.

    python scripts/churn.py 5000

Half the clients close cleanly, half drop their TCP connection. Sessions expire after 50 ms.
Memory is traced Python memory (tracemalloc), not RSS.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
import tracemalloc

import uvicorn
from websockets.asyncio.client import connect

import reactive_rerun as rr


async def main_script() -> None:
    n = rr.session_state.setdefault("n", 0)
    if rr.button("Inc"):
        rr.session_state.n = n = n + 1
    rr.text(f"count {n}")
    rr.text_input("name", key="name")


async def cycle(host: str, drop: bool) -> None:
    """One client: connect, see the first run end, then close cleanly or drop the TCP link."""
    ws = await connect(f"ws://{host}/_rr/ws", origin=f"http://{host}")
    await ws.send(json.dumps({"t": "hello", "v": 1, "session": None, "seq": 0}))
    while '"op":"end"' not in str(await ws.recv()):
        pass
    if drop:
        assert ws.transport is not None
        ws.transport.abort()
        await asyncio.sleep(0)
    else:
        await ws.close()


async def run(cycles: int) -> None:
    app = rr.App(main_script, session_timeout=0.05)
    server = uvicorn.Server(
        uvicorn.Config(app, port=0, ws="wsproto", ws_per_message_deflate=False,
                       log_level="warning")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    host = f"127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"

    async def settle() -> None:
        while app.sessions.live or app.sessions._background:
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)
        gc.collect()

    for i in range(200):
        await cycle(host, i % 2 == 1)
    await settle()
    tracemalloc.start()
    tasks0, mem0 = len(asyncio.all_tasks()), tracemalloc.get_traced_memory()[0]
    started = time.perf_counter()
    peak_sessions = 0
    for i in range(cycles):
        await cycle(host, i % 2 == 1)
        peak_sessions = max(peak_sessions, len(app.sessions.live))
    elapsed = time.perf_counter() - started
    await settle()
    tasks1, mem1 = len(asyncio.all_tasks()), tracemalloc.get_traced_memory()[0]
    print(f"cycles: {cycles} in {elapsed:.1f} s (half clean closes, half dropped TCP)")
    print(f"peak live sessions during churn: {peak_sessions}")
    print(f"asyncio tasks: baseline {tasks0}, after expiry {tasks1}")
    print(f"traced memory: baseline {mem0:,} B, after expiry {mem1:,} B, "
          f"growth {mem1 - mem0:,} B ({(mem1 - mem0) / cycles:.1f} B per cycle)")
    server.should_exit = True
    await task


if __name__ == "__main__":
    asyncio.run(run(int(sys.argv[1]) if len(sys.argv) > 1 else 5000))
