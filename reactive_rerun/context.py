"""Which session, which run and which container the next UI call belongs to.

The UI API is module level (``rr.header(...)``), so it finds its run through
``contextvars``: that works in helper coroutines and in tasks a script spawns.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from .errors import APIError

if TYPE_CHECKING:
    from .bindings import Bindings, FragmentCall
    from .client_info import ClientInfo
    from .config import SessionConfig
    from .durable import FragmentRecord, SessionData

RunScope = Literal["app", "fragment"]


class RunHost(Protocol):
    """What the UI functions see of the session a run belongs to."""

    @property
    def data(self) -> SessionData: ...  # the durable part: state, widget values, page
    @property
    def live(self) -> Bindings: ...  # the live part: decoders, callbacks, fragment functions
    @property
    def config(self) -> SessionConfig: ...
    @property
    def client(self) -> ClientInfo: ...  # what the browser said about itself (st.context)
    def draw(self, run: Run, path: str, props: dict[str, Any]) -> None: ...
    def emit(self, op: str) -> None: ...  # a page-level op (page settings, the URL)
    def hint(self, kind: str) -> None: ...  # the client may start loading a kind's code now
    def clear(self, run: Run, path: str) -> None: ...


@dataclass(eq=False)
class Run:
    """The bookkeeping of one run: what it drew, which widgets it met."""

    id: int
    host: RunHost
    scope: RunScope
    fragment: FragmentRecord | None = None
    started: float = 0.0
    phase: Literal["callbacks", "body"] = "callbacks"
    quiet: bool = False  # started by a fragment's timer, not by the user: no "Running…"
    eager: bool = False  # send the first change at once, not at the run's end (a slow scope)
    stopping: bool = False  # set when the run is cancelled; UI calls then stop it too
    detached: bool = False  # cancelled and not finished in time: it may no longer write
    cursors: dict[str, int] = field(default_factory=dict)
    drawn: set[str] = field(default_factory=set)
    widgets_seen: set[str] = field(default_factory=set)
    keys_created: set[str] = field(default_factory=set)
    forms_seen: set[str] = field(default_factory=set)
    block_forms: dict[str, str] = field(default_factory=dict)  # block path -> form id inside it
    empties: set[str] = field(default_factory=set)  # rr.empty() blocks: one child, replaced
    dividers: int = 0  # headings drawn with divider=True: the next one takes the next colour
    bottom: str | None = None  # rr.bottom's block, once this run has written to it
    fragments_called: dict[str, FragmentRecord] = field(default_factory=dict)
    fragment_calls: dict[str, FragmentCall] = field(default_factory=dict)
    unconfirmed: list[str] = field(default_factory=list)  # drawn unchanged, not yet confirmed
    confirm: asyncio.TimerHandle | None = None  # the flush that will confirm them

    def check(self) -> None:
        """Stop a run that was asked to stop, even if it never awaits."""
        if self.stopping:
            raise asyncio.CancelledError


_run: ContextVar[Run | None] = ContextVar("rr_run", default=None)
_stack: ContextVar[tuple[str, ...]] = ContextVar("rr_stack", default=())
_fragment: ContextVar[FragmentRecord | None] = ContextVar("rr_fragment", default=None)


def current_run() -> Run:
    run = _run.get()
    if run is None:
        raise APIError(
            "No reactive_rerun run is active here: UI calls work only inside the app's script "
            "(and the coroutines and tasks it starts)."
        )
    run.check()
    return run


def maybe_run() -> Run | None:
    return _run.get()


def current_block() -> str:
    stack = _stack.get()
    return stack[-1] if stack else "m"


def push_block(path: str) -> None:
    """``with container:`` enters a block (no token: one Container serves many sessions)."""
    _stack.set((*_stack.get(), path))


def pop_block() -> None:
    _stack.set(_stack.get()[:-1])


def current_fragment() -> FragmentRecord | None:
    return _fragment.get()


@contextmanager
def within(path: str) -> Iterator[None]:
    """Make ``path`` the block that module-level UI calls draw into."""
    token = _stack.set((*_stack.get(), path))
    try:
        yield
    finally:
        _stack.reset(token)


@contextmanager
def entered(run: Run, root: str, fragment: FragmentRecord | None) -> Iterator[None]:
    """Set up the context a run's code executes in."""
    tokens = (_run.set(run), _stack.set((root,)), _fragment.set(fragment))
    try:
        yield
    finally:
        _fragment.reset(tokens[2])
        _stack.reset(tokens[1])
        _run.reset(tokens[0])


def leave_run() -> None:
    """Detach the calling task's context from any run.

    A shared computation (a cache miss) outlives the run that started it and serves other
    sessions too, so it must draw into none of them: a UI call in it raises ``APIError``.
    """
    _run.set(None)
    _stack.set(())
    _fragment.set(None)


@contextmanager
def in_fragment(fragment: FragmentRecord) -> Iterator[None]:
    token = _fragment.set(fragment)
    try:
        yield
    finally:
        _fragment.reset(token)

__all__ = [
    "Run", "RunHost", "RunScope", "current_block", "current_fragment", "current_run",
    "entered", "in_fragment", "leave_run", "maybe_run", "pop_block", "push_block", "within",
]
