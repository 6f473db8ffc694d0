"""``rr.status``: a container that shows the state of work (running, complete, error)."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Literal

from .. import _params
from ..context import current_run
from ..element import Element
from ..errors import APIError
from ..layout import Container, open_block
from ..threads import run_ui

STATUS = Element(
    "status", ("label", "state", "expanded", "variant", "width"),
    doc="`label`, `state` (`running` / `complete` / `error`), `expanded` (open when it changes), "
        "`variant` (`default` / `compact` / `step`, as `expander`'s), `width`",
    block=True,
)

State = Literal["running", "complete", "error"]
_STATES = ("running", "complete", "error")


def _state(state: object) -> str:
    if state not in _STATES:
        raise APIError(f"status state must be 'running', 'complete' or 'error', not {state!r}")
    return str(state)


class StatusContainer(Container):
    """The container ``rr.status`` returns; ``update()`` changes its label, state or
    ``expanded`` in place. Leaving its ``with`` block marks a running status complete (error
    if the block raised)."""

    __slots__ = ("_fields",)

    def __init__(self, path: str, fields: dict[str, Any]) -> None:
        super().__init__(path)
        self._fields = fields

    def update(
        self, *, label: str | None = None, expanded: bool | None = None,
        state: State | None = None,
    ) -> None:
        changed = dict(self._fields)
        if label is not None:
            changed["label"] = str(label)
        if expanded is not None:
            changed["expanded"] = bool(expanded)
        if state is not None:
            changed["state"] = _state(state)
        run_ui(self._redraw, changed)

    def _redraw(self, fields: dict[str, Any]) -> None:
        run = current_run()
        self._fields = fields
        run.host.draw(run, self.path, STATUS.props(fields))

    def __enter__(self) -> StatusContainer:
        super().__enter__()
        return self

    async def __aenter__(self) -> StatusContainer:
        return self.__enter__()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self._fields["state"] == "running" and (exc is None or isinstance(exc, Exception)):
                self.update(state="complete" if exc is None else "error")
        finally:
            super().__exit__(kind, exc, tb)


@STATUS.function
def status(
    label: str, *, expanded: bool = False, state: State = "running",
    type: Literal["default", "compact", "step"] = "default",
    width: Literal["stretch"] | int = "stretch",
) -> StatusContainer:
    """A container showing the state of work: ``with rr.status("Searching...") as s:``."""
    if type not in ("default", "compact", "step"):
        raise APIError(f"status: type must be 'default', 'compact' or 'step', not {type!r}.")
    fields: dict[str, Any] = {
        "label": str(label), "state": _state(state), "expanded": bool(expanded),
        "variant": type, "width": _params.width("status", width, content=False),
    }
    return StatusContainer(open_block(STATUS, None, **fields).path, fields)

__all__ = ["STATUS", "StatusContainer", "status"]
