"""``rr.form``: widgets inside send their values together, on submit."""

from __future__ import annotations

from typing import Literal

from .. import _params
from ..context import current_block, current_run
from ..element import Element, form_of
from ..errors import APIError
from ..layout import Container, open_block

FORM = Element(
    "form", ("id", "border", "enter", "width", "height"),
    doc="`id` (the form's key), `border` (bool), `enter` (Enter in a text input submits), "
        "`width`, `height` (`content`, `stretch` or px: a fixed height scrolls)",
    block=True,
)


@FORM.function
def form(
    key: str, clear_on_submit: bool = False, *, enter_to_submit: bool = True, border: bool = True,
    width: Literal["stretch", "content"] | int = "stretch",
    height: Literal["content", "stretch"] | int = "content",
) -> Container:
    """Widgets inside send their values together, when the form's submit button is pressed.

    ``clear_on_submit``: after the run a submit causes (which sees the submitted values), the
    form's widgets go back to their defaults. ``enter_to_submit``: Enter in a text input of the
    form presses its first submit button.
    """
    run = current_run()
    if not isinstance(key, str) or not key:
        raise APIError("form() needs a non-empty string key.")
    if form_of(run, f"{current_block()}.0") is not None:
        raise APIError("Forms cannot be nested in other forms. Close the outer form first.")
    if key in run.forms_seen:
        raise APIError(f"There are multiple forms with the same key={key!r}. Use unique keys.")
    run.forms_seen.add(key)
    clearing = run.host.live.clearing
    if clear_on_submit:
        clearing[key] = True
    else:
        clearing.pop(key, None)
    return open_block(
        FORM, id=key, border=border, enter=bool(enter_to_submit),
        width=_params.width("form", width), height=_params.height("form", height),
    )

__all__ = ["FORM", "form"]
