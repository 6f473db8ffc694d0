"""Hardening round 2: what a hostile probe found, each refused at the right depth (SPEC §8)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from _processes import free_port, wait_until_serving
from _webclient import TestClient
from starlette.applications import Starlette
from starlette.routing import Mount
from websockets.sync.client import connect

import reactive_rerun as rr
from reactive_rerun import protocol
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# -- 1. <base href> from the request path ----------------------------------------------------------


async def hello_app() -> None:
    rr.text("hi")


@pytest.mark.parametrize(
    ("path", "base"),
    [
        ("/%5Cevil.example/", "/%5Cevil.example/"),
        ("/%5C%5Cevil.example/", "/%5C%5Cevil.example/"),
        ("/tenant%20one/", "/tenant%20one/"),
        ("/%22%3E%3Cscript%3E/", "/%22%3E%3Cscript%3E/"),
    ],
)
def test_the_base_href_is_an_encoded_path_under_any_mount(path: str, base: str) -> None:
    service = Starlette(routes=[Mount("/{tenant}", app=rr.App(hello_app))])
    with TestClient(service) as client:
        page = client.get(path).text
    (href,) = [line for line in page.splitlines() if line.startswith("<base ")]
    assert href == f'<base href="{base}">'


# -- 2 and 3. what a script raises never stops the server or its session ---------------------------


class Weird(BaseException):
    pass


class Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no text for you")


class NotAString(Exception):
    def __str__(self) -> Any:
        return 42


RAISERS: dict[str, BaseException] = {
    "KeyboardInterrupt": KeyboardInterrupt(),
    "GeneratorExit": GeneratorExit(),
    "Weird": Weird("a custom BaseException"),
    "Unprintable": Unprintable(),
    "NotAString": NotAString(),
}


@pytest.mark.parametrize("name", sorted(RAISERS))
@pytest.mark.parametrize("where", ["body", "callback", "fragment"])
async def test_anything_a_script_raises_is_shown_and_the_session_goes_on(
    name: str, where: str
) -> None:
    raised: list[str] = []

    def boom() -> None:
        if not raised:  # once: the next click shows the session still works
            raised.append(name)
            raise RAISERS[name]

    @rr.fragment
    async def part() -> None:
        if rr.button("in fragment") and where == "fragment":
            boom()

    async def main() -> None:
        rr.session_state.runs = rr.session_state.get("runs", 0) + 1
        if rr.button("go", on_click=boom if where == "callback" else None) and where == "body":
            boom()
        await part()
        rr.text(f"runs {rr.session_state.runs}")

    async with AppTest(main) as at:
        await at.button("in fragment" if where == "fragment" else "go").click()
        (shown,) = at.exception
        assert shown.props["type"] == type(RAISERS[name]).__name__
        assert isinstance(shown.props["message"], str)
        await at.button("go").click()  # the session still answers
        assert at.text.texts[-1].startswith("runs ")
        assert at.session is not None and not at.session.closed


def test_keyboard_interrupt_in_a_script_does_not_stop_uvicorn(tmp_path: Path) -> None:
    (tmp_path / "stopper.py").write_text(textwrap.dedent("""
        import reactive_rerun as rr

        def stop_everything():
            raise KeyboardInterrupt

        async def main():
            rr.button("callback", on_click=stop_everything)
            if rr.button("body"):
                raise KeyboardInterrupt
            rr.header("alive")

        app = rr.App(main)
    """))
    port = free_port()
    host = f"127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "stopper:app", "--port", str(port), "--ws", "wsproto",
         "--log-level", "warning"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        wait_until_serving(proc, host)
        with connect(f"ws://{host}/_rr/ws", origin=f"http://{host}") as ws:
            ws.send(json.dumps({"t": "hello", "v": 1, "session": None, "seq": 0}))
            ids: dict[str, str] = {}
            ends: list[str] = []
            shown: list[str] = []

            def read_until(done: Any) -> None:
                deadline = time.monotonic() + 20
                while not done():
                    assert time.monotonic() < deadline, "no answer"
                    for op in json.loads(ws.recv(timeout=20))["ops"]:
                        if op["op"] == "el" and op["e"]["k"] == "button":
                            ids[op["e"]["label"]] = op["e"]["id"]
                        if op["op"] == "el" and op["e"]["k"] == "exception":
                            shown.append(op["e"]["type"])
                        if op["op"] == "end":
                            ends.append(op["status"])

            read_until(lambda: len(ids) == 2 and ends)
            for n, label in enumerate(("body", "callback", "body"), 2):
                ws.send(json.dumps({"t": "click", "id": ids[label]}))
                read_until(lambda n=n: len(ends) == n)  # type: ignore[misc]
            assert ends[1:] == ["error", "complete", "error"]
            assert set(shown) == {"KeyboardInterrupt"}
        assert proc.poll() is None, "the server stopped"
        assert httpx.get(f"http://{host}/_rr/health", timeout=5).json()["status"] == "ok"
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


# -- 4. a lone surrogate ---------------------------------------------------------------------------


guestbook: list[str] = []


async def guestbook_app() -> None:
    entry = rr.text_input("Your name")
    if rr.button("Sign") and entry:
        guestbook.append(entry)
    for name in guestbook:
        rr.text(name)


async def test_text_with_a_lone_surrogate_is_refused_at_the_door() -> None:
    guestbook.clear()
    async with AppTest(guestbook_app) as at:
        field = at.text_input("Your name").id
        await at.send_text('{"t": "set", "id": "' + field + '", "v": "x\\ud800y"}')
        assert any("lone surrogate" in e for e in at.errors)
        assert at.session is not None and at.session.state.to_dict() == {}
        await at.text_input("Your name").set_value("Ada")
        await at.button("Sign").click()
        assert at.text.texts == ["Ada"]


async def test_a_frame_with_a_lone_surrogate_from_the_script_still_encodes() -> None:
    async def main() -> None:
        rr.text(b"caf\xe9".decode("utf-8", "surrogateescape"))  # '\udce9', from a bad file

    async with AppTest(main) as at:
        assert at.text.texts == ["caf\udce9"]
    assert protocol.dumps({"text": "caf\udce9"}).encode() == b'{"text":"caf\\udce9"}'


# -- 5. disabled widgets ---------------------------------------------------------------------------


async def test_disabled_widgets_refuse_a_raw_client() -> None:
    calls: list[str] = []

    async def main() -> None:
        rr.button("off", disabled=True, on_click=lambda: calls.append("button"))
        rr.text_input("locked", "original", disabled=True, on_change=lambda: calls.append("t"))
        with rr.form("f"):
            rr.text_input("field", "kept", disabled=True)
            rr.text_input("free", "")
            rr.form_submit_button("send", disabled=True, on_click=lambda: calls.append("submit"))
        with rr.form("g"):
            frozen = rr.text_input("frozen", "stays", disabled=True)
            rr.form_submit_button("go")
        rr.text(frozen)

    async with AppTest(main) as at:
        await at.send({"t": "click", "id": at.button("off").id})
        await at.send({"t": "set", "id": at.text_input("locked").id, "v": "changed"})
        await at.send({"t": "submit", "form": "f", "id": at.submit("send").id,
                       "values": {at.text_input("free").id: "sneaky"}})
        assert calls == []
        assert sum("is disabled" in e for e in at.errors) == 3
        await at.send({"t": "submit", "form": "g", "id": at.submit("go").id,
                       "values": {at.text_input("frozen").id: "changed"}})
        assert at.text.texts == ["stays"]


# -- 7. None for a number_input that has a value ---------------------------------------------------


async def test_null_is_refused_for_a_number_input_made_with_a_value() -> None:
    seen: list[object] = []

    async def main() -> None:
        seen.append(rr.number_input("count", value=3))
        rr.number_input("optional", value=None)

    async with AppTest(main) as at:
        await at.send({"t": "set", "id": at.number_input("count").id, "v": None})
        assert seen[-1] == 3 and None not in seen
        assert any("expected a number" in e for e in at.errors)
        await at.send({"t": "set", "id": at.number_input("optional").id, "v": 5})
        await at.send({"t": "set", "id": at.number_input("optional").id, "v": None})
        assert at.number_input("optional").value is None


# -- 8. non-finite numbers in an element -----------------------------------------------------------


async def test_a_non_finite_number_in_an_element_is_an_api_error_at_the_call() -> None:
    async def main() -> None:
        rr.header("before")
        rr.slider("too far", 0.0, float("inf"), 1.0)
        rr.header("after")

    async with AppTest(main) as at:
        (shown,) = at.exception
        assert shown.props["type"] == "APIError"
        assert "not finite" in shown.props["message"] and "too far" in shown.props["message"]
        assert at.header.texts == ["before"]
        assert at.page.frames > 0 and at.page.violations == []
