"""Widgets: calls that draw an input and return its current value.

A widget's id is its key when it has one, else a hash of its kind, label, defining parameters,
form and root; two widgets with one id in a run are an error. Values from the client are
checked by each widget's ``decode`` before anything changes.
"""

from __future__ import annotations

import hashlib
import math
import sys
from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from .context import current_block, current_fragment, current_run
from .elements import commit, form_of, place
from .errors import APIError
from .state import Callback, WidgetMeta

T = TypeVar("T")
Number = int | float


def _identity(kind: str, label: str, key: str | None, parts: tuple[Any, ...], where: str) -> str:
    seed = f"key:{key}" if key is not None else repr((kind, label, parts, where))
    return sys.intern(hashlib.blake2b(seed.encode(), digest_size=8).hexdigest())


def _same(value: Any) -> Any:
    return value


def _widget(
    kind: str,
    label: str,
    *,
    key: str | int | None,
    identity: tuple[Any, ...],
    default: Any,
    decode: Callable[[Any], Any],
    encode: Callable[[Any], Any] = _same,
    field: str = "value",
    extra: dict[str, Any],
    help: str | None,
    disabled: bool,
    callback: Callback | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    trigger: bool = False,
) -> Any:
    run = current_run()
    session = run.session
    widgets, state = session.data.widgets, session.data.state
    if not isinstance(label, str):
        raise APIError(f"The label of a {kind} must be a string, not {type(label).__name__}.")
    if key is not None and not isinstance(key, str | int):
        raise APIError(f"A widget key must be a string or an int, not {type(key).__name__}.")
    skey = None if key is None else str(key)
    if callback is not None and not callable(callback):
        raise APIError(f"The callback of {kind} {label!r} is not callable: {callback!r}.")
    path = place(run, current_block())
    form = form_of(run, path)
    if kind == "button" and form is not None:
        raise APIError(
            "`rr.button()` can't be used in an `rr.form()`. "
            "Use `rr.form_submit_button()` instead to submit the form."
        )
    if form is not None and callback is not None and kind != "submit":
        raise APIError(
            "Within a form, callbacks can only be defined on `rr.form_submit_button`. "
            f"Remove `on_change` from {kind} {label!r}, or move the widget out of the form."
        )
    wid = _identity(kind, label, skey, (*identity, form), path[0])
    if wid in run.widgets_seen:
        if skey is not None:
            raise APIError(
                f"There are multiple widgets with the same key={skey!r}. "
                "Give each widget a unique `key`."
            )
        raise APIError(
            f"There are multiple `{kind}` widgets with the same label {label!r} and parameters, "
            "so they would share one identity. Give each a unique `key=` argument."
        )
    run.widgets_seen.add(wid)
    if trigger:
        value = wid in widgets.triggers
        if value:
            run.triggers_seen[wid] = widgets.triggers[wid]
        if skey is not None:
            widgets.trigger_keys.add(skey)
            state.set_from_widget(skey, value)
    elif skey is not None:
        if skey in state:
            value = state[skey]
            try:
                decode(encode(value))
            except (ValueError, TypeError, LookupError) as exc:
                raise APIError(
                    f"session_state[{skey!r}] holds {value!r}, which {kind} {label!r} cannot show: "
                    f"{exc}"
                ) from None
        else:
            value = default
            state.set_from_widget(skey, value)
    else:
        value = widgets.values.get(wid, default)
        widgets.values[wid] = value
    fragment = current_fragment()
    widgets.meta[wid] = WidgetMeta(
        wid, kind, skey, field, decode, encode, callback, tuple(args or ()), dict(kwargs or {}),
        fragment.id if fragment is not None else None, form, trigger,
    )
    if skey is not None:
        run.keys_created.add(skey)
    props: dict[str, Any] = {
        "k": kind, "id": wid, "label": label, "help": help, "disabled": bool(disabled),
        "form": form,
    }
    if not trigger:
        props[field] = encode(value)
    props.update(extra)
    commit(run, path, props)
    return value


# -- buttons ------------------------------------------------------------------------------------


def _never(value: Any) -> Any:
    raise ValueError("a button has no value to set")


def button(
    label: str,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callback | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    type: Literal["primary", "secondary"] = "secondary",
    disabled: bool = False,
    use_container_width: bool = False,
) -> bool:
    """True in exactly one completed run per click."""
    return bool(_widget(
        "button", label, key=key, identity=(), default=False, decode=_never, help=help,
        disabled=disabled, callback=on_click, args=args, kwargs=kwargs, trigger=True,
        extra={"kind": type, "wide": use_container_width},
    ))


def form_submit_button(
    label: str = "Submit",
    help: str | None = None,
    on_click: Callback | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    key: str | int | None = None,
    type: Literal["primary", "secondary"] = "secondary",
    disabled: bool = False,
    use_container_width: bool = False,
) -> bool:
    """Submits its form: every value of the form reaches the script at once."""
    run = current_run()
    if form_of(run, f"{current_block()}.0") is None:
        raise APIError(
            "`rr.form_submit_button()` must be used inside an `rr.form()`: "
            "put it in the `with rr.form(key):` block."
        )
    return bool(_widget(
        "submit", label, key=key, identity=(), default=False, decode=_never, help=help,
        disabled=disabled, callback=on_click, args=args, kwargs=kwargs, trigger=True,
        extra={"kind": type, "wide": use_container_width},
    ))


# -- booleans and text --------------------------------------------------------------------------


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _boolean(
    kind: str, label: str, value: bool, key: str | int | None, help: str | None,
    on_change: Callback | None, args: Sequence[Any] | None, kwargs: dict[str, Any] | None,
    disabled: bool,
) -> bool:
    return bool(_widget(
        kind, label, key=key, identity=(bool(value),), default=bool(value), decode=_bool,
        help=help, disabled=disabled, callback=on_change, args=args, kwargs=kwargs, extra={},
    ))


def checkbox(
    label: str, value: bool = False, key: str | int | None = None, help: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, disabled: bool = False,
) -> bool:
    return _boolean("checkbox", label, value, key, help, on_change, args, kwargs, disabled)


def toggle(
    label: str, value: bool = False, key: str | int | None = None, help: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, disabled: bool = False,
) -> bool:
    return _boolean("toggle", label, value, key, help, on_change, args, kwargs, disabled)


def _string(max_chars: int | None) -> Callable[[Any], str]:
    def decode(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(f"expected a string, got {type(value).__name__}")
        if max_chars is not None and len(value) > max_chars:
            raise ValueError(f"longer than max_chars={max_chars}")
        return value

    return decode


def text_input(
    label: str, value: str = "", max_chars: int | None = None, key: str | int | None = None,
    type: Literal["default", "password"] = "default", help: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, placeholder: str | None = None,
    disabled: bool = False,
) -> str:
    return str(_widget(
        "text_input", label, key=key, identity=(value, max_chars, type, placeholder),
        default=value, decode=_string(max_chars), help=help, disabled=disabled,
        callback=on_change, args=args, kwargs=kwargs,
        extra={"placeholder": placeholder, "max_chars": max_chars, "password": type == "password"},
    ))


def text_area(
    label: str, value: str = "", height: int | None = None, max_chars: int | None = None,
    key: str | int | None = None, help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    placeholder: str | None = None, disabled: bool = False,
) -> str:
    return str(_widget(
        "text_area", label, key=key, identity=(value, max_chars, height, placeholder),
        default=value, decode=_string(max_chars), help=help, disabled=disabled,
        callback=on_change, args=args, kwargs=kwargs,
        extra={"placeholder": placeholder, "max_chars": max_chars, "height": height},
    ))


# -- numbers ------------------------------------------------------------------------------------


def _number(
    as_int: bool, low: Number | None, high: Number | None
) -> Callable[[Any], Number]:
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
        number: Number = value
        if low is not None and value < low:
            raise ValueError(f"{value} is below the minimum {low}")
        if high is not None and value > high:
            raise ValueError(f"{value} is above the maximum {high}")
        return number

    return decode


def _all_int(*values: object) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values if v is not None)


def number_input(
    label: str, min_value: Number | None = None, max_value: Number | None = None,
    value: Number | None | Literal["min"] = "min", step: Number | None = None,
    key: str | int | None = None, help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    placeholder: str | None = None, disabled: bool = False,
) -> Any:
    """An int widget when every number given is an int, else a float widget."""
    if value == "min":
        value = min_value if min_value is not None else 0
    as_int = _all_int(min_value, max_value, value, step)
    if step is None:
        step = 1 if as_int else 0.01
    decode = _number(as_int, min_value, max_value)
    if value is not None:
        try:
            value = decode(value)
        except ValueError as exc:
            raise APIError(f"number_input {label!r}: the value {exc}") from None
    return _widget(
        "number_input", label, key=key, identity=(min_value, max_value, value, step),
        default=value, decode=lambda v: None if v is None else decode(v), help=help,
        disabled=disabled, callback=on_change, args=args, kwargs=kwargs,
        extra={"min": min_value, "max": max_value, "step": step, "int": as_int,
               "placeholder": placeholder},
    )


def slider(
    label: str, min_value: Number | None = None, max_value: Number | None = None,
    value: Number | tuple[Number, Number] | list[Number] | None = None,
    step: Number | None = None, key: str | int | None = None, help: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, disabled: bool = False,
) -> Any:
    """A number slider, or a range slider when ``value`` is a pair (returns a tuple)."""
    is_range = isinstance(value, tuple | list)
    parts = tuple(value) if isinstance(value, tuple | list) else (value,)
    as_int = _all_int(min_value, max_value, step, *parts)
    low = min_value if min_value is not None else (0 if as_int else 0.0)
    high = max_value if max_value is not None else (100 if as_int else 1.0)
    if step is None:
        step = 1 if as_int else 0.01
    one = _number(as_int, low, high)

    def decode(wire: Any) -> Any:
        if not is_range:
            return one(wire)
        if not isinstance(wire, list | tuple) or len(wire) != 2:
            raise ValueError("expected a pair [low, high]")
        a, b = one(wire[0]), one(wire[1])
        if a > b:
            raise ValueError(f"the range's low end {a} is above its high end {b}")
        return (a, b)

    default: Any = (low, high) if is_range and len(parts) != 2 else None
    if default is None:
        default = low if value is None else value
    try:
        default = decode(list(default) if is_range else default)
    except ValueError as exc:
        raise APIError(f"slider {label!r}: the value {exc}") from None
    return _widget(
        "slider", label, key=key, identity=(low, high, default, step), default=default,
        decode=decode, encode=lambda v: list(v) if is_range else v, help=help, disabled=disabled,
        callback=on_change, args=args, kwargs=kwargs,
        extra={"min": low, "max": high, "step": step, "int": as_int},
    )


# -- choices ------------------------------------------------------------------------------------


def _labels(options: Sequence[Any], format_func: Callable[[Any], Any]) -> list[str]:
    return [str(format_func(option)) for option in options]


def _index_of(options: list[Any]) -> Callable[[Any], int | None]:
    def encode(value: Any) -> int | None:
        if value is None:
            return None
        for i, option in enumerate(options):
            if option is value or option == value:
                return i
        raise ValueError(f"{value!r} is not one of the options")

    return encode


def _option_at(options: list[Any]) -> Callable[[Any], Any]:
    def decode(index: Any) -> Any:
        if index is None:
            return None
        if isinstance(index, bool) or not isinstance(index, int):
            raise ValueError(f"expected an option index, got {index!r}")
        if not 0 <= index < len(options):
            raise ValueError(f"option index {index} is out of range (0..{len(options) - 1})")
        return options[index]

    return decode


def _choice(
    kind: str, label: str, options: Sequence[T], index: int | None,
    format_func: Callable[[Any], Any], key: str | int | None, help: str | None,
    on_change: Callback | None, args: Sequence[Any] | None, kwargs: dict[str, Any] | None,
    disabled: bool, extra: dict[str, Any],
) -> T | None:
    opts = list(options)
    labels = _labels(opts, format_func)
    if index is not None and not (isinstance(index, int) and 0 <= index < max(len(opts), 1)):
        raise APIError(f"{kind} {label!r}: index {index!r} is not a valid option index.")
    default = opts[index] if index is not None and opts else None
    value: T | None = _widget(
        kind, label, key=key, identity=(tuple(labels), index), default=default,
        decode=_option_at(opts), encode=_index_of(opts), field="index", help=help,
        disabled=disabled, callback=on_change, args=args, kwargs=kwargs,
        extra={"options": labels, **extra},
    )
    return value


def selectbox(
    label: str, options: Sequence[T], index: int | None = 0,
    format_func: Callable[[Any], Any] = str, key: str | int | None = None,
    help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    placeholder: str = "Choose an option", disabled: bool = False,
) -> T | None:
    return _choice("selectbox", label, options, index, format_func, key, help, on_change, args,
                   kwargs, disabled, {"placeholder": placeholder})


def radio(
    label: str, options: Sequence[T], index: int | None = 0,
    format_func: Callable[[Any], Any] = str, key: str | int | None = None,
    help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    disabled: bool = False, horizontal: bool = False,
) -> T | None:
    return _choice("radio", label, options, index, format_func, key, help, on_change, args,
                   kwargs, disabled, {"horizontal": horizontal})


def multiselect(
    label: str, options: Sequence[T], default: Sequence[T] | None = None,
    format_func: Callable[[Any], Any] = str, key: str | int | None = None,
    help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    max_selections: int | None = None, placeholder: str = "Choose options",
    disabled: bool = False,
) -> list[T]:
    opts = list(options)
    labels = _labels(opts, format_func)
    one = _option_at(opts)
    index_of = _index_of(opts)

    def decode(wire: Any) -> list[T]:
        if not isinstance(wire, list):
            raise ValueError("expected a list of option indices")
        if len(set(map(repr, wire))) != len(wire):
            raise ValueError("option indices must be distinct")
        if max_selections is not None and len(wire) > max_selections:
            raise ValueError(f"at most {max_selections} options may be chosen")
        return [one(i) for i in wire if i is not None] if None not in wire else _bad_none()

    def encode(value: Any) -> list[int | None]:
        return [index_of(v) for v in value]

    try:
        chosen = decode(encode(list(default or [])))
    except ValueError as exc:
        raise APIError(f"multiselect {label!r}: default {exc}") from None
    result: list[T] = _widget(
        "multiselect", label, key=key, identity=(tuple(labels), tuple(encode(chosen))),
        default=chosen, decode=decode, encode=encode, help=help, disabled=disabled,
        callback=on_change, args=args, kwargs=kwargs,
        extra={"options": labels, "placeholder": placeholder, "max": max_selections},
    )
    return list(result)


def _bad_none() -> Any:
    raise ValueError("option indices must be integers")


__all__ = [
    "button", "checkbox", "form_submit_button", "multiselect", "number_input", "radio",
    "selectbox", "slider", "text_area", "text_input", "toggle",
]
