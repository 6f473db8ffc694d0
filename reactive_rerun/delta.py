"""What the page shows, and the ops that turn it into what a run draws.

``Page`` is part of a session's durable state: it mirrors the client's element tree (path ->
encoded element), so a run sends only elements that differ from what is shown, and a reconnecting
client can be given the whole page again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import protocol


def path_key(path: str) -> tuple[str | int, ...]:
    root, *rest = path.split(".")
    return (root, *(int(part) for part in rest))


def within(path: str, prefix: str) -> bool:
    return path.startswith(prefix) and (len(path) == len(prefix) or path[len(prefix)] == ".")


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

    def put(self, path: str, props: dict[str, Any]) -> str | None:
        """Record ``props`` at ``path``; return the op to send, or None when nothing changed."""
        encoded = protocol.dumps(props)
        old = self.nodes.get(path)
        if old is not None and old.json == encoded:
            return None
        kind = props["k"]
        block = props.get("type") if kind == "block" else None
        if old is not None and (old.block is None or old.block != block):
            self._drop_descendants(path)
        if old is not None and "id" in old.props and old.kind != "block":
            self.widgets.pop(old.props["id"], None)
        self.nodes[path] = Node(kind, block, props, encoded)
        if "id" in props and kind != "block":
            self.widgets[props["id"]] = path
        return protocol.op_el(path, encoded)

    def _drop_descendants(self, path: str) -> None:
        prefix = path + "."
        for child in [p for p in self.nodes if p.startswith(prefix)]:
            self._forget(child)

    def _forget(self, path: str) -> None:
        node = self.nodes.pop(path)
        if "id" in node.props and node.kind != "block":
            if self.widgets.get(node.props["id"]) == path:
                del self.widgets[node.props["id"]]

    def sweep(
        self, prefixes: tuple[str, ...], drawn: set[str], keep: tuple[str, ...] = ()
    ) -> list[str]:
        """Forget elements under ``prefixes`` that were not drawn; return the topmost removed."""
        gone = [
            p
            for p in self.nodes
            if p not in drawn
            and any(within(p, pre) and p != pre for pre in prefixes)
            and not any(within(p, k) for k in keep)
        ]
        for p in gone:
            self._forget(p)
        gone_set = set(gone)
        return [p for p in gone if p.rpartition(".")[0] not in gone_set]

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
        return [protocol.op_reset(), *(protocol.op_el(p, n.json) for p, n in ordered)]
