"""SPEC §3: ``rr.rerun()`` halts the run, validates its scope, and cannot loop forever."""

from __future__ import annotations

import asyncio

import pytest
from _helpers import drawn, until

import reactive_rerun as rr
from reactive_rerun.config import SessionConfig
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


async def test_rerun_halts_the_run_at_once() -> None:
    after: list[str] = []

    async def main() -> None:
        if not rr.session_state.get("done"):
            rr.session_state.done = True
            rr.rerun()
            after.append("statement after rerun")  # pragma: no cover - must never run
        rr.text("second run")

    async with AppTest(main) as at:
        assert after == []
        assert at.page.runs == [(1, "rerun"), (2, "complete")]
        assert at.text.texts == ["second run"]


async def test_rerun_is_not_swallowed_by_except_exception() -> None:
    swallowed: list[BaseException] = []

    async def main() -> None:
        n = rr.session_state.setdefault("n", 0)
        rr.text(f"run {n}")
        if n == 0:
            rr.session_state.n = 1
            try:
                rr.rerun()
            except Exception as exc:  # a script's catch-all must not stop the rerun
                swallowed.append(exc)

    async with AppTest(main) as at:
        assert swallowed == []
        assert at.text.texts == ["run 1"]
        assert at.page.runs == [(1, "rerun"), (2, "complete")]


async def test_rerun_signal_derives_from_base_exception_not_exception() -> None:
    assert issubclass(rr.RerunRequested, BaseException)
    assert not issubclass(rr.RerunRequested, Exception)


async def test_rerun_from_a_helper_coroutine_halts_the_whole_run() -> None:
    async def helper() -> None:
        rr.session_state.n = 1
        rr.rerun()

    async def main() -> None:
        if rr.session_state.setdefault("n", 0) == 0:
            await helper()
            rr.text("never")
        rr.text("done")

    async with AppTest(main) as at:
        assert at.text.texts == ["done"]
        assert not any(e["text"] == "never" for e in drawn(at, kind="text"))


async def test_rerun_with_fragment_scope_outside_a_fragment_raises_api_error() -> None:
    async def main() -> None:
        try:
            rr.rerun(scope="fragment")
        except rr.APIError as exc:
            rr.text(str(exc))

    async with AppTest(main) as at:
        [message] = at.text.texts
        assert "inside an @rr.fragment" in message
        assert at.page.runs == [(1, "complete")]


async def test_rerun_with_fragment_scope_during_an_app_run_of_a_fragment_raises_api_error() -> None:
    @rr.fragment
    async def part() -> None:
        try:
            rr.rerun(scope="fragment")
        except rr.APIError as exc:
            rr.text(str(exc))

    async def main() -> None:
        await part()

    async with AppTest(main) as at:
        [message] = at.text.texts
        assert "only valid while the fragment reruns on its own" in message


async def test_rerun_with_a_bogus_scope_raises_api_error_naming_it() -> None:
    async def main() -> None:
        with pytest.raises(rr.APIError, match="'everything'") as info:
            rr.rerun(scope="everything")
        rr.text(str(info.value))

    async with AppTest(main) as at:
        [message] = at.text.texts
        assert 'scope="app"' in message and 'scope="fragment"' in message
        assert at.page.runs == [(1, "complete")]


async def test_rerun_in_a_callback_ends_the_callback_and_causes_exactly_one_run() -> None:
    calls: list[str] = []
    bodies: list[int] = []

    def on_click() -> None:
        calls.append("callback start")
        rr.session_state.clicked = True
        rr.rerun()
        calls.append("after rerun")  # pragma: no cover - must never run

    async def main() -> None:
        bodies.append(1)
        rr.button("Go", on_click=on_click)
        rr.text(str(rr.session_state.get("clicked", False)))

    async with AppTest(main) as at:
        runs = len(at.page.runs)
        await at.button("Go").click()
        assert calls == ["callback start"]
        assert len(at.page.runs) == runs + 1
        assert at.page.runs[-1][1] == "complete"
        assert len(bodies) == 2
        assert at.text.texts == ["True"]


async def test_rerun_in_an_async_callback_ends_it_too() -> None:
    calls: list[str] = []

    async def on_click() -> None:
        await asyncio.sleep(0)
        calls.append("callback")
        rr.rerun()
        calls.append("after rerun")  # pragma: no cover

    async def main() -> None:
        rr.button("Go", on_click=on_click)

    async with AppTest(main) as at:
        await at.button("Go").click()
        assert calls == ["callback"]
        assert [status for _, status in at.page.runs] == ["complete", "complete"]


async def test_a_rerun_loop_is_stopped_with_an_error_element() -> None:
    runs: list[int] = []

    async def main() -> None:
        runs.append(1)
        rr.text("looping")
        rr.rerun()

    config = SessionConfig(max_consecutive_reruns=5)
    async with AppTest(main, config=config) as at:
        assert len(runs) == 6  # the first run, then five rerun()-triggered runs
        alerts = [e for e in at.alert if e.props["level"] == "error"]
        assert len(alerts) == 1
        assert "Rerun loop stopped" in alerts[0].text
        assert at.text.texts == ["looping"]


async def test_a_stopped_rerun_loop_resumes_on_the_next_user_event() -> None:
    async def main() -> None:
        if rr.button("Stop looping"):
            rr.session_state.calm = True
        rr.text(f"calm={rr.session_state.get('calm', False)}")
        if not rr.session_state.get("calm"):
            rr.rerun()

    config = SessionConfig(max_consecutive_reruns=3)
    async with AppTest(main, config=config) as at:
        assert any("Rerun loop stopped" in e.text for e in at.alert)
        await at.button("Stop looping").click()
        assert at.text.texts == ["calm=True"]
        assert at.alert == []  # the completed run removed the loop's error element
        assert at.page.runs[-1][1] == "complete"


async def test_the_loop_guard_counts_only_consecutive_reruns() -> None:
    def reset() -> None:
        rr.session_state.k = 0

    async def main() -> None:
        rr.button("Again", on_click=reset)
        k = rr.session_state.setdefault("k", 0)
        if k < 2:  # two rerun()-triggered runs after each user event: under the limit
            rr.session_state.k = k + 1
            rr.rerun()
        rr.text("settled")

    config = SessionConfig(max_consecutive_reruns=3)
    async with AppTest(main, config=config) as at:
        for _ in range(3):
            await at.button("Again").click()
        assert at.alert == []
        assert at.text.texts == ["settled"]
        assert [s for _, s in at.page.runs].count("rerun") == 8


async def test_a_rerun_loop_does_not_starve_another_session() -> None:
    async def looping() -> None:
        rr.button("Start")
        rr.text("loop")
        if rr.session_state.get("loop"):
            rr.rerun()  # no await anywhere in this run

    async def other() -> None:
        if rr.button("Go"):
            rr.text("clicked")

    config = SessionConfig(max_consecutive_reruns=10**9)
    async with AppTest(looping, config=config) as looper, AppTest(other) as at:
        looper.session_state["loop"] = True
        await looper.send({"t": "click", "id": looper.button("Start").id}, settle=False)
        await until(lambda: len(looper.page.runs) > 20)
        await at.button("Go").click()
        assert at.text.texts == ["clicked"]
        before = len(looper.page.runs)
        await until(lambda: len(looper.page.runs) > before + 20)  # it is still looping
        assert at.page.runs == [(1, "complete"), (2, "complete")]


async def test_rerun_in_a_fragment_run_halts_it_and_reruns_the_app() -> None:
    bodies: list[str] = []

    @rr.fragment
    async def part() -> None:
        if rr.button("Inner"):
            rr.session_state.n = rr.session_state.get("n", 0) + 1
            rr.rerun()
            bodies.append("after rerun")  # pragma: no cover
        rr.text(f"n={rr.session_state.get('n', 0)}")

    async def main() -> None:
        bodies.append("app")
        await part()

    async with AppTest(main) as at:
        await at.button("Inner").click()
        assert bodies == ["app", "app"]
        assert at.text.texts == ["n=1"]
        starts = [o["scope"] for o in at.page.ops if o["op"] == "start"]
        assert starts == ["app", "fragment", "app"]


async def test_rerun_with_fragment_scope_in_a_fragment_run_reruns_only_the_fragment() -> None:
    bodies: list[str] = []

    @rr.fragment
    async def part() -> None:
        bodies.append("fragment")
        if rr.button("Inner"):
            rr.session_state.again = True
            rr.rerun(scope="fragment")
        if rr.session_state.pop("again", False):
            rr.text("reran")

    async def main() -> None:
        bodies.append("app")
        await part()

    async with AppTest(main) as at:
        bodies.clear()
        await at.button("Inner").click()
        assert bodies == ["fragment", "fragment"]
        assert at.text.texts == ["reran"]


async def test_fragment_scoped_rerun_from_a_fragment_widgets_callback_reruns_the_fragment() -> None:
    bodies: list[str] = []

    def cb() -> None:
        rr.rerun(scope="fragment")

    @rr.fragment
    async def part() -> None:
        bodies.append("fragment")
        rr.button("Inner", on_click=cb)

    async def main() -> None:
        bodies.append("app")
        await part()

    async with AppTest(main) as at:
        bodies.clear()
        await at.button("Inner").click()
        assert "app" not in bodies
        assert at.page.runs[-1][1] == "complete"
        assert at.exception == []


async def test_a_stopped_rerun_loop_leaves_only_the_last_runs_output_and_the_error() -> None:
    async def main() -> None:
        n = rr.session_state.n = rr.session_state.get("n", 0) + 1
        rr.text(f"pass {n}")
        if n % 2:  # the page shifts by one element every other run
            rr.caption("odd")
        if rr.session_state.get("looping"):
            rr.button("Loop")
            rr.rerun()
        if rr.button("Loop"):
            rr.session_state.looping = True
            rr.rerun()

    async with AppTest(main, config=SessionConfig(max_consecutive_reruns=5)) as at:
        await at.button("Loop").click()
        assert len(at.button) == 1
        assert len(at.text) == 1 and len(at.caption) <= 1
        alert = at.alert[-1]
        assert "Rerun loop stopped" in alert.text
        kinds = [e.kind for e in at.elements() if e.path.count(".") == 1]
        assert kinds[-1] == "alert"  # below what the last run drew
