"""The sessions of one app: open, resume within the timeout, expire, close.

Knows no transport. The durable part of each session goes through a ``SessionStore``;
``MemoryStore`` is the default, and another store (shared between workers) can keep the
data so a session resumes on another worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Protocol

from .session import Script, Session, SessionConfig, SessionData

logger = logging.getLogger("reactive_rerun")


class SessionStore(Protocol):
    """Keeps sessions' durable data between connections."""

    def load(self, session_id: str) -> SessionData | None: ...
    def save(self, data: SessionData) -> None: ...
    def delete(self, session_id: str) -> None: ...


class MemoryStore:
    """The default store: this process's memory (sessions resume on this worker only)."""

    def __init__(self) -> None:
        self._data: dict[str, SessionData] = {}

    def load(self, session_id: str) -> SessionData | None:
        return self._data.get(session_id)

    def save(self, data: SessionData) -> None:
        self._data[data.id] = data

    def delete(self, session_id: str) -> None:
        self._data.pop(session_id, None)


class TooManySessions(Exception):
    pass


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
        self._drivers: dict[str, asyncio.Task[None]] = {}
        self._expiry: dict[str, asyncio.TimerHandle] = {}
        self._closing: set[asyncio.Task[None]] = set()
        self._trimmer: asyncio.Task[None] | None = None
        self.history_age = 5.0  # seconds a frame sent to a connected client is kept for replay

    def __len__(self) -> int:
        return len(self.live)

    def open(self, session_id: str | None, tab: str | None = None) -> tuple[Session, bool]:
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
            data = self.store.load(session_id) if session is None else None
            if data is not None:
                return self._start(Session(self.script, self.config, data)), True
        if len(self.live) >= self.max_sessions:
            self._evict_one()  # a flood of abandoned sessions must not lock real users out
        session = self._start(Session(self.script, self.config, SessionData()))
        session.tab = tab
        return session, False

    def _evict_one(self) -> None:
        """Make room: the session that has waited longest for its client goes first."""
        waiting = [sid for sid in self._expiry if sid in self.live]  # in order of disconnection
        if not waiting:
            raise TooManySessions(f"this server holds its limit of {self.max_sessions} sessions")
        self.expire(waiting[0], "session evicted: the server is full")

    def _start(self, session: Session) -> Session:
        self.live[session.id] = session
        self.store.save(session.data)
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
        """The connection went away: keep the session for ``timeout`` seconds."""
        session.detach()
        if session.closed:  # its driver ended (a crash): nothing to wait for
            self.expire(session.id)
        elif session.id in self.live:
            loop = asyncio.get_running_loop()
            self._cancel_expiry(session.id)
            self._expiry[session.id] = loop.call_later(self.timeout, self.expire, session.id)

    def _cancel_expiry(self, session_id: str) -> None:
        handle = self._expiry.pop(session_id, None)
        if handle is not None:
            handle.cancel()

    def expire(self, session_id: str, reason: str = "session expired") -> None:
        """Drop a session: cancel its tasks and free its data."""
        self._cancel_expiry(session_id)
        session = self.live.pop(session_id, None)
        self.store.delete(session_id)
        driver = self._drivers.pop(session_id, None)
        if session is not None:
            session.close(reason)
        if driver is not None:
            driver.cancel()
            task = asyncio.get_running_loop().create_task(_reap(driver))
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)

    async def close_all(self, reason: str = "server shutting down") -> None:
        for session_id in list(self.live):
            self.expire(session_id, reason)
        if self._trimmer is not None:
            self._trimmer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._trimmer
        if self._closing:
            await asyncio.gather(*self._closing, return_exceptions=True)


async def _reap(driver: asyncio.Task[None]) -> None:
    try:
        await driver
    except asyncio.CancelledError:
        pass
    except Exception:
        logger.exception("a session driver failed while closing")
