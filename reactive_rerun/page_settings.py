"""``rr.set_page_config`` and ``rr.query_params``: the page's title, icon, layout and URL."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any, Literal
from urllib.parse import urlencode

from . import protocol
from ._images import image_or_text
from .context import current_run
from .errors import APIError
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
        "icon": image_or_text(page_icon, max_bytes=256 * 1024, what="page_icon"),
        "layout": layout or "centered",
        "sidebar": initial_sidebar_state,
        "menu": dict(menu_items) if menu_items else None,
    }
    run_ui(_apply, settings)


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
