"""``Windows``: the large tables a session shows, served to the browser a window at a time.

A dataframe too large to travel in its element is held here (live data: never in the session's
record; a restored session's first run draws it again) under a random data id. The browser
asks for the rows in view with a ``rows`` message and gets a ``rows`` op in a frame of seq 0,
outside the numbered frames (``docs/protocol.md``). Sorting a large table runs in a worker
thread once per column and direction; the order is kept while the same data is shown again.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import protocol
from .errors import ProtocolError
from .tabular import Order, Table

if TYPE_CHECKING:
    from .page import Page

logger = logging.getLogger("reactive_rerun")

SORT_INLINE = 20_000  # rows: smaller tables sort on the loop, larger ones in a thread


@dataclass(eq=False)
class Entry:
    id: str
    table: Table
    visible: tuple[int, ...]  # the table's column positions, in the order shown
    hide_index: bool | None
    length: int  # len() of the source when it was registered (-1: it has none)
    orders: dict[tuple[int, bool], Order] = field(default_factory=dict)
    sorting: dict[tuple[int, bool], asyncio.Future[Order]] = field(default_factory=dict)

    def rows(self, start: int, stop: int, order: Order | None) -> list[list[Any]]:
        visible = self.visible
        return [[r[0], *(r[1 + i] for i in visible)] for r in self.table.rows(start, stop, order)]


class Windows:
    """The session's large tables, by data id; see the module docstring."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        # made on first use: most sessions never show a large table (idle memory counts)
        self._tasks: set[asyncio.Task[None]] | None = None
        self._retired: deque[str] | None = None  # ids let go of lately

    def find(self, source: Any, hide_index: bool | None) -> Entry | None:
        """The entry already holding ``source`` (the same object, of the same length)."""
        for entry in self.entries.values():
            if entry.table.source is source and entry.hide_index == hide_index:
                try:
                    same = len(source) == entry.length
                except TypeError:
                    same = True
                if same:
                    return entry
        return None

    def register(self, table: Table, visible: tuple[int, ...], hide_index: bool | None) -> Entry:
        """Hold ``table``; the same data shown again keeps its id and its sort orders."""
        entry = self.find(table.source, hide_index)
        if entry is not None and entry.table is table and entry.visible == visible:
            return entry
        try:
            length = len(table.source)
        except TypeError:
            length = -1
        entry = Entry(secrets.token_hex(8), table, visible, hide_index, length)
        self.entries[entry.id] = entry
        return entry

    def prune(self, shown: set[str]) -> None:
        """Drop the tables no element on the page shows any more."""
        for key in [key for key in self.entries if key not in shown]:
            del self.entries[key]
            if self._retired is None:
                self._retired = deque(maxlen=64)
            self._retired.append(key)

    def request(self, message: dict[str, Any], reply: Callable[[str], None]) -> None:
        """Answer a ``rows`` message: now, or once its sort order is ready."""
        entry = self.entries.get(message["id"])
        if entry is None:
            if self._retired is not None and message["id"] in self._retired:
                # replaced while the browser scrolled: no answer
                return
            raise ProtocolError(f"unknown table {message['id']!r} (no longer shown)")
        sort = message.get("sort")
        key: tuple[int, bool] | None = None
        if sort is not None:
            column, direction = sort
            if not 0 <= column < len(entry.visible):
                raise ProtocolError(f"table {entry.id!r} has no column {column}")
            key = (entry.visible[column], direction == "desc")
        if key is None or key in entry.orders:
            reply(self._answer(entry, message, key))
            return
        if entry.table.n <= SORT_INLINE:
            entry.orders[key] = entry.table.sort(*key)
            reply(self._answer(entry, message, key))
            return
        task = asyncio.get_running_loop().create_task(self._sorted(entry, message, key, reply))
        if self._tasks is None:
            self._tasks = set()
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _sorted(
        self, entry: Entry, message: dict[str, Any], key: tuple[int, bool],
        reply: Callable[[str], None],
    ) -> None:
        future = entry.sorting.get(key)
        if future is None:  # the first request for this order starts the sort; others wait
            future = asyncio.get_running_loop().create_future()
            entry.sorting[key] = future
            try:
                order = await asyncio.to_thread(entry.table.sort, *key)
            except Exception as exc:
                logger.exception("sorting table %s failed", entry.id)
                future.set_exception(exc)
                future.exception()  # retrieved: the waiters get an error op instead
                del entry.sorting[key]
                reply(protocol.op_error(f"sorting failed: {type(exc).__name__}: {exc}"))
                return
            entry.orders[key] = order
            del entry.sorting[key]
            future.set_result(order)
        else:
            try:
                await future
            except Exception:
                return
        if entry.id in self.entries:
            reply(self._answer(entry, message, key))

    @staticmethod
    def _answer(entry: Entry, message: dict[str, Any], key: tuple[int, bool] | None) -> str:
        start, stop = message["from"], message["to"]
        order = None if key is None else entry.orders[key]
        rows = entry.rows(start, stop, order)
        return protocol.op_rows(entry.id, message["req"], start, entry.table.n, rows)

    def sweep(self, page: Page) -> None:
        """Drop the tables the page's dataframes no longer show."""
        if self.entries:
            self.prune({
                node.props["data"] for node in page.nodes.values()
                if node.kind == "dataframe" and node.props.get("data") is not None
            })

    def close(self) -> None:
        for task in self._tasks or ():
            task.cancel()
        self.entries.clear()


__all__ = ["SORT_INLINE", "Entry", "Windows"]
