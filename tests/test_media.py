"""Media over HTTP: the media route (types, privacy, ranges, 404s, lifetimes), ``rr.image`` and
``rr.download_button``, through real HTTP with Starlette's ``TestClient``."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from _webclient import SyncClient, TestClient, hello

import reactive_rerun as rr
from reactive_rerun.media import MediaFiles

ORIGIN = "http://testserver"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00"
    b"\x00IEND\xaeB`\x82"
)


def connect(client: TestClient) -> Any:
    return client.websocket_connect("/_rr/ws", headers={"origin": ORIGIN})


def opened(ws: Any) -> SyncClient:
    tab = SyncClient(ws)
    tab.send(hello())
    tab.until(lambda p: p.idle)
    return tab


def shown(tab: SyncClient, kind: str) -> list[dict[str, Any]]:
    return [e for e in tab.page.shown() if e["k"] == kind]


def srcs(tab: SyncClient) -> list[str]:
    return [im["src"] for e in shown(tab, "image") for im in e["images"]]


def test_image_bytes_are_served_privately_from_the_media_route() -> None:
    async def main() -> None:
        rr.image(PNG, caption="dot")

    app = rr.App(main, session_timeout=5)
    with TestClient(app) as client, connect(client) as ws:
        tab = opened(ws)
        [image] = shown(tab, "image")
        assert image["images"][0]["caption"] == "dot" and image["width"] == "content"
        src = image["images"][0]["src"]
        assert src.startswith(f"_rr/media/{tab.page.session_id}/")
        token = src.rsplit("/", 1)[1]
        assert len(token) >= 20
        response = client.get("/" + src)
        assert response.status_code == 200
        assert response.content == PNG
        assert response.headers["content-type"] == "image/png"
        assert response.headers["cache-control"].startswith("private")
        assert "sandbox" in response.headers["content-security-policy"]
        # unknown token, unknown session, someone else's token: all 404
        assert client.get(f"/_rr/media/{tab.page.session_id}/{'x' * 24}").status_code == 404
        assert client.get(f"/_rr/media/{'0' * 32}/{token}").status_code == 404
        assert client.get(f"/_rr/media/{tab.page.session_id}").status_code == 404


def test_range_requests_answer_partial_content() -> None:
    data = bytes(range(256)) * 4

    async def main() -> None:
        rr.download_button("Get", data, file_name="blob.bin")

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        tab = opened(ws)
        src = shown(tab, "download_button")[0]["url"]
        part = client.get("/" + src, headers={"Range": "bytes=10-19"})
        assert part.status_code == 206
        assert part.content == data[10:20]
        assert part.headers["content-range"] == f"bytes 10-19/{len(data)}"
        tail = client.get("/" + src, headers={"Range": "bytes=-5"})
        assert tail.status_code == 206 and tail.content == data[-5:]
        open_ended = client.get("/" + src, headers={"Range": "bytes=1000-"})
        assert open_ended.content == data[1000:]
        beyond = client.get("/" + src, headers={"Range": "bytes=5000-"})
        assert beyond.status_code == 416
        assert beyond.headers["content-range"] == f"bytes */{len(data)}"
        whole = client.get("/" + src)
        assert whole.headers["accept-ranges"] == "bytes"
        assert 'filename="blob.bin"' in whole.headers["content-disposition"]
        assert client.head("/" + src).status_code == 200


def test_media_live_as_long_as_their_element_and_die_with_the_session() -> None:
    async def main() -> None:
        rr.checkbox("show", key="show", value=True)
        if rr.session_state.show:
            rr.image(PNG)
        rr.image(b"<svg xmlns='http://www.w3.org/2000/svg'/>")

    app = rr.App(main, session_timeout=0.2)
    with TestClient(app) as client:
        with connect(client) as ws:
            tab = opened(ws)
            png, svg = srcs(tab)
            assert client.get("/" + svg).headers["content-type"] == "image/svg+xml"
            session = app.sessions.live[tab.page.session_id]
            assert len(session.live.media) == 2
            tab.set("show", False)
            tab.until(lambda p: p.idle and len(srcs(tab)) == 1)
            assert client.get("/" + png).status_code == 404  # its element is gone
            assert client.get("/" + svg).status_code == 200
            assert len(session.live.media) == 1
        import time

        deadline = time.monotonic() + 10
        while tab.page.session_id in app.sessions.live and time.monotonic() < deadline:
            time.sleep(0.05)
        assert client.get("/" + svg).status_code == 404  # the session expired


def test_same_bytes_keep_their_url_across_reruns() -> None:
    async def main() -> None:
        rr.button("again")
        rr.image(PNG)

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        tab = opened(ws)
        before = srcs(tab)
        tab.click("again")
        tab.until(lambda p: p.idle)
        assert srcs(tab) == before


def test_image_sources(tmp_path: Path) -> None:
    pil = pytest.importorskip("PIL.Image")
    np = pytest.importorskip("numpy")
    path = tmp_path / "dot.png"
    path.write_bytes(PNG)
    big = np.zeros((600, 600, 3), dtype=np.uint8)
    big[:, :, 0] = 255

    async def main() -> None:
        rr.image(str(path), width=120)
        rr.image("https://example.com/cat.png", use_container_width=True)
        rr.image(pil.new("RGB", (4, 4), "blue"), output_format="JPEG")
        rr.image(big)  # encoded in a worker thread
        rr.image(np.zeros((3, 3), dtype=np.float32))
        rr.image([PNG, io.BytesIO(PNG)], caption=["a", "b"])

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        tab = opened(ws)
        assert tab.page.errors == []
        images = shown(tab, "image")
        assert [e["width"] for e in images] == [120, "stretch", "content", "content", "content",
                                                "content"]
        assert images[1]["images"][0]["src"] == "https://example.com/cat.png"
        assert [im["caption"] for im in images[5]["images"]] == ["a", "b"]
        assert client.get("/" + images[0]["images"][0]["src"]).content == PNG
        jpeg = client.get("/" + images[2]["images"][0]["src"])
        assert jpeg.headers["content-type"] == "image/jpeg"
        assert jpeg.content.startswith(b"\xff\xd8\xff")
        made = client.get("/" + images[3]["images"][0]["src"])
        assert made.status_code == 200 and made.content.startswith(b"\x89PNG")
        decoded = pil.open(io.BytesIO(made.content))
        assert decoded.size == (600, 600) and decoded.getpixel((5, 5))[:3] == (255, 0, 0)
        # a list of images shares one URL per distinct content
        assert len({im["src"] for im in images[5]["images"]}) == 1


def test_image_refuses_what_it_cannot_show() -> None:
    async def main() -> None:
        rr.image(object())

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        tab = opened(ws)
        [shown_error] = shown(tab, "exception")
        assert "cannot show" in str(shown_error)


def test_download_does_not_rerun_unless_asked() -> None:
    runs: list[str] = []
    calls: list[str] = []

    async def main() -> None:
        runs.append("run")
        if rr.download_button("Default", "hello", file_name="hi.txt"):
            calls.append("default true")
        rr.download_button("Quiet", b"\x00\x01", file_name="q.bin", on_click="ignore")
        rr.download_button(
            "Lazy", lambda: "made " + str(len(calls)), file_name="lazy.txt", mime="text/csv",
            on_click=lambda: calls.append("callback"),
        )

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        tab = opened(ws)
        default, quiet, lazy = shown(tab, "download_button")
        assert (default["rerun"], quiet["rerun"], lazy["rerun"]) == (True, False, True)
        assert default["file_name"] == "hi.txt"
        text = client.get("/" + default["url"])
        assert text.text == "hello" and text.headers["content-type"].startswith("text/plain")
        assert client.get("/" + quiet["url"]).content == b"\x00\x01"
        made = client.get("/" + lazy["url"])
        assert made.text == "made 0" and made.headers["content-type"].startswith("text/csv")
        assert made.headers["cache-control"] == "private, no-cache"
        assert runs == ["run"]  # downloading ran nothing
        tab.click("Default")
        tab.until(lambda p: p.idle and len(runs) == 2)
        assert calls == ["default true"]
        tab.click("Lazy")
        tab.until(lambda p: p.idle and len(runs) == 3)
        assert calls == ["default true", "callback"]
        assert client.get("/" + lazy["url"]).text == "made 2"  # evaluated on each request


def test_download_button_in_the_harness() -> None:
    from reactive_rerun.testing import SyncAppTest

    def main() -> None:
        if rr.download_button("Get", "x", key="dl"):
            rr.text("clicked")

    with SyncAppTest(main) as at:
        assert len(at.elements("download_button")) == 1
        assert not at.elements("text")
        at.click("Get", kind="download_button")
        assert at.elements("text").texts == ["clicked"]


def test_media_files_sweep_unit() -> None:
    files = MediaFiles()
    a = files.add(b"one", "text/plain")
    assert files.add(b"one", "text/plain") is a
    assert files.add(b"one", "text/csv") is not a
    files.close()
    assert len(files) == 0
