"""Reload on save: a changed script (or a module beside it) is picked up by every session.

``watchfiles`` reports changes under the script's folder; the script is compiled again, the
modules imported from that folder are forgotten (so the next run imports them afresh), and
every live session reruns at once. Sessions keep their ``session_state`` and widget values; a
syntax error shows on each page until the next good save.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from watchfiles import awatch

from .script import ScriptFile

logger = logging.getLogger("reactive_rerun")

_OWN = Path(__file__).resolve().parent


def forget_modules(folder: Path) -> list[str]:
    """Drop the modules loaded from ``folder`` (not reactive_rerun's own) from ``sys.modules``."""
    gone = []
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if not file:
            continue
        path = Path(file).resolve()
        if path.is_relative_to(folder) and not path.is_relative_to(_OWN):
            del sys.modules[name]
            gone.append(name)
    return gone


def apply_change(script: ScriptFile, rerun_all: Callable[[], None]) -> None:
    from .pages import reload_pages

    script.reload()
    reload_pages()
    forget_modules(script.folder)
    if script.error is not None:
        logger.warning("%s: %s (the pages show it until the next good save)", script.name,
                       script.error)
    rerun_all()


async def watch(script: ScriptFile, rerun_all: Callable[[], None]) -> None:
    """Watch the script's folder until cancelled."""
    async for changes in awatch(script.folder, step=50, debounce=200):
        if any(path.endswith(".py") for _, path in changes):
            apply_change(script, rerun_all)


__all__ = ["apply_change", "forget_modules", "watch"]
