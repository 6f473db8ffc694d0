"""``Page``: the element tree the client shows, and the ops that turn it into what a run draws.

Part of a session's durable state: it mirrors the client's element tree (path -> encoded
element), so a run sends only elements that differ from what is shown, and a reconnecting
client can be given the whole page again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import protocol


def path_key(path: str) -> tuple[str | int, ...]:
    root, *rest = path.split(".")
    return (root, *(int(part) for part in rest))


def is_under(path: str, prefix: str) -> bool:
    return path.startswith(prefix) and (len(path) == len(prefix) or path[len(prefix)] == ".")


class _Shared:
    """Identical elements in many sessions (a static page) share one props dict and one JSON
    string. Bounded, so unique content cannot grow it without limit."""

    SIZE = 20_000

    def __init__(self) -> None:
        self._by_json: dict[str, tuple[dict[str, Any], str]] = {}

    LARGEST = 1024  # bytes of JSON: large (often one-off) elements are not worth sharing

    def get(self, props: dict[str, Any], encoded: str) -> tuple[dict[str, Any], str]:
        if len(encoded) > self.LARGEST:
            return props, encoded
        found = self._by_json.get(encoded)
        if found is not None:
            return found
        if len(self._by_json) >= self.SIZE:
            self._by_json.pop(next(iter(self._by_json)))  # the oldest
        self._by_json[encoded] = (props, encoded)
        return props, encoded


_shared = _Shared()

# element kind -> the values its fields have when the wire leaves them out (``Element.defaults``):
# a page of text lines or buttons sends, stores and keeps for replay only what differs; the
# browser (static/client.js) and the test client put the defaults back
DEFAULTS: dict[str, dict[str, Any]] = {}


def compact(props: dict[str, Any]) -> dict[str, Any]:
    """``props`` without the fields that hold their kind's default (the wire form)."""
    defaults = DEFAULTS.get(props["type"] if props["k"] == "block" else props["k"])
    if not defaults:
        return props
    return {k: v for k, v in props.items()
            if k not in defaults or defaults[k] != v or type(defaults[k]) is not type(v)}


def complete(element: dict[str, Any]) -> dict[str, Any]:
    """A wire element with its kind's defaults put back (what the browser does)."""
    defaults = DEFAULTS.get(element["type"] if element["k"] == "block" else element["k"])
    return {**defaults, **element} if defaults else element


Merge = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]
# element kind -> (what to send for an update, given the shown and the new props; how a client
# rebuilds the new props from the shown ones and what it got): a kind whose client keeps parts
# of what it shows (a chart's columns, by hash) is sent only what changed
WIRE: dict[str, tuple[Merge, Merge]] = {}


@dataclass(slots=True)
class Node:
    kind: str
    block: str | None  # the block type for blocks, None for leaves
    props: dict[str, Any]
    json: str


@dataclass
class Page:
    nodes: dict[str, Node] = field(default_factory=dict)
    widgets: dict[str, str] = field(default_factory=dict)  # widget id -> path
    # parent path -> its child paths (a dict used as an ordered set: half the memory of a set)
    kids: dict[str, dict[str, None]] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)  # set_page_config: title, layout, ...

    def put(self, path: str, props: dict[str, Any]) -> str | None:
        """Record ``props`` at ``path``; return the op to send, or None when nothing changed."""
        old = self.nodes.get(path)
        if old is not None and old.props == props:  # the common case: no encoding needed
            return None
        encoded = protocol.dumps(compact(props))
        if old is not None and old.json == encoded:
            return None
        kind = props["k"]
        block = props.get("type") if kind == "block" else None
        if old is None:
            self.kids.setdefault(path.rpartition(".")[0], {})[path] = None
        else:
            if old.block is None or old.block != block:
                self._drop_descendants(path)
            if "id" in old.props and old.kind != "block":
                self.widgets.pop(old.props["id"], None)
        wire = WIRE.get(kind) if old is not None and old.kind == kind else None
        sent = encoded if wire is None or old is None else protocol.dumps(wire[0](old.props, props))
        props, encoded = _shared.get(props, encoded)  # never mutated: echo() copies
        self.nodes[path] = Node(kind, block, props, encoded)
        if "id" in props and kind != "block":
            self.widgets[props["id"]] = path
        return protocol.op_el(path, sent)

    def subtree(self, root: str) -> Iterator[str]:
        """Every path below ``root`` (not ``root`` itself), parents before their children."""
        stack = list(self.kids.get(root, ()))
        while stack:
            path = stack.pop()
            yield path
            stack.extend(self.kids.get(path, ()))

    def _drop_descendants(self, path: str) -> None:
        for child in list(self.subtree(path)):
            self._forget(child)

    def _forget(self, path: str) -> None:
        node = self.nodes.pop(path)
        parent = path.rpartition(".")[0]
        siblings = self.kids.get(parent)
        if siblings is not None:
            siblings.pop(path, None)
            if not siblings:
                del self.kids[parent]
        if "id" in node.props and node.kind != "block":
            if self.widgets.get(node.props["id"]) == path:
                del self.widgets[node.props["id"]]

    def sweep(self, roots: tuple[str, ...], drawn: set[str]) -> list[str]:
        """Forget what is below ``roots`` and was not drawn; return the topmost removed paths.

        Walks only the subtrees in question, so a fragment run costs the same in a large page.
        """
        gone: list[str] = []
        for root in roots:
            stack = list(self.kids.get(root, ()))
            while stack:
                path = stack.pop()
                if path in drawn:
                    stack.extend(self.kids.get(path, ()))
                else:
                    gone.append(path)
        for path in gone:
            self._drop_descendants(path)
            self._forget(path)
        return gone

    def remove(self, path: str) -> bool:
        if path not in self.nodes:
            return False
        self._drop_descendants(path)
        self._forget(path)
        return True

    def echo(self, widget_id: str, field_name: str, wire_value: Any) -> None:
        """The client already shows ``wire_value``: record it so a rerun does not send it back."""
        path = self.widgets.get(widget_id)
        if path is None:
            return
        node = self.nodes[path]
        props = dict(node.props)
        props[field_name] = wire_value
        node.props = props
        node.json = protocol.dumps(props)

    def snapshot(self) -> list[str]:
        """Ops that draw the whole page on an empty client, parents first."""
        ordered = sorted(self.nodes.items(), key=lambda item: path_key(item[0]))
        settings = [protocol.op_page(self.config)] if self.config else []
        return [protocol.op_reset(), *settings, *(protocol.op_el(p, n.json) for p, n in ordered)]

__all__ = ["Node", "Page", "is_under", "path_key"]
