"""``Uploads``: the files a session's uploaders hold, and the URLs only those widgets know.

Live data of one session, plain Python (the web layer, ``media_routes.py``, streams request
bodies into it). Each uploader drawn has a slot with an unguessable token: the browser PUTs a
file to ``_rr/upload/<session id>/<token>``; the file is spooled (memory, then a temporary file)
and gets an id, which the browser then sends as the widget's value. A slot no element on the
page names any more is dropped with its files (``Runner.finish``), as is everything when the
session ends. A widget's value holds file ids (plain data, so a session's record stays
storable); ``rr.file_uploader`` returns the ``UploadedFile`` objects they name.
"""

from __future__ import annotations

import re
import secrets
import tempfile
import time
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from .errors import UploadRefused

if TYPE_CHECKING:
    from .page import Page

PREFIX = "_rr/upload/"
TOKEN = re.compile(r"_rr/upload/[0-9A-Za-z_-]+/([0-9A-Za-z_-]{16,})")
SPOOL = 1 << 20  # bytes kept in memory before a file goes to disk
UNCLAIMED = 600.0  # seconds an uploaded file may wait for a value (a form's submission)


class UploadedFile:
    """One uploaded file, read like a binary file: ``name``, ``type``, ``size``, ``read``,
    ``getvalue``, ``seek``, ``tell``; ``file_id`` names it in the widget's value."""

    def __init__(self, file_id: str, name: str, type: str, size: int, spool: IO[bytes]) -> None:
        self.file_id, self.name, self.type, self.size = file_id, name, type, size
        self._spool = spool
        self._spool.seek(0)

    def read(self, size: int = -1) -> bytes:
        return self._spool.read(size)

    def readline(self, size: int = -1) -> bytes:
        return self._spool.readline(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._spool.seek(offset, whence)

    def tell(self) -> int:
        return self._spool.tell()

    def getvalue(self) -> bytes:
        here = self._spool.tell()
        self._spool.seek(0)
        try:
            return self._spool.read()
        finally:
            self._spool.seek(here)

    def getbuffer(self) -> memoryview:
        return memoryview(self.getvalue())

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        """Frees nothing: the file lives as long as its widget holds it."""

    def _free(self) -> None:
        self._spool.close()

    def __iter__(self) -> Any:
        return iter(self._spool)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadedFile) and other.file_id == self.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        return f"UploadedFile(name={self.name!r}, type={self.type!r}, size={self.size})"


@dataclass(eq=False)
class Slot:
    token: str
    seed: str  # what identifies its uploader (label, key, parameters)
    accept: tuple[str, ...]  # lower-case extensions with their dot; () takes any
    max_bytes: int
    # file id -> (the file, when it came, whether a widget value has named it)
    files: dict[str, tuple[UploadedFile, float, bool]] = field(default_factory=dict)


class Uploads:
    """One session's uploaders and their files; see the module docstring."""

    def __init__(self) -> None:
        self.slots: dict[str, Slot] = {}  # token -> slot
        self._by_seed: dict[str, str] = {}  # seed -> token: the same uploader keeps its URL

    def slot(self, seed: str, accept: tuple[str, ...], max_bytes: int) -> Slot:
        token = self._by_seed.get(seed)
        found = self.slots.get(token) if token is not None else None
        if found is None:
            found = Slot(secrets.token_urlsafe(18), seed, accept, max_bytes)
            self.slots[found.token] = found
            self._by_seed[seed] = found.token
        found.accept, found.max_bytes = accept, max_bytes
        return found

    def held(self) -> int:
        return sum(f.size for s in self.slots.values() for f, _, _ in s.files.values())

    def check(self, token: str, name: str, length: int | None, quota: int) -> Slot:
        """The slot an upload goes to, or ``UploadRefused`` before any of its bytes are read."""
        slot = self.slots.get(token)
        if slot is None:
            raise UploadRefused("this uploader is no longer on the page", 404)
        if slot.accept and not name.lower().endswith(slot.accept):
            raise UploadRefused(
                f"{name!r} is not an accepted file type ({', '.join(slot.accept)})", 415
            )
        if length is not None:
            self.check_size(slot, length, quota)
        return slot

    def check_size(self, slot: Slot, size: int, quota: int) -> None:
        if size > slot.max_bytes:
            raise UploadRefused(
                f"the file is larger than the limit of {_mb(slot.max_bytes)}", 413
            )
        if self.held() + size > quota:
            raise UploadRefused(
                f"this session already holds its upload quota of {_mb(quota)}; "
                "remove files first", 413
            )

    @staticmethod
    def spool() -> IO[bytes]:
        return tempfile.SpooledTemporaryFile(max_size=SPOOL)

    def add(self, slot: Slot, name: str, type: str, spool: IO[bytes], size: int) -> UploadedFile:
        file = UploadedFile(secrets.token_urlsafe(12), name, type, size, spool)
        slot.files[file.file_id] = (file, time.monotonic(), False)
        return file

    def files(self, seed: str, ids: list[str]) -> list[UploadedFile]:
        """The files ``ids`` names for the uploader ``seed``. They are now claimed; its files
        not named are freed if they were claimed before, or came before the newest named one
        (replaced in the browser), or have waited longer than ``UNCLAIMED``; files still on
        their way to a value (uploaded after it) are kept."""
        token = self._by_seed.get(seed)
        slot = self.slots.get(token) if token is not None else None
        if slot is None:
            return []
        now = time.monotonic()
        named = [slot.files[i][1] for i in ids if i in slot.files]
        newest = max(named) if named else now - UNCLAIMED
        for fid, (file, when, claimed) in list(slot.files.items()):
            if fid in ids:
                slot.files[fid] = (file, when, True)
            elif claimed or when < newest:  # let go of, or replaced before it was named
                del slot.files[fid]
                file._free()
        return [slot.files[fid][0] for fid in ids if fid in slot.files]

    def describe(self, seed: str, ids: list[str]) -> list[dict[str, Any]]:
        """What the browser lists for ``ids`` (those still held)."""
        token = self._by_seed.get(seed)
        slot = self.slots.get(token) if token is not None else None
        if slot is None:
            return []
        held = [slot.files[i][0] for i in ids if i in slot.files]
        return [{"id": f.file_id, "name": f.name, "size": f.size} for f in held]

    def known(self, seed: str, fid: str) -> bool:
        token = self._by_seed.get(seed)
        slot = self.slots.get(token) if token is not None else None
        return slot is not None and fid in slot.files

    def sweep(self, page: Page) -> None:
        """Drop the uploaders (and their files) no element on the page names any more."""
        if not self.slots:
            return
        shown: set[str] = set()
        for node in page.nodes.values():
            if PREFIX in node.json:
                shown.update(TOKEN.findall(node.json))
        for token in [t for t in self.slots if t not in shown]:
            self._drop(token)

    def _drop(self, token: str) -> None:
        slot = self.slots.pop(token)
        self._by_seed.pop(slot.seed, None)
        for file, _, _ in slot.files.values():
            file._free()

    def close(self) -> None:
        for token in list(self.slots):
            self._drop(token)


def _mb(size: int) -> str:
    return f"{size / (1 << 20):g} MB"


def url(session_id: str, slot: Slot) -> str:
    return f"{PREFIX}{session_id}/{slot.token}"


__all__ = ["UploadRefused", "UploadedFile", "Uploads", "url"]
