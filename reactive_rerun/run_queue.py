"""A session's requested runs, coalesced the way Streamlit coalesces them.

An app rerun absorbs every queued fragment rerun (it redraws every fragment); fragment reruns
queue at most once per fragment; callbacks wait, in arrival order, for the run that follows.

Waiting requests: an event of a widget whose kind ``waits`` (``chat_input``) does not cancel
the run in flight; its rerun queues behind it, so a reply being streamed is never cut off by
the next message. A request waits only while every request queued with it waits: one ordinary
event among them cancels the run in flight as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .bindings import Callback


@dataclass(slots=True)
class PendingCallback:
    fn: Callback
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    fragment: str | None


class RunQueue:
    __slots__ = ("app", "app_by_user", "app_waits", "fragments", "timed", "waiting", "callbacks")

    def __init__(self) -> None:
        self.app = False
        self.app_by_user = False
        self.app_waits = False  # the queued app rerun waits for the runs in flight
        self.waiting: dict[str, bool] = {}  # fragment reruns waiting for their fragment's run
        self.fragments: dict[str, bool] = {}  # fragment id -> requested by a user event
        self.timed: dict[str, bool] = {}  # fragment id -> requested by its run_every timer only
        self.callbacks: list[PendingCallback] = []

    def __bool__(self) -> bool:
        return self.app or bool(self.fragments)

    def request_app(self, *, user: bool, waits: bool = False) -> None:
        self.app_waits = waits and (self.app_waits or not self.app)
        self.app = True
        self.app_by_user = self.app_by_user or user

    def request_fragment(
        self, fid: str, *, user: bool, timed: bool = False, waits: bool = False
    ) -> None:
        if waits and (fid not in self.fragments or fid in self.waiting):
            self.waiting[fid] = True
        else:
            self.waiting.pop(fid, None)
        self.timed[fid] = timed and (fid not in self.fragments or self.timed.get(fid, False))
        self.fragments[fid] = self.fragments.get(fid, False) or user

    @property
    def user_work(self) -> bool:
        """Whether anything queued comes from a user event (not from ``rr.rerun()``)."""
        return self.app_by_user or any(self.fragments.values()) or bool(self.callbacks)

    def drop_automatic(self) -> None:
        """Forget reruns that ``rr.rerun()`` asked for; keep what users asked for."""
        self.app = self.app_by_user
        self.fragments = {fid: user for fid, user in self.fragments.items() if user}
        self.timed = {fid: t for fid, t in self.timed.items() if fid in self.fragments}
        self.waiting = {fid: True for fid in self.waiting if fid in self.fragments}

    def take_app(self) -> tuple[bool, list[PendingCallback]]:
        by_user, callbacks = self.user_work, self.callbacks
        self.app = self.app_by_user = self.app_waits = False
        self.fragments.clear()
        self.waiting.clear()
        self.timed.clear()
        self.callbacks = []
        return by_user, callbacks

    def take_fragment(self, fid: str) -> tuple[bool, list[PendingCallback]]:
        by_user = self.fragments.pop(fid)
        self.waiting.pop(fid, None)
        self.timed.pop(fid, None)
        mine = [cb for cb in self.callbacks if cb.fragment == fid]
        self.callbacks = [cb for cb in self.callbacks if cb.fragment != fid]
        return by_user, mine

__all__ = ["PendingCallback", "RunQueue"]
