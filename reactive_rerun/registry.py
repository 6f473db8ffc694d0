"""The sessions of one app: open, resume within the timeout, expire, close.

Knows no transport. A session's record goes to the ``SessionStore`` when its client goes
away, so a session this process no longer holds (or another process saved) resumes from it.
``MemoryStore`` is the default.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from .config import SessionConfig
from .durable import SessionData
from .errors import BadRecord, TooManySessions, UnstorableValue
from .runner import Script
from .session import Session
from .store import MemoryStore, SessionStore

logger = logging.getLogger("reactive_rerun")


class SessionRegistry:
    def __init__(
        self,
        script: Script,
        config: SessionConfig,
        *,
        timeout: float,
        max_sessions: int,
        store: SessionStore | None = None,
    ) -> None:
        self.script = script
        self.config = config
        self.timeout = timeout
        self.max_sessions = max_sessions
        self.store: SessionStore = store if store is not None else MemoryStore()
        self.live: dict[str, Session] = {}
        self._versions: dict[str, int] = {}  # session id -> version of its record in the store
        self._drivers: dict[str, asyncio.Task[None]] = {}
        self._expiry: dict[str, asyncio.TimerHandle] = {}
        self._background: set[asyncio.Task[None]] = set()
        self._store_ops: dict[str, asyncio.Task[None]] = {}  # the last store write per session
        self._trimmer: asyncio.Task[None] | None = None
        self.history_age = 5.0  # seconds a frame sent to a connected client is kept for replay

    def __len__(self) -> int:
        return len(self.live)

    async def open(self, session_id: str | None, tab: str | None = None) -> tuple[Session, bool]:
        """The session to attach a new connection to, and whether it is resumed.

        A session whose socket is still connected is resumed only by the same page load (its
        ``tab`` token): that is a reconnect whose drop the server has not noticed yet. Any other
        socket presenting the id (a duplicated tab copies the id) gets a new session.
        """
        if session_id is not None:
            session = self.live.get(session_id)
            if session is not None and not session.closed and (
                not session.connected or (tab is not None and session.tab == tab)
            ):
                self._cancel_expiry(session_id)
                session.tab = tab
                return session, True
            if session is None:
                restored = await self._restore(session_id)
                if restored is not None:
                    restored.tab = tab
                    return restored, True
        if len(self.live) >= self.max_sessions:
            self._evict_one()  # a flood of abandoned sessions must not lock real users out
        session = self._start(Session(self.script, self.config, SessionData()))
        session.tab = tab
        return session, False

    async def _restore(self, session_id: str) -> Session | None:
        stored = await self.store.load(session_id)
        if stored is None or session_id in self.live:
            return self.live.get(session_id)
        try:
            session = Session.restore(self.script, self.config, stored.record)
        except BadRecord as exc:
            logger.warning("session %s: its stored record is unusable: %s", session_id[:8], exc)
            return None
        if session.id != session_id:
            return None
        self._versions[session_id] = stored.version
        return self._start(session)

    def rerun_all(self) -> None:
        """Every live session reruns now (the script changed)."""
        for session in self.live.values():
            session.rerun()

    def _evict_one(self) -> None:
        """Make room: the session that has waited longest for its client goes first."""
        waiting = [sid for sid in self._expiry if sid in self.live]  # in order of disconnection
        if not waiting:
            raise TooManySessions(f"this server holds its limit of {self.max_sessions} sessions")
        self.expire(waiting[0], "session evicted: the server is full")

    def _start(self, session: Session) -> Session:
        self.live[session.id] = session
        loop = asyncio.get_running_loop()
        self._drivers[session.id] = loop.create_task(session.drive())
        if self._trimmer is None or self._trimmer.done():
            self._trimmer = loop.create_task(self._trim_histories())
        return session

    async def _trim_histories(self) -> None:
        """Idle sessions do not keep old frames: a reconnect from that far back gets the page."""
        loop = asyncio.get_running_loop()
        while self.live:
            await asyncio.sleep(self.history_age / 2)
            cutoff = loop.time() - self.history_age
            for session in list(self.live.values()):
                session.out.forget_before(cutoff)

    def release(self, session: Session) -> None:
        """The connection went away: keep the session for ``timeout`` seconds, and its record."""
        session.detach()
        if session.closed:  # its driver ended (a crash): nothing to wait for
            self.expire(session.id)
        elif session.id in self.live:
            loop = asyncio.get_running_loop()
            self._cancel_expiry(session.id)
            self._expiry[session.id] = loop.call_later(self.timeout, self.expire, session.id)
            self._store_op(session.id, lambda: self.save(session))

    async def save(self, session: Session) -> bool:
        """Write the session's record to the store as its next version."""
        try:
            record = session.snapshot()
        except UnstorableValue as exc:
            logger.warning(
                "session %s: not saved to the session store (it resumes only in this process): %s",
                session.id[:8], str(exc),
            )
            return False
        version = self._versions.get(session.id, 0) + 1
        if not await self.store.save(session.id, record, version):
            logger.warning("session %s: its record changed in the store meanwhile", session.id[:8])
            return False
        self._versions[session.id] = version
        return True

    def _cancel_expiry(self, session_id: str) -> None:
        handle = self._expiry.pop(session_id, None)
        if handle is not None:
            handle.cancel()

    def expire(
        self, session_id: str, reason: str = "session expired", *, keep_record: bool = False
    ) -> None:
        """Drop a session: cancel its tasks and free its data (and its record, unless kept)."""
        self._cancel_expiry(session_id)
        session = self.live.pop(session_id, None)
        self._versions.pop(session_id, None)
        if not keep_record:
            self._store_op(session_id, lambda: self.store.delete(session_id))
        driver = self._drivers.pop(session_id, None)
        if session is not None:
            session.close(reason)
        if driver is not None:
            driver.cancel()
            self._in_background(_reap(driver))

    def _store_op(self, session_id: str, op: Callable[[], Awaitable[Any]]) -> None:
        """Store writes of one session happen in order: a slow save never lands after the
        delete that followed it."""
        previous = self._store_ops.get(session_id)

        async def in_order() -> None:
            if previous is not None:
                await asyncio.gather(previous, return_exceptions=True)
            try:
                await op()
            except Exception:
                logger.exception("session %s: the session store failed", session_id[:8])

        task = asyncio.get_running_loop().create_task(in_order())
        self._store_ops[session_id] = task
        self._background.add(task)

        def done(task: asyncio.Task[None]) -> None:
            self._background.discard(task)
            if self._store_ops.get(session_id) is task:
                del self._store_ops[session_id]

        task.add_done_callback(done)

    async def settled(self) -> None:
        """Wait until every store write and session shutdown begun so far has finished."""
        while self._background:
            await asyncio.gather(*self._background, return_exceptions=True)

    def _in_background(self, work: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def close_all(self, reason: str = "server shutting down") -> None:
        """Shut down: every session's record is saved first, so another worker sharing the
        store resumes it."""
        await asyncio.gather(*(self.save(s) for s in self.live.values()), return_exceptions=True)
        for session_id in list(self.live):
            self.expire(session_id, reason, keep_record=True)
        if self._trimmer is not None:
            self._trimmer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._trimmer
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)


async def _reap(driver: asyncio.Task[None]) -> None:
    try:
        await driver
    except asyncio.CancelledError:
        pass
    except Exception:
        logger.exception("a session driver failed while closing")


__all__ = ["SessionRegistry"]
