"""``rr.audio`` and ``rr.video`` through real HTTP: bytes, paths, URLs and numpy audio served
from the media route (seekable), times, subtitles (SRT converted to WebVTT), YouTube links."""

from __future__ import annotations

import io
import wave
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from _webclient import TestClient
from test_media import connect, opened, shown

import reactive_rerun as rr
from reactive_rerun.elements.video import to_vtt

SRT = "1\n00:00:00,500 --> 00:00:02,000\nHello\n\n2\n00:00:02,500 --> 00:00:04,000\nWorld\n"
VTT = "WEBVTT\n\n00:00.500 --> 00:02.000\nBonjour\n"


def test_numpy_audio_is_served_as_a_seekable_wav() -> None:
    tone = np.sin(np.linspace(0, 2 * np.pi * 440, 8000))

    async def main() -> None:
        rr.audio(tone, sample_rate=8000, start_time="1s", end_time=timedelta(seconds=3), loop=True)
        rr.audio(np.stack([tone, tone * 0.5]), sample_rate=8000)

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        tab = opened(ws)
        mono, stereo = shown(tab, "audio")
        assert mono["mimetype"] == "audio/wav" and mono["start_time"] == 1
        assert mono["end_time"] == 3 and mono["loop"] is True and mono["width"] == "stretch"
        body = client.get("/" + mono["src"]).content
        with wave.open(io.BytesIO(body)) as w:
            assert (w.getnchannels(), w.getframerate(), w.getsampwidth()) == (1, 8000, 2)
            samples = np.frombuffer(w.readframes(w.getnframes()), "<i2")
        assert len(samples) == 8000 and samples.max() == 32767  # peak-normalised
        with wave.open(io.BytesIO(client.get("/" + stereo["src"]).content)) as w:
            assert w.getnchannels() == 2 and w.getnframes() == 8000
        part = client.get("/" + mono["src"], headers={"Range": "bytes=44-143"})
        assert part.status_code == 206 and part.content == body[44:144]


def test_audio_and_video_sources(tmp_path: Path) -> None:
    clip = tmp_path / "clip.webm"
    clip.write_bytes(b"\x1a\x45\xdf\xa3 webm bytes")

    async def main() -> None:
        rr.video(clip, muted=True, autoplay=True, width=320, alt=" a clip ")
        rr.video(str(clip), subtitles=SRT)
        rr.video(io.BytesIO(b"mp4 bytes"), subtitles={"English": SRT, "French": VTT.encode()})
        rr.video("https://example.com/movie.mp4")
        rr.video("https://youtu.be/_T8LGqJtuGc", start_time=5)
        rr.audio(b"ID3 mp3 bytes", format="audio/mpeg")
        rr.audio("/static/song.ogg")
        rr.audio(None)

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        tab = opened(ws)
        path_video, str_video, bytes_video, url_video, yt = shown(tab, "video")
        assert path_video["mimetype"] == "video/webm"  # a path's own type beats the default
        assert path_video["muted"] and path_video["autoplay"] and path_video["width"] == 320
        assert path_video["alt"] == "a clip"
        assert client.get("/" + path_video["src"]).content == clip.read_bytes()
        assert str_video["src"] == path_video["src"]  # the same bytes keep one URL
        [track] = str_video["subtitles"]
        response = client.get("/" + track["src"])
        assert response.headers["content-type"].startswith("text/vtt")
        assert response.text.startswith("WEBVTT")
        assert "00:00:00.500 --> 00:00:02.000" in response.text
        assert [t["label"] for t in bytes_video["subtitles"]] == ["English", "French"]
        assert "Bonjour" in client.get("/" + bytes_video["subtitles"][1]["src"]).text
        assert bytes_video["mimetype"] == "video/mp4"
        assert url_video["src"] == "https://example.com/movie.mp4" and not url_video["youtube"]
        assert yt["youtube"] and yt["src"] == "https://www.youtube.com/embed/_T8LGqJtuGc"
        assert yt["start_time"] == 5
        mp3, url_audio, empty = shown(tab, "audio")
        assert mp3["mimetype"] == "audio/mpeg"
        assert client.get("/" + mp3["src"]).content == b"ID3 mp3 bytes"
        assert url_audio["src"] == "/static/song.ogg" and empty["src"] is None


@pytest.mark.parametrize(("call", "message"), [
    (lambda: rr.audio(np.zeros(10)), "sample_rate is required"),
    (lambda: rr.audio(b"x", start_time=5, end_time=2), "must be after start_time"),
    (lambda: rr.audio(b"x", start_time="soon"), "duration string"),
    (lambda: rr.video(b"x", width="content"), "width must be 'stretch'"),
    (lambda: rr.video("https://youtu.be/_T8LGqJtuGc", subtitles=VTT), "not supported for YouTube"),
    (lambda: rr.video(b"x", subtitles="just words"), "WebVTT or SRT"),
    (lambda: rr.video(b"x", subtitles="missing.vtt"), "cannot read"),
    (lambda: rr.audio(3.5), "cannot play a float"),
])
def test_bad_arguments_are_reported(call: Any, message: str) -> None:
    async def main() -> None:
        call()

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        tab = opened(ws)
        [error] = shown(tab, "exception")
        assert message in str(error)


def test_srt_to_vtt() -> None:
    assert to_vtt(VTT) == VTT
    converted = to_vtt("\ufeff" + SRT.replace("\n", "\r\n"))
    assert converted.startswith("WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\nHello")
