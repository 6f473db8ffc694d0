"""``ClientInfo``: what the browser told about itself when it connected (``st.context``).

The web adapter fills it from the websocket handshake (headers, cookies, the client address)
and from ``hello`` (the page URL, locale, time zone); the harness from its options. It is
connection data: a session restored elsewhere gets it again from the next ``hello``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from types import MappingProxyType


@dataclass(slots=True)
class ClientInfo:
    url: str = ""
    raw_headers: list[tuple[bytes, bytes]] = field(default_factory=list)  # the handshake's own
    ip_address: str | None = None
    locale: str | None = None
    timezone: str | None = None
    timezone_offset: int | None = None  # minutes from UTC, as JavaScript's getTimezoneOffset

    @property
    def headers(self) -> dict[str, str]:
        """Decoded on use: an idle session keeps only a reference to the handshake's list."""
        headers: dict[str, str] = {}
        for name, value in self.raw_headers:
            key = name.decode("latin-1").lower()
            text = value.decode("latin-1")
            headers[key] = f"{headers[key]}, {text}" if key in headers else text
        return headers

    def cookies(self) -> dict[str, str]:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(self.headers.get("cookie", ""))
        except CookieError:
            return {}
        return {name: morsel.value for name, morsel in jar.items()}


class _ReadOnly(Mapping[str, str]):
    def __init__(self, data: Mapping[str, str]) -> None:
        self._data = MappingProxyType(dict(data))

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return repr(dict(self._data))


class ContextProxy:
    """``rr.context``: the current session's browser, read-only (Streamlit's ``st.context``)."""

    __slots__ = ()

    @staticmethod
    def _info() -> ClientInfo:
        from .context import current_run

        return current_run().host.client

    @property
    def headers(self) -> Mapping[str, str]:
        return _ReadOnly(self._info().headers)

    @property
    def cookies(self) -> Mapping[str, str]:
        return _ReadOnly(self._info().cookies())

    @property
    def url(self) -> str:
        return self._info().url

    @property
    def ip_address(self) -> str | None:
        return self._info().ip_address

    @property
    def locale(self) -> str | None:
        return self._info().locale

    @property
    def timezone(self) -> str | None:
        return self._info().timezone

    @property
    def timezone_offset(self) -> int | None:
        return self._info().timezone_offset

    def __repr__(self) -> str:
        return "rr.context"



__all__ = ["ClientInfo", "ContextProxy"]
