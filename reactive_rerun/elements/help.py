"""``rr.help``: an object's name, type, signature, documentation and members."""

from __future__ import annotations

import inspect
import sys
from typing import Any, Literal

from .. import _params
from ..element import Element

HELP = Element(
    "help", ("name", "type", "signature", "value", "doc", "members", "width"),
    doc="`name`, `type`, `signature` (or null), `value` (a short repr, or null), `doc`, "
        "`members` (a list of `[name, type, first line of doc]`), `width`",
)
_MAX_MEMBERS = 200
_DEFAULT = object()


def _first_line(obj: Any) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.strip().split("\n\n")[0].replace("\n", " ")[:200]


def _members(obj: Any) -> list[list[str]]:
    out: list[list[str]] = []
    for name in sorted(dir(obj)):
        if name.startswith("_"):
            continue
        try:
            member = getattr(obj, name)
        except Exception:  # a property that raises is still listed
            out.append([name, "?", ""])
            continue
        if inspect.ismodule(member):
            continue
        out.append([name, type(member).__name__, _first_line(member) if callable(member) else
                    _short(member)])
        if len(out) >= _MAX_MEMBERS:
            break
    return out


class _Shown:
    """An annotation kept as text (``from __future__ import annotations``) shown without quotes."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _signature(obj: Any) -> str:
    sig = inspect.signature(obj)

    def shown(annotation: Any) -> Any:
        return _Shown(annotation) if isinstance(annotation, str) else annotation

    return str(sig.replace(
        parameters=[p.replace(annotation=shown(p.annotation)) for p in sig.parameters.values()],
        return_annotation=shown(sig.return_annotation),
    ))


def _short(value: Any) -> str:
    try:
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 120 else text[:117] + "..."


@HELP.function
def help(obj: Any = _DEFAULT, *, width: Literal["stretch"] | int = "stretch") -> None:
    """Show ``obj``'s documentation and members (``rr.help()``: this package's)."""
    if obj is _DEFAULT:
        obj = sys.modules["reactive_rerun"]
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    signature = None
    if callable(obj):
        try:
            signature = _signature(obj)
        except (TypeError, ValueError):
            signature = None
    plain = not (inspect.isclass(obj) or inspect.ismodule(obj) or callable(obj))
    doc = inspect.getdoc(obj) or ""
    if plain and doc == (inspect.getdoc(type(obj)) or ""):
        doc = ""  # a plain value: its type's documentation says nothing about it
    HELP.draw(
        name=None if name is None else str(name), type=type(obj).__name__, signature=signature,
        value=_short(obj) if plain else None,
        doc=doc,
        members=[] if plain and isinstance(obj, int | float | str | bytes | bool)
        else _members(obj), width=_params.width("help", width, content=False),
    )


__all__ = ["HELP", "help"]
