"""Placing elements in the container tree of the current run.

An element's identity is its path; each block keeps a cursor (the next child index) for the
run, so a run that writes into an earlier container puts the element there.
"""

from __future__ import annotations

import sys
from typing import Any

from .context import Run, current_block, current_fragment, current_run
from .delta import is_under
from .errors import APIError

Props = dict[str, Any]


def place(run: Run, block: str) -> str:
    """Allocate the next position in ``block`` for this run."""
    block = _redirect(run, block)
    if block in run.empties:
        return block + ".0"
    index = run.cursors.get(block, 0)
    run.cursors[block] = index + 1
    return sys.intern(f"{block}.{index}")  # one string for a path in every session


def commit(run: Run, path: str, props: Props) -> None:
    if props["k"] == "block":
        parent = path.rpartition(".")[0]
        form = props["id"] if props["type"] == "form" else run.block_forms.get(parent)
        if form is not None:
            run.block_forms[path] = form
        run.cursors.pop(path, None)
        if props["type"] == "empty":
            run.empties.add(path)
    run.session.draw(run, path, props)


def draw(props: Props, block: str | None = None) -> str:
    """Draw ``props`` at the next position of ``block`` (default: the current container)."""
    run = current_run()
    path = place(run, block or current_block())
    commit(run, path, props)
    return path


def form_of(run: Run, path: str) -> str | None:
    return run.block_forms.get(path.rpartition(".")[0])


def _redirect(run: Run, block: str) -> str:
    """A fragment writing into a container created outside it writes into its own outlet there.

    The outlet is a plain container the fragment reserves in that container during an app run;
    a fragment run redraws the outlet in place (Streamlit 1.67 does the same).
    """
    fragment = current_fragment()
    if fragment is None or is_under(block, fragment.path):
        return block
    if any(is_under(block, outlet) for outlet in fragment.outlets.values()):
        return block
    outlet = fragment.outlets.get(block)
    if outlet is not None:
        return outlet
    if run.scope == "fragment":
        raise APIError(
            "A fragment tried to write to a container created outside it, but it did not write to "
            "that container during the last full app run, so there is no reserved place for it. "
            "Write to that container during the app run too (or draw inside the fragment)."
        )
    index = run.cursors.get(block, 0)
    run.cursors[block] = index + 1
    outlet = sys.intern(f"{block}.{index}")
    fragment.outlets[block] = outlet
    commit(run, outlet, {"k": "block", "type": "container", "border": False})
    return outlet
