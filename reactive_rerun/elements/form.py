"""``rr.form``: widgets inside send their values together, on submit."""

from __future__ import annotations

from ..context import current_block, current_run
from ..element import Element, form_of
from ..errors import APIError
from ..layout import Container, open_block

FORM = Element("form", ("id", "border"), doc="`id` (the form's key), `border` (bool)", block=True)


@FORM.function
def form(key: str, *, border: bool = True) -> Container:
    """Widgets inside send their values together, when the form's submit button is pressed."""
    run = current_run()
    if not isinstance(key, str) or not key:
        raise APIError("form() needs a non-empty string key.")
    if form_of(run, f"{current_block()}.0") is not None:
        raise APIError("Forms cannot be nested in other forms. Close the outer form first.")
    if key in run.forms_seen:
        raise APIError(f"There are multiple forms with the same key={key!r}. Use unique keys.")
    run.forms_seen.add(key)
    return open_block(FORM, id=key, border=border)

__all__ = ["FORM", "form"]
