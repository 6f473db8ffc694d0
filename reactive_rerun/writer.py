"""``PageWriter``: what runs draw, turned into ops against the ``Page`` and batched in frames.

The one way a session's output reaches its client: runs draw and clear through it, the
session's own notices go through it, and it confirms unchanged elements of long runs so the
client does not dim them as stale.

A run goes out as one frame when it does not await. A scope (the app, or one fragment) whose
last run took longer than ``SessionConfig.eager_after`` sends its first change at once instead:
the user sees the answer to a click while the rest of a long page is still being compared.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

from . import protocol
from .config import SessionConfig
from .context import Run
from .durable import SessionData
from .errors import APIError
from .outbox import Outbox

logger = logging.getLogger("reactive_rerun")


class PageWriter:
    __slots__ = ("data", "config", "out", "_runs", "_slow")

    def __init__(self, data: SessionData, config: SessionConfig, runs: Iterable[Run]) -> None:
        self.data = data
        self.config = config
        self.out = Outbox(data, config.history_frames)
        self.out.before_flush = self._confirm
        self._runs = runs  # the runs in flight (their unchanged elements may need confirming)
        self._slow: tuple[str, ...] = ()  # scopes whose last run was slow (a set costs 216 B)

    def start(self, run: Run) -> None:
        """A run begins: tell the client, and flush early if this scope's runs are slow."""
        path = run.fragment.path if run.fragment is not None else None
        self.out.emit(protocol.op_start(run.id, run.scope, path, quiet=run.quiet))
        run.eager = _scope(run) in self._slow

    def draw(self, run: Run, path: str, props: dict[str, Any]) -> None:
        if run.detached:
            raise asyncio.CancelledError
        try:
            op = self.data.page.put(path, props)
        except ValueError as exc:  # a non-finite float: JSON has no such number
            kind = props["type"] if props["k"] == "block" else props["k"]
            raise APIError(
                f"{kind} {props.get('label') or ''!s}: a number in its parameters is not finite "
                f"(inf or nan), which a browser cannot be sent ({exc}). Pass finite numbers."
            ) from None
        run.drawn.add(path)
        if op is not None:
            self.out.emit(op)
            if run.eager:
                run.eager = False
                self.out.flush()
        else:
            if run.confirm is None:  # confirm it if the run is still going when dimming starts
                loop = asyncio.get_running_loop()
                run.confirm = loop.call_at(run.started + self.config.stale_after, self.flush)
            run.unconfirmed.append(path)

    def clear(self, run: Run, path: str) -> None:
        """Remove what was drawn at ``path`` (a spinner that finished, say)."""
        if self.data.page.remove(path):
            run.drawn.discard(path)
            self.out.emit(protocol.op_rm([path]))

    def emit(self, op: str) -> None:
        self.out.emit(op)

    def notice(self, text: str) -> None:
        self.out.emit(protocol.op_notice("warning", text))

    def refuse(self, reason: str, *, widget: str | None = None, detail: str | None = None) -> None:
        logger.info("session %s: refused a client message: %s", self.data.id[:8], reason)
        self.out.emit(protocol.op_error(reason, widget, detail))

    def flush(self) -> None:
        """Send what was drawn since the last flush as one frame."""
        self.out.flush()

    def snapshot(self) -> None:
        """Replace what is pending with the whole page (after what was pending went out)."""
        self.flush()
        self.out.replace(self.data.page.snapshot())
        self.flush()

    def end(self, run: Run, status: protocol.Status) -> None:
        """A run ended: nothing of it is left to confirm."""
        run.unconfirmed.clear()
        if run.confirm is not None:  # a fast run: its end freshens everything, no timer needed
            run.confirm.cancel()
            run.confirm = None
        self.out.emit(protocol.op_end(run.id, status))
        if status == "cancelled":
            return  # cut short: says nothing of how long this scope's runs take
        scope = _scope(run)
        slow = asyncio.get_running_loop().time() - run.started > self.config.eager_after
        if slow and scope not in self._slow:
            self._slow = (*self._slow, scope)
        elif not slow and scope in self._slow:
            self._slow = tuple(s for s in self._slow if s != scope)

    def _confirm(self, ops: list[str]) -> None:
        """Long runs confirm unchanged elements, so the client does not dim them as stale."""
        # (+ TIMER_SLACK: uvloop's timers have millisecond resolution and may fire a little
        # before their time; the confirming flush must not then find the run "not yet" due)
        now = asyncio.get_running_loop().time() + TIMER_SLACK
        for run in self._runs:
            if run.unconfirmed and now >= run.started + self.config.stale_after:
                ops.append(protocol.op_ok(run.unconfirmed))
                run.unconfirmed = []
                run.confirm = None


TIMER_SLACK = 0.005  # seconds


def _scope(run: Run) -> str:
    return run.fragment.id if run.fragment is not None else ""


__all__ = ["PageWriter"]
