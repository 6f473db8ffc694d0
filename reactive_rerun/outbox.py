"""Ops on their way to the client: batched into sequence-numbered frames, the recent ones kept.

A frame is flushed at the next turn of the event loop after something was drawn, so a run's
output streams at each ``await`` while a run without awaits goes out as one frame. Frames are
kept (bounded) so a client that reconnects gets exactly what it missed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import protocol

if TYPE_CHECKING:
    from .durable import SessionData

logger = logging.getLogger("reactive_rerun")

FrameSink = Callable[[str], None]  # hands one frame (JSON text) to the transport


class Outbox:
    KEEP_BYTES = 2 << 20  # kept frames are bounded in bytes too (a client may be away a while)

    def __init__(self, data: SessionData, keep: int) -> None:
        self.data = data  # holds the last frame's number (``seq``), part of the durable state
        self.ops: list[str] = []
        self.send: FrameSink | None = None
        self.on_replaced: Callable[[], None] | None = None
        self.before_flush: Callable[[list[str]], None] | None = None
        self._history: list[tuple[int, str, float]] = []  # a list: an empty deque costs 760 B
        self._keep = keep
        self._kept_bytes = 0
        self._handle: asyncio.Handle | None = None
        self._hinted: set[str] | None = None  # kinds this client was told to load (lazy)

    def emit(self, op: str) -> None:
        self.ops.append(op)
        if self._handle is None:
            self._handle = asyncio.get_running_loop().call_soon(self.flush)

    def flush(self) -> None:
        """Send what is pending as one frame."""
        self._handle = None
        if self.before_flush is not None:
            self.before_flush(self.ops)
        if not self.ops:
            return
        self.data.seq += 1
        text = protocol.frame(self.data.seq, self.ops)
        self.ops = []
        self._history.append((self.data.seq, text, asyncio.get_running_loop().time()))
        self._kept_bytes += len(text)
        while len(self._history) > self._keep or (
            self._kept_bytes > self.KEEP_BYTES and len(self._history) > 1
        ):
            self._kept_bytes -= len(self._history.pop(0)[1])
        if self.send is not None:
            try:
                self.send(text)
            except Exception:  # a dead transport must not break the run that drew
                logger.exception("session %s: send failed", self.data.id[:8])
                self.detach()

    def hint(self, kind: str) -> None:
        """Tell the client now, outside the frames, to start loading ``kind``'s code: a heavy
        element's module and library load while its data is still being made and sent."""
        if self.send is None or (self._hinted is not None and kind in self._hinted):
            return
        if self._hinted is None:
            self._hinted = set()
        self._hinted.add(kind)
        self.send(protocol.oob([protocol.op_load(kind)]))

    def attach(self, send: FrameSink, on_replaced: Callable[[], None] | None) -> None:
        """Connect a transport; the one it replaces (if any) is told."""
        self._hinted = None  # perhaps a new page load: it has loaded nothing yet
        self.flush()
        if self.send is not None and self.on_replaced is not None:
            self.on_replaced()
        self.send, self.on_replaced = send, on_replaced

    def replay(self, last_seq: int) -> bool:
        """Send the frames after ``last_seq`` again; False when they are no longer held."""
        if self.send is None or not self._can_replay(last_seq):
            return False
        for seq, text, _ in self._history:
            if seq > last_seq:
                self.send(text)
        return True

    def _can_replay(self, last_seq: int) -> bool:
        if last_seq <= 0:
            return False
        if last_seq == self.data.seq:
            return True
        return bool(self._history) and self._history[0][0] <= last_seq + 1 <= self.data.seq

    def detach(self) -> None:
        self.send = self.on_replaced = None

    def forget_before(self, cutoff: float) -> None:
        """Drop kept frames sent before ``cutoff`` (loop time) to a connected client.

        A client that later reconnects from before them gets a full page instead of a replay.
        """
        if self.send is None:
            return  # while no client is connected, the frames are what it will need
        history = self._history
        while history and history[0][2] < cutoff:
            self._kept_bytes -= len(history.pop(0)[1])

    def replace(self, ops: list[str]) -> None:
        """Drop what is pending for ``ops`` (a full page makes earlier drawing moot)."""
        self.ops = ops

__all__ = ["FrameSink", "Outbox"]
