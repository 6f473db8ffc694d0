"""``rr.tabs``: one container per tab label."""

from __future__ import annotations

from collections.abc import Sequence

from ..element import Element
from ..errors import APIError
from ..layout import Container, open_block
from .tab import TAB

TABS = Element("tabs", ("labels",), doc="`labels` (list); holds `tab` blocks", block=True)


@TABS.function
def tabs(labels: Sequence[str]) -> list[Container]:
    """One container per tab label, in order."""
    names = [str(label) for label in labels]
    if not names:
        raise APIError("tabs() needs at least one tab label.")
    row = open_block(TABS, labels=names)
    return [open_block(TAB, row.path, label=name) for name in names]

__all__ = ["TABS", "tabs"]
