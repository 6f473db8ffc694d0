"""What ``selectbox`` and ``multiselect`` share: options sent as indices, and with
``accept_new_options`` a typed new option sent as its text (checked here, never trusted)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..widget import option_at

MAX_NEW = 1000  # characters in one typed new option


def placeholder(given: str | None, options: int, accept_new: bool, multi: bool) -> str:
    """Streamlit's placeholder when the app gives none."""
    if given is not None:
        return str(given)
    if options:
        if accept_new:
            return "Choose or add options" if multi else "Choose or add an option"
        return "Choose options" if multi else "Choose an option"
    if accept_new:
        return "Add options" if multi else "Add an option"
    return "No options to select"


def option_codec(
    options: list[Any], names: list[str], accept_new: bool,
) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """``decode`` (wire -> value) and ``encode`` (value -> wire) of one choice: an option index,
    or, with ``accept_new``, a new option's text (an option's label typed in any case is that
    option, as in Streamlit)."""
    at = option_at(options)
    folded = {name.casefold(): i for i, name in reversed(list(enumerate(names)))}

    def decode(wire: Any) -> Any:
        if isinstance(wire, str) and accept_new:
            text = wire.strip()
            if not text:
                raise ValueError("a new option must not be empty")
            if len(text) > MAX_NEW:
                raise ValueError(f"a new option is longer than {MAX_NEW} characters")
            i = folded.get(text.casefold())
            return text if i is None else options[i]
        if isinstance(wire, str):
            raise ValueError(f"expected an option index, got {wire!r} (this widget takes no new "
                             "options)")
        return at(wire)

    def encode(value: Any) -> Any:
        if value is None:
            return None
        for i, option in enumerate(options):
            if option is value or option == value:
                return i
        if accept_new and isinstance(value, str):
            return value
        raise ValueError(f"{value!r} is not one of the options")

    return decode, encode


def read_one(props: dict[str, Any], wire: Any) -> Any:
    """A chosen option as a test reads it: its label, or a new option's text."""
    return props["options"][wire] if isinstance(wire, int) else wire


def enter_one(props: dict[str, Any], value: Any) -> Any:
    """What a test enters: an option's label (its index on the wire), else the text itself."""
    return props["options"].index(value) if value in props["options"] else value

__all__ = ["MAX_NEW", "enter_one", "option_codec", "placeholder", "read_one"]
