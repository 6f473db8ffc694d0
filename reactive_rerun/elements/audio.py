"""``rr.audio``: an audio player of bytes, a file, a URL or numpy samples (as WAV)."""

from __future__ import annotations

import logging
from typing import Any

from ..element import Element
from ..errors import APIError
from ._av import MediaTime, alt_text, is_array, source, times, wav
from ._av import width as _width

logger = logging.getLogger("reactive_rerun")

AUDIO = Element(
    "audio", ("src", "mimetype", "start_time", "end_time", "loop", "autoplay", "alt", "width"),
    doc="`src` (a media URL or the script's URL; null: an empty player), `mimetype`, "
        "`start_time` / `end_time` (s), `loop`, `autoplay`, `alt`, `width` (`stretch` or px)",
)


@AUDIO.function
def audio(
    data: Any,
    format: str = "audio/wav",
    start_time: MediaTime = 0,
    *,
    sample_rate: int | None = None,
    end_time: MediaTime | None = None,
    loop: bool = False,
    autoplay: bool = False,
    alt: str | None = None,
    width: int | str = "stretch",
) -> None:
    """Show an audio player; a numpy array needs ``sample_rate`` and plays as WAV."""
    start, end = times("audio", start_time, end_time)
    shown_width = _width("audio", width)
    if is_array(data):
        if sample_rate is None:
            raise APIError("rr.audio: sample_rate is required when data is a numpy array")
        data, format = wav(data, sample_rate), "audio/wav"
    elif sample_rate is not None:
        logger.warning("rr.audio: sample_rate is ignored: data is not a numpy array")
    src, mimetype = source("audio", data, format)
    AUDIO.draw(
        src=src, mimetype=mimetype, start_time=start, end_time=end, loop=bool(loop),
        autoplay=bool(autoplay), alt=alt_text(alt), width=shown_width,
    )


__all__ = ["AUDIO", "audio"]
