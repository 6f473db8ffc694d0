"""``rr.set_page_config`` and ``rr.query_params``: the page's title, icon, layout and URL."""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode

from . import protocol
from .context import current_run
from .errors import APIError
from .script import script_folder
from .threads import run_ui

Layout = Literal["centered", "wide"]
SidebarState = Literal["auto", "expanded", "collapsed"]


def set_page_config(
    page_title: str | None = None,
    page_icon: Any = None,
    layout: Layout | None = "centered",
    initial_sidebar_state: SidebarState | int = "auto",
    menu_items: Mapping[str, str | None] | None = None,
) -> None:
    """Set the page's title, icon (an emoji or an image URL), layout and sidebar state.

    May be called more than once per run, as in Streamlit 1.67; the last call wins for each
    setting given. ``menu_items`` is accepted and kept; the page has no app menu yet.
    """
    if layout not in ("centered", "wide", None):
        raise APIError(f'layout must be "centered" or "wide", not {layout!r}.')
    if initial_sidebar_state not in ("auto", "expanded", "collapsed") and not isinstance(
        initial_sidebar_state, int
    ):
        raise APIError(
            'initial_sidebar_state must be "auto", "expanded", "collapsed" or a width in pixels, '
            f"not {initial_sidebar_state!r}."
        )
    settings: dict[str, Any] = {
        "title": None if page_title is None else str(page_title),
        "icon": _icon(page_icon),
        "layout": layout or "centered",
        "sidebar": initial_sidebar_state,
        "menu": dict(menu_items) if menu_items else None,
    }
    run_ui(_apply, settings)


_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
          ".ico": "image/x-icon", ".svg": "image/svg+xml", ".webp": "image/webp"}
_MAX_ICON = 256 * 1024


def _icon(icon: Any) -> str | None:
    """An emoji or URL as given; an image file, its bytes or a PIL image as a ``data:`` URL
    (small enough to travel with the page settings)."""
    if icon is None:
        return None
    if hasattr(icon, "save") and callable(icon.save):  # a PIL image
        out = io.BytesIO()
        icon.save(out, format="PNG")
        return _data_url(out.getvalue(), "image/png")
    if isinstance(icon, bytes | bytearray):
        data = bytes(icon)
        kind = "image/png" if data.startswith(b"\x89PNG") else (
            "image/svg+xml" if data.lstrip().startswith(b"<") else "image/jpeg")
        return _data_url(data, kind)
    text = str(icon)
    path = Path(text)
    if path.suffix.lower() in _TYPES and not re.match(r"^[a-z]+:", text):
        if not path.is_absolute():
            path = script_folder() / path
        if not path.is_file():
            raise APIError(f"page_icon {text!r}: there is no such image file (looked at {path}).")
        return _data_url(path.read_bytes(), _TYPES[path.suffix.lower()])
    return text


def _data_url(data: bytes, kind: str) -> str:
    if len(data) > _MAX_ICON:
        raise APIError(f"page_icon is {len(data):,} bytes: use an image of at most 256 KB.")
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def _apply(settings: dict[str, Any]) -> None:
    host = current_run().host
    config = host.data.page.config
    merged = {**config, **{k: v for k, v in settings.items() if v is not None or k in config}}
    if merged != config:
        host.data.page.config = merged
        host.emit(protocol.op_page(merged))


class QueryParams(MutableMapping[str, str]):
    """``rr.query_params``: the page URL's query string, read at session start.

    A key reads as its last value (``get_all`` gives every value); a write changes the URL the
    browser shows, without a rerun.
    """

    __slots__ = ()

    @staticmethod
    def _query() -> dict[str, list[str]]:
        return current_run().host.data.query

    @staticmethod
    def _changed() -> None:
        host = current_run().host
        query = urlencode([(k, v) for k, values in host.data.query.items() for v in values])
        run_ui(host.emit, protocol.op_url(f"?{query}" if query else ""))

    def __getitem__(self, key: str) -> str:
        values = self._query().get(key)
        if not values:
            raise KeyError(f'st.query_params has no key "{key}".')
        return values[-1]

    def __setitem__(self, key: str, value: str | Iterable[str]) -> None:
        values = [value] if isinstance(value, str) else [str(v) for v in value]
        self._query()[str(key)] = values if values else [""]
        self._changed()

    def __delitem__(self, key: str) -> None:
        try:
            del self._query()[key]
        except KeyError:
            raise KeyError(f'st.query_params has no key "{key}".') from None
        self._changed()

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._query()))

    def __len__(self) -> int:
        return len(self._query())

    def __getattr__(self, key: str) -> str:
        try:
            return self[key]
        except KeyError as exc:
            raise AttributeError(str(exc)) from None

    def __setattr__(self, key: str, value: str | Iterable[str]) -> None:
        self[key] = value

    def get_all(self, key: str) -> list[str]:
        return list(self._query().get(key, []))

    def to_dict(self) -> dict[str, str]:
        return {key: values[-1] for key, values in self._query().items() if values}

    def from_dict(self, params: Mapping[str, str | Iterable[str]]) -> None:
        query = self._query()
        query.clear()
        for key, value in params.items():
            query[str(key)] = [value] if isinstance(value, str) else [str(v) for v in value]
        self._changed()

    def clear(self) -> None:
        self._query().clear()
        self._changed()

    def __repr__(self) -> str:
        return f"QueryParams({self.to_dict()!r})"


__all__ = ["QueryParams", "set_page_config"]
