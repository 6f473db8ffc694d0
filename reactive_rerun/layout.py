"""Containers: blocks that hold elements, usable as ``with c:`` and as ``c.header(...)``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, Generic, Literal, ParamSpec, TypeVar, overload

from . import display, widgets
from .context import current_block, current_run, pop_block, push_block
from .elements import commit, form_of, place
from .errors import APIError

P = ParamSpec("P")
R = TypeVar("R")


class _In(Generic[P, R]):
    """Binds a module-level UI function to a container: ``c.header(...)``."""

    def __init__(self, fn: Callable[P, R]) -> None:
        self.fn = fn
        self.__doc__ = fn.__doc__

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> _In[P, R]: ...
    @overload
    def __get__(self, obj: Container, owner: type[Any]) -> Callable[P, R]: ...
    def __get__(self, obj: Container | None, owner: type[Any]) -> Any:
        if obj is None:
            return self
        fn = self.fn

        def bound(*args: P.args, **kwargs: P.kwargs) -> R:
            with obj:
                return fn(*args, **kwargs)

        bound.__name__ = getattr(fn, "__name__", "bound")
        return bound


class Container:
    """A block of the page. Writing into it later still puts elements inside it."""

    __slots__ = ("_path",)

    def __init__(self, path: str) -> None:
        self._path = path

    @property
    def path(self) -> str:
        return self._path

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._path!r})"

    def __enter__(self) -> Container:
        current_run()
        push_block(self._path)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        pop_block()
        if exc is not None and isinstance(exc, Exception) and not hasattr(exc, "_rr_block"):
            try:
                exc._rr_block = self._path  # type: ignore[attr-defined]
            except AttributeError:
                pass

    title = _In(display.title)
    header = _In(display.header)
    subheader = _In(display.subheader)
    caption = _In(display.caption)
    text = _In(display.text)
    markdown = _In(display.markdown)
    code = _In(display.code)
    json = _In(display.json)
    divider = _In(display.divider)
    error = _In(display.error)
    warning = _In(display.warning)
    info = _In(display.info)
    success = _In(display.success)
    exception = _In(display.exception)
    write = _In(display.write)
    button = _In(widgets.button)
    form_submit_button = _In(widgets.form_submit_button)
    checkbox = _In(widgets.checkbox)
    toggle = _In(widgets.toggle)
    text_input = _In(widgets.text_input)
    text_area = _In(widgets.text_area)
    number_input = _In(widgets.number_input)
    slider = _In(widgets.slider)
    selectbox = _In(widgets.selectbox)
    radio = _In(widgets.radio)
    multiselect = _In(widgets.multiselect)

    def container(self, *, border: bool = False) -> Container:
        with self:
            return container(border=border)

    def empty(self) -> Container:
        with self:
            return empty()

    def columns(
        self, spec: int | Sequence[float], *, gap: Literal["small", "medium", "large"] = "small"
    ) -> list[Container]:
        with self:
            return columns(spec, gap=gap)

    def tabs(self, labels: Sequence[str]) -> list[Container]:
        with self:
            return tabs(labels)

    def expander(self, label: str, expanded: bool = False) -> Container:
        with self:
            return expander(label, expanded)

    def form(self, key: str, *, border: bool = True) -> Container:
        with self:
            return form(key, border=border)


def _block(type: str, **props: Any) -> Container:
    return _block_in(current_block(), type, **props)


def _block_in(parent: str, type: str, **props: Any) -> Container:
    run = current_run()
    path = place(run, parent)
    commit(run, path, {"k": "block", "type": type, **props})
    return Container(path)


def container(*, border: bool = False) -> Container:
    """A block to draw into, now or later in the run."""
    return _block("container", border=border)


def empty() -> Container:
    """Holds one element; each write replaces what it holds."""
    return _block("empty")


def columns(
    spec: int | Sequence[float], *, gap: Literal["small", "medium", "large"] = "small"
) -> list[Container]:
    """Side-by-side columns: ``spec`` is a count or a list of relative widths."""
    weights = [1.0] * spec if isinstance(spec, int) else [float(w) for w in spec]
    if not weights or any(not w > 0 for w in weights):
        raise APIError("columns() takes a positive count or a list of positive widths.")
    row = _block("columns", gap=gap)
    return [_block_in(row.path, "column", weight=w) for w in weights]


def tabs(labels: Sequence[str]) -> list[Container]:
    """One container per tab label, in order."""
    names = [str(label) for label in labels]
    if not names:
        raise APIError("tabs() needs at least one tab label.")
    row = _block("tabs", labels=names)
    return [_block_in(row.path, "tab", label=name) for name in names]


def expander(label: str, expanded: bool = False) -> Container:
    """A collapsible container; ``expanded`` is its initial state."""
    return _block("expander", label=str(label), expanded=bool(expanded))


def form(key: str, *, border: bool = True) -> Container:
    """Widgets inside send their values together, when the form's submit button is pressed."""
    run = current_run()
    if not isinstance(key, str) or not key:
        raise APIError("form() needs a non-empty string key.")
    parent = current_block()
    if form_of(run, f"{parent}.0") is not None:
        raise APIError("Forms cannot be nested in other forms. Close the outer form first.")
    if key in run.forms_seen:
        raise APIError(f"There are multiple forms with the same key={key!r}. Use unique keys.")
    run.forms_seen.add(key)
    return _block("form", id=key, border=border)


sidebar = Container("s")

__all__ = ["Container", "columns", "container", "empty", "expander", "form", "sidebar", "tabs"]
