"""``rr.camera_input``: a photo from the user's camera, returned as an ``UploadedFile`` (JPEG)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..uploads import UploadedFile
from ..widget import WIDGET_FIELDS
from ._capture import capture

CAMERA_INPUT = Element(
    "camera_input", (*WIDGET_FIELDS, "value", "upload", "max_bytes", "resolution", "width"),
    doc="`value` (the photo: `[{id, name, size}]` or `[]`; the browser sets its id), `upload` "
        "(the URL the photo is PUT to), `max_bytes`, `resolution` (the height asked for, or "
        "null), `width`",
    value_field="value",
)
RESOLUTIONS = {"480p": 480, "720p": 720, "1080p": 1080}


@CAMERA_INPUT.function
def camera_input(
    label: str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback | Literal["rerun", "ignore"] | None = "rerun",
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    resolution: Literal["480p", "720p", "1080p"] | None = None,
    width: int | Literal["stretch"] = "stretch",
) -> UploadedFile | None:
    """Take a photo with the user's camera; the photo (JPEG) once taken, else None."""
    if resolution is not None and resolution not in RESOLUTIONS:
        raise APIError(f"camera_input {label!r}: resolution must be '480p', '720p', '1080p' "
                       f"or None, not {resolution!r}")
    return capture(
        CAMERA_INPUT, label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
        disabled=disabled, label_visibility=label_visibility, identity=(),
        extra={"resolution": RESOLUTIONS.get(resolution or ""),
               "width": _params.width(f"camera_input {label!r}", width, content=False)},
    )


__all__ = ["CAMERA_INPUT", "camera_input"]
