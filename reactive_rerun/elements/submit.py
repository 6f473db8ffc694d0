"""``rr.form_submit_button``: sends every value of its form at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..context import current_block, current_run
from ..element import Element, form_of
from ..errors import APIError
from ..widget import BUTTON_FIELDS, WIDGET_FIELDS, button_extra, never, show

SUBMIT = Element(
    "submit", (*WIDGET_FIELDS, *BUTTON_FIELDS),
    doc="as `button`; `form` is its form's id (sent with `submit`)", trigger=True,
)

WHERE = "form_submit_button"


@SUBMIT.function
def form_submit_button(
    label: str = "Submit",
    help: str | None = None,
    on_click: Callback | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    key: str | int | None = None,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Literal["content", "stretch"] | int = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Submits its form: every value of the form reaches the script at once."""
    run = current_run()
    if form_of(run, f"{current_block()}.0") is None:
        raise APIError(
            "`rr.form_submit_button()` must be used inside an `rr.form()`: "
            "put it in the `with rr.form(key):` block."
        )
    return bool(show(
        SUBMIT, label, key=key, identity=(), default=False, decode=never, help=help,
        disabled=disabled, callback=on_click, args=args, kwargs=kwargs,
        extra=button_extra(
            label, type=type, icon=icon, icon_position=icon_position, width=width,
            use_container_width=use_container_width, shortcut=shortcut, wrap=wrap, where=WHERE,
        ),
    ))

__all__ = ["SUBMIT", "form_submit_button"]
