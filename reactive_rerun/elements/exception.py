"""``rr.exception``: an exception with its traceback; also how a run shows an uncaught one."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Literal

from .. import _params
from ..context import current_run
from ..element import Element

EXCEPTION = Element(
    "exception", ("type", "message", "trace", "width"),
    doc="`type`, `message`, `trace` (string, or `null` when the app hides details), `width`",
)

HIDDEN_DETAILS = "This app has hidden the error details. The server log has the full error."


@EXCEPTION.function
def exception(exception: BaseException, width: Literal["stretch"] | int = "stretch") -> None:
    """Show an exception; the app's ``show_error_details=False`` hides its message and trace."""
    EXCEPTION.draw(
        **describe(exception, details=current_run().host.config.show_error_details),
        width=_params.width("exception", width, content=False),
    )


def describe(exc: BaseException, *, details: bool) -> dict[str, str | None]:
    """The exception element's fields but ``width``. Never raises, whatever the exception's
    ``__str__`` does."""
    name = _text(lambda: type(exc).__name__, "exception")
    if not details:
        return {"type": name, "message": HIDDEN_DETAILS, "trace": None}
    return {
        "type": name,
        "message": _text(lambda: str(exc), f"<{name}: its str() failed>"),
        "trace": _text(
            lambda: "".join(traceback.format_exception(exc)).rstrip(),
            "".join(traceback.format_tb(exc.__traceback__)).rstrip() + f"\n{name}",
        ),
    }


def _text(make: Callable[[], object], fallback: str) -> str:
    try:
        text = make()
    except BaseException:  # a broken __str__ may raise anything
        return fallback
    return text if isinstance(text, str) else fallback

__all__ = ["EXCEPTION", "HIDDEN_DETAILS", "describe", "exception"]
