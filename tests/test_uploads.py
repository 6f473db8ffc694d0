"""Uploads over real HTTP: the widget's own URL, streaming to a spooled file, the size cap
(early on Content-Length, and while streaming), the session quota, accepted types, and the
file-like objects the script gets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from _webclient import SyncClient, TestClient, hello

import reactive_rerun as rr

ORIGIN = "http://testserver"
seen: list[Any] = []


async def main() -> None:
    one = rr.file_uploader("One", type=["csv", ".TXT"], key="one", max_upload_size=1)
    many = rr.file_uploader("Many", accept_multiple_files=True)
    seen.append((one, many))
    if one is not None:
        rr.text(f"{one.name} {one.type} {one.size} {one.read(3)!r} {one.getvalue()!r}")
    for f in many:
        rr.text(f"many: {f.name} {f.size}")
    if rr.checkbox("hide"):
        return
    rr.file_uploader("Transient")


def connect(client: TestClient) -> Any:
    return client.websocket_connect("/_rr/ws", headers={"origin": ORIGIN})


def opened(ws: Any) -> SyncClient:
    tab = SyncClient(ws)
    tab.send(hello())
    tab.until(lambda p: p.idle)
    return tab


def uploader(tab: SyncClient, label: str) -> dict[str, Any]:
    return tab.page.widget(label)


def put(client: TestClient, target: dict[str, Any], name: str, body: Any, **headers: str) -> Any:
    return client.put("/" + target["upload"], params={"name": name}, content=body,
                      headers=headers)


def texts(tab: SyncClient) -> list[str]:
    return tab.page.texts("text")


def test_an_upload_reaches_the_script_as_a_file_like_object() -> None:
    seen.clear()
    app = rr.App(main, session_timeout=5)
    with TestClient(app) as client, connect(client) as ws:
        tab = opened(ws)
        one = uploader(tab, "One")
        assert one["upload"].startswith(f"_rr/upload/{tab.page.session_id}/")
        assert one["accept"] == [".csv", ".txt"] and one["max_bytes"] == 1 << 20
        assert one["value"] == []
        reply = put(client, one, "data.csv", b"a,b\n1,2\n", **{"content-type": "text/csv"})
        assert reply.status_code == 200, reply.text
        file_id = reply.json()["id"]
        assert reply.json() == {"id": file_id, "name": "data.csv", "size": 8}
        assert seen[-1][0] is None  # nothing changes until the widget's value names it
        tab.send({"t": "set", "id": one["id"], "v": file_id})
        tab.until(lambda p: p.idle and any("data.csv" in t for t in texts(tab)))
        assert texts(tab)[0] == "data.csv text/csv 8 b'a,b' b'a,b\\n1,2\\n'"
        # the browser lists the file itself before it sets the value: the server's page agrees
        page = app.sessions.live[tab.page.session_id].data.page
        shown = page.nodes[page.widgets[one["id"]]].props["value"]
        assert shown == [{"id": file_id, "name": "data.csv", "size": 8}]
        assert app.sessions.live[tab.page.session_id].data.state["one"] == file_id  # plain data

        many = uploader(tab, "Many")
        ids = [put(client, many, f"f{i}.bin", bytes(i + 1)).json()["id"] for i in range(2)]
        tab.send({"t": "set", "id": many["id"], "v": ids})
        tab.until(lambda p: p.idle and len([t for t in texts(tab) if t.startswith("many")]) == 2)
        listed = [t for t in texts(tab) if t.startswith("many")]
        assert listed == ["many: f0.bin 1", "many: f1.bin 2"]

        # removing a file frees it
        session = app.sessions.live[tab.page.session_id]
        tab.send({"t": "set", "id": many["id"], "v": ids[1:]})
        tab.until(lambda p: p.idle and "many: f0.bin 1" not in texts(tab))
        assert session.live.uploads.held() == 8 + 2


def test_refusals_are_clear_and_change_nothing() -> None:
    seen.clear()
    app = rr.App(main, session_timeout=5, upload_quota=2)
    with TestClient(app) as client, connect(client) as ws:
        tab = opened(ws)
        one, many = uploader(tab, "One"), uploader(tab, "Many")
        runs = len(seen)
        # Content-Length over the cap: refused before the body is read
        big = put(client, one, "big.csv", b"x" * ((1 << 20) + 1))
        assert big.status_code == 413
        assert "larger than the limit of 1 MB" in big.json()["error"]

        # no Content-Length (a stream): refused once the bytes pass the cap
        def chunks() -> Iterator[bytes]:
            for _ in range(20):
                yield b"y" * (128 << 10)

        streamed = put(client, one, "stream.csv", chunks())
        assert streamed.status_code == 413
        wrong = put(client, one, "image.png", b"png")
        assert wrong.status_code == 415 and ".csv" in wrong.json()["error"]
        # the session quota (2 MB here) across uploaders
        assert put(client, many, "a.bin", b"z" * (1 << 20)).status_code == 200
        assert put(client, many, "b.bin", b"z" * (1 << 20)).status_code == 200
        over = put(client, many, "c.bin", b"z")
        assert over.status_code == 413 and "quota" in over.json()["error"]
        # an unknown token, an unknown session, a forged file id
        assert client.put(f"/_rr/upload/{tab.page.session_id}/{'q' * 24}", content=b"x",
                          params={"name": "a.csv"}).status_code == 404
        assert client.put(f"/_rr/upload/{'0' * 32}/{one['upload'].rsplit('/', 1)[1]}",
                          content=b"x").status_code == 404
        tab.send({"t": "set", "id": one["id"], "v": "forged"})
        tab.until(lambda p: p.errors != [])
        assert any("no uploaded file" in e for e in tab.page.errors)
        assert len(seen) == runs  # no run for any of it
        assert seen[-1][0] is None


def test_an_uploader_gone_from_the_page_frees_its_files() -> None:
    app = rr.App(main, session_timeout=5)
    with TestClient(app) as client, connect(client) as ws:
        tab = opened(ws)
        session = app.sessions.live[tab.page.session_id]
        transient = uploader(tab, "Transient")
        file_id = put(client, transient, "t.txt", b"temp").json()["id"]
        tab.send({"t": "set", "id": transient["id"], "v": file_id})
        tab.until(lambda p: p.idle)
        assert session.live.uploads.held() == 4
        tab.set("hide", True)
        tab.until(lambda p: p.idle and "Transient" not in str(p.shown()))
        assert session.live.uploads.held() == 0
        assert put(client, transient, "t.txt", b"again").status_code == 404


def test_in_a_form_the_files_go_with_the_submission_and_replaced_ones_are_freed() -> None:
    async def formed() -> None:
        with rr.form("f"):
            f = rr.file_uploader("Doc")
            rr.form_submit_button("Send")
        rr.text(f"doc: {None if f is None else f.getvalue().decode()}")

    app = rr.App(formed, session_timeout=5)
    with TestClient(app) as client, connect(client) as ws:
        tab = opened(ws)
        session = app.sessions.live[tab.page.session_id]
        doc, send = uploader(tab, "Doc"), uploader(tab, "Send")
        first = put(client, doc, "a.txt", b"first").json()["id"]
        second = put(client, doc, "b.txt", b"second").json()["id"]  # replaced it in the browser
        assert session.live.uploads.held() == 11
        tab.send({"t": "submit", "form": doc["form"], "id": send["id"],
                  "values": {doc["id"]: [second]}})
        tab.until(lambda p: p.idle and "doc: second" in texts(tab))
        assert session.live.uploads.held() == 6  # the replaced one is gone
        assert not session.live.uploads.known(
            next(iter(session.live.uploads._by_seed)), first
        )
