"""Headless harness: run a script through the real session machinery, no network, no browser.

::

    async with AppTest(main) as at:
        await at.button("Foo").click()
        assert at.header[0].text == "Foo"

``AppTest`` is a second thin adapter over the same ``Session`` API the web layer uses: it
sends the same client messages (as JSON text) and applies the same frames to a model of the
page the way the browser client does.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import protocol
from .client_info import ClientInfo
from .config import SessionConfig
from .durable import SessionData
from .element import Element as Kind
from .element import kind_of
from .errors import ProtocolError
from .page import WIRE, complete, path_key
from .runner import Script
from .session import Session


@dataclass
class PageModel:
    """What a client shows: elements by path, built only from the frames it received."""

    elements: dict[str, dict[str, Any]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    runs: list[tuple[int, str]] = field(default_factory=list)  # (run id, end status)
    running: set[int] = field(default_factory=set)  # runs started and not ended
    session_id: str | None = None
    resumed: bool | None = None
    closed: str | None = None
    seq: int = 0
    frames: int = 0
    bytes: int = 0
    ops: list[dict[str, Any]] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)  # frames seen twice or missed
    settings: dict[str, Any] = field(default_factory=dict)  # the last ``page`` op
    query: str | None = None  # the query string the last ``url`` op put in the address bar
    path: str | None = None  # the page path the last page switch put in the address bar
    toasts: list[dict[str, Any]] = field(default_factory=list)  # st.toast, in order
    effects: list[str] = field(default_factory=list)  # st.balloons / st.snow, in order
    acked: int = 0  # the last event number the server acknowledged
    replies: list[dict[str, Any]] = field(default_factory=list)  # ``rows`` ops (seq 0 frames)

    def apply(self, text: str) -> None:
        """Take one frame as the websocket delivers it (JSON text)."""
        self.bytes += len(text.encode())
        self.apply_frame(json.loads(text))

    def apply_frame(self, frame: dict[str, Any]) -> None:
        """The browser client's rules (``static/client.js``): apply a frame only in order."""
        self.frames += 1
        seq, ops = frame["seq"], frame["ops"]
        if seq == 0:  # out of band (a refused hello): only notices apply
            for op in ops:
                if op["op"] in ("error", "close"):
                    self._apply(op)
                elif op["op"] == "rows":
                    self.replies.append(op)
            return
        session = next((op for op in ops if op["op"] == "session"), None)
        if session is not None and not session["resumed"]:
            self.seq = 0  # a new session counts from 1
            self.elements.clear()
            self.running.clear()
        if not any(op["op"] == "reset" for op in ops):
            if seq <= self.seq:
                self.violations.append(f"frame {seq} again (last applied {self.seq})")
                return
            if seq != self.seq + 1:
                self.violations.append(f"gap: frame {seq} after {self.seq}")
        self.seq = seq
        for op in ops:
            self.ops.append(op)
            self._apply(op)

    def _apply(self, op: dict[str, Any]) -> None:
        kind = op["op"]
        if kind == "el":
            path, element = op["p"], complete(op["e"])
            old = self.elements.get(path)
            if old is not None and old["k"] == "block" and (
                element["k"] != "block" or old["type"] != element["type"]
            ):
                self._drop_children(path)
            wire = WIRE.get(element["k"]) if old is not None and old["k"] == element["k"] else None
            if wire is not None and old is not None:  # an update of what the client keeps
                element = wire[1](old, element)
            self.elements[path] = element
        elif kind == "rm":
            for path in op["p"]:
                self.elements.pop(path, None)
                self._drop_children(path)
        elif kind == "reset":
            self.elements.clear()
        elif kind == "start":
            self.running.add(op["run"])
        elif kind == "end":
            self.running.discard(op["run"])
            self.runs.append((op["run"], op["status"]))
        elif kind == "error":
            self.errors.append(op["message"])
        elif kind == "session":
            self.session_id, self.resumed = op["id"], op["resumed"]
        elif kind == "close":
            self.closed = op["reason"]
        elif kind == "page":
            self.settings = {k: v for k, v in op.items() if k != "op"}
        elif kind == "ack":
            self.acked = max(self.acked, int(op["n"]))
        elif kind == "toast":
            self.toasts.append({k: v for k, v in op.items() if k != "op"})
        elif kind == "effect":
            self.effects.append(str(op.get("name", op.get("kind", ""))))
        elif kind == "url":
            self.query = op["query"]
            if "path" in op:
                self.path = op["path"]

    def _drop_children(self, path: str) -> None:
        prefix = path + "."
        for child in [p for p in self.elements if p.startswith(prefix)]:
            del self.elements[child]

    def ordered(self) -> list[tuple[str, dict[str, Any]]]:
        return sorted(self.elements.items(), key=lambda item: path_key(item[0]))


class Element:
    """One element as the page shows it."""

    def __init__(self, at: AppTest, path: str, props: dict[str, Any]) -> None:
        self._at = at
        self.path = path
        self.props = props

    @property
    def kind(self) -> str:
        return str(self.props["k"])

    @property
    def id(self) -> str:
        return str(self.props.get("id", ""))

    @property
    def label(self) -> str | None:
        return self.props.get("label")

    @property
    def text(self) -> str:
        for name in ("text", "html", "message", "label"):
            if name in self.props:
                return str(self.props[name])
        return ""

    @property
    def definition(self) -> Kind:
        """The element kind's definition (``reactive_rerun.element.Element``)."""
        found = kind_of(self.props)
        if found is None:
            raise LookupError(f"no element kind {self.kind!r}")
        return found

    @property
    def value(self) -> Any:
        """The value the page shows; choices read as their option labels."""
        return self.definition.value(self.props)

    def __repr__(self) -> str:
        return f"<{self.kind} {self.path} {self.text!r}>"

    async def click(self) -> None:
        if self.kind == "submit":
            values = self._at.form_values(self.props["form"])
            await self._at.send(
                {"t": "submit", "form": self.props["form"], "id": self.id, "values": values}
            )
        else:
            await self._at.send({"t": "click", "id": self.id})

    async def set_value(self, value: Any) -> None:
        """Set what the user would enter; inside a form it waits for the submit. A
        ``chat_input`` submits ``value`` (a click carrying it)."""
        if self.definition.submits:
            await self._at.send({"t": "click", "id": self.id, "v": value})
            return
        wire = self._wire(value)
        if self.props.get("form"):
            self._at.pending_form_values[self.id] = wire
            return
        await self._at.send({"t": "set", "id": self.id, "v": wire})

    def _wire(self, value: Any) -> Any:
        return self.definition.wire(self.props, value)


class ElementList(list[Element]):
    def __call__(self, label: str) -> Element:
        """The one element here with this label (or text)."""
        found = [e for e in self if e.label == label or (e.label is None and e.text == label)]
        if len(found) != 1:
            raise LookupError(f"expected one element labelled {label!r}, found {len(found)}")
        return found[0]

    @property
    def texts(self) -> list[str]:
        return [e.text for e in self]


class AppTest:
    """Runs ``script`` in one session; ``async with`` starts it and waits for the first run."""

    def __init__(
        self,
        script: Script,
        *,
        config: SessionConfig | None = None,
        timeout: float = 10.0,
        record: bytes | None = None,
        client: ClientInfo | None = None,
    ) -> None:
        """``record``: resume the session from a stored record (``Session.snapshot()``), as
        another process would. ``client``: what the browser tells (URL, headers, locale)."""
        self.client = client or ClientInfo(url="http://testserver/")
        self.script = script
        self.config = config or SessionConfig()
        self.timeout = timeout
        self.record = record
        self.page = PageModel()
        self.pending_form_values: dict[str, Any] = {}
        self.session: Session | None = None
        self._driver: asyncio.Task[None] | None = None

    @classmethod
    def from_file(cls, path: str | Path, *, magic: bool = True, **options: Any) -> AppTest:
        """Run a script file headless, as ``reactive-rerun run`` serves it."""
        from .script import ScriptFile

        return cls(ScriptFile(path, magic=magic), **options)

    async def __aenter__(self) -> AppTest:
        if self.record is None:
            self.session = Session(self.script, self.config, SessionData())
            self.session.introduce(self.client, new=True)
            self.session.attach(self.page.apply)
        else:
            self.session = Session.restore(self.script, self.config, self.record)
            self.session.introduce(self.client, new=False)
            self.session.attach(self.page.apply, resumed=True)
        self._driver = asyncio.create_task(self.session.drive())
        await self.settle()
        return self

    async def __aexit__(self, kind: object, *exc: object) -> None:
        await self.close()
        if kind is None and self.page.violations:  # the page must never skip or repeat a frame
            raise AssertionError(f"frames out of order: {self.page.violations}")

    async def close(self) -> None:
        if self._driver is not None:
            self._driver.cancel()
            await asyncio.gather(self._driver, return_exceptions=True)
            self._driver = None

    @property
    def _session(self) -> Session:
        if self.session is None:
            raise RuntimeError("use `async with AppTest(script) as at:` first")
        return self.session

    async def settle(self) -> None:
        """Wait until no run is in flight or queued, and everything drawn was delivered."""
        session = self._session
        async with asyncio.timeout(self.timeout):
            await session.until_idle()
        session.flush()

    async def send(self, message: dict[str, Any], *, settle: bool = True) -> None:
        await self.send_text(json.dumps(message), settle=settle)

    async def send_text(self, text: str, *, settle: bool = True) -> None:
        """Send a raw client message, exactly as a websocket frame would carry it."""
        session = self._session
        refusals = len(self.page.errors)
        session.receive_text(text)  # rate limit, parse, apply: as the web layer does
        session.flush()
        if len(self.page.errors) == refusals:  # accepted: the input shows what was entered
            try:
                self._echo(protocol.decode(text))
            except ProtocolError:
                pass
        if settle:
            await self.settle()
        else:
            await asyncio.sleep(0)

    def _echo(self, message: protocol.ClientMessage) -> None:
        """Show an entered value, as the browser's input already does.

        The server does not send a value back to the client that entered it, so without this
        the page model would keep showing the widget's old value.
        """
        if message["t"] == "set":
            entered = {message["id"]: message["v"]}
        elif message["t"] == "submit":
            entered = dict(message["values"])
        else:
            return
        for path, shown in self.page.elements.items():
            wid = shown.get("id")
            if shown["k"] == "block" or wid not in entered:
                continue
            kind = kind_of(shown)
            if kind is not None and kind.value_field is not None:
                self.page.elements[path] = {**shown, kind.value_field: entered[wid]}

    async def navigate(self, page: str) -> None:
        """Follow a link to another page of a multipage app (its path; "" = the default)."""
        await self.send({"t": "nav", "page": page})

    def form_values(self, form: str) -> dict[str, Any]:
        values = {}
        for e in self.elements():
            kind = kind_of(e.props)
            if e.props.get("form") == form and kind is not None and kind.value_field:
                values[e.id] = self.pending_form_values.pop(e.id, e.props[kind.value_field])
        return values

    # -- reading the page -------------------------------------------------------------------

    def elements(self, kind: str | None = None) -> ElementList:
        return ElementList(
            Element(self, p, e) for p, e in self.page.ordered() if kind is None or e["k"] == kind
        )

    def __getattr__(self, kind: str) -> ElementList:
        if kind.startswith("_"):
            raise AttributeError(kind)
        return self.elements(kind)

    def blocks(self, type: str | None = None) -> ElementList:
        return ElementList(
            Element(self, p, e) for p, e in self.page.ordered()
            if e["k"] == "block" and (type is None or e["type"] == type)
        )

    def within(self, path: str) -> Iterator[Element]:
        for e in self.elements():
            if e.path.startswith(path + "."):
                yield e

    @property
    def session_state(self) -> Any:
        return self._session.state

    @property
    def errors(self) -> list[str]:
        return self.page.errors


class SyncAppTest:
    """``AppTest`` for plain (non-async) test functions: the session runs on an event loop in
    a background thread (an anyio blocking portal); actions block until runs settle.

    ::

        def test_foo():
            with SyncAppTest(main) as at:
                at.click("Foo")
                assert at.header.texts == ["Foo"]
    """

    def __init__(self, script: Script, **options: Any) -> None:
        self.test = AppTest(script, **options)
        self._portal_cm: Any = None
        self._portal: Any = None

    @classmethod
    def from_file(cls, path: str | Path, *, magic: bool = True, **options: Any) -> SyncAppTest:
        """Run a script file headless, as ``reactive-rerun run`` serves it."""
        from .script import ScriptFile

        return cls(ScriptFile(path, magic=magic), **options)

    def __enter__(self) -> SyncAppTest:
        from anyio.from_thread import start_blocking_portal

        self._portal_cm = start_blocking_portal("asyncio")
        self._portal = self._portal_cm.__enter__()
        self._portal.call(self.test.__aenter__)
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            self._portal.call(self.test.close)
        finally:
            self._portal_cm.__exit__(*exc)

    def click(self, label: str, kind: str = "button") -> None:
        self._portal.call(self.test.elements(kind)(label).click)

    def set_value(self, kind: str, label: str, value: Any) -> None:
        self._portal.call(self.test.elements(kind)(label).set_value, value)

    def elements(self, kind: str | None = None) -> ElementList:
        return self.test.elements(kind)

    def __getattr__(self, kind: str) -> ElementList:
        if kind.startswith("_"):
            raise AttributeError(kind)
        return self.test.elements(kind)

    @property
    def session_state(self) -> Any:
        return self.test.session_state

    @property
    def errors(self) -> list[str]:
        return self.test.errors


__all__ = ["AppTest", "Element", "ElementList", "PageModel", "SyncAppTest"]
