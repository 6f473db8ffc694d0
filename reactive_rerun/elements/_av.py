"""What ``rr.audio`` and ``rr.video`` share: their data as a media URL, times, WAV from numpy.

``data`` is bytes, a file path, a URL (``http(s)://``, ``data:`` or ``/...``: passed through),
a file-like object, or (audio) a numpy array of samples with ``sample_rate``, written as a
16-bit PCM WAV with the standard library's ``wave`` (numpy itself only when given an array).
"""

from __future__ import annotations

import io
import mimetypes
import re
import wave
from datetime import timedelta
from pathlib import Path
from typing import Any

from ..cache.settings import seconds
from ..context import current_run
from ..errors import APIError
from ..media import url

MediaTime = int | float | timedelta | str
YOUTUBE = re.compile(
    r"^(?:https?://)?(?:www\.|m\.)?(?:youtube\.com/(?:watch\?v=|embed/|shorts/|live/)|youtu\.be/)"
    r"([A-Za-z0-9_-]{6,})"
)


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "data:", "/"))


def youtube(text: str) -> str | None:
    """The embed URL of a YouTube watch / share link (shown in an iframe), else None."""
    match = YOUTUBE.match(text.strip())
    return f"https://www.youtube.com/embed/{match.group(1)}" if match else None


def media_time(what: str, value: MediaTime | None) -> int | None:
    """Whole seconds of a number, ``timedelta`` or duration string (``"1m30s"``)."""
    if value is None:
        return None
    try:
        parsed = seconds(value)
    except APIError:
        parsed = None
    if parsed is None:
        raise APIError(
            f"{what} must be seconds, a timedelta or a duration string such as '1m30s', "
            f"not {value!r}"
        )
    return int(parsed)


def times(
    kind: str, start_time: MediaTime, end_time: MediaTime | None
) -> tuple[int, int | None]:
    start = media_time(f"rr.{kind}: start_time", start_time) or 0
    end = media_time(f"rr.{kind}: end_time", end_time)
    if end is not None and end <= start:
        raise APIError(f"rr.{kind}: end_time ({end}) must be after start_time ({start})")
    return start, end


def width(kind: str, value: int | str) -> int | str:
    if value == "stretch":
        return "stretch"
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise APIError(f"rr.{kind}: width must be 'stretch' or a positive int, not {value!r}")
    return value


def alt_text(alt: str | None) -> str | None:
    return alt.strip() or None if isinstance(alt, str) else None


def wav(samples: Any, sample_rate: int) -> bytes:
    """A numpy array (1-D mono, or 2-D channels x samples) as 16-bit PCM WAV, peak-normalised
    as Streamlit does."""
    import numpy as np

    data = np.asarray(samples, dtype=float)
    if data.ndim == 1:
        channels = 1
    elif data.ndim == 2:
        channels = data.shape[0]
        data = data.T.ravel()
    else:
        raise APIError("rr.audio: a numpy array must be 1-D (mono) or 2-D (channels x samples)")
    peak = float(np.max(np.abs(data))) if data.size else 0.0
    pcm = (data / peak * 32767 if peak else data).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(int(sample_rate))
        writer.writeframes(pcm.tobytes())
    return out.getvalue()


def is_array(obj: Any) -> bool:
    return type(obj).__module__ == "numpy" and type(obj).__name__ == "ndarray"


def raw(kind: str, data: Any) -> tuple[bytes, str | None] | None:
    """The bytes of ``data`` and the type its file name suggests; None for a URL."""
    if isinstance(data, str) and is_url(data.strip()) and not Path(data).is_file():
        return None
    if isinstance(data, str | Path):
        path = Path(data)
        try:
            return path.read_bytes(), mimetypes.guess_type(path.name)[0]
        except OSError as exc:
            raise APIError(f"rr.{kind}: cannot read {str(data)!r}: {exc}") from None
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data), None
    if hasattr(data, "read"):
        if hasattr(data, "seek"):
            data.seek(0)
        read = data.read()
        return (read.encode() if isinstance(read, str) else bytes(read or b"")), None
    if is_array(data):
        return bytes(data.tobytes()), None
    raise APIError(
        f"rr.{kind} cannot play a {type(data).__name__}: give bytes, a file path, a URL or a "
        "file-like object"
    )


def source(kind: str, data: Any, mimetype: str) -> tuple[str | None, str]:
    """The element's ``src`` (a media URL, or the script's own URL) and its type."""
    if data is None:
        return None, mimetype
    got = raw(kind, data)
    if got is None:
        return str(data).strip(), mimetype
    body, guessed = got
    if guessed and guessed.split("/")[0] in ("audio", "video") and mimetype in (
        "audio/wav", "video/mp4"
    ):
        mimetype = guessed  # a path's own type beats the default
    run = current_run()
    return url(run.host.data.id, run.host.live.media.add(body, mimetype)), mimetype


__all__ = ["MediaTime", "alt_text", "is_array", "source", "times", "wav", "width", "youtube"]
