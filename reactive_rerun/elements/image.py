"""``rr.image``: one image or a row of them, served from the media route (never inline).

Accepts bytes, a file path, a URL (passed through), SVG text, a file-like object, a PIL
image or a numpy array (when those are installed). A large PIL image or array is encoded to
PNG in a worker thread; its URL is on the page at once and the route waits for the bytes.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from ..context import current_run
from ..element import Element
from ..errors import APIError
from ..media import MediaFiles, url

IMAGE = Element(
    "image", ("images", "width", "link"),
    doc="`images` (a list of `{src, caption, alt}`; `src` a media URL or the script's URL), "
        "`width` (`content`, `stretch` or px), `link` (a single image's link, or null)",
)

LINKS = ("http://", "https://", "/", "./", "../", "#", "?", "mailto:")
INLINE_PIXELS = 256 * 256  # larger PIL images and arrays are encoded off the event loop
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
)


def sniff(data: bytes) -> str:
    """The image type of ``data`` by its first bytes (PNG when unknown, as browsers guess)."""
    for magic, kind in SIGNATURES:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return "image/svg+xml"
    return "image/png"


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "data:", "/"))


def _pil(obj: Any) -> Any:
    try:
        from PIL import Image
    except ImportError:
        return None
    return obj if isinstance(obj, Image.Image) else None


def _array(obj: Any) -> Any:
    try:
        import numpy as np
    except ImportError:
        return None
    return obj if isinstance(obj, np.ndarray) else None


def _format(output_format: str, pil_format: str | None) -> str:
    fmt = output_format.upper()
    if fmt == "JPG":
        fmt = "JPEG"
    if fmt == "AUTO":
        fmt = "JPEG" if pil_format == "JPEG" else "PNG"
    if fmt not in ("PNG", "JPEG"):
        raise APIError(f"output_format must be 'auto', 'PNG' or 'JPEG', not {output_format!r}")
    return fmt


def _encode(image: Any, fmt: str) -> bytes:
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def _from_array(array: Any, clamp: bool, channels: str) -> Any:
    import numpy as np
    from PIL import Image

    a = np.asarray(array)
    if a.ndim == 3 and a.shape[-1] == 1:
        a = a[..., 0]
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[-1] not in (3, 4)):
        raise APIError(f"rr.image: an array must be HxW, HxWx3 or HxWx4, not {a.shape}")
    if a.dtype != np.uint8:
        if np.issubdtype(a.dtype, np.floating):
            if clamp:
                a = np.clip(a, 0.0, 1.0)
            elif a.size and (a.min() < 0 or a.max() > 1):
                raise APIError("rr.image: float pixel values must be in [0, 1] (or clamp=True)")
            a = (a * 255).round().astype(np.uint8)
        else:
            if clamp:
                a = np.clip(a, 0, 255)
            elif a.size and (a.min() < 0 or a.max() > 255):
                raise APIError("rr.image: pixel values must be in [0, 255] (or clamp=True)")
            a = a.astype(np.uint8)
    if channels == "BGR" and a.ndim == 3:
        a = a[..., [2, 1, 0, *([3] if a.shape[-1] == 4 else [])]]
    return Image.fromarray(np.ascontiguousarray(a))


def _register_pil(media: MediaFiles, image: Any, fmt: str) -> Any:
    width, height = image.size
    mimetype = "image/jpeg" if fmt == "JPEG" else "image/png"
    if width * height <= INLINE_PIXELS:
        return media.add(_encode(image, fmt), mimetype)
    key = hashlib.blake2b(image.tobytes(), digest_size=16).hexdigest()
    copy = image.copy()  # the script may change its image while the thread encodes
    return media.add_later((key, image.mode, image.size, fmt), lambda: _encode(copy, fmt), mimetype)


def source(obj: Any, *, clamp: bool, channels: str, output_format: str) -> str:
    """The ``src`` of one image: a pass-through URL, or the media URL of its bytes."""
    run = current_run()
    media = run.host.live.media
    sid = run.host.data.id
    if isinstance(obj, str):
        text = obj.strip()
        if text.startswith("<svg") or (text.startswith("<?xml") and "<svg" in text[:512]):
            return url(sid, media.add(text, "image/svg+xml"))
        if _is_url(text) and not Path(text).is_file():
            return text
        obj = Path(obj)
    if isinstance(obj, Path):
        try:
            data = obj.read_bytes()
        except OSError as exc:
            raise APIError(f"rr.image: cannot read {str(obj)!r}: {exc}") from None
        guessed = mimetypes.guess_type(obj.name)[0]
        mimetype = guessed if guessed and guessed.startswith("image/") else sniff(data)
        return url(sid, media.add(data, mimetype))
    if isinstance(obj, bytes | bytearray | memoryview):
        data = bytes(obj)
        return url(sid, media.add(data, sniff(data)))
    if hasattr(obj, "read") and hasattr(obj, "seek") and _pil(obj) is None:
        obj.seek(0)
        data = obj.read()
        if isinstance(data, str):
            data = data.encode()
        return url(sid, media.add(data, sniff(data)))
    pil = _pil(obj)
    if pil is not None:
        return url(sid, _register_pil(media, pil, _format(output_format, pil.format)))
    if _array(obj) is not None:
        if _pil(None) is None and not _has_pil():
            raise APIError("rr.image: showing a numpy array needs Pillow (pip install pillow)")
        return url(sid, _register_pil(
            media, _from_array(obj, clamp, channels), _format(output_format, None)
        ))
    raise APIError(f"rr.image cannot show a {type(obj).__name__}")


def _has_pil() -> bool:
    try:
        import PIL  # noqa: F401
    except ImportError:
        return False
    return True


def _width(
    width: int | str | None, use_container_width: bool | None, use_column_width: Any
) -> int | str:
    if use_container_width or use_column_width in (True, "always", "auto"):
        return "stretch"
    if width is None or width == "content" or (isinstance(width, int) and width <= 0):
        return "content"
    if width == "stretch":
        return "stretch"
    if isinstance(width, bool) or not isinstance(width, int):
        raise APIError(f"rr.image: width must be 'content', 'stretch' or pixels, not {width!r}")
    return width


@IMAGE.function
def image(
    image: Any,
    caption: str | Sequence[str] | None = None,
    width: int | Literal["content", "stretch"] | None = "content",
    use_column_width: Literal["auto", "always", "never"] | bool | None = None,
    clamp: bool = False,
    channels: Literal["RGB", "BGR"] = "RGB",
    output_format: Literal["auto", "PNG", "JPEG"] = "auto",
    *,
    use_container_width: bool | None = None,
    link: str | None = None,
    alt: str | Sequence[str | None] | None = None,
) -> None:
    """Show an image, or a list of images side by side (``caption``: one, or one each)."""
    if channels not in ("RGB", "BGR"):
        raise APIError(f"rr.image: channels must be 'RGB' or 'BGR', not {channels!r}")
    many = isinstance(image, list | tuple) or (
        _array(image) is not None and image.ndim == 4
    )
    images = list(image) if many else [image]
    if caption is None or isinstance(caption, str):
        captions: list[str | None] = [caption] * len(images)
    else:
        captions = [None if c is None else str(c) for c in caption]
        if len(captions) != len(images):
            raise APIError(
                f"rr.image: {len(captions)} captions for {len(images)} images; give one each"
            )
    if alt is None or isinstance(alt, str):
        alts: list[str | None] = [alt] * len(images)
    else:
        alts = [None if a is None else str(a) for a in alt]
        if len(alts) != len(images):
            raise APIError(
                f"rr.image: {len(alts)} alt texts for {len(images)} images; give one each"
            )
    if link is not None:
        if len(images) != 1:
            raise APIError("rr.image: link is only supported when showing a single image")
        if not str(link).startswith(LINKS):
            raise APIError(f"rr.image: link must be http(s), mailto or relative, not {link!r}")
    shown = [
        {"src": source(obj, clamp=clamp, channels=channels, output_format=output_format),
         "caption": text, "alt": alt_text}
        for obj, text, alt_text in zip(images, captions, alts, strict=True)
    ]
    IMAGE.draw(images=shown, width=_width(width, use_container_width, use_column_width),
               link=None if link is None else str(link))


__all__ = ["IMAGE", "image", "sniff"]
