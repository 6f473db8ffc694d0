"""The durable part of a session, as plain data: what a store keeps to resume it elsewhere.

``SessionData`` holds only plain values (no callables, tasks or sockets; those are in
``bindings.Bindings`` and the ``Session``). ``to_record`` / ``from_record`` turn it into a
versioned dict of plain data and back; ``dump`` / ``load`` into bytes with msgpack
(``record.py``), never pickle.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from . import record
from .errors import BadRecord, UnstorableValue
from .page import Page
from .state import SessionState, WidgetStore

RECORD_VERSION = 1


@dataclass(eq=False)
class FragmentRecord:
    """One fragment instance of a session: where it draws and how often it reruns."""

    id: str
    path: str
    run_every: float | None
    outlets: dict[str, str] = field(default_factory=dict)  # outside container -> reserved block


@dataclass(eq=False)
class SessionData:
    """Everything needed to resume a session in another process, as plain data."""

    id: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    widgets: WidgetStore = field(default_factory=WidgetStore)
    page: Page = field(default_factory=Page)
    fragments: dict[str, FragmentRecord] = field(default_factory=dict)
    seq: int = 0
    query: dict[str, list[str]] = field(default_factory=dict)  # the URL's query parameters
    page_name: str = ""  # the URL path of the page shown (multipage apps); "" = the default
    page_shown: str = ""  # the page path the browser's address bar shows
    page_titles: dict[str, str] = field(default_factory=dict)  # path -> title, from the last run
    page_files: dict[str, str] = field(default_factory=dict)  # page file -> its path
    last_event: int = 0  # the number of the last client event applied (each applies once)
    state: SessionState = field(init=False)

    def __post_init__(self) -> None:
        self.state = SessionState(self.widgets)

    def to_record(self) -> dict[str, Any]:
        """A versioned dict of plain data (checked for storability by ``dump``)."""
        widgets = self.widgets
        return {
            "v": RECORD_VERSION,
            "id": self.id,
            "seq": self.seq,
            "state": self.state.to_dict(),
            "values": dict(widgets.values),
            "triggers": dict(widgets.triggers),
            "clicks": widgets.clicks,
            "trigger_keys": sorted(widgets.trigger_keys),
            "fragments": [
                [f.id, f.path, f.run_every, dict(f.outlets)] for f in self.fragments.values()
            ],
            "page": [[path, node.json] for path, node in self.page.nodes.items()],
            "page_config": dict(self.page.config),
            "query": {key: list(values) for key, values in self.query.items()},
            "pages": [self.page_name, self.page_shown, dict(self.page_titles),
                      dict(self.page_files)],
            "last_event": self.last_event,
        }

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> SessionData:
        if not isinstance(rec, dict) or rec.get("v") != RECORD_VERSION:
            raise BadRecord(f"not a version {RECORD_VERSION} session record")
        try:
            data = cls(id=str(rec["id"]), seq=int(rec["seq"]))
            data.state.load(dict(rec["state"]))
            widgets = data.widgets
            widgets.values.update(rec["values"])
            widgets.triggers.update({str(k): int(v) for k, v in rec["triggers"].items()})
            widgets.clicks = int(rec["clicks"])
            widgets.trigger_keys = frozenset(str(k) for k in rec["trigger_keys"])
            for fid, path, run_every, outlets in rec["fragments"]:
                data.fragments[fid] = FragmentRecord(fid, path, run_every, dict(outlets))
            for path, encoded in sorted(rec["page"], key=lambda item: _depth(item[0])):
                data.page.put(path, json.loads(encoded))
            data.page.config = dict(rec["page_config"])
            data.query = {str(k): [str(v) for v in values] for k, values in rec["query"].items()}
            name, shown, titles, files = rec["pages"]
            data.page_name, data.page_shown = str(name), str(shown)
            data.page_titles, data.page_files = dict(titles), dict(files)
            data.last_event = int(rec["last_event"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise BadRecord(f"malformed session record: {exc!r}") from None
        return data


def _depth(path: str) -> int:
    return path.count(".")


def dump(data: SessionData) -> bytes:
    """The session's record as bytes; a value no store can keep raises ``UnstorableValue``."""
    rec = data.to_record()
    try:
        return record.pack(rec)
    except UnstorableValue:  # name the place the way the script knows it
        record.pack(rec["state"], where="session_state")
        record.pack(rec["values"], where="widget values")
        raise


def load(blob: bytes) -> SessionData:
    rec = record.unpack(blob)
    if not isinstance(rec, dict):
        raise BadRecord("a session record is a map")
    return SessionData.from_record(rec)


__all__ = ["RECORD_VERSION", "FragmentRecord", "SessionData", "dump", "load"]
