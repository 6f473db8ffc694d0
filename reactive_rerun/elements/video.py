"""``rr.video``: a video player (or a YouTube embed) with optional subtitle tracks.

Subtitles are WebVTT or SRT (converted to WebVTT), given as text, a path, bytes or a file-like
object, or a dict of track labels to those; each is served from the media route as ``text/vtt``.
The first track shows by default, as in Streamlit.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from ..context import current_run
from ..element import Element
from ..errors import APIError
from ..media import url
from ._av import MediaTime, alt_text, source, times, youtube
from ._av import width as _width

VIDEO = Element(
    "video",
    ("src", "mimetype", "youtube", "start_time", "end_time", "loop", "autoplay", "muted",
     "subtitles", "alt", "width"),
    doc="`src`, `mimetype`, `youtube` (bool: `src` is an embed URL), `start_time` / `end_time` "
        "(s), `loop`, `autoplay`, `muted`, `subtitles` (`{label, src}` each), `alt`, `width`",
)

SRT_TIME = re.compile(r"(\d{1,2}:\d{2}:\d{2}),(\d{3})")


def _text(data: Any, label: str) -> str:
    named = isinstance(data, str) and "\n" not in data
    if isinstance(data, Path) or (named and data.strip().lower().endswith((".vtt", ".srt"))):
        path = Path(data)
        if path.suffix.lower() not in (".vtt", ".srt"):
            raise APIError(f"rr.video: subtitles {label!r}: a file must be .vtt or .srt")
        try:
            return path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise APIError(
                f"rr.video: subtitles {label!r}: cannot read {str(path)!r}: {exc}"
            ) from None
    if isinstance(data, io.IOBase) or hasattr(data, "read"):
        if hasattr(data, "seek"):
            data.seek(0)
        data = data.read()
    if isinstance(data, bytes | bytearray | memoryview):
        try:
            return bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise APIError(f"rr.video: subtitles {label!r} are not UTF-8 text") from None
    if isinstance(data, str):
        return data
    raise APIError(
        f"rr.video: subtitles {label!r} must be text, a path, bytes or a file-like object, "
        f"not {type(data).__name__}"
    )


def to_vtt(text: str) -> str:
    """WebVTT as given; SRT (numbered cues, ``00:00:01,000`` times) converted to WebVTT."""
    body = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if body.lstrip().startswith("WEBVTT"):
        return body
    if not SRT_TIME.search(body):
        raise APIError("rr.video: subtitles must be WebVTT or SRT")
    return "WEBVTT\n\n" + SRT_TIME.sub(r"\1.\2", body.strip()) + "\n"


def _tracks(subtitles: Any) -> list[dict[str, str]]:
    if subtitles is None or (isinstance(subtitles, dict | str | bytes) and not subtitles):
        return []
    items = list(subtitles.items()) if isinstance(subtitles, dict) else [("default", subtitles)]
    run = current_run()
    media, sid = run.host.live.media, run.host.data.id
    return [
        {"label": str(label or ""),
         "src": url(sid, media.add(to_vtt(_text(data, str(label))), "text/vtt"))}
        for label, data in items
    ]


@VIDEO.function
def video(
    data: Any,
    format: str = "video/mp4",
    start_time: MediaTime = 0,
    *,
    subtitles: Any = None,
    end_time: MediaTime | None = None,
    loop: bool = False,
    autoplay: bool = False,
    muted: bool = False,
    alt: str | None = None,
    width: int | str = "stretch",
) -> None:
    """Show a video player; a YouTube link shows YouTube's embedded player."""
    start, end = times("video", start_time, end_time)
    shown_width = _width("video", width)
    embed = youtube(data) if isinstance(data, str) else None
    src: str | None
    if embed is not None:
        if subtitles:
            raise APIError("rr.video: subtitles are not supported for YouTube videos")
        src, mimetype = embed, format
    else:
        src, mimetype = source("video", data, format)
    VIDEO.draw(
        src=src, mimetype=mimetype, youtube=embed is not None, start_time=start, end_time=end,
        loop=bool(loop), autoplay=bool(autoplay), muted=bool(muted), subtitles=_tracks(subtitles),
        alt=alt_text(alt), width=shown_width,
    )


__all__ = ["VIDEO", "to_vtt", "video"]
