"""``rr.logo``: the app's logo at the top of the sidebar, and at the page's top left.

The image is served from the media route like ``rr.image``'s (bytes, a path, a URL, a PIL image
or array). ``icon_image`` (optional) is what the page shows while the sidebar is closed or
absent; without it the logo itself is shown there. ``link`` makes it a link (new tab).
Wherever the script calls it, the element takes no space in the layout: the browser moves the
logo to the page's chrome, and it leaves when the element leaves the page.
"""

from __future__ import annotations

from typing import Any, Literal

from ..element import Element
from ..errors import APIError
from .image import source

LOGO = Element(
    "logo", ("image", "icon_image", "link", "size"),
    doc="`image`, `icon_image` (URLs: media route or the script's), `link`, `size` "
        "(`small` / `medium` / `large`)",
)


def _src(image: Any) -> str:
    return source(image, clamp=False, channels="RGB", output_format="auto")


@LOGO.function
def logo(
    image: Any,
    *,
    size: Literal["small", "medium", "large"] = "medium",
    link: str | None = None,
    icon_image: Any = None,
) -> None:
    """Show the app's logo in the sidebar and the page's top left corner."""
    if size not in ("small", "medium", "large"):
        raise APIError(f"rr.logo: size must be 'small', 'medium' or 'large', not {size!r}")
    if link is not None and not str(link).startswith(("http://", "https://")):
        raise APIError(f"rr.logo: link must be an http(s) URL, not {link!r}")
    LOGO.draw(image=_src(image), icon_image=None if icon_image is None else _src(icon_image),
              link=link, size=size)


__all__ = ["LOGO", "logo"]
