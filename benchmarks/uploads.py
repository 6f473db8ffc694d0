"""U1: one 100 MB upload per framework: throughput and the server's RSS growth.

``python -m benchmarks.uploads --mb 100`` (JSON on stdout). Each side gets a fresh server
with one file uploader (``apps/rr_apps.py`` ``upload``, ``apps/st_upload.py``) and one raw
websocket session, then one HTTP PUT of the file's bytes from this process on a plain socket
(1 MiB writes, as fast as the server reads them):

- ours: the uploader's ``upload`` URL from its element (``PUT /_rr/upload/<session>/<token>
  ?name=...``), the raw bytes as the body; the server streams them into a spooled temporary
  file (1 MiB in memory, the rest on disk).
- Streamlit: ``PUT /_stcore/upload_file/<session_id>/<file_id>`` with a ``multipart/form-data``
  body (one ``file`` part), as its frontend sends it. The session id is the one the websocket's
  ``new_session`` message carries; the file id is a fresh uuid (the frontend first asks for
  URLs with a ``file_urls_request`` BackMsg; the server mints a uuid per name and checks
  nothing else on the PUT, so this client skips the round trip). Streamlit is started with
  ``--server.maxUploadSize 1000`` (200 MB by default; ours gets the same 1,000 MB) and
  ``--server.enableXsrfProtection false`` (its frontend sends the XSRF cookie and header; this
  client has no cookie). Its handler parses the multipart form and reads the whole file into
  memory (``UploadedFileRec.data``).

Throughput: bytes / (first byte sent -> response received). RSS: the server process's, before,
peak (sampled every 20 ms while sending), and 2 s after the response, the session still open.
No run reads the file: the widget is not told about it (that is a websocket message after the
PUT in both frameworks), so this is the transfer and the storage alone.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import time
import uuid
from collections.abc import Callable
from typing import Any

from .servers import HOST, Server

CHUNK = 1 << 20
ST_ARGS = ["--server.maxUploadSize", "1000", "--server.enableXsrfProtection", "false"]


async def put(port: int, path: str, headers: dict[str, str], parts: list[bytes],
              chunk: bytes, count: int, within: float = 300.0) -> tuple[int, bytes, float]:
    """PUT ``parts[0]`` + ``count`` times ``chunk`` + ``parts[1]``; returns (status, body,
    seconds from the first byte sent to the whole response read)."""
    length = len(parts[0]) + len(chunk) * count + len(parts[1])
    head = [f"PUT {path} HTTP/1.1", f"Host: {HOST}:{port}", f"Content-Length: {length}",
            "Connection: close", *(f"{k}: {v}" for k, v in headers.items())]
    async with asyncio.timeout(within):
        reader, writer = await asyncio.open_connection(HOST, port)
        t0 = time.perf_counter()
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + parts[0])
        for _ in range(count):
            writer.write(chunk)
            await writer.drain()
        writer.write(parts[1])
        await writer.drain()
        data = await reader.read(-1)
        wall = time.perf_counter() - t0
        writer.close()
    status_line, _, rest = data.partition(b"\r\n")
    status = int(status_line.split()[1]) if status_line else 0
    return status, rest.partition(b"\r\n\r\n")[2], wall


async def one(fw: str, mb: int, log: Callable[[str], None]) -> dict[str, Any]:
    import psutil

    from .rr_client import RRSession

    count = mb  # 1 MiB chunks
    chunk = bytes(range(256)) * (CHUNK // 256)
    out: dict[str, Any] = {"framework": fw, "mib": mb, "errors": 0}
    log(f"U1: one {mb} MiB upload, {fw}")
    with Server(fw, "upload", 0, st_args=ST_ARGS if fw == "st" else []) as server:
        proc = psutil.Process(server.pid)
        if fw == "rr":
            s: Any = RRSession(HOST, server.port)
        else:
            from .st_client import STSession

            s = STSession(HOST, server.port)
        await s.open()
        try:
            if fw == "rr":
                path = "/" + s.uploads["File"].lstrip("/") + "?name=big.bin"
                headers = {"Content-Type": "application/octet-stream"}
                parts = [b"", b""]
            else:
                path = f"/_stcore/upload_file/{s.session_id}/{uuid.uuid4()}"
                boundary = uuid.uuid4().hex
                headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
                parts = [(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
                          "filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                          ).encode(), f"\r\n--{boundary}--\r\n".encode()]
            await asyncio.sleep(1.0)
            rss0 = proc.memory_info().rss
            peak = [rss0]
            stop = asyncio.Event()

            async def sample() -> None:
                while not stop.is_set():
                    with contextlib.suppress(psutil.Error):
                        peak[0] = max(peak[0], proc.memory_info().rss)
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), 0.02)

            sampler = asyncio.create_task(sample())
            cpu0 = sum(proc.cpu_times()[:2])
            try:
                status, body, wall = await put(server.port, path, headers, parts, chunk, count)
            finally:
                stop.set()
                await sampler
            cpu = sum(proc.cpu_times()[:2]) - cpu0
            await asyncio.sleep(2.0)
            rss_after = proc.memory_info().rss
            ok = status in (200, 204)
            out.update(status=status, response=body[:200].decode(errors="replace"),
                       seconds=wall, mib_per_s=mb / wall if ok else None,
                       server_cpu_s=cpu, rss_before_mib=rss0 / 2**20,
                       rss_peak_growth_mib=(peak[0] - rss0) / 2**20,
                       rss_kept_growth_mib=(rss_after - rss0) / 2**20)
            out["errors"] += (not ok) + len(s.errors)
        finally:
            s.close()
    return out


async def measure(mb: int, frameworks: list[str], log: Callable[[str], None]) -> dict[str, Any]:
    return {fw: await one(fw, mb, log) for fw in frameworks}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--frameworks", default="rr,st")
    args = parser.parse_args()
    res = asyncio.run(measure(args.mb, args.frameworks.split(","),
                              lambda t: print(t, file=sys.stderr)))
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
