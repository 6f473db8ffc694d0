"""The live part of a session: what a run binds to plain data and no store can keep.

Decoders, callbacks and fragment functions are Python objects of this process. Every app run
binds them again, so a session restored from its record (``durable.py``) is whole after its
first run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .media import MediaFiles
from .uploads import Uploads
from .windows import Windows

Callback = Callable[..., Any]


@dataclass(slots=True)
class WidgetMeta:
    """What the session must know about a drawn widget to accept a value from the client."""

    id: str
    kind: str
    key: str | None
    shows_in: str  # the element field the client shows the value in
    decode: Callable[[Any], Any]  # wire value -> Python value; raises ValueError with a reason
    encode: Callable[[Any], Any]  # Python value -> wire value
    callback: Callback | None = None
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    fragment: str | None = None
    form: str | None = None
    trigger: bool = False  # buttons: the value is a one-run trigger, not stored
    disabled: bool = False
    submits: bool = False  # a click carries a value (chat_input), queued until a run reads it
    waits: bool = False  # its events wait for the run in flight (see RunQueue.request_app)
    default: Any = None  # the value a form with clear_on_submit puts back after a submit
    path: str = ""  # where it is drawn
    silent: bool = False  # on_change="ignore": a new value is kept for the next run, no rerun


@dataclass(slots=True)
class FragmentCall:
    """How to run a fragment again: its function and the arguments of its last app-run call."""

    fn: Callable[..., Any]  # an async def, or a plain def (run in a script thread)
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


@dataclass(slots=True)
class Bindings:
    widgets: dict[str, WidgetMeta] = field(default_factory=dict)
    fragments: dict[str, FragmentCall] = field(default_factory=dict)
    # forms drawn with clear_on_submit=True, and those of them submitted since the last run
    # (dicts used as sets: an empty dict is a third of an empty set, and idle sessions count)
    clearing: dict[str, bool] = field(default_factory=dict)
    submitted: dict[str, bool] = field(default_factory=dict)
    windows: Windows = field(default_factory=Windows)  # large tables, served a window at a time
    media: MediaFiles = field(default_factory=MediaFiles)  # images and downloads, over HTTP
    uploads: Uploads = field(default_factory=Uploads)  # uploaders' URLs and their files

    def forget(self, widget_ids: set[str]) -> None:
        for wid in widget_ids:
            self.widgets.pop(wid, None)


__all__ = ["Bindings", "Callback", "FragmentCall", "WidgetMeta"]
