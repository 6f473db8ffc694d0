"""Script files and plain scripts (SPEC §10): Streamlit apps run as they are."""

from __future__ import annotations

import asyncio
import textwrap
import threading
from pathlib import Path

import pytest
from _helpers import until

import reactive_rerun as rr
from reactive_rerun.reload import apply_change
from reactive_rerun.script import ScriptFile
from reactive_rerun.testing import AppTest, SyncAppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def script(tmp_path: Path, source: str, name: str = "app.py") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return path


async def test_a_plain_script_runs_top_to_bottom_on_every_run_as_main(tmp_path: Path) -> None:
    path = script(tmp_path, """
        import reactive_rerun as st
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.header(f"run {st.session_state.runs}")
        st.button("again")
        if __name__ == "__main__":
            st.caption("as __main__")
    """)
    async with AppTest.from_file(path) as at:
        assert at.header.texts == ["run 1"] and at.caption.texts == ["as __main__"]
        await at.button("again").click()
        assert at.header.texts == ["run 2"]


async def test_a_blocking_plain_script_blocks_only_its_own_session(tmp_path: Path) -> None:
    release = threading.Event()
    path = script(tmp_path, """
        import reactive_rerun as st
        from blocker import release
        if st.button("block"):
            release.wait(10)  # a blocking call, as a sync HTTP client makes
            st.text("unblocked")
        st.button("quick")
    """)
    (tmp_path / "blocker.py").write_text("release = None\n")
    import sys

    sys.path.insert(0, str(tmp_path))
    try:
        import blocker  # type: ignore[import-not-found]

        blocker.release = release
        async with AppTest.from_file(path) as blocked, AppTest.from_file(path) as other:
            await blocked.send({"t": "click", "id": blocked.button("block").id}, settle=False)
            await asyncio.sleep(0.05)
            await other.button("quick").click()  # settles while the first is still blocked
            assert not release.is_set() and blocked.text.texts == []
            release.set()
            await blocked.settle()
            assert blocked.text.texts == ["unblocked"]
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("blocker", None)


async def test_a_newer_event_stops_a_plain_script_at_its_next_ui_call() -> None:
    seen: list[int] = []

    def main() -> None:
        if rr.button("count"):
            for i in range(200):
                threading.Event().wait(0.01)
                seen.append(i)
                rr.text(f"step {i}")  # the UI call where a cancelled run stops
        rr.button("other")

    async with AppTest(main) as at:
        other = at.button("other").id
        await at.send({"t": "click", "id": at.button("count").id}, settle=False)
        await until(lambda: len(seen) >= 3)
        await at.send({"t": "click", "id": other})
        stopped_at = len(seen)
        await asyncio.sleep(0.1)
        assert len(seen) <= stopped_at + 1  # it went no further than its next UI call
        assert at.text.texts == []


async def test_a_top_level_await_script_runs_on_the_loop(tmp_path: Path) -> None:
    path = script(tmp_path, """
        import asyncio, threading
        import reactive_rerun as st
        await asyncio.sleep(0)
        st.text(threading.current_thread().name)
    """)
    async with AppTest.from_file(path) as at:
        assert at.text.texts == [threading.current_thread().name]


async def test_magic_writes_bare_values_but_not_docstrings_or_calls(tmp_path: Path) -> None:
    source = """
        '''The module's docstring.'''
        import reactive_rerun as st
        "Some **markdown**"
        x = 41
        x + 1
        "a", x
        st.caption("a call's result is not written")
        def helper():
            '''A function's docstring.'''
            "inside a function"
        helper()
        if True:
            "inside an if"
    """
    async with AppTest.from_file(script(tmp_path, source)) as at:
        assert [e.text for e in at.markdown] == [
            "<p>Some <strong>markdown</strong></p>\n", "<p><code>42</code></p>\n",
            "<p>a <code>41</code></p>\n", "<p>inside a function</p>\n",
            "<p>inside an if</p>\n",
        ]
        assert at.caption.texts == ["a call's result is not written"]
    async with AppTest.from_file(script(tmp_path, source), magic=False) as at:
        assert at.markdown == []


async def test_sync_shapes_of_the_api_work_in_a_plain_script(tmp_path: Path) -> None:
    path = script(tmp_path, """
        import reactive_rerun as st

        @st.fragment
        def counter():
            if st.button("+1"):
                st.session_state.n = st.session_state.get("n", 0) + 1
            st.text(f"n = {st.session_state.get('n', 0)}")

        st.session_state.body = st.session_state.get("body", 0) + 1
        with st.spinner("working"):
            pass
        left, right = st.columns(2)
        with left:
            st.caption("in the left column")
        text = st.write_stream(iter(["chunk ", "by ", "chunk"]))
        right.caption(f"streamed: {text}")
        counter()
    """)
    async with AppTest.from_file(path) as at:
        assert at.caption.texts == ["in the left column", "streamed: chunk by chunk"]
        columns = [e.path for e in at.blocks("column")]
        assert [e.path.startswith(columns[0] + ".") for e in at.caption] == [True, False]
        await at.button("+1").click()
        assert at.text.texts == ["n = 1"]
        assert at.session_state["body"] == 1  # the fragment reran alone, in a thread
        assert at.spinner == []


async def test_async_shapes_work_in_an_async_script() -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for part in ("a", "b"):
            yield part

    @rr.fragment(run_every="50ms")
    def ticker() -> None:  # a plain def fragment in an async app, on a timer
        rr.session_state.ticks = rr.session_state.get("ticks", 0) + 1

    async def main() -> None:
        async with rr.container():
            rr.text(await rr.write_stream(chunks()))
        async with rr.spinner("busy"):
            await asyncio.sleep(0)
        ticker()

    async with AppTest(main) as at:
        assert at.text.texts == ["ab"]
        await until(lambda: at.session_state.get("ticks", 0) >= 3)


async def test_a_coroutine_the_script_forgot_to_await_is_reported_on_the_page() -> None:
    @rr.fragment
    async def part() -> None:
        rr.text("never drawn")

    async def main() -> None:
        rr.write_stream(["lost"])  # not awaited
        part()  # not awaited
        rr.header("after")

    async with AppTest(main) as at:
        warnings = [e.text for e in at.alert if "was called but never awaited" in e.text]
        assert len(warnings) == 2
        assert "rr.write_stream(...)" in warnings[0] and "part(...)" in warnings[1]
        assert at.text.texts == [] and at.header.texts == ["after"]


def test_a_plain_def_main_runs_in_a_thread_through_the_sync_harness() -> None:
    def main() -> None:
        name = rr.text_input("Name", "Ada")
        rr.header(f"Hello {name}")
        rr.text(threading.current_thread().name)

    with SyncAppTest(main) as at:
        at.set_value("text_input", "Name", "Grace")
        assert at.header.texts == ["Hello Grace"]
        assert at.text.texts[0].startswith("rr-script")


async def test_a_saved_change_reruns_every_session_keeping_its_state(tmp_path: Path) -> None:
    path = script(tmp_path, """
        import reactive_rerun as st
        import helper
        n = st.number_input("n", value=1)
        st.header(f"v1 {n} {helper.WORD}")
    """)
    (tmp_path / "helper.py").write_text("WORD = 'one'\n")
    app_script = ScriptFile(path)
    try:
        async with AppTest(app_script) as at:
            await at.number_input("n").set_value(5)
            assert at.header.texts == ["v1 5 one"]
            path.write_text(path.read_text().replace("v1", "v2"))
            (tmp_path / "helper.py").write_text("WORD = 'two'\n")
            assert at.session is not None
            apply_change(app_script, at.session.rerun)
            await at.settle()
            assert at.header.texts == ["v2 5 two"]  # state kept, module re-imported
            path.write_text("import reactive_rerun as st\nst.header(\n")
            apply_change(app_script, at.session.rerun)
            await at.settle()
            assert at.exception[0].props["type"] == "SyntaxError"
            path.write_text(path.read_text().replace("st.header(\n", "st.header('fixed')\n"))
            apply_change(app_script, at.session.rerun)
            await at.settle()
            assert at.header.texts == ["fixed"] and at.exception == []
            assert at.session_state["n"] if "n" in at.session_state else True
    finally:
        import sys

        sys.modules.pop("helper", None)
        if str(tmp_path) in sys.path:
            sys.path.remove(str(tmp_path))
