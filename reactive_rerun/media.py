"""``MediaFiles``: the bytes a session's elements show or offer, served over HTTP.

Live data of one session (never in its record: a restored session's first run registers them
again). Each file has an unguessable token; its URL, relative to the app's mount point, is
``_rr/media/<session id>/<token>``. The web layer (``media_routes.py``) looks a token up here;
this module knows no HTTP. A file lives as long as an element on the page refers to it: a
completed run sweeps the files no element names any more (``Runner.finish``), and closing the
session drops them all.

A file's bytes may be given now, computed in a worker thread (a large image being encoded), or
made on request (a download button's callable ``data``).
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .page import Page

PREFIX = "_rr/media/"
TOKEN = re.compile(r"_rr/media/[0-9A-Za-z_-]+/([0-9A-Za-z_-]{16,})")

Maker = Callable[[], Any]  # returns bytes / str, or an awaitable of them


@dataclass(eq=False)
class MediaFile:
    token: str
    mimetype: str
    filename: str | None = None  # a download: sent as an attachment under this name
    data: bytes | None = None
    pending: asyncio.Future[bytes] | None = None  # being made in a worker thread
    maker: Maker | None = None  # made on each request (a download's callable)

    async def content(self) -> bytes:
        if self.data is not None:
            return self.data
        if self.pending is not None:
            self.data = await asyncio.shield(self.pending)
            self.pending = None
            return self.data
        assert self.maker is not None
        if inspect.iscoroutinefunction(self.maker):
            made = await self.maker()
        else:
            made = await asyncio.to_thread(self.maker)
            if inspect.isawaitable(made):
                made = await made
        return as_bytes(made)


def as_bytes(data: Any) -> bytes:
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data)
    raise TypeError(f"media data must be str or bytes, not {type(data).__name__}")


class MediaFiles:
    """One session's media, by token; see the module docstring."""

    def __init__(self) -> None:
        self.files: dict[str, MediaFile] = {}
        self._by_digest: dict[str, str] = {}  # content digest -> token: the same bytes, one URL

    def __len__(self) -> int:
        return len(self.files)

    def get(self, token: str) -> MediaFile | None:
        return self.files.get(token)

    def _digest(self, parts: tuple[Any, ...]) -> str:
        h = hashlib.blake2b(digest_size=16)
        for part in parts:
            h.update(part if isinstance(part, bytes) else repr(part).encode())
            h.update(b"\0")
        return h.hexdigest()

    def _new(self, digest: str | None, **fields: Any) -> MediaFile:
        if digest is not None:
            token = self._by_digest.get(digest)
            if token is not None and token in self.files:
                return self.files[token]
        file = MediaFile(secrets.token_urlsafe(18), **fields)
        self.files[file.token] = file
        if digest is not None:
            self._by_digest[digest] = file.token
        return file

    def add(self, data: bytes | str, mimetype: str, filename: str | None = None) -> MediaFile:
        """Hold ``data``; the same bytes under the same type and name keep one token."""
        raw = as_bytes(data)
        return self._new(
            self._digest((raw, mimetype, filename)), mimetype=mimetype, filename=filename, data=raw
        )

    def add_later(
        self, key: tuple[Any, ...], work: Callable[[], bytes], mimetype: str
    ) -> MediaFile:
        """Hold what ``work`` makes in a worker thread (started now); ``key`` identifies it."""
        digest = self._digest(("later", *key, mimetype))
        token = self._by_digest.get(digest)
        if token is not None and token in self.files:
            return self.files[token]
        future: Awaitable[bytes] = asyncio.get_running_loop().run_in_executor(None, work)
        file = self._new(digest, mimetype=mimetype, pending=asyncio.ensure_future(future))
        return file

    def add_maker(
        self, key: tuple[Any, ...], maker: Maker, mimetype: str, filename: str | None = None
    ) -> MediaFile:
        """A file made on each request by ``maker`` (sync: in a worker thread)."""
        digest = self._digest(("maker", *key, mimetype, filename))
        file = self._new(digest, mimetype=mimetype, filename=filename, maker=maker)
        file.maker = maker  # the latest run's function
        return file

    def sweep(self, page: Page) -> None:
        """Drop the files no element on the page refers to any more."""
        if not self.files:
            return
        shown: set[str] = set()
        for node in page.nodes.values():
            if PREFIX in node.json:
                shown.update(TOKEN.findall(node.json))
        for token in [t for t in self.files if t not in shown]:
            self._drop(token)

    def _drop(self, token: str) -> None:
        file = self.files.pop(token)
        if file.pending is not None and not file.pending.done():
            file.pending.cancel()
        for digest in [d for d, t in self._by_digest.items() if t == token]:
            del self._by_digest[digest]

    def close(self) -> None:
        for token in list(self.files):
            self._drop(token)


def url(session_id: str, file: MediaFile) -> str:
    """The file's URL, relative to the app's mount point (the page's ``<base href>``)."""
    return f"{PREFIX}{session_id}/{file.token}"


__all__ = ["PREFIX", "MediaFile", "MediaFiles", "url"]
