"""A small WebM muxer for the browser tests: VP8 frames (encoded by Chromium's WebCodecs) into a
file with a duration and cues, so a ``<video>`` knows its length and can seek by Range requests.
The machine has no ffmpeg and the project ships no sample video."""

from __future__ import annotations

import struct


def _size(n: int) -> bytes:
    return (n | (1 << 56)).to_bytes(8, "big")  # an 8-byte EBML size: simple, always valid


def _el(ident: int, data: bytes) -> bytes:
    return ident.to_bytes((ident.bit_length() + 7) // 8, "big") + _size(len(data)) + data


def _uint(ident: int, value: int) -> bytes:
    return _el(ident, value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


def webm(
    frames: list[tuple[int, bool, bytes]], width: int, height: int, duration_ms: float
) -> bytes:
    """``frames``: (timestamp in ms, keyframe, VP8 data); a cluster starts at each keyframe."""
    header = _el(0x1A45DFA3, b"".join([
        _uint(0x4286, 1), _uint(0x42F7, 1), _uint(0x42F2, 4), _uint(0x42F3, 8),
        _el(0x4282, b"webm"), _uint(0x4287, 2), _uint(0x4285, 2),
    ]))
    info = _el(0x1549A966, _uint(0x2AD7B1, 1_000_000) + _el(0x4489, struct.pack(">d", duration_ms))
               + _el(0x4D80, b"rr-test") + _el(0x5741, b"rr-test"))
    tracks = _el(0x1654AE6B, _el(0xAE, b"".join([
        _uint(0xD7, 1), _uint(0x73C5, 1), _uint(0x83, 1), _el(0x86, b"V_VP8"),
        _el(0xE0, _uint(0xB0, width) + _uint(0xBA, height)),
    ])))
    body = bytearray(info + tracks)
    cues: list[tuple[int, int]] = []
    cluster: list[bytes] = []
    start = 0

    def close() -> None:
        if cluster:
            cues.append((start, len(body)))
            body.extend(_el(0x1F43B675, _uint(0xE7, start) + b"".join(cluster)))
            cluster.clear()

    for ts, key, data in frames:
        if key:
            close()
            start = ts
        block = b"\x81" + struct.pack(">h", ts - start) + (b"\x80" if key else b"\x00") + data
        cluster.append(_el(0xA3, block))
    close()
    body.extend(_el(0x1C53BB6B, b"".join(
        _el(0xBB, _uint(0xB3, t) + _el(0xB7, _uint(0xF7, 1) + _uint(0xF1, pos))) for t, pos in cues
    )))
    return header + _el(0x18538067, bytes(body))
