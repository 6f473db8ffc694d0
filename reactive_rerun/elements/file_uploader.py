"""``rr.file_uploader``: files the browser PUTs to a URL only this widget knows.

The browser sends each chosen file's raw bytes to the widget's upload URL (``uploads.py``;
refused past ``max_upload_size`` MB, with a message shown in the widget), then sets the
widget's value to the ids of the files it holds. The value kept for the session is those ids
(plain data); the script gets ``UploadedFile`` objects (``name``, ``type``, ``size``,
``read``, ``getvalue``, ``seek``): one or None, or a list with ``accept_multiple_files``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import _params
from ..bindings import Callback
from ..context import current_block, current_run
from ..element import Element
from ..errors import APIError
from ..uploads import UploadedFile, url
from ..widget import WIDGET_FIELDS, show

FILE_UPLOADER = Element(
    "file_uploader",
    (*WIDGET_FIELDS, "value", "upload", "accept", "multiple", "max_bytes", "width"),
    doc="`value` (the held files: `{id, name, size}` each; the browser sets their ids), "
        "`upload` (the URL files are PUT to), `accept` (extensions), `multiple`, `max_bytes`, "
        "`width` (`stretch` or px)",
    value_field="value",
)


def _extensions(type: str | Sequence[str] | None) -> tuple[str, ...]:
    if type is None:
        return ()
    kinds = [type] if isinstance(type, str) else list(type)
    return tuple(sorted({k.lower() if k.startswith(".") else "." + k.lower() for k in kinds}))


def _ids(value: Any) -> list[Any]:
    items = value if isinstance(value, list) else ([] if value is None else [value])
    return [i["id"] if isinstance(i, dict) and "id" in i else i for i in items]


@FILE_UPLOADER.function
def file_uploader(
    label: str,
    type: str | Sequence[str] | None = None,
    accept_multiple_files: bool = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    max_upload_size: int | None = None,
    width: int | str = "stretch",
) -> UploadedFile | list[UploadedFile] | None:
    """Let the user upload files; returns the uploaded file (or a list), None before."""
    run = current_run()
    size_mb = run.host.config.max_upload_size if max_upload_size is None else max_upload_size
    if isinstance(size_mb, bool) or not isinstance(size_mb, int) or size_mb <= 0:
        raise APIError(f"file_uploader {label!r}: max_upload_size must be a positive int (MB)")
    accept = _extensions(type)
    multiple = bool(accept_multiple_files)
    uploads = run.host.live.uploads
    seed = repr((label, None if key is None else str(key), accept, multiple, current_block()))
    slot = uploads.slot(seed, accept, size_mb << 20)

    def decode(wire: Any) -> Any:
        ids = _ids(wire)
        if not all(isinstance(i, str) for i in ids):
            raise ValueError("expected file ids")
        if len(ids) > 1 and not multiple:
            raise ValueError("this uploader takes one file")
        for fid in ids:
            if not uploads.known(seed, fid):
                raise ValueError(f"no uploaded file {fid!r}")
        return list(ids) if multiple else (ids[0] if ids else None)

    def encode(value: Any) -> list[dict[str, Any]]:
        return uploads.describe(seed, [i for i in _ids(value) if isinstance(i, str)])

    value = show(
        FILE_UPLOADER, label, key=key, identity=(accept, multiple),
        default=[] if multiple else None, decode=decode, encode=encode, help=help,
        disabled=disabled, label_visibility=label_visibility, callback=on_change, args=args,
        kwargs=kwargs, extra={
            "upload": url(run.host.data.id, slot), "accept": list(accept),
            "multiple": multiple, "max_bytes": size_mb << 20,
            "width": _params.width(f"file_uploader {label!r}", width, content=False),
        },
    )
    files = uploads.files(seed, [i for i in _ids(value) if isinstance(i, str)])
    return files if multiple else (files[0] if files else None)


__all__ = ["FILE_UPLOADER", "file_uploader"]
