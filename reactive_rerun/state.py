"""Session state and widget values.

A keyed widget keeps its value in ``session_state[key]``, the one place a script reads and sets
it; an unkeyed widget's value lives in ``WidgetStore.values`` under its widget id.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from .context import maybe_run
from .errors import APIError

NO_KEYS: frozenset[str] = frozenset()  # one empty set for every session


@dataclass
class WidgetStore:
    """Widget values and armed clicks: plain data, part of the session's record."""

    values: dict[str, Any] = field(default_factory=dict)  # unkeyed widgets, by widget id
    triggers: dict[str, int] = field(default_factory=dict)  # armed button -> its click number
    clicks: int = 0
    # keys of buttons: read-only in state (a frozenset: the empty one is shared by every session)
    trigger_keys: frozenset[str] = NO_KEYS

    def forget(self, widget_ids: set[str]) -> None:
        for wid in widget_ids:
            self.values.pop(wid, None)
            self.triggers.pop(wid, None)

    def arm(self, wid: str) -> None:
        """A click: the button reads True in the first run that reaches it."""
        self.clicks += 1
        self.triggers[wid] = self.clicks

    def submit(self, wid: str, value: Any, limit: int) -> None:
        """A submission (chat_input): queued in order; each run that reads it takes one."""
        pending = self.values.setdefault(wid, [])
        if len(pending) >= limit:
            raise ValueError(f"{limit} submissions are already waiting")
        pending.append(value)
        self.arm(wid)

    def take(self, wid: str) -> Any:
        """The oldest submission not yet read (None when there is none); the next waits."""
        if self.triggers.pop(wid, None) is None:
            return None
        pending = self.values.get(wid)
        value = pending.pop(0) if isinstance(pending, list) and pending else None
        if pending:
            self.arm(wid)
        else:
            self.values.pop(wid, None)
        return value

    def pending(self, wid: str) -> bool:
        return wid in self.triggers

    def consume(self, wid: str) -> bool:
        """Read a button's click: True once per click, whatever happens to the run after."""
        return self.triggers.pop(wid, None) is not None


class SessionState(MutableMapping[str, Any]):
    """The session's own mapping; survives reruns and reconnects."""

    __slots__ = ("_data", "_widgets")

    def __init__(self, widgets: WidgetStore) -> None:
        object.__setattr__(self, "_data", {})
        object.__setattr__(self, "_widgets", widgets)

    def __getitem__(self, key: str) -> Any:
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(_missing(key)) from None

    def __setitem__(self, key: str, value: Any) -> None:
        self._check_writable(key)
        self._data[key] = value

    def __delitem__(self, key: str) -> None:
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(_missing(key)) from None

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._data))

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __getattr__(self, name: str) -> Any:
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(_missing(name)) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self._data[name]
        except KeyError:
            raise AttributeError(_missing(name)) from None

    def __repr__(self) -> str:
        return f"SessionState({self._data!r})"

    def to_dict(self) -> dict[str, Any]:
        return dict(self._data)

    def load(self, values: dict[str, Any]) -> None:
        """Take the values of a stored record (a session resumed in this process)."""
        self._data.clear()
        self._data.update(values)

    def set_from_widget(self, key: str, value: Any) -> None:
        """Store a value that came from the widget itself (not the script)."""
        self._data[key] = value

    def _check_writable(self, key: str) -> None:
        if key in self._widgets.trigger_keys:
            raise APIError(
                f"`session_state[{key!r}]` belongs to a button and is read-only. "
                "Use a different session_state key for values you need to set."
            )
        run = maybe_run()
        if run is not None and key in run.keys_created:
            raise APIError(
                f"`session_state[{key!r}]` cannot be modified after the widget with that key was "
                "created in this run. Set it before creating the widget, or from the widget's "
                "`on_change` / `on_click` callback, which runs before the script body."
            )


def _missing(key: str) -> str:
    return f'session_state has no key "{key}". Did you forget to initialize it?'


class SessionStateProxy(MutableMapping[str, Any]):
    """``rr.session_state``: the current session's state, found through the run context."""

    __slots__ = ()

    @staticmethod
    def _state() -> SessionState:
        run = maybe_run()
        if run is None:
            raise APIError("rr.session_state is only available while the app's script runs.")
        return run.host.data.state

    def __getitem__(self, key: str) -> Any:
        return self._state()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._state())

    def __len__(self) -> int:
        return len(self._state())

    def __contains__(self, key: object) -> bool:
        return key in self._state()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._state(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        self._state()[name] = value

    def __delattr__(self, name: str) -> None:
        delattr(self._state(), name)

    def __repr__(self) -> str:
        run = maybe_run()
        return repr(run.host.data.state) if run is not None else "SessionState(<no session>)"

__all__ = ["NO_KEYS", "SessionState", "SessionStateProxy", "WidgetStore"]
