"""Small images given as a file, bytes or a PIL image, carried as ``data:`` URLs.

For a page icon or a chat avatar: a few KB that travel with the element, where the media route
of large media would be overkill. A string that is not an image file (an emoji, a URL) is kept.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path
from typing import Any

from .errors import APIError
from .script import script_folder

TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
         ".ico": "image/x-icon", ".svg": "image/svg+xml", ".webp": "image/webp"}


def image_or_text(image: Any, *, max_bytes: int, what: str) -> str | None:
    """An emoji or URL as given; an image file (relative to the script's folder), its bytes or
    a PIL image as a ``data:`` URL of at most ``max_bytes``."""
    if image is None:
        return None
    if hasattr(image, "save") and callable(image.save):  # a PIL image
        out = io.BytesIO()
        image.save(out, format="PNG")
        return _data_url(out.getvalue(), "image/png", max_bytes, what)
    if isinstance(image, bytes | bytearray):
        data = bytes(image)
        kind = "image/png" if data.startswith(b"\x89PNG") else (
            "image/svg+xml" if data.lstrip().startswith(b"<") else "image/jpeg")
        return _data_url(data, kind, max_bytes, what)
    text = str(image)
    path = Path(text)
    if path.suffix.lower() in TYPES and not re.match(r"^[a-z]+:", text):
        if not path.is_absolute():
            path = script_folder() / path
        if not path.is_file():
            raise APIError(f"{what} {text!r}: there is no such image file (looked at {path}).")
        return _data_url(path.read_bytes(), TYPES[path.suffix.lower()], max_bytes, what)
    return text


def _data_url(data: bytes, kind: str, max_bytes: int, what: str) -> str:
    if len(data) > max_bytes:
        raise APIError(f"{what} is {len(data):,} bytes: use an image of at most {max_bytes:,}.")
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


__all__ = ["TYPES", "image_or_text"]
