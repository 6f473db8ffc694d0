"""What ``rr.camera_input`` and ``rr.audio_input`` share: a capture uploaded like a file.

The browser captures (``getUserMedia``), then PUTs the photo or the recording to the widget's
own upload URL, the same path as ``rr.file_uploader``'s (size cap, session quota, spooled
to disk), and sets the widget's value to the file's id. The script gets an ``UploadedFile``
or None; clearing the capture in the browser frees the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..bindings import Callback
from ..context import current_block, current_run
from ..element import Element
from ..errors import APIError
from ..uploads import UploadedFile, url
from ..widget import show

MAX_MB = 200


def on_change_callback(what: str, on_change: Any) -> Callback | None:
    if on_change is None or on_change in ("rerun", "ignore"):
        return None
    if not callable(on_change):
        raise APIError(f"{what}: on_change must be a callable, 'rerun', 'ignore' or None")
    return on_change  # type: ignore[no-any-return]


def capture(
    kind: Element, label: str, *, key: str | int | None, help: str | None, on_change: Any,
    args: Sequence[Any] | None, kwargs: dict[str, Any] | None, disabled: bool,
    label_visibility: str, identity: tuple[Any, ...], extra: dict[str, Any],
) -> UploadedFile | None:
    run = current_run()
    what = f"{kind.name} {label!r}"
    callback = on_change_callback(what, on_change)
    uploads = run.host.live.uploads
    max_mb = min(MAX_MB, run.host.config.max_upload_size)
    seed = repr((kind.name, label, None if key is None else str(key), identity, current_block()))
    slot = uploads.slot(seed, (), max_mb << 20)

    def decode(wire: Any) -> str | None:
        items = wire if isinstance(wire, list) else ([] if wire is None else [wire])
        ids = [i["id"] if isinstance(i, dict) and "id" in i else i for i in items]
        if len(ids) > 1 or not all(isinstance(i, str) for i in ids):
            raise ValueError("expected one file id or nothing")
        if ids and not uploads.known(seed, ids[0]):
            raise ValueError(f"no captured file {ids[0]!r}")
        return ids[0] if ids else None

    def encode(value: Any) -> list[dict[str, Any]]:
        return uploads.describe(seed, [value] if isinstance(value, str) else [])

    value = show(
        kind, label, key=key, identity=identity, default=None, decode=decode, encode=encode,
        help=help, disabled=disabled, label_visibility=label_visibility, callback=callback,
        args=args, kwargs=kwargs, silent=on_change == "ignore",
        extra={"upload": url(run.host.data.id, slot), "max_bytes": max_mb << 20, **extra},
    )
    files = uploads.files(seed, [value] if isinstance(value, str) else [])
    return files[0] if files else None


__all__ = ["capture"]
