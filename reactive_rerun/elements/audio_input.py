"""``rr.audio_input``: a recording from the user's microphone, returned as an ``UploadedFile``.

The browser records with ``MediaRecorder``, decodes the recording and writes a 16-bit PCM WAV
at ``sample_rate`` (16 kHz by default, as Streamlit; None keeps the device's rate), which it
uploads like a file.
"""

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

AUDIO_INPUT = Element(
    "audio_input", (*WIDGET_FIELDS, "value", "upload", "max_bytes", "sample_rate", "width"),
    doc="`value` (the recording: `[{id, name, size}]` or `[]`; the browser sets its id), "
        "`upload`, `max_bytes`, `sample_rate` (Hz of the WAV made, or null), `width`",
    value_field="value",
)
RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


@AUDIO_INPUT.function
def audio_input(
    label: str,
    *,
    sample_rate: int | None = 16000,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback | Literal["rerun", "ignore"] | None = "rerun",
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | Literal["stretch"] = "stretch",
) -> UploadedFile | None:
    """Record audio from the user's microphone; the recording (WAV) once made, else None."""
    if sample_rate is not None and sample_rate not in RATES:
        raise APIError(f"audio_input {label!r}: sample_rate must be one of "
                       f"{', '.join(map(str, RATES))} or None, not {sample_rate!r}")
    return capture(
        AUDIO_INPUT, label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
        disabled=disabled, label_visibility=label_visibility, identity=(sample_rate,),
        extra={"sample_rate": sample_rate,
               "width": _params.width(f"audio_input {label!r}", width, content=False)},
    )


__all__ = ["AUDIO_INPUT", "audio_input"]
