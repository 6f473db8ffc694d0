"""The web layer: ``rr.App`` as an ASGI app — page shell, static files, health, the websocket,
mounting (Starlette, FastAPI, behind a proxy), Origin checks and refusal of bad client input.

In-process tests use Starlette's ``TestClient``; where real sockets matter a uvicorn server runs
on 127.0.0.1 with an ephemeral port (see ``_webclient.serve``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import sys
import textwrap
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from _webclient import (
    PageModel,
    SyncClient,
    TestClient,
    WebSocketDisconnect,
    hello,
    open_client,
    serve,
)
from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.routing import Mount
from websockets.exceptions import InvalidStatus

import reactive_rerun as rr
from reactive_rerun import __version__, protocol
from reactive_rerun.page import complete

ORIGIN = "http://testserver"  # the TestClient's own origin
STATIC = f"_rr/static/{__version__}"


async def seed() -> None:
    if "value" not in rr.session_state:
        rr.session_state.value = "Title"
    rr.header(rr.session_state.value)
    if rr.button("Foo"):
        rr.session_state.value = "Foo"
        rr.rerun()
    rr.checkbox("Agree", key="agree")
    rr.number_input("Age", min_value=0, max_value=120, value=30, key="age")


def make_app(**kwargs: Any) -> rr.App:
    kwargs.setdefault("session_timeout", 5.0)
    return rr.App(seed, **kwargs)


def session_state(app: rr.App, session_id: str | None) -> dict[str, Any]:
    assert session_id is not None
    return app.sessions.live[session_id].state.to_dict()


def base_href(page: str) -> str:
    match = re.search(r'<base href="([^"]*)">', page)
    assert match is not None, page
    return match.group(1)


def start(client: TestClient, path: str = "/_rr/ws", origin: str = ORIGIN) -> Any:
    return client.websocket_connect(path, headers={"origin": origin})


def refused_hello(ws: Any) -> tuple[list[str], int]:
    """The error messages of an out-of-band refusal, and the close code that follows it."""
    client = SyncClient(ws)
    frame = client.frame()
    assert frame["seq"] == 0
    with pytest.raises(WebSocketDisconnect) as closed:
        client.frame()
    return client.page.errors, closed.value.code


# -- HTTP: page shell, static files, health ------------------------------------------------------


def test_page_shell_escapes_title_and_sets_base_href_to_mount_root() -> None:
    app = make_app(title='<script>alert("x")</script> & co')
    with TestClient(app) as client:
        response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</title>" in page
    assert "<script>alert" not in page
    assert base_href(page) == "/"


def test_page_shell_urls_are_relative_to_the_mount() -> None:
    with TestClient(make_app()) as client:
        page = client.get("/").text
    assert f'src="{STATIC}/client.js"' in page
    assert f'href="{STATIC}/style.css"' in page
    assert not re.search(r'(src|href)="/(?!")', page), "an absolute URL ignores the mount point"


def test_static_asset_served_under_version_stamped_path_with_immutable_cache() -> None:
    with TestClient(make_app()) as client:
        response = client.get(f"/{STATIC}/client.js")
        other_version = client.get("/_rr/static/0.0.0-not-this-one/client.js")
    assert response.status_code == 200
    assert "javascript" in response.headers["content-type"]
    assert "WebSocket" in response.text
    cache = response.headers["cache-control"]
    assert "immutable" in cache
    assert "max-age=31536000" in cache
    assert other_version.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        f"/{STATIC}/..%2f..%2fpyproject.toml",
        f"/{STATIC}/%2e%2e/%2e%2e/pyproject.toml",
        f"/{STATIC}/..%2f..%2freactive_rerun%2fapp.py",
        f"/{STATIC}/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        f"/{STATIC}//etc/passwd",
    ],
)
def test_static_path_traversal_refused(path: str) -> None:
    with TestClient(make_app()) as client:
        # httpx would normalise '..' away; send the raw path so the server sees it.
        response = client.get(httpx.URL(f"http://testserver{path}"))
    assert response.status_code == 404
    assert "[project]" not in response.text
    assert "root:" not in response.text


def test_health_endpoint_reports_ok_and_live_sessions() -> None:
    app = make_app()
    with TestClient(app) as client:
        assert client.get("/_rr/health").json().items() >= {"status": "ok", "sessions": 0}.items()
        with start(client) as ws:
            SyncClient(ws).start()
            response = client.get("/_rr/health")
    assert response.status_code == 200
    assert response.json().items() >= {"status": "ok", "sessions": 1}.items()


def test_root_path_from_proxy_respected_in_base_href() -> None:
    with TestClient(make_app(), root_path="/proxy") as client:
        page = client.get("/").text
    assert base_href(page) == "/proxy/"


# -- the websocket: a full round trip ------------------------------------------------------------


def test_click_round_trip_over_websocket() -> None:
    app = make_app()
    with TestClient(app) as client, start(client) as ws:
        tab = SyncClient(ws)
        tab.send(hello())
        first = tab.frame()
        assert first["seq"] == 1
        assert first["ops"][0] == {"op": "session", "id": tab.page.session_id, "resumed": False}
        tab.until(lambda p: p.idle)
        assert tab.page.header == "Title"
        assert session_state(app, tab.page.session_id)["value"] == "Title"

        tab.click("Foo")
        tab.until(lambda p: p.header == "Foo" and p.idle)
        assert session_state(app, tab.page.session_id)["value"] == "Foo"
        assert tab.page.violations == []
        assert tab.page.errors == []
        assert [f["seq"] for f in tab.page.received] == list(range(1, len(tab.page.received) + 1))


def test_resync_gets_a_full_page() -> None:
    with TestClient(make_app()) as client, start(client) as ws:
        tab = SyncClient(ws)
        tab.start()
        tab.click("Foo")
        tab.until(lambda p: p.header == "Foo" and p.idle)
        before = dict(tab.page.elements)

        tab.send({"t": "resync"})
        frame = tab.frame()
        assert frame["ops"][0] == {"op": "reset"}
        assert {op["p"]: complete(op["e"]) for op in frame["ops"][1:]} == before
        assert tab.page.elements == before
        assert tab.page.violations == []


# -- mounting -------------------------------------------------------------------------------------


def two_app_service(kind: str) -> tuple[Any, rr.App, rr.App]:
    app_a, app_b = make_app(title="App A"), make_app(title="App B")
    if kind == "starlette":
        service: Any = Starlette(routes=[Mount("/a", app=app_a), Mount("/b", app=app_b)])
    else:
        service = FastAPI()

        @service.get("/api/ping")
        async def ping() -> dict[str, str]:
            return {"pong": "yes"}

        service.mount("/a", app_a)
        service.mount("/b", app_b)
    return service, app_a, app_b


@pytest.mark.parametrize("kind", ["starlette", "fastapi"])
def test_two_apps_mounted_at_two_prefixes_serve_their_own_urls(kind: str) -> None:
    service, _, _ = two_app_service(kind)
    with TestClient(service) as client:
        page_a, page_b = client.get("/a/"), client.get("/b/")
        assert page_a.status_code == page_b.status_code == 200
        assert base_href(page_a.text) == "/a/"
        assert base_href(page_b.text) == "/b/"
        assert "<title>App A</title>" in page_a.text
        assert "<title>App B</title>" in page_b.text
        for prefix in ("/a", "/b"):
            assert client.get(f"{prefix}/{STATIC}/client.js").status_code == 200
            assert client.get(f"{prefix}/_rr/health").json()["status"] == "ok"
        assert client.get(f"/{STATIC}/client.js").status_code == 404
        if kind == "fastapi":
            assert client.get("/api/ping").json() == {"pong": "yes"}


@pytest.mark.parametrize("kind", ["starlette", "fastapi"])
def test_two_apps_mounted_side_by_side_have_independent_sessions(kind: str) -> None:
    service, app_a, app_b = two_app_service(kind)
    with TestClient(service) as client:
        with start(client, "/a/_rr/ws") as ws_a, start(client, "/b/_rr/ws") as ws_b:
            tab_a, tab_b = SyncClient(ws_a), SyncClient(ws_b)
            tab_a.start()
            tab_b.start()
            sid_a, sid_b = tab_a.page.session_id, tab_b.page.session_id
            assert sid_a is not None and sid_b is not None and sid_a != sid_b
            assert set(app_a.sessions.live) == {sid_a}
            assert set(app_b.sessions.live) == {sid_b}

            tab_a.click("Foo")
            tab_a.until(lambda p: p.header == "Foo" and p.idle)
            assert session_state(app_a, sid_a)["value"] == "Foo"
            assert session_state(app_b, sid_b)["value"] == "Title"
            assert tab_b.page.header == "Title"

            # A session id of app A means nothing to app B.
            with start(client, "/b/_rr/ws") as ws_b2:
                stranger = SyncClient(ws_b2)
                stranger.start(session=sid_a, seq=tab_a.page.seq)
                assert stranger.page.resumed is False
                assert stranger.page.session_id not in (sid_a, sid_b)
                assert stranger.page.header == "Title"
            assert sid_a not in app_b.sessions.live
        assert client.get("/a/_rr/health").json()["sessions"] == 1
        assert client.get("/b/_rr/health").json()["sessions"] == 2


def test_mounted_app_behind_proxy_respects_root_path() -> None:
    service, _, _ = two_app_service("starlette")
    # As uvicorn does with --root-path: the path the app sees carries the prefix.
    with TestClient(service, root_path="/proxy") as client:
        page = client.get("/proxy/a/")
        assert page.status_code == 200
        assert base_href(page.text) == "/proxy/a/"
        assert client.get(f"/proxy/a/{STATIC}/client.js").status_code == 200
        with start(client, "/proxy/b/_rr/ws") as ws:
            tab = SyncClient(ws)
            tab.start()
            assert tab.page.header == "Title"


@pytest.mark.anyio
async def test_two_apps_in_fastapi_over_real_server_behind_proxy() -> None:
    service, app_a, app_b = two_app_service("fastapi")
    async with serve(service, root_path="/proxy") as host:
        # The proxy strips /proxy; uvicorn puts it back into root_path.
        async with httpx.AsyncClient(base_url=f"http://{host}") as http:
            page = await http.get("/a/")
            assert base_href(page.text) == "/proxy/a/"
            asset = await http.get(f"/b/{STATIC}/client.js")
            assert asset.status_code == 200
            assert "immutable" in asset.headers["cache-control"]
        async with (
            open_client(f"ws://{host}/a/_rr/ws") as tab_a,
            open_client(f"ws://{host}/b/_rr/ws") as tab_b,
        ):
            await tab_a.start()
            await tab_b.start()
            await tab_b.click("Foo")
            await tab_b.until(lambda p: p.header == "Foo" and p.idle)
            assert tab_a.page.header == "Title"
            assert session_state(app_a, tab_a.page.session_id)["value"] == "Title"
            assert session_state(app_b, tab_b.page.session_id)["value"] == "Foo"


MODULE = """
import reactive_rerun as rr

async def main():
    rr.header("served by uvicorn")

app = rr.App(main, title="From the command line")
"""


# The command README.md and docs/deploy.md give (with the test's app, host and port).
COMMAND = ["--ws", "wsproto", "--ws-per-message-deflate", "false"]


@contextlib.asynccontextmanager
async def uvicorn_command_line(tmp_path: Path) -> AsyncIterator[str]:
    """``uvicorn myapp:app --ws wsproto --ws-per-message-deflate false`` in a subprocess;
    yields ``host:port``."""
    (tmp_path / "myapp.py").write_text(textwrap.dedent(MODULE))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "uvicorn", "myapp:app", "--app-dir", str(tmp_path),
        "--host", "127.0.0.1", "--port", "0", *COMMAND,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    try:
        host = None
        with anyio.fail_after(60):
            while host is None:
                line = (await process.stderr.readline()).decode()
                assert line, "uvicorn exited before it served"
                found = re.search(r"running on http://(127\.0\.0\.1:\d+)", line)
                host = found.group(1) if found else None
        yield host
    finally:
        process.terminate()
        with anyio.fail_after(30):
            await process.communicate()


@pytest.mark.anyio
async def test_uvicorn_command_line_serves_the_app(tmp_path: Path) -> None:
    async with uvicorn_command_line(tmp_path) as host:
        async with httpx.AsyncClient(base_url=f"http://{host}") as http:
            page = await http.get("/")
            assert "<title>From the command line</title>" in page.text
        async with open_client(f"ws://{host}/_rr/ws") as tab:
            await tab.start()
            assert tab.page.header == "served by uvicorn"


@pytest.mark.anyio
async def test_documented_command_declines_permessage_deflate(tmp_path: Path) -> None:
    """A client offering permessage-deflate, as every browser does, gets a handshake without
    it (an accepted offer costs ~100 KB per idle socket and lets a small frame inflate to
    hundreds of MB: docs/deploy.md); the session works uncompressed."""
    async with uvicorn_command_line(tmp_path) as host:
        async with open_client(f"ws://{host}/_rr/ws", compression="deflate") as tab:
            assert tab.ws.request is not None and tab.ws.response is not None
            offered = tab.ws.request.headers.get_all("Sec-WebSocket-Extensions")
            assert any("permessage-deflate" in h for h in offered)  # the client did offer it
            answered = tab.ws.response.headers.get_all("Sec-WebSocket-Extensions")
            assert not any("permessage-deflate" in h for h in answered), answered
            await tab.start()
            assert tab.page.header == "served by uvicorn"


def test_every_documented_uvicorn_command_declines_permessage_deflate() -> None:
    root = Path(__file__).resolve().parent.parent
    commands = [
        line
        for doc in ("README.md", "docs/deploy.md")
        for line in re.findall(r"uvicorn [^`\n]*--ws wsproto[^`\n]*", (root / doc).read_text())
    ]
    assert len(commands) >= 4
    for command in commands:
        assert "--ws-per-message-deflate false" in command, command


# -- sessions -------------------------------------------------------------------------------------


def test_session_ids_are_long_random_url_safe_and_distinct() -> None:
    app = make_app()
    ids: list[str] = []
    with TestClient(app) as client:
        for _ in range(100):
            with start(client) as ws:
                tab = SyncClient(ws)
                tab.send(hello())
                tab.frame()
                assert tab.page.session_id is not None
                ids.append(tab.page.session_id)
    assert len(set(ids)) == 100
    for sid in ids:
        assert re.fullmatch(r"[A-Za-z0-9_-]{32,}", sid), sid  # >= 192 bits of randomness


def test_session_limit_refuses_with_error_and_close() -> None:
    app = make_app(max_sessions=1)
    with TestClient(app) as client, start(client) as first:
        SyncClient(first).start()
        with start(client) as second:
            second.send_json(hello())
            errors, code = refused_hello(second)
        assert code == 1008
        assert any("limit" in e for e in errors)
        assert len(app.sessions) == 1


# -- Origin ---------------------------------------------------------------------------------------


def test_same_origin_websocket_accepted() -> None:
    app = make_app()
    with TestClient(app) as client, start(client, origin=ORIGIN) as ws:
        tab = SyncClient(ws)
        tab.start()
        assert tab.page.header == "Title"


def test_foreign_origin_refused_and_no_session_created() -> None:
    app = make_app()
    with TestClient(app) as client:
        with pytest.raises(WebSocketDisconnect) as refused, start(client, origin="http://evil.example"):
            pass
        assert refused.value.code == 1008
        assert len(app.sessions) == 0
        assert client.get("/_rr/health").json()["sessions"] == 0


@pytest.mark.parametrize(
    "origin", ["http://testserver.evil.example", "http://evil.example/testserver", "null"]
)
def test_lookalike_origins_refused(origin: str) -> None:
    app = make_app()
    with TestClient(app) as client:
        with pytest.raises(WebSocketDisconnect), start(client, origin=origin):
            pass
    assert len(app.sessions) == 0


def test_allowed_origins_widens_the_check() -> None:
    app = make_app(allowed_origins=["https://trusted.example"])
    with TestClient(app) as client:
        with start(client, origin="https://trusted.example") as ws:
            SyncClient(ws).start()
        with start(client, origin=ORIGIN) as ws:  # the page's own origin is still fine
            SyncClient(ws).start()
        with pytest.raises(WebSocketDisconnect), start(client, origin="https://other.example"):
            pass


def test_allowed_origins_star_accepts_any_origin() -> None:
    app = make_app(allowed_origins=["*"])
    with TestClient(app) as client, start(client, origin="https://anywhere.example") as ws:
        SyncClient(ws).start()


@pytest.mark.anyio
async def test_foreign_origin_refused_by_real_server_with_403() -> None:
    app = make_app()
    async with serve(app) as host:
        with pytest.raises(InvalidStatus) as refused:
            async with open_client(f"ws://{host}/_rr/ws", origin="http://evil.example"):
                pass
        assert refused.value.response.status_code == 403
        assert len(app.sessions) == 0
        async with open_client(f"ws://{host}/_rr/ws", origin=f"http://{host}") as tab:
            await tab.start()
            assert tab.page.header == "Title"


# -- bad input ------------------------------------------------------------------------------------


def test_oversized_message_gets_error_and_session_goes_on() -> None:
    app = make_app(max_frame_bytes=1000)
    with TestClient(app) as client, start(client) as ws:
        tab = SyncClient(ws)
        tab.start()
        agree = tab.page.widget("Agree")["id"]
        tab.send({"t": "set", "id": agree, "v": True, "pad": "x" * 2000})
        tab.until(lambda p: bool(p.errors))
        assert "1000" in tab.page.errors[0]
        assert session_state(app, tab.page.session_id)["agree"] is False
        tab.click("Foo")
        tab.until(lambda p: p.header == "Foo" and p.idle)


def test_frame_size_limit_counts_bytes_not_characters() -> None:
    app = make_app(max_frame_bytes=1000)
    with TestClient(app) as client, start(client) as ws:
        tab = SyncClient(ws)
        tab.start()
        agree = tab.page.widget("Agree")["id"]
        message = json.dumps(
            {"t": "set", "id": agree, "v": True, "pad": "€" * 400}, ensure_ascii=False
        )
        assert len(message) < 1000 < len(message.encode())
        tab.send(message)
        tab.until(lambda p: bool(p.errors))
        assert "limit" in tab.page.errors[0]
        assert session_state(app, tab.page.session_id)["agree"] is False


def test_oversized_hello_refused() -> None:
    app = make_app(max_frame_bytes=1000)
    with TestClient(app) as client, start(client) as ws:
        ws.send_json({**hello(), "pad": "x" * 5000})
        errors, code = refused_hello(ws)
    assert code == 1008
    assert any("limit" in e for e in errors)
    assert len(app.sessions) == 0


def test_binary_frame_gets_error_and_session_goes_on() -> None:
    app = make_app()
    with TestClient(app) as client, start(client) as ws:
        tab = SyncClient(ws)
        tab.start()
        foo = tab.page.widget("Foo")["id"]
        ws.send_bytes(json.dumps({"t": "click", "id": foo}).encode())
        tab.until(lambda p: bool(p.errors))
        assert "binary" in tab.page.errors[0]
        assert tab.page.header == "Title"
        tab.click("Foo")
        tab.until(lambda p: p.header == "Foo" and p.idle)


BAD_MESSAGES: dict[str, Any] = {
    "malformed JSON": '{"t": "click", "id": ',
    "not an object": "[1, 2, 3]",
    "unknown kind": {"t": "explode"},
    "missing kind": {"id": "x"},
    "unknown widget id": {"t": "click", "id": "no-such-widget"},
    "set without value": {"t": "set", "id": "AGREE"},
    "bad value type": {"t": "set", "id": "AGREE", "v": "yes"},
    "value out of range": {"t": "set", "id": "AGE", "v": 1000},
    "wrong value kind": {"t": "set", "id": "AGE", "v": [1]},
    "set on a button": {"t": "set", "id": "FOO", "v": True},
    "click on a checkbox": {"t": "click", "id": "AGREE"},
    "submit of no form": {"t": "submit", "form": "f", "id": "FOO", "values": {}},
    "hello again": hello(),
    "huge id": {"t": "click", "id": "x" * 10_000},
}


@pytest.mark.parametrize("case", list(BAD_MESSAGES))
def test_bad_message_gets_error_state_unchanged_other_session_unaffected(case: str) -> None:
    app = make_app()
    with TestClient(app) as client, start(client) as ws, start(client) as other_ws:
        tab, other = SyncClient(ws), SyncClient(other_ws)
        tab.start()
        other.start()
        ids = {
            "FOO": tab.page.widget("Foo")["id"],
            "AGREE": tab.page.widget("Agree")["id"],
            "AGE": tab.page.widget("Age")["id"],
        }
        message = BAD_MESSAGES[case]
        if not isinstance(message, str):
            message = json.dumps(message)
            for name, wid in ids.items():
                message = message.replace(f'"{name}"', json.dumps(wid))
        state_before = session_state(app, tab.page.session_id)
        page_before = dict(tab.page.elements)
        since = len(tab.page.received)

        tab.send(message)
        tab.until(lambda p: bool(p.errors))
        assert len(tab.page.errors) == 1 and tab.page.errors[0]
        assert [op["op"] for op in tab.page.ops_since(since)] == ["error"], "a refused message ran"
        assert session_state(app, tab.page.session_id) == state_before
        assert tab.page.elements == page_before

        # The other session of the same app is unaffected, and this one goes on.
        other.click("Foo")
        other.until(lambda p: p.header == "Foo" and p.idle)
        assert other.page.errors == []
        tab.click("Foo")
        tab.until(lambda p: p.header == "Foo" and p.idle)
        assert tab.page.violations == [] and other.page.violations == []


def test_wrong_protocol_version_in_hello_gets_error_and_close() -> None:
    app = make_app()
    with TestClient(app) as client, start(client) as ws:
        ws.send_json(hello(v=protocol.VERSION + 1))
        errors, code = refused_hello(ws)
    assert code == 1008
    assert len(errors) == 1 and "version" in errors[0]
    assert len(app.sessions) == 0


@pytest.mark.parametrize(
    "first",
    [{"t": "click", "id": "x"}, {"t": "resync"}, "not json", {"t": "hello", "v": 1}],
    ids=["click", "resync", "not-json", "hello-missing-fields"],
)
def test_first_message_not_a_valid_hello_gets_error_and_close(first: Any) -> None:
    app = make_app()
    with TestClient(app) as client, start(client) as ws:
        ws.send_text(first if isinstance(first, str) else json.dumps(first))
        errors, code = refused_hello(ws)
    assert code == 1008
    assert len(errors) == 1 and errors[0]
    assert len(app.sessions) == 0


def test_binary_hello_gets_error_and_close() -> None:
    app = make_app()
    with TestClient(app) as client, start(client) as ws:
        ws.send_bytes(json.dumps(hello()).encode())
        errors, code = refused_hello(ws)
    assert code == 1008
    assert "binary" in errors[0]
    assert len(app.sessions) == 0


def test_page_model_helper_flags_duplicates_and_gaps() -> None:
    """The tests' page model must itself catch what the reconnect tests look for."""
    page = PageModel()
    page.apply_frame({"seq": 1, "ops": [{"op": "session", "id": "s", "resumed": False}]})
    page.apply_frame({"seq": 1, "ops": []})
    page.apply_frame({"seq": 3, "ops": []})
    assert page.violations == ["frame 1 again (last applied 1)", "gap: frame 3 after 1"]
