"""``Element``: the one definition of an element kind, and placing elements in a run's tree.

A kind's definition names it, lists the fields its element carries (the browser module
``static/elements/<name>.js`` declares the same list), and for a widget says where its value
is shown and how a test reads and enters it. The public functions that draw a kind register
with ``Element.function`` (or ``ui`` for functions that draw other kinds), which makes them
container methods too: ``col.metric(...)``.

An element's identity is its path; each block keeps a cursor (the next child index) for the
run, so a run that writes into an earlier container puts the element there.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .context import Run, current_block, current_fragment, current_run, maybe_run
from .errors import APIError
from .page import DEFAULTS, is_under
from .threads import Awaited, on_loop, script_loop

Props = dict[str, Any]
F = TypeVar("F", bound=Callable[..., Any])

KINDS: dict[str, Element] = {}  # kind name -> its definition
FUNCTIONS: dict[str, Callable[..., Any]] = {}  # public UI function name -> function


@dataclass(frozen=True, eq=False)
class Element:
    """One element kind: its wire name and fields, and for a widget its value's place."""

    name: str
    fields: tuple[str, ...]  # what an element carries besides ``k`` (and ``type`` for blocks)
    doc: str
    block: bool = False
    value_field: str | None = None  # widgets: the field the value is shown in
    trigger: bool = False  # buttons: clicked, not set
    submits: bool = False  # a trigger that carries a value (chat_input): one run sees each
    waits: bool = False  # its events queue behind a run in flight instead of cancelling it
    heads_up: bool = False  # heavy client code: the client starts loading it before the data
    defaults: Props = field(default_factory=dict)  # field values the wire leaves out
    read: Callable[[Props], Any] | None = None  # the shown value, as a test reads it
    enter: Callable[[Props, Any], Any] | None = None  # a user's entry -> the client's wire value
    _keys: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.name in KINDS:
            raise RuntimeError(f"element kind {self.name!r} is defined twice")
        KINDS[self.name] = self
        object.__setattr__(self, "_keys", frozenset(self.fields))
        unknown = set(self.defaults) - set(self.fields)
        if unknown:
            raise RuntimeError(f"element kind {self.name!r}: defaults of no field {unknown}")
        if self.defaults:
            DEFAULTS[self.name] = dict(self.defaults)

    @property
    def is_widget(self) -> bool:
        return self.value_field is not None or self.trigger

    def props(self, fields: Props) -> Props:
        """The element as sent: ``k`` (and ``type``) first, then exactly the declared fields."""
        if fields.keys() != self._keys:
            raise TypeError(
                f"element {self.name!r} carries {sorted(self.fields)}, not {sorted(fields)}"
            )
        if self.block:
            return {"k": "block", "type": self.name, **fields}
        return {"k": self.name, **fields}

    def draw(self, block: str | None = None, **fields: Any) -> str:
        """Draw one element of this kind at the next position of ``block`` (default: current)."""
        return draw(self.props(fields), block)

    def function(self, fn: F) -> F:
        """Register a public function that draws this kind (it becomes a container method).

        A ``heads_up`` kind tells the client to load its code when the function is called,
        before the function builds its data: the two overlap."""
        if not self.heads_up:
            return ui(fn)

        @functools.wraps(fn)
        def heads_up(*args: Any, **kwargs: Any) -> Any:
            self.hint()
            return fn(*args, **kwargs)

        return ui(heads_up)  # type: ignore[return-value]

    def hint(self) -> None:
        """Tell the client to start loading this kind's code now (once per page load)."""
        run = maybe_run()
        if run is None:
            return
        loop = script_loop()
        if loop is None:
            run.host.hint(self.name)
        else:  # a script thread: the loop sends it
            loop.call_soon_threadsafe(run.host.hint, self.name)

    def value(self, props: Props) -> Any:
        """The value a page shows for this widget, in the script's terms where they differ."""
        if self.read is not None:
            return self.read(props)
        return props.get(self.value_field or "value")

    def wire(self, props: Props, value: Any) -> Any:
        """What a client sends when its user enters ``value``."""
        if self.enter is not None:
            return self.enter(props, value)
        return list(value) if isinstance(value, tuple) else value


class _UI:
    """Register a public UI function (``@ui``): it draws into the current container, and is a
    method of every container (``c.write(...)`` runs ``rr.write`` inside ``c``).

    Called from a plain script's worker thread, it is carried out on the loop (``threads.py``);
    ``@ui.here`` registers a function that handles a script thread itself. A coroutine it
    returns on the loop must be awaited, and the page says so if it is not.
    """

    def __call__(self, fn: F) -> F:
        return self._register(fn, marshal=True)

    def here(self, fn: F) -> F:
        return self._register(fn, marshal=False)

    def unlisted(self, fn: F) -> F:
        """A UI function outside ``rr``'s namespace (``components.v1.html``); not a method."""
        return self._register(fn, marshal=True, listed=False)

    @staticmethod
    def _register(fn: F, *, marshal: bool, listed: bool = True) -> F:
        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            if marshal and script_loop() is not None:
                return on_loop(fn, *args, **kwargs)
            result = fn(*args, **kwargs)
            if inspect.iscoroutine(result):
                return Awaited(result, f"rr.{fn.__name__}", unawaited_notice())
            return result

        if listed:
            FUNCTIONS[fn.__name__] = call
        return call  # type: ignore[return-value]


ui = _UI()


def unawaited_notice() -> Callable[[str], None]:
    """Draw a warning where the current call is, if its run still goes on when it fires."""
    run = maybe_run()
    block = current_block()

    def notice(text: str) -> None:
        from ._text import render_markdown

        if run is None or run.stopping or run.detached:
            return
        commit(run, place(run, block), {
            "k": "alert", "level": "warning", "html": render_markdown(text), "icon": None,
            "title": None, "width": "stretch",
        })

    return notice


def kind_of(props: Props) -> Element | None:
    name = props.get("type") if props.get("k") == "block" else props.get("k")
    return KINDS.get(str(name))


# -- placing elements ----------------------------------------------------------------------------


def place(run: Run, block: str) -> str:
    """Allocate the next position in ``block`` for this run."""
    block = _redirect(run, block)
    if block in run.empties:
        return block + ".0"
    index = run.cursors.get(block, 0)
    run.cursors[block] = index + 1
    return sys.intern(f"{block}.{index}")  # one string for a path in every session


def commit(run: Run, path: str, props: Props) -> None:
    if props["k"] == "block":
        parent = path.rpartition(".")[0]
        form = props["id"] if props["type"] == "form" else run.block_forms.get(parent)
        if form is not None:
            run.block_forms[path] = form
        run.cursors.pop(path, None)
        if props["type"] == "empty":
            run.empties.add(path)
    run.host.draw(run, path, props)


def draw(props: Props, block: str | None = None) -> str:
    """Draw ``props`` at the next position of ``block`` (default: the current container)."""
    run = current_run()
    path = place(run, block or current_block())
    commit(run, path, props)
    return path


def form_of(run: Run, path: str) -> str | None:
    return run.block_forms.get(path.rpartition(".")[0])


def _redirect(run: Run, block: str) -> str:
    """A fragment writing into a container created outside it writes into its own outlet there.

    The outlet is a plain container the fragment reserves in that container during an app run;
    a fragment run redraws the outlet in place (Streamlit 1.67 does the same).
    """
    fragment = current_fragment()
    if fragment is None or is_under(block, fragment.path):
        return block
    if any(is_under(block, outlet) for outlet in fragment.outlets.values()):
        return block
    outlet = fragment.outlets.get(block)
    if outlet is not None:
        return outlet
    if run.scope == "fragment":
        raise APIError(
            "A fragment tried to write to a container created outside it, but it did not write to "
            "that container during the last full app run, so there is no reserved place for it. "
            "Write to that container during the app run too (or draw inside the fragment)."
        )
    index = run.cursors.get(block, 0)
    run.cursors[block] = index + 1
    outlet = sys.intern(f"{block}.{index}")
    fragment.outlets[block] = outlet
    commit(run, outlet, {
        "k": "block", "type": "container", "border": False, "key": None, "width": "stretch",
        "height": "content", "horizontal": False, "wrap": True, "halign": "left", "valign": "top",
        "gap": "small", "autoscroll": False,
    })
    return outlet


__all__ = [
    "FUNCTIONS", "KINDS", "Element", "Props", "commit", "draw", "form_of",
    "kind_of", "place", "ui", "unawaited_notice",
]
