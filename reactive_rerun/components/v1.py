"""``components.v1.html`` and ``components.v1.iframe``, as in Streamlit, drawn as ``rr.iframe``'s
sandboxed frames (scripts run, never with the app's origin). Custom components
(``declare_component``) are not supported."""

from __future__ import annotations

from ..element import ui
from ..elements.iframe import _tab_index, frame


def _size(what: str, name: str, value: int | None, default: int | str) -> int | str:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        from ..errors import APIError

        raise APIError(f"{what}: {name} must be None or pixels, not {value!r}")
    return value


@ui.unlisted
def html(
    html: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> None:
    """HTML (scripts included) in a sandboxed iframe; 150 px high unless ``height`` is given."""
    frame(src=None, srcdoc=str(html), width=_size("components.html", "width", width, "stretch"),
          height=_size("components.html", "height", height, 150), scrolling=bool(scrolling),
          tab_index=_tab_index("components.html", tab_index), title="components.html")


@ui.unlisted
def iframe(
    src: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> None:
    """The page at ``src`` in a sandboxed iframe; 150 px high unless ``height`` is given."""
    frame(src=str(src), srcdoc=None,
          width=_size("components.iframe", "width", width, "stretch"),
          height=_size("components.iframe", "height", height, 150), scrolling=bool(scrolling),
          tab_index=_tab_index("components.iframe", tab_index), title="components.iframe")


__all__ = ["html", "iframe"]
