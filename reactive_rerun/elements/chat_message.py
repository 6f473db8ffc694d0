"""``rr.chat_message``: a container for one message of a chat, with its author's avatar."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from .._images import TYPES, image_or_text
from ..element import Element
from ..errors import APIError
from ..layout import Container, open_block

CHAT_MESSAGE = Element(
    "chat_message", ("name", "avatar", "avatar_kind", "width"),
    doc="`name`, `avatar` (the text, emoji or image URL shown), `avatar_kind` (`user`, "
    "`assistant`, `emoji`, `url`, `letter`), `width` (`stretch`, `content` or pixels)",
    block=True,
)

_ROLES = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}
_URL = re.compile(r"^(https?://|data:image/|/|\./)", re.I)


def avatar_of(name: str, avatar: object) -> tuple[str, str]:
    """What the avatar shows: (text or URL, kind)."""
    if avatar is None:
        role = _ROLES.get(name.lower())
        if role is not None:
            return "", role
        return (name.strip()[:1].upper() or "?"), "letter"
    if not isinstance(avatar, str) or Path(avatar).suffix.lower() in TYPES:
        if not (isinstance(avatar, str | bytes | bytearray) or hasattr(avatar, "save")):
            raise APIError(
                "chat_message avatar must be a role name, an emoji, an image URL, an image file, "
                f"its bytes or a PIL image, not {type(avatar).__name__}."
            )
        url = image_or_text(avatar, max_bytes=64 * 1024, what="chat_message avatar")
        return str(url), "url"
    role = _ROLES.get(avatar.lower())
    if role is not None:
        return "", role
    if _URL.match(avatar):
        return avatar, "url"
    if avatar.startswith(":material/"):  # a Material Symbol (the name's letter if unknown)
        return avatar.strip(), "icon"
    return avatar.strip()[:8], "emoji"


def _width(width: object) -> str | int:
    if width in ("stretch", "content"):
        return str(width)
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return width
    raise APIError(f"chat_message width must be 'stretch', 'content' or pixels, not {width!r}")


@CHAT_MESSAGE.function
def chat_message(
    name: Literal["user", "assistant", "ai", "human"] | str,
    *,
    avatar: object = None,
    width: Literal["stretch", "content"] | int = "stretch",
) -> Container:
    """A message container: ``with rr.chat_message("user"): rr.write(text)``.

    ``user`` / ``human`` and ``assistant`` / ``ai`` get their icons; any other name shows its
    first letter. ``avatar`` may be one of those role names, an emoji, an image URL, or an
    image file, its bytes or a PIL image (sent as a ``data:`` URL, at most 64 KB).
    """
    if not isinstance(name, str) or not name.strip():
        raise APIError("chat_message needs a non-empty name, such as 'user' or 'assistant'.")
    shown, kind = avatar_of(name, avatar)
    return open_block(
        CHAT_MESSAGE, name=name, avatar=shown, avatar_kind=kind, width=_width(width)
    )

__all__ = ["CHAT_MESSAGE", "avatar_of", "chat_message"]
