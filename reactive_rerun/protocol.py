"""Every websocket message in one place: encoding of server ops, decoding of client messages.

See ``docs/protocol.md``. Server ops are built as JSON text directly: an element's JSON is
encoded once when it is drawn and spliced into frames as is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Literal, NotRequired, TypedDict, cast

from .errors import ProtocolError

VERSION = 1

Status = Literal["complete", "rerun", "error", "cancelled"]


_encode = json.JSONEncoder(
    separators=(",", ":"), ensure_ascii=False, check_circular=False, allow_nan=False
).encode
_encode_ascii = json.JSONEncoder(
    separators=(",", ":"), ensure_ascii=True, check_circular=False, allow_nan=False
).encode


def dumps(value: Any) -> str:
    """JSON that always encodes to UTF-8 (a lone surrogate is escaped, never sent raw).

    A non-finite float raises ``ValueError``: JSON has no such number and a browser would
    refuse the whole frame.
    """
    text = _encode(value)
    if not text.isascii():
        try:
            text.encode()
        except UnicodeEncodeError:  # a lone surrogate from the script: escape it, as \udxxx
            text = _encode_ascii(value)
    return text


# -- server -> client ---------------------------------------------------------------------------


def frame(seq: int, ops: Iterable[str]) -> str:
    return f'{{"seq":{seq},"ops":[{",".join(ops)}]}}'


def op_session(session_id: str, resumed: bool) -> str:
    return dumps({"op": "session", "id": session_id, "resumed": resumed})


def op_reset() -> str:
    return '{"op":"reset"}'


def op_start(run: int, scope: str, path: str | None, *, quiet: bool = False) -> str:
    """A run began; ``quiet`` runs (a fragment's timer) do not show as "Running…"."""
    extra = ',"quiet":true' if quiet else ""
    if path is None:
        return f'{{"op":"start","run":{run},"scope":"{scope}"{extra}}}'
    return f'{{"op":"start","run":{run},"scope":"{scope}","path":{dumps(path)}{extra}}}'


def op_el(path: str, element_json: str) -> str:
    return f'{{"op":"el","p":"{path}","e":{element_json}}}'


def op_rm(paths: list[str]) -> str:
    return f'{{"op":"rm","p":{dumps(paths)}}}'


def op_ok(paths: list[str]) -> str:
    return f'{{"op":"ok","p":{dumps(paths)}}}'


def op_end(run: int, status: Status) -> str:
    return f'{{"op":"end","run":{run},"status":"{status}"}}'


def op_error(message: str, widget: str | None = None, detail: str | None = None) -> str:
    """A refusal; one of a widget's value names the widget (``id``) and the bare reason."""
    if widget is None:
        return dumps({"op": "error", "message": message})
    return dumps({"op": "error", "message": message, "id": widget, "detail": detail})


def op_notice(level: Literal["info", "warning"], message: str) -> str:
    return dumps({"op": "notice", "level": level, "message": message})


def op_page(config: dict[str, Any]) -> str:
    """The page's settings (``set_page_config``): title, icon, layout, sidebar."""
    return dumps({"op": "page", **config})


def op_url(query: str, *, path: str | None = None, push: bool = False) -> str:
    """Show ``query`` (``"?a=1"`` or ``""``), and ``path`` (a page's path below the app's
    base) if given, in the address bar without a reload; ``push`` adds a history entry."""
    op: dict[str, Any] = {"op": "url", "query": query}
    if path is not None:
        op.update(path=path, push=push)
    return dumps(op)


def op_toast(html: str, icon: str | None, duration: float | None) -> str:
    """A toast: ``html`` is Markdown the server rendered (raw HTML escaped); ``duration`` in
    seconds, None to stay until dismissed."""
    return dumps({"op": "toast", "html": html, "icon": icon, "duration": duration})


def op_effect(name: Literal["balloons", "snow"]) -> str:
    """A short full-page animation (``rr.balloons()``, ``rr.snow()``)."""
    return dumps({"op": "effect", "name": name})


def op_ack(n: int) -> str:
    """The client's events up to number ``n`` are applied (and, with a shared store, saved):
    it may forget them; it resends the others after a reconnect."""
    return f'{{"op":"ack","n":{int(n)}}}'


def op_rows(table: str, req: int, start: int, n: int, rows: list[list[Any]]) -> str:
    """A window of a large table's rows (sent outside the numbered frames, see ``oob``)."""
    return dumps({"op": "rows", "id": table, "req": req, "from": start, "n": n, "rows": rows})


def oob(ops: Iterable[str]) -> str:
    """A frame outside the sequence (seq 0): a reply to one request, never replayed."""
    return frame(0, ops)


def op_load(kind: str) -> str:
    """A hint, sent out of band before a heavy element's data is ready: start loading the
    client code of ``kind`` now (the element itself follows in a numbered frame)."""
    return dumps({"op": "load", "kind": kind})


def op_close(reason: str) -> str:
    return dumps({"op": "close", "reason": reason})


# -- client -> server ---------------------------------------------------------------------------


class Hello(TypedDict):
    t: Literal["hello"]
    v: int
    session: str | None
    seq: int
    tab: NotRequired[str]  # this page load's token: may take its session back from a stale socket
    url: NotRequired[str]  # the page's URL (query parameters, st.context.url)
    locale: NotRequired[str]  # navigator.language
    tz: NotRequired[str]  # the IANA time zone name
    tzoff: NotRequired[int]  # minutes from UTC (JavaScript's getTimezoneOffset)
    page: NotRequired[str]  # the page's path below the app's base (multipage apps)


class SetValue(TypedDict):
    t: Literal["set"]
    id: str
    v: Any


class Click(TypedDict):
    t: Literal["click"]
    id: str
    v: NotRequired[Any]  # a submission's value (chat_input); a button's click has none


class Stop(TypedDict):
    t: Literal["stop"]  # the page's Stop control: cancel the runs in flight, no rerun


class Rerun(TypedDict):
    t: Literal["rerun"]  # the page menu's Rerun: an app rerun, as a user event


class Submit(TypedDict):
    t: Literal["submit"]
    form: str
    id: str
    values: dict[str, Any]


class Resync(TypedDict):
    t: Literal["resync"]


class Navigate(TypedDict):
    t: Literal["nav"]
    page: str  # a page's path below the app's base ("" = the default page)
    back: NotRequired[bool]  # the browser is already there (back / forward buttons)
    query: NotRequired[str]  # the new page's query string ("a=1&b=2"), from rr.page_link


# ``id``: the table's data id (the element's ``data`` field); ``req``: the client's request
# number, echoed in the reply; rows ``from``..``to`` (exclusive); ``sort``: null, or
# [column position among those shown, "asc" | "desc"]
Rows = TypedDict("Rows", {
    "t": Literal["rows"], "id": str, "req": int, "from": int, "to": int,
    "sort": NotRequired["list[Any] | None"],
})


ClientMessage = Hello | SetValue | Click | Submit | Resync | Navigate | Stop | Rerun | Rows

MAX_WINDOW = 1000  # rows one ``rows`` request may ask for

MAX_ID = 200
MAX_QUERY = 4096  # characters of a `nav` message's query string
NUMBERED = frozenset({"set", "click", "submit", "nav"})  # events that carry a number ``n``


def _string(
    message: dict[str, Any], name: str, *, nullable: bool = False, limit: int = MAX_ID
) -> None:
    value = message.get(name)
    if value is None and nullable and name in message:
        return
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ProtocolError(f"'{name}' must be a non-empty string of at most {limit} characters")


def _int(message: dict[str, Any], name: str) -> None:
    value = message.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ProtocolError(f"'{name}' must be a non-negative integer")


def check_size(text: str, limit: int) -> None:
    """Refuse a message over ``limit`` UTF-8 bytes (counted only when it could be over)."""
    if len(text) * 4 <= limit:  # a character is at most 4 bytes
        return
    size = len(text.encode(errors="replace"))
    if size > limit:
        raise ProtocolError(f"message of {size} bytes is over the {limit} byte limit")


def _refuse_lone_surrogates(message: dict[str, Any]) -> None:
    """Text with a lone surrogate is not Unicode: it could never be sent to anyone again."""
    stack: list[Any] = [message]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not item.isascii():
                try:
                    item.encode()
                except UnicodeEncodeError:
                    raise ProtocolError(
                        "text with a lone surrogate (\\ud800-\\udfff alone) is not valid "
                        "Unicode; send well-formed text"
                    ) from None
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def decode(text: str | bytes) -> ClientMessage:
    """Parse and shape-check one client message. Widget values are checked by the session."""
    if not isinstance(text, str):
        raise ProtocolError("binary frames are not accepted: send JSON text frames")
    try:
        message = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(f"message is not valid JSON: {exc}") from None
    if not isinstance(message, dict):
        raise ProtocolError("message must be a JSON object")
    _refuse_lone_surrogates(message)
    kind = message.get("t")
    if kind == "hello":
        _int(message, "v")
        _string(message, "session", nullable=True)
        _int(message, "seq")
        if "tab" in message:
            _string(message, "tab")
        if "page" in message and (
            not isinstance(message["page"], str) or len(message["page"]) > MAX_ID
        ):
            raise ProtocolError(f"'page' must be a string of at most {MAX_ID} characters")
        for name, limit in (("url", 4096), ("locale", 64), ("tz", 64)):
            if name in message:
                _string(message, name, limit=limit)
        if "tzoff" in message:
            offset = message["tzoff"]
            if not isinstance(offset, int) or isinstance(offset, bool) or abs(offset) > 1440:
                raise ProtocolError("'tzoff' must be minutes from UTC, within a day")
    elif kind == "set":
        _string(message, "id")
        if "v" not in message:
            raise ProtocolError("'set' needs a value 'v'")
    elif kind == "click":
        _string(message, "id")
    elif kind == "submit":
        _string(message, "form")
        _string(message, "id")
        values = message.get("values")
        if not isinstance(values, dict) or not all(isinstance(k, str) for k in values):
            raise ProtocolError("'values' must be an object of widget id -> value")
    elif kind in ("resync", "stop", "rerun"):
        pass
    elif kind == "nav":
        page = message.get("page")
        if not isinstance(page, str) or len(page) > MAX_ID:
            raise ProtocolError(f"'page' must be a string of at most {MAX_ID} characters")
        if not isinstance(message.get("back", False), bool):
            raise ProtocolError("'back' must be true or false")
        query = message.get("query", "")
        if not isinstance(query, str) or len(query) > MAX_QUERY:
            raise ProtocolError(f"'query' must be a string of at most {MAX_QUERY} characters")
    elif kind == "rows":
        _string(message, "id")
        for name in ("req", "from", "to"):
            _int(message, name)
        if not message["from"] <= message["to"] <= message["from"] + MAX_WINDOW:
            raise ProtocolError(f"'from'..'to' must be a window of at most {MAX_WINDOW} rows")
        sort = message.get("sort")
        if sort is not None and not (
            isinstance(sort, list) and len(sort) == 2 and isinstance(sort[0], int)
            and not isinstance(sort[0], bool) and sort[1] in ("asc", "desc")
        ):
            raise ProtocolError("'sort' must be null or [column, \"asc\" | \"desc\"]")
    else:
        raise ProtocolError(f"unknown message kind {kind!r}")
    if kind in NUMBERED and "n" in message:
        _int(message, "n")
    return cast(ClientMessage, message)

__all__ = [
    "MAX_ID", "MAX_WINDOW", "NUMBERED", "VERSION", "Click", "ClientMessage", "Hello",
    "Navigate", "Resync", "Rows", "SetValue", "Status", "Stop", "Submit", "check_size",
    "decode", "dumps", "frame", "oob", "op_ack", "op_close", "op_effect", "op_el", "op_end",
    "op_error", "op_load", "op_notice", "op_ok", "op_page", "op_reset", "op_rm", "op_rows",
    "op_session", "op_start", "op_toast", "op_url",
]
