"""A session's durable part is plain data: a record another process can resume it from."""

from __future__ import annotations

import pytest
from _webclient import open_client, serve, wait_for

import reactive_rerun as rr
from reactive_rerun import durable
from reactive_rerun.errors import BadRecord, UnstorableValue
from reactive_rerun.store import MemoryStore
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


changes: list[str] = []
body_runs: list[int] = []


def greet() -> None:
    changes.append(rr.session_state.name)


@rr.fragment
async def counter() -> None:
    if rr.button("+1"):
        rr.session_state.n = rr.session_state.get("n", 0) + 1
    rr.text(f"n = {rr.session_state.get('n', 0)}")


async def main() -> None:
    body_runs.append(1)
    name = rr.text_input("name", key="name", on_change=greet)
    level = rr.slider("level", 0, 10, 3)  # unkeyed: its value lives under its widget id
    rr.header(f"{name} at {level}")
    await counter()


async def test_a_restored_session_shows_and_behaves_as_the_original() -> None:
    async with AppTest(main) as first:
        await first.text_input("name").set_value("Ada")
        await first.slider("level").set_value(7)
        await first.button("+1").click()
        await first.button("+1").click()
        record = first.session.snapshot() if first.session else b""
        seq = first.page.seq

    changes.clear()
    async with AppTest(main, record=record) as second:
        assert second.header.texts == ["Ada at 7"]
        assert second.text_input("name").value == "Ada"
        assert second.slider("level").value == 7
        assert second.text.texts == ["n = 2"]
        assert second.page.seq > seq  # frames go on counting: a client never sees a repeat
        await second.text_input("name").set_value("Bob")  # the callback was bound again
        assert changes == ["Bob"]
        body_runs.clear()
        await second.button("+1").click()  # the fragment reruns on its own, as before
        assert second.text.texts == ["n = 3"] and body_runs == []
        assert second.header.texts == ["Bob at 7"]


async def test_the_record_holds_plain_data_only() -> None:
    async with AppTest(main) as at:
        await at.text_input("name").set_value("Ada")
        assert at.session is not None
        record = durable.load(at.session.snapshot()).to_record()
    assert record["state"]["name"] == "Ada"
    assert record["v"] == durable.RECORD_VERSION
    plain = (str, int, float, bool, type(None), list, dict, bytes)

    def walk(value: object) -> None:
        assert isinstance(value, plain), type(value)
        if isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(record)


async def test_a_value_a_store_cannot_keep_is_named() -> None:
    class Model:
        pass

    async def script() -> None:
        rr.session_state.setdefault("model", Model())
        rr.text("hi")

    async with AppTest(script) as at:
        assert at.session is not None
        with pytest.raises(UnstorableValue, match=r"session_state\['model'\].*Model"):
            at.session.snapshot()


def test_bytes_that_are_not_a_record_are_refused() -> None:
    for blob in (b"", b"\x93\x01\x02\x03", b"\x81\xa1v\x02"):
        with pytest.raises(BadRecord):
            durable.load(blob)


async def test_another_app_on_the_same_store_resumes_a_session_it_never_saw() -> None:
    store = MemoryStore()

    async def count() -> None:
        if rr.button("+1"):
            rr.session_state.n = rr.session_state.get("n", 0) + 1
        rr.header(f"n = {rr.session_state.get('n', 0)}")

    first, second = rr.App(count, store=store), rr.App(count, store=store)
    async with serve(first) as host:
        async with open_client(f"ws://{host}/_rr/ws") as tab:
            await tab.start()
            await tab.click("+1")
            await tab.until(lambda p: p.header == "n = 1" and p.idle)
            sid, page = tab.page.session_id, tab.page
        assert sid is not None
        await wait_for(lambda: not first.sessions.live[sid].connected)
    async with serve(second) as host:  # a process that never held the session
        async with open_client(f"ws://{host}/_rr/ws", page=page) as tab:
            page.resumed = None
            await tab.start(sid, page.seq)
            await tab.until(lambda p: p.resumed is not None and p.idle)
            assert tab.page.session_id == sid and tab.page.resumed is True
            assert tab.page.header == "n = 1"
            await tab.click("+1")
            await tab.until(lambda p: p.header == "n = 2" and p.idle)
            assert tab.page.violations == []


async def test_a_numbered_event_is_applied_once_and_acknowledged() -> None:
    clicks: list[int] = []

    async def script() -> None:
        if rr.button("+1"):
            clicks.append(1)

    async with AppTest(script) as at:
        button = at.button("+1").id
        await at.send({"t": "click", "id": button, "n": 1})
        await at.send({"t": "click", "id": button, "n": 1})  # resent after a reconnect
        await at.send({"t": "click", "id": button, "n": 2})
        assert clicks == [1, 1] and at.page.acked == 2
        assert at.session is not None
        record = at.session.snapshot()
    async with AppTest(script, record=record) as moved:  # another worker
        await moved.send({"t": "click", "id": button, "n": 2})  # the client resends: skipped
        assert clicks == [1, 1] and moved.page.acked == 2
        await moved.send({"t": "click", "id": button, "n": 3})
        assert clicks == [1, 1, 1]


async def test_events_for_a_restored_session_wait_for_the_run_that_binds_its_widgets() -> None:
    import asyncio

    from reactive_rerun.session import Session
    from reactive_rerun.testing import PageModel

    clicks: list[int] = []

    async def script() -> None:
        if rr.button("+1"):
            clicks.append(1)

    async with AppTest(script) as at:
        button = at.button("+1").id
        assert at.session is not None
        record = at.session.snapshot()
    page = PageModel()
    moved = Session.restore(script, None, record)
    moved.attach(page.apply, resumed=True)
    moved.receive({"t": "click", "id": button, "n": 7})  # resent at once after the move
    driver = asyncio.create_task(moved.drive())
    try:
        async with asyncio.timeout(5):
            await moved.until_idle()
            while not clicks:
                await asyncio.sleep(0.01)
                await moved.until_idle()
    finally:
        driver.cancel()
        await asyncio.gather(driver, return_exceptions=True)
    assert clicks == [1] and page.errors == []
