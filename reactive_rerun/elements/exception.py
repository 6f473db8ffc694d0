"""``rr.exception``: an exception with its traceback; also how a run shows an uncaught one."""

from __future__ import annotations

import traceback

from ..context import current_run
from ..element import Element

EXCEPTION = Element(
    "exception", ("type", "message", "trace"),
    doc="`type`, `message`, `trace` (string, or `null` when the app hides details)",
)

HIDDEN_DETAILS = "This app has hidden the error details. The server log has the full error."


@EXCEPTION.function
def exception(exc: BaseException) -> None:
    """Show an exception; the app's ``show_error_details=False`` hides its message and trace."""
    EXCEPTION.draw(**describe(exc, details=current_run().host.config.show_error_details))


def describe(exc: BaseException, *, details: bool) -> dict[str, str | None]:
    if not details:
        return {"type": type(exc).__name__, "message": HIDDEN_DETAILS, "trace": None}
    return {
        "type": type(exc).__name__,
        "message": str(exc),
        "trace": "".join(traceback.format_exception(exc)).rstrip(),
    }

__all__ = ["EXCEPTION", "HIDDEN_DETAILS", "describe", "exception"]
