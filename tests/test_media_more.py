"""``rr.latex``, ``rr.badge``, ``rr.link_button``, ``rr.pdf``, ``rr.logo``, ``rr.camera_input``
and ``rr.audio_input`` through real HTTP and the websocket, as a browser would use them."""

from __future__ import annotations

import io
import wave
from pathlib import Path
from typing import Any

import pytest
from _webclient import TestClient
from test_media import PNG, connect, opened, shown
from test_uploads import put, texts

import reactive_rerun as rr

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_latex_badge_and_link_button_props() -> None:
    clicks: list[int] = []

    async def main() -> None:
        rr.latex(r"$$e^{i\pi} + 1 = 0$$", help="Euler")
        rr.badge("New", icon=":material/star:", color="grey")
        rr.badge("Beta")
        rr.link_button("Docs", "https://example.com/docs", icon="📖", type="primary",
                       use_container_width=True, help="Read them")
        if rr.link_button("Tracked", "https://example.com", on_click=lambda: clicks.append(1),
                          icon=":material/open_in_new:", icon_position="right", width=240):
            rr.text("tracked click")

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        tab = opened(ws)
        [math] = shown(tab, "latex")
        assert math["body"] == r"e^{i\pi} + 1 = 0" and math["help"] == "Euler"
        new, beta = shown(tab, "badge")
        assert (new["label"], new["icon"], new["color"]) == ("New", ":material/star:", "gray")
        assert (beta["color"], beta["icon"], beta["width"]) == ("blue", None, "content")
        docs, tracked = shown(tab, "link_button")
        assert docs["url"] == "https://example.com/docs" and docs["kind"] == "primary"
        assert docs["width"] == "stretch" and docs["icon"] == "📖" and docs["rerun"] is False
        assert tracked["rerun"] is True and tracked["icon_position"] == "right"
        assert tracked["width"] == 240
        tab.click("Tracked")
        tab.until(lambda p: p.idle and "tracked click" in texts(tab))
        assert clicks == [1]


def test_pdf_is_served_for_the_browsers_viewer(tmp_path: Path) -> None:
    doc = tmp_path / "doc.pdf"
    doc.write_bytes(PDF_BYTES)

    async def main() -> None:
        rr.pdf(doc, height=600, alt="A document")
        rr.pdf(io.BytesIO(PDF_BYTES), height="stretch")
        rr.pdf("https://example.com/x.pdf")

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        path_pdf, bytes_pdf, url_pdf = shown(opened(ws), "pdf")
        assert path_pdf["height"] == 600 and path_pdf["alt"] == "A document"
        assert bytes_pdf["src"] == path_pdf["src"] and bytes_pdf["height"] == "stretch"
        response = client.get("/" + path_pdf["src"])
        assert response.content == PDF_BYTES
        assert response.headers["content-type"] == "application/pdf"
        # browsers' PDF viewers refuse a sandboxed document: PDFs go without the CSP
        assert "content-security-policy" not in response.headers
        assert response.headers["x-content-type-options"] == "nosniff"
        assert url_pdf["src"] == "https://example.com/x.pdf" and url_pdf["height"] == 500


def test_logo() -> None:
    async def main() -> None:
        rr.logo(PNG, link="https://example.com", icon_image=PNG, size="large")

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        [logo] = shown(opened(ws), "logo")
        assert logo["size"] == "large" and logo["link"] == "https://example.com"
        assert logo["image"] == logo["icon_image"]
        assert client.get("/" + logo["image"]).content == PNG


def wav_bytes() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\0\0" * 1600)
    return out.getvalue()


def test_captures_arrive_as_uploaded_files() -> None:
    async def main() -> None:
        photo = rr.camera_input("Photo", resolution="720p")
        voice = rr.audio_input("Voice", sample_rate=None)
        rr.text(f"photo: {photo.name} {photo.type} {photo.getvalue()!r}" if photo else "no photo")
        rr.text(f"voice: {voice.name} {voice.size}" if voice else "no voice")

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        tab = opened(ws)
        cam, mic = tab.page.widget("Photo"), tab.page.widget("Voice")
        assert cam["resolution"] == 720 and cam["value"] == [] and mic["sample_rate"] is None
        assert texts(tab) == ["no photo", "no voice"]
        jpeg = {"content-type": "image/jpeg"}
        reply = put(client, cam, "image.jpg", b"\xff\xd8\xff jpeg", **jpeg)
        tab.send({"t": "set", "id": cam["id"], "v": reply.json()["id"]})
        tab.until(lambda p: p.idle and texts(tab)[0].startswith("photo: "))
        assert texts(tab)[0] == "photo: image.jpg image/jpeg b'\\xff\\xd8\\xff jpeg'"
        wav = wav_bytes()
        reply = put(client, mic, "audio.wav", wav, **{"content-type": "audio/wav"})
        tab.send({"t": "set", "id": mic["id"], "v": reply.json()["id"]})
        tab.until(lambda p: p.idle and texts(tab)[1].startswith("voice: "))
        assert texts(tab)[1] == f"voice: audio.wav {len(wav)}"
        tab.send({"t": "set", "id": cam["id"], "v": None})  # "Clear photo"
        tab.until(lambda p: p.idle and texts(tab)[0] == "no photo")
        tab.send({"t": "set", "id": cam["id"], "v": "not-a-file-id"})  # refused, nothing changes
        tab.until(lambda p: p.idle)
        assert texts(tab)[0] == "no photo"


@pytest.mark.parametrize(("call", "message"), [
    (lambda: rr.badge("x", color="pink"), "color must be"),  # type: ignore[arg-type]
    (lambda: rr.link_button("x", "javascript:alert(1)"), "url must be"),
    (lambda: rr.link_button("x", "/a", icon_position="top"), "icon_position"),  # type: ignore[arg-type]
    (lambda: rr.pdf(b"not a pdf"), "not a PDF"),
    (lambda: rr.pdf(b"%PDF-", height=0), "height must be"),
    (lambda: rr.logo(PNG, size="huge"), "size must be"),  # type: ignore[arg-type]
    (lambda: rr.logo(PNG, link="javascript:x"), "link must be"),
    (lambda: rr.camera_input("c", resolution="4k"), "resolution"),  # type: ignore[arg-type]
    (lambda: rr.audio_input("a", sample_rate=12345), "sample_rate"),
    (lambda: rr.audio_input("a", on_change="sometimes"), "on_change"),  # type: ignore[arg-type]
])
def test_bad_arguments_are_reported(call: Any, message: str) -> None:
    async def main() -> None:
        call()

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        [error] = shown(opened(ws), "exception")
        assert message in str(error)


def test_sympy_expression_as_latex() -> None:
    sympy = pytest.importorskip("sympy")
    x = sympy.Symbol("x")

    async def main() -> None:
        rr.latex(x**2 / 2)

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        [math] = shown(opened(ws), "latex")
        assert math["body"] == r"\frac{x^{2}}{2}"


def test_image_link_and_alt_and_download_button_layout() -> None:
    async def main() -> None:
        rr.image(PNG, caption="dot", link="https://example.com", alt="A red dot")
        rr.image([PNG, PNG], alt=["first", None])
        rr.download_button("Get", "x", icon=":material/download:", icon_position="right",
                           width=200, shortcut="ctrl+d", wrap=False)
        rr.download_button("Wide", "y", use_container_width=True)
        rr.file_uploader("Narrow", width=300)

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        tab = opened(ws)
        single, pair = shown(tab, "image")
        assert single["link"] == "https://example.com"
        assert single["images"][0]["alt"] == "A red dot" and single["images"][0]["caption"] == "dot"
        assert [im["alt"] for im in pair["images"]] == ["first", None] and pair["link"] is None
        get, wide = shown(tab, "download_button")
        assert (get["icon_position"], get["width"], get["shortcut"], get["wrap"]) == (
            "right", 200, "ctrl+d", False)
        assert wide["width"] == "stretch" and wide["wide"] is True
        assert tab.page.widget("Narrow")["width"] == 300


@pytest.mark.parametrize(("call", "message"), [
    (lambda: rr.image([PNG, PNG], link="https://example.com"), "single image"),
    (lambda: rr.image(PNG, link="javascript:alert(1)"), "link must be"),
    (lambda: rr.image([PNG, PNG], alt=["one"]), "alt texts"),
    (lambda: rr.download_button("d", "x", icon_position="up"), "icon_position"),  # type: ignore[arg-type]
])
def test_bad_image_and_download_arguments(call: Any, message: str) -> None:
    test_bad_arguments_are_reported(call, message)
