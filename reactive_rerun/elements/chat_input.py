"""``rr.chat_input``: a message box; the run a submission causes reads its text, once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..context import current_block, current_run
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show, string

CHAT_INPUT = Element(
    "chat_input",
    (*WIDGET_FIELDS, "placeholder", "max_chars", "pinned", "width", "mode", "height"),
    doc="`placeholder`, `max_chars`, `pinned` (bool: at the bottom of the page), `width` "
    "(`stretch` or pixels), `mode` (`submit` / `disable` / `stop`: what the box does while the "
    "run a message caused goes on), `height` (`content`, `stretch` or a minimum in px); "
    "submitted with a `click` carrying the text as `v`",
    trigger=True, submits=True, waits=True,
)


def _width(width: object) -> str | int:
    if width == "stretch":
        return "stretch"
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return width
    raise APIError(
        f"chat_input width must be 'stretch' or a positive number of pixels, not {width!r}"
    )


def _message(max_chars: int | None) -> Any:
    text = string(max_chars)

    def decode(value: Any) -> str:
        message = text(value)
        if not message.strip():
            raise ValueError("an empty message is not submitted")
        return message

    return decode


@CHAT_INPUT.function
def chat_input(
    placeholder: str = "Your message",
    *,
    key: str | int | None = None,
    max_chars: int | None = None,
    accept_file: bool | Literal["multiple", "directory"] = False,
    file_type: str | Sequence[str] | None = None,
    disabled: bool = False,
    on_submit: Callback | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    width: Literal["stretch"] | int = "stretch",
    max_upload_size: int | None = None,
    accept_audio: bool = False,
    audio_sample_rate: int | None = 16000,
    submit_mode: Literal["submit", "disable", "stop"] = "submit",
    height: Literal["content", "stretch"] | int = "content",
) -> str | None:
    """A chat message box. Returns the text the user submitted in the run that submission
    caused, and ``None`` in every other run.

    Called in the main area outside any container, it is pinned to the bottom of the page;
    inside a container it shows in place. A submission never cancels a run in flight: it waits
    for it (a reply being streamed completes, then the new message is answered). Submissions
    sent during one run are answered one run each, in order. ``accept_file`` and
    ``file_type`` are accepted but have no effect yet (no file upload in the box).
    """
    run = current_run()
    block = current_block()
    if block == "s" or block.startswith("s."):
        raise APIError(
            "`rr.chat_input()` can't be used in the sidebar: it belongs to the main area "
            "(pinned to the bottom) or to a container there."
        )
    if run.block_forms.get(block) is not None:
        raise APIError(
            "`rr.chat_input()` can't be used in an `rr.form()`: it submits on its own. "
            "Move it out of the form."
        )
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int)
                                  or max_chars < 1):
        raise APIError(f"chat_input max_chars must be a positive int, not {max_chars!r}")
    if submit_mode not in ("submit", "disable", "stop"):
        raise APIError(f"chat_input submit_mode must be 'submit', 'disable' or 'stop', not "
                       f"{submit_mode!r}")
    if max_upload_size is not None and (isinstance(max_upload_size, bool)
                                        or not isinstance(max_upload_size, int)
                                        or max_upload_size < 1):
        raise APIError(f"chat_input max_upload_size must be a positive int (MB), not "
                       f"{max_upload_size!r}")
    _params.flag("chat_input", "accept_audio", accept_audio)
    if audio_sample_rate is not None and (isinstance(audio_sample_rate, bool)
                                          or not isinstance(audio_sample_rate, int)
                                          or audio_sample_rate < 1):
        raise APIError(f"chat_input audio_sample_rate must be a positive int, not "
                       f"{audio_sample_rate!r}")
    label = str(placeholder if placeholder is not None else "")
    value = show(
        CHAT_INPUT, label, key=key, identity=(max_chars,), default=None,
        decode=_message(max_chars), help=None, disabled=disabled, callback=on_submit,
        args=args, kwargs=kwargs,
        extra={
            "placeholder": label, "max_chars": max_chars, "pinned": block == "m",
            "width": _width(width), "mode": submit_mode,
            "height": _params.height("chat_input", height),
        },
    )
    return None if value is None else str(value)

__all__ = ["CHAT_INPUT", "chat_input"]
