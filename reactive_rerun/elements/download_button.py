"""``rr.download_button``: a link the browser downloads from the media route.

The download itself never reruns the script. With ``on_click="rerun"`` (the default, as in
Streamlit 1.67) or a callable, the browser also sends the click as a widget event: the
callback runs and the script reruns, the button reading True in that run. ``"ignore"`` sends
nothing. ``data`` may be a callable: it is called when the file is asked for (a sync one in a
worker thread), so large files are made only when wanted.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..context import current_run
from ..element import Element
from ..errors import APIError
from ..media import url
from ..widget import WIDGET_FIELDS, button_type, never, show

DOWNLOAD_BUTTON = Element(
    "download_button",
    (*WIDGET_FIELDS, "kind", "wide", "icon", "url", "file_name", "rerun", "icon_position",
     "width", "shortcut", "wrap"),
    doc="`kind`, `wide`, `icon`, `url` (the media URL), `file_name`, `rerun` (bool: send the "
        "click as a widget event), `icon_position`, `width` (`content`, `stretch` or px), "
        "`shortcut`, `wrap`; clicked, never set",
    trigger=True,
)


def _register(
    data: Any, label: str, file_name: str, mime: str | None, key: str | int | None
) -> tuple[str, str]:
    run = current_run()
    media = run.host.live.media
    if callable(data) and not hasattr(data, "read"):
        maker: Callable[[], Any] = data
        mimetype = mime or "application/octet-stream"
        file = media.add_maker((label, file_name, key), maker, mimetype, file_name)
        return url(run.host.data.id, file), mimetype
    if hasattr(data, "read"):
        if hasattr(data, "seek"):
            data.seek(0)
        data = data.read()
    if isinstance(data, str):
        mimetype = mime or "text/plain"
    elif isinstance(data, bytes | bytearray | memoryview):
        mimetype = mime or "application/octet-stream"
        data = bytes(data)
    else:
        raise APIError(
            f"download_button {label!r}: data must be str, bytes, a file-like object or a "
            f"callable, not {type(data).__name__}"
        )
    return url(run.host.data.id, media.add(data, mimetype, file_name)), mimetype


@DOWNLOAD_BUTTON.function
def download_button(
    label: str,
    data: Any,
    file_name: str | None = None,
    mime: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callback | Literal["rerun", "ignore"] | None = "rerun",
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | Literal["content", "stretch"] = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """A button that downloads ``data``; True in the run its click causes (unless ``"ignore"``)."""
    if on_click not in (None, "rerun", "ignore") and not callable(on_click):
        raise APIError(
            f"download_button {label!r}: on_click must be 'rerun', 'ignore' or a callable, "
            f"not {on_click!r}"
        )
    if icon_position not in ("left", "right"):
        raise APIError(f"download_button {label!r}: icon_position must be 'left' or 'right'")
    shown_width = "stretch" if use_container_width else (
        "content" if use_container_width is False else _params.width("download_button", width))
    name = str(file_name) if file_name else "download"
    src, _ = _register(data, label, name, mime, key)
    callback = on_click if callable(on_click) and not isinstance(on_click, str) else None
    if callback is not None and inspect.isclass(callback):
        raise APIError(f"download_button {label!r}: on_click must be a function")
    return bool(show(
        DOWNLOAD_BUTTON, label, key=key, identity=(name, mime, icon), default=False,
        decode=never, help=help, disabled=disabled, callback=callback, args=args, kwargs=kwargs,
        extra={
            "kind": button_type(label, type), "wide": shown_width == "stretch", "icon": icon,
            "url": src, "file_name": name, "rerun": on_click != "ignore",
            "icon_position": icon_position, "width": shown_width, "shortcut": shortcut,
            "wrap": wrap,
        },
    ))


__all__ = ["DOWNLOAD_BUTTON", "download_button"]
