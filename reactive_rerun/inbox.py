"""``Inbox``: a session's client messages, from raw text to stored values and queued runs.

Rate limiting comes first (before parsing), then the message's shape, then each widget's own
decoder; a refused message gets an ``error`` op and changes nothing. An accepted event stores
the new value at once, queues its callback and asks the run queue for a rerun.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from . import protocol
from .bindings import Bindings, WidgetMeta
from .config import SessionConfig
from .durable import SessionData
from .errors import ProtocolError
from .run_queue import PendingCallback, RunQueue
from .writer import PageWriter

_MISSING = object()


class Inbox:
    __slots__ = (
        "data", "live", "config", "queue", "writer", "poke", "_allowance", "_allowance_at",
        "_throttled_notice", "_last_resync", "stop", "ack_after_save", "held",
    )

    def __init__(
        self,
        data: SessionData,
        live: Bindings,
        config: SessionConfig,
        queue: RunQueue,
        writer: PageWriter,
        poke: Callable[[], None],
        stop: Callable[[], None] | None = None,
    ) -> None:
        self.data, self.live, self.config = data, live, config
        self.queue, self.writer, self.poke = queue, writer, poke
        self.stop = stop  # the Stop control: cancels the runs in flight, queues no rerun
        self._allowance = float(config.event_burst)
        self._allowance_at = time.monotonic()
        self._throttled_notice = 0.0
        self._last_resync = -1.0
        self.ack_after_save = False  # set by the registry when the store is shared
        self.held: list[protocol.ClientMessage] | None = None  # events waiting for a first run

    def receive_text(self, text: str | bytes, max_bytes: int | None = None) -> None:
        """One raw client message: rate-limited before anything else is done with it."""
        if not self.admit():
            return
        try:
            if max_bytes is not None and isinstance(text, str):
                protocol.check_size(text, max_bytes)
            message = protocol.decode(text)
        except ProtocolError as exc:
            self.writer.refuse(str(exc))
            return
        self.receive(message)

    def receive(self, message: protocol.ClientMessage) -> None:
        """Apply one decoded client message; a bad one gets an ``error`` op and changes nothing.

        A numbered event (``n``) is applied at most once: the client resends what was not
        acknowledged after a reconnect, maybe to another worker.
        """
        if self.held is not None and message["t"] in protocol.NUMBERED:
            self.held.append(message)  # a restored session: its widgets are bound by its first run
            return
        number = message.get("n")
        if isinstance(number, int):
            if number <= self.data.last_event:
                self._acknowledge()  # applied before: say so again, apply nothing
                return
            self.data.last_event = number
        try:
            if message["t"] == "set":
                self._set_value(message["id"], message["v"])
            elif message["t"] == "click":
                self._click(message["id"], message.get("v", _MISSING))
            elif message["t"] == "stop":
                if self.stop is not None:
                    self.stop()
            elif message["t"] == "rerun":  # the page menu's Rerun
                self.queue.request_app(user=True)
                self.poke()
            elif message["t"] == "submit":
                self._submit(message["form"], message["id"], message["values"])
            elif message["t"] == "nav":
                self._navigate(message["page"], back=message.get("back", False))
            elif message["t"] == "rows":
                self._rows(message)
            elif message["t"] == "resync":
                now = time.monotonic()
                if now - self._last_resync < 1.0:  # a full page is costly: no amplifier
                    raise ProtocolError("resync refused: at most one a second")
                self._last_resync = now
                self.writer.snapshot()
            else:
                raise ProtocolError(f"unexpected message {message['t']!r}")
        except ProtocolError as exc:
            self.writer.refuse(str(exc), widget=exc.widget, detail=exc.detail)
        if isinstance(number, int):
            self._acknowledge()

    def hold(self) -> None:
        """Keep events until the first app run has bound the widgets (a restored session)."""
        self.held = []

    def release(self) -> None:
        """The widgets are bound: apply the events that waited, in order."""
        held, self.held = self.held, None
        for message in held or ():
            self.receive(message)

    def _acknowledge(self) -> None:
        """Without a shared store an applied event is safe at once; with one, the registry
        acknowledges after the save that includes it."""
        if not self.ack_after_save:
            self.writer.emit(protocol.op_ack(self.data.last_event))

    def _rows(self, message: protocol.Rows) -> None:
        """A window of a large table: answered outside the numbered frames (seq 0)."""
        out = self.writer.out

        def reply(op: str) -> None:
            if out.send is not None:
                out.send(protocol.oob([op]))

        self.live.windows.request(dict(message), reply)

    def admit(self) -> bool:
        """Token bucket: a flood is dropped with one notice a second, never queued."""
        now = time.monotonic()
        rate, burst = self.config.max_events_per_second, self.config.event_burst
        self._allowance = min(burst, self._allowance + (now - self._allowance_at) * rate)
        self._allowance_at = now
        if self._allowance >= 1:
            self._allowance -= 1
            return True
        if now - self._throttled_notice >= 1.0:
            self._throttled_notice = now
            self.writer.refuse(
                f"too many messages: at most {rate:g} per second are accepted; "
                "messages over the limit are dropped"
            )
        return False

    def _navigate(self, page: str, *, back: bool) -> None:
        """Show another page: an app rerun; the query parameters belong to the old page."""
        data = self.data
        data.page_name = page
        if back:  # the browser's address bar is there already
            data.page_shown = page
        data.query.clear()
        self.queue.request_app(user=True)
        self.poke()

    # -- widget events ----------------------------------------------------------------------

    def _widget(self, wid: str) -> WidgetMeta:
        meta = self.live.widgets.get(wid)
        if meta is None:
            raise ProtocolError(f"unknown widget id {wid!r} (not on the page)")
        return meta

    def _enabled(self, meta: WidgetMeta) -> WidgetMeta:
        if meta.disabled:
            raise ProtocolError(f"{meta.kind} {meta.id!r} is disabled")
        return meta

    def _decode(self, meta: WidgetMeta, wire: Any) -> Any:
        try:
            return meta.decode(wire)
        except (ValueError, TypeError, ArithmeticError) as exc:
            raise ProtocolError(f"bad value for {meta.kind} {meta.id!r}: {exc}", widget=meta.id,
                                detail=str(exc)) from None

    def _store(self, meta: WidgetMeta, value: Any) -> bool:
        """Store a widget's new value; True when it changed."""
        widgets, state = self.data.widgets, self.data.state
        if meta.key is not None:
            old = state.get(meta.key, _MISSING)
            state.set_from_widget(meta.key, value)
        else:
            old = widgets.values.get(meta.id, _MISSING)
            widgets.values[meta.id] = value
        self.data.page.echo(meta.id, meta.shows_in, meta.encode(value))
        return bool(old is _MISSING or old != value)

    def _set_value(self, wid: str, wire: Any) -> None:
        meta = self._enabled(self._widget(wid))
        if meta.trigger:
            raise ProtocolError(f"{meta.kind} {wid!r} takes 'click', not 'set'")
        if meta.form is not None:
            raise ProtocolError(f"{meta.kind} {wid!r} is in a form: send it with 'submit'")
        value = self._decode(meta, wire)
        self._room_for(meta)
        if self._store(meta, value) and not meta.silent:
            self._event(meta)

    def _click(self, wid: str, wire: Any = _MISSING) -> None:
        meta = self._enabled(self._widget(wid))
        if not meta.trigger or meta.form is not None:
            raise ProtocolError(f"{meta.kind} {wid!r} cannot be clicked")
        if meta.submits != (wire is not _MISSING):
            said = "needs a value 'v'" if meta.submits else "takes no value"
            raise ProtocolError(f"a click of {meta.kind} {wid!r} {said}")
        self._room_for(meta)
        if meta.submits:
            value = self._decode(meta, wire)
            try:
                self.data.widgets.submit(wid, value, self.config.max_pending_callbacks)
            except ValueError as exc:
                raise ProtocolError(f"{meta.kind} {wid!r}: {exc}; slow down") from None
            if meta.key is not None and len(self.data.widgets.values[wid]) == 1:
                self.data.state.set_from_widget(meta.key, value)  # its on_submit sees it
        else:
            self.data.widgets.arm(wid)
        self._event(meta)

    def _submit(self, form: str, wid: str, values: dict[str, Any]) -> None:
        button = self._enabled(self._widget(wid))
        if button.kind != "submit" or button.form != form:
            raise ProtocolError(f"{wid!r} is not a submit button of form {form!r}")
        decoded: list[tuple[WidgetMeta, Any]] = []
        for member, wire in values.items():  # check all before changing anything
            meta = self._widget(member)
            if meta.form != form or meta.trigger:
                raise ProtocolError(f"widget {member!r} is not a field of form {form!r}")
            if not meta.disabled:  # a disabled field keeps its value, as in a browser's form
                decoded.append((meta, self._decode(meta, wire)))
        self._room_for(button)
        for meta, value in decoded:
            self._store(meta, value)
        self.data.widgets.arm(wid)
        if form in self.live.clearing:
            self.live.submitted[form] = True  # its widgets go back to their defaults after the run
        self._event(button)

    def _room_for(self, meta: WidgetMeta) -> None:
        """Refuse an event whose callback would overflow the queue, before it changes state."""
        if meta.callback is not None and (
            len(self.queue.callbacks) >= self.config.max_pending_callbacks
        ):
            raise ProtocolError("too many events pending; slow down")

    def _event(self, meta: WidgetMeta) -> None:
        if meta.callback is not None:
            self.queue.callbacks.append(
                PendingCallback(meta.callback, meta.args, meta.kwargs, meta.fragment)
            )
        if meta.fragment is not None and meta.fragment in self.live.fragments:
            self.queue.request_fragment(meta.fragment, user=True, waits=meta.waits)
        else:
            self.queue.request_app(user=True, waits=meta.waits)
        self.poke()


__all__ = ["Inbox"]
