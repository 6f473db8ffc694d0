"""What every widget does: find its identity, bind its codec and callback, return its value.

A widget's id is its key when it has one, else a hash of its kind, label, defining parameters,
form and root; two widgets with one id in a run are an error. Values from the client are
checked by each widget's ``decode`` before anything changes. The value codecs shared by
several kinds (numbers, options) live here too.
"""

from __future__ import annotations

import hashlib
import math
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .bindings import Callback, WidgetMeta
from .context import current_block, current_fragment, current_run
from .element import Element, commit, form_of, place
from .errors import APIError

Number = int | float


def _identity(kind: str, label: str, key: str | None, parts: tuple[Any, ...], where: str) -> str:
    seed = f"key:{key}" if key is not None else repr((kind, label, parts, where))
    return sys.intern(hashlib.blake2b(seed.encode(), digest_size=8).hexdigest())


def same(value: Any) -> Any:
    return value


def show(
    kind: Element,
    label: str,
    *,
    key: str | int | None,
    identity: tuple[Any, ...],
    default: Any,
    decode: Callable[[Any], Any],
    encode: Callable[[Any], Any] = same,
    extra: dict[str, Any],
    help: str | None,
    disabled: bool,
    label_visibility: str = "visible",
    callback: Callback | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    silent: bool = False,
    bind: Any = None,
    persist_state: Any = None,
    placed: Callable[[str], None] | None = None,
) -> Any:
    """Draw a widget of ``kind`` and return its current value (``silent``: a new value from the
    client does not rerun the script, as Streamlit's ``on_change="ignore"``; ``placed`` is told
    its path: a block widget, like a tracked expander, is a container too)."""
    from . import _params

    run = current_run()
    name = kind.name
    _params.bind(f"{name} {label!r}", bind)
    _params.persist(f"{name} {label!r}", persist_state)
    data, live = run.host.data, run.host.live
    widgets, state = data.widgets, data.state
    if not isinstance(label, str):
        raise APIError(f"The label of a {name} must be a string, not {type(label).__name__}.")
    if label_visibility not in LABEL_VISIBILITY:
        raise APIError(
            f"{name} {label!r}: label_visibility must be one of {', '.join(LABEL_VISIBILITY)}, "
            f"not {label_visibility!r}."
        )
    if help is not None and not isinstance(help, str):
        raise APIError(f"{name} {label!r}: help must be a string, not {type(help).__name__}.")
    if key is not None and not isinstance(key, str | int):
        raise APIError(f"A widget key must be a string or an int, not {type(key).__name__}.")
    skey = None if key is None else str(key)
    if callback is not None and not callable(callback):
        raise APIError(f"The callback of {name} {label!r} is not callable: {callback!r}.")
    path = place(run, current_block())
    form = form_of(run, path)
    if name == "button" and form is not None:
        raise APIError(
            "`rr.button()` can't be used in an `rr.form()`. "
            "Use `rr.form_submit_button()` instead to submit the form."
        )
    if form is not None and callback is not None and name != "submit":
        raise APIError(
            "Within a form, callbacks can only be defined on `rr.form_submit_button`. "
            f"Remove `on_change` from {name} {label!r}, or move the widget out of the form."
        )
    wid = _identity(name, label, skey, (*identity, form), path[0])
    if wid in run.widgets_seen:
        if skey is not None:
            raise APIError(
                f"There are multiple widgets with the same key={skey!r}. "
                "Give each widget a unique `key`."
            )
        raise APIError(
            f"There are multiple `{name}` widgets with the same label {label!r} and parameters, "
            "so they would share one identity. Give each a unique `key=` argument."
        )
    run.widgets_seen.add(wid)
    field = kind.value_field or "value"
    if kind.trigger:
        # a click (or a submission) is used up by the run that reads it
        value = widgets.take(wid) if kind.submits else widgets.consume(wid)
        if skey is not None:
            if skey not in widgets.trigger_keys:
                widgets.trigger_keys = widgets.trigger_keys | {skey}
            state.set_from_widget(skey, value)
    elif skey is not None:
        if skey in state:
            value = state[skey]
            try:
                decode(encode(value))
            except (ValueError, TypeError, LookupError) as exc:
                raise APIError(
                    f"session_state[{skey!r}] holds {value!r}, which {name} {label!r} cannot show: "
                    f"{exc}"
                ) from None
        else:
            value = default
            state.set_from_widget(skey, value)
    else:
        value = widgets.values.get(wid, default)
        widgets.values[wid] = value
    fragment = current_fragment()
    live.widgets[wid] = WidgetMeta(
        wid, name, skey, field, decode, encode, callback, tuple(args or ()), dict(kwargs or {}),
        fragment.id if fragment is not None else None, form, kind.trigger, bool(disabled),
        kind.submits, kind.waits, default, path, silent,
    )
    if skey is not None:
        run.keys_created.add(skey)
    fields: dict[str, Any] = {
        "id": wid, "label": label, "help": help, "disabled": bool(disabled), "form": form,
        "label_visibility": label_visibility,
    }
    if not kind.trigger:
        fields[field] = encode(value)
    fields.update(extra)
    commit(run, path, kind.props(fields))
    if placed is not None:
        placed(path)
    return value


def button_type(label: str, kind: str) -> str:
    if kind not in ("primary", "secondary", "tertiary"):
        raise APIError(
            f"button {label!r}: type must be 'primary', 'secondary' or 'tertiary', not {kind!r}."
        )
    return kind


BUTTON_FIELDS = ("kind", "wide", "icon", "icon_position", "width", "shortcut", "wrap")
# what the wire leaves out (Element.defaults): a widget's shared fields, a button's look
WIDGET_DEFAULTS = {"help": None, "disabled": False, "form": None, "label_visibility": "visible"}
BUTTON_DEFAULTS = {**WIDGET_DEFAULTS, "kind": "secondary", "wide": False, "icon": None,
                   "icon_position": "left", "width": "content", "shortcut": None, "wrap": True}


def button_extra(
    label: str, *, type: str, icon: Any, icon_position: Any, width: Any,
    use_container_width: Any, shortcut: Any, wrap: Any, where: str = "button",
) -> dict[str, Any]:
    """The fields every button kind carries (button, form_submit_button, menu_button)."""
    from . import _params

    if icon_position not in ("left", "right"):
        raise APIError(f"{where} {label!r}: icon_position must be 'left' or 'right', not "
                       f"{icon_position!r}.")
    shown = _params.width(f"{where} {label!r}", width)
    wide = bool(use_container_width) or shown == "stretch"
    return {
        "kind": button_type(label, type), "wide": wide,
        "icon": _params.icon(f"{where} {label!r}", icon), "icon_position": icon_position,
        "width": "stretch" if wide else shown,
        "shortcut": _params.shortcut(f"{where} {label!r}", shortcut),
        "wrap": _params.wrap(f"{where} {label!r}", wrap),
    }


# -- value codecs shared by several kinds ---------------------------------------------------------


def never(value: Any) -> Any:
    raise ValueError("a button has no value to set")


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def string(
    max_chars: int | None, *, required: bool = False, pattern: str | None = None,
    message: str | None = None, default: str = "",
) -> Callable[[Any], str]:
    """A text field's decoder: ``required`` refuses empty and blank text; ``pattern`` (a regex
    the text must contain a match of, as JavaScript's ``RegExp.test``) refuses the rest. The
    default passes (a required field shows its default until the user types)."""
    import re

    rule = None if pattern is None else re.compile(pattern)

    def decode(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(f"expected a string, got {type(value).__name__}")
        if max_chars is not None and len(value) > max_chars:
            raise ValueError(f"longer than max_chars={max_chars}")
        if required and not value.strip() and value != default:
            raise ValueError("a value is required")
        if rule is not None and value and rule.search(value) is None:
            raise ValueError(message or f"does not match {pattern!r}")
        return value

    return decode


def number(as_int: bool, low: Number | None, high: Number | None) -> Callable[[Any], Number]:
    def decode(value: Any) -> Number:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected a number, got {value!r}")
        if not math.isfinite(value):
            raise ValueError("expected a finite number")
        if as_int:
            if value != int(value):
                raise ValueError(f"expected an integer, got {value!r}")
            value = int(value)
        else:
            value = float(value)
        result: Number = value
        if low is not None and value < low:
            raise ValueError(f"{value} is below the minimum {low}")
        if high is not None and value > high:
            raise ValueError(f"{value} is above the maximum {high}")
        return result

    return decode


def all_int(*values: object) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values if v is not None)


def labels(options: Sequence[Any], format_func: Callable[[Any], Any]) -> list[str]:
    return [str(format_func(option)) for option in options]


def index_of(options: list[Any]) -> Callable[[Any], int | None]:
    def encode(value: Any) -> int | None:
        if value is None:
            return None
        for i, option in enumerate(options):
            if option is value or option == value:
                return i
        raise ValueError(f"{value!r} is not one of the options")

    return encode


def option_at(options: list[Any]) -> Callable[[Any], Any]:
    def decode(index: Any) -> Any:
        if index is None:
            return None
        if isinstance(index, bool) or not isinstance(index, int):
            raise ValueError(f"expected an option index, got {index!r}")
        if not 0 <= index < len(options):
            raise ValueError(f"option index {index} is out of range (0..{len(options) - 1})")
        return options[index]

    return decode


def option_label(props: dict[str, Any]) -> Any:
    """A single-choice widget's value as a test reads it: the label of the chosen option."""
    index = props["index"]
    return None if index is None else props["options"][index]


def option_index(props: dict[str, Any], value: Any) -> Any:
    return None if value is None else props["options"].index(value)


WIDGET_FIELDS = ("id", "label", "help", "disabled", "form", "label_visibility")
LABEL_VISIBILITY = ("visible", "hidden", "collapsed")

__all__ = [
    "BUTTON_DEFAULTS", "BUTTON_FIELDS", "LABEL_VISIBILITY", "Number", "WIDGET_DEFAULTS",
    "WIDGET_FIELDS", "all_int", "boolean",
    "button_extra", "button_type",
    "index_of", "labels", "never", "number", "option_at", "option_index", "option_label", "same",
    "show", "string",
]
