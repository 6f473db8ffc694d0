"""``SocketWriter``: frames on their way into one websocket, and dropping a connection that
lags (a client that stops reading) or must be refused."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import struct
from collections.abc import Coroutine, Generator
from typing import Any

from starlette.websockets import WebSocket

from . import protocol

logger = logging.getLogger("reactive_rerun")


async def refuse(websocket: WebSocket, reason: str) -> None:
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
        abort_connection(websocket)
        return
    transport = transport_of(websocket)
    if transport is not None:
        with contextlib.suppress(Exception):
            transport.close()  # after what is written: the client still reads why


def transport_of(websocket: WebSocket) -> asyncio.BaseTransport | None:
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


def abort_connection(websocket: WebSocket) -> None:
    """Drop the connection now, discarding what is buffered for it: in this process, and in the
    kernel (a zero linger time makes the close a reset, so no orphaned socket keeps unsent data
    while a client that never reads holds its window shut)."""
    transport = transport_of(websocket)
    if transport is None:
        return
    with contextlib.suppress(Exception):
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(Exception):
        transport.abort()  # type: ignore[attr-defined]


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
        if self.writer is None and not self.pending:
            self._write_now(text)
            return
        self.pending.append(text)
        self.pending_bytes += len(text)
        if self.writer is None:
            self.writer = asyncio.get_running_loop().create_task(self._write())

    def _write_now(self, text: str) -> None:
        """Write a frame in the caller's own step when nothing waits before it.

        A run that does not await would otherwise hold its early frames until it ends (the
        writer task gets no turn): writing here puts them on the wire while the run goes on.
        Sending to an idle socket completes without suspending in uvicorn; when it does
        suspend (the client's buffers are full), the writer task carries the rest.
        """
        coro = self.websocket.send_text(text)
        try:
            waiting = coro.send(None)
        except StopIteration:
            return
        except Exception as exc:  # the socket died; its receive loop sees that and cleans up
            logger.info("a websocket write failed (%s); the client resyncs when it reconnects",
                        exc)
            return
        self.writer = asyncio.get_running_loop().create_task(
            self._write(_Resumed(coro, waiting)))

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

    async def _write(self, started: _Resumed | None = None) -> None:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(None) as lag:
                if started is not None:
                    lag.reschedule(loop.time() + self.max_lag)
                    await started
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
            abort_connection(self.websocket)
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


class _Resumed:
    """Awaits the rest of a coroutine already run up to its first suspension (``waiting``:
    what it yielded there), so a task can take over a write that ``_write_now`` began."""

    __slots__ = ("coro", "waiting")

    def __init__(self, coro: Coroutine[Any, Any, None], waiting: Any) -> None:
        self.coro, self.waiting = coro, waiting

    def __await__(self) -> Generator[Any, Any, None]:
        waiting = self.waiting
        while True:
            try:
                sent = yield waiting
            except BaseException as exc:  # cancelled, or the awaited future failed
                try:
                    waiting = self.coro.throw(exc)
                except StopIteration:
                    return
            else:
                try:
                    waiting = self.coro.send(sent)
                except StopIteration:
                    return


__all__ = ["SocketWriter", "abort_connection", "refuse", "transport_of"]
