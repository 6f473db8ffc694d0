"""A video made by Chromium's own encoder plays from the media route and seeks (the route answers
its Range requests); a numpy tone plays as WAV; subtitle tracks load."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from playwright.async_api import Page, expect

import reactive_rerun as rr

from ._webm import webm
from .helpers import open_app

pytestmark = [pytest.mark.anyio, pytest.mark.browser]

ENCODE = """async () => {
  const w = 160, h = 120, fps = 10, n = 40, out = [];
  const enc = new VideoEncoder({ error: (e) => { throw e; }, output: (c) => {
    const b = new Uint8Array(c.byteLength); c.copyTo(b);
    out.push([Math.round(c.timestamp / 1000), c.type === 'key', btoa(String.fromCharCode(...b))]);
  } });
  enc.configure({ codec: 'vp8', width: w, height: h, bitrate: 300000, framerate: fps });
  const cv = new OffscreenCanvas(w, h), g = cv.getContext('2d');
  for (let i = 0; i < n; i++) {
    g.fillStyle = `hsl(${i * 9}, 80%, 50%)`; g.fillRect(0, 0, w, h);
    const f = new VideoFrame(cv, { timestamp: i * 1e6 / fps, duration: 1e6 / fps });
    enc.encode(f, { keyFrame: i % 10 === 0 }); f.close();
  }
  await enc.flush();
  return out;
}"""
VIDEO = "document.querySelector('.rr-video video')"
VTT = "WEBVTT\n\n00:00.000 --> 00:04.000\nHello from the track\n"
clip: dict[str, bytes] = {}


async def main() -> None:
    if "webm" not in clip:  # made by the browser first (WebCodecs needs a secure page)
        rr.button("Show the clip")
        return
    rr.video(clip["webm"], format="video/webm", subtitles={"English": VTT}, start_time=1)
    rr.audio(np.sin(np.linspace(0, 2 * np.pi * 440 * 2, 16000)), sample_rate=8000)


async def test_video_loads_and_seeks(
    page: Page, serve: Callable[..., str], page_errors: list[str]
) -> None:
    clip.clear()
    url = serve(rr.App(main))
    await open_app(page, url)
    frames: list[Any] = await page.evaluate(ENCODE)
    clip["webm"] = webm([(t, k, base64.b64decode(d)) for t, k, d in frames], 160, 120, 4000.0)
    ranges: list[str] = []
    page.on("request", lambda r: ranges.append(r.headers.get("range", "")))
    await page.get_by_role("button", name="Show the clip").click()
    video = page.locator(".rr-video video")
    await expect(video).to_have_count(1)
    await page.wait_for_function(
        "() => { const v = document.querySelector('.rr-video video');"
        " return v && v.readyState >= 1 && v.videoWidth === 160 && v.duration > 3.9; }"
    )
    # start_time: the player starts at 1 s
    await page.wait_for_function(f"() => {VIDEO}.currentTime === 1")
    seekable_end = await video.evaluate("v => v.seekable.length ? v.seekable.end(0) : 0")
    assert seekable_end > 3.9
    seeked = await video.evaluate("""v => new Promise((ok) => {
        v.addEventListener('seeked', () => ok(v.currentTime), { once: true });
        v.currentTime = 3.2; })""")
    assert abs(seeked - 3.2) < 0.01
    await page.wait_for_function(f"() => {VIDEO}.readyState >= 2")
    assert any(r.startswith("bytes=") for r in ranges)  # the browser asked for ranges
    cue = await video.evaluate("""v => new Promise((ok) => { const t = v.textTracks[0];
        const check = () => t.cues && t.cues.length
          ? ok([t.label, t.mode, t.cues[0].text]) : setTimeout(check, 50);
        check(); })""")
    assert cue == ["English", "showing", "Hello from the track"]
    audio = page.locator(".rr-audio audio")
    await page.wait_for_function(
        "() => { const a = document.querySelector('.rr-audio audio');"
        " return a && a.readyState >= 1 && Math.abs(a.duration - 2) < 0.01; }"
    )
    assert await audio.evaluate("a => a.seekable.length && a.seekable.end(0)") > 1.9
    assert page_errors == []
