"""SPEC §4 and the fragment parts of §3: fragments rerun on their own, as their own tasks."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest
from _helpers import until

import reactive_rerun as rr
from reactive_rerun.page import is_under
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def ops_of_last_run(at: AppTest) -> list[dict[str, object]]:
    ops = at.page.ops
    start = max(i for i, op in enumerate(ops) if op["op"] == "start")
    return ops[start:]


async def test_a_widget_in_a_fragment_reruns_only_that_fragment() -> None:
    body_runs = []

    @rr.fragment
    async def counter() -> None:
        if rr.button("+1"):
            rr.session_state.n = rr.session_state.get("n", 0) + 1
        rr.write(f"n = {rr.session_state.get('n', 0)}")

    async def main() -> None:
        body_runs.append(1)
        rr.header("Dashboard")
        await counter()
        rr.text("after the fragment")

    async with AppTest(main) as at:
        fragment_path = at.blocks("fragment")[0].path
        await at.button("+1").click()
        assert len(body_runs) == 1, "the script body must not run for a fragment event"
        assert at.markdown[0].text.strip() == "<p>n = 1</p>"
        assert at.header.texts == ["Dashboard"] and at.text.texts == ["after the fragment"]
        run = ops_of_last_run(at)
        assert run[0]["scope"] == "fragment"
        drawn = [op["p"] for op in run if op["op"] == "el"]
        assert drawn and all(is_under(str(p), fragment_path) for p in drawn)


async def test_fragment_arguments_are_kept_and_two_calls_are_two_instances() -> None:
    @rr.fragment
    async def panel(name: str) -> None:
        clicks = rr.session_state.setdefault(name, 0)
        if rr.button("click", key=f"btn-{name}"):
            clicks = rr.session_state[name] = clicks + 1
        rr.text(f"{name}: {clicks}")

    async def main() -> None:
        await panel("left")
        await panel("right")

    async with AppTest(main) as at:
        assert len(at.blocks("fragment")) == 2
        left_button = next(b for b in at.button if b.path.startswith(at.blocks("fragment")[0].path))
        await left_button.click()
        await left_button.click()
        assert at.text.texts == ["left: 2", "right: 0"]


async def test_different_fragments_run_at_the_same_time() -> None:
    @rr.fragment
    async def slow(name: str) -> None:
        if rr.button(f"go {name}"):
            await asyncio.sleep(1.0)
            rr.text(f"{name} done")

    async def main() -> None:
        await slow("a")
        await slow("b")

    async with AppTest(main) as at:
        started = time.monotonic()
        await at.send({"t": "click", "id": at.button("go a").id}, settle=False)
        await at.send({"t": "click", "id": at.button("go b").id}, settle=False)
        await at.settle()
        elapsed = time.monotonic() - started
        assert at.text.texts == ["a done", "b done"]
        assert elapsed < 1.8, f"two 1 s fragment runs took {elapsed:.2f} s: they did not overlap"


async def test_a_new_run_of_a_fragment_cancels_its_run_in_flight() -> None:
    log: list[str] = []

    @rr.fragment
    async def search() -> None:
        query = rr.text_input("query")
        try:
            await asyncio.sleep(0.3 if query else 0)
            rr.text(f"results for {query!r}")
            log.append(f"done {query}")
        except asyncio.CancelledError:
            log.append(f"cancelled {query}")
            raise

    async def main() -> None:
        await search()

    async with AppTest(main) as at:
        field = at.text_input("query")
        await at.send({"t": "set", "id": field.id, "v": "a"}, settle=False)
        await asyncio.sleep(0.05)
        await at.send({"t": "set", "id": field.id, "v": "ab"}, settle=False)
        await at.settle()
        assert log == ["done ", "cancelled a", "done ab"]
        assert at.text.texts == ["results for 'ab'"]


async def test_an_app_rerun_cancels_fragment_runs_and_drops_queued_fragment_reruns() -> None:
    log: list[str] = []

    @rr.fragment
    async def slow() -> None:
        if rr.button("work"):
            log.append("work clicked")
            if not rr.session_state.get("slept"):
                rr.session_state.slept = True
                try:
                    await asyncio.sleep(30)
                except asyncio.CancelledError:
                    log.append("fragment cancelled")
                    raise

    async def main() -> None:
        log.append("app run")
        rr.button("refresh")
        await slow()

    async with AppTest(main) as at:
        log.clear()
        await at.send({"t": "click", "id": at.button("work").id}, settle=False)
        await asyncio.sleep(0.05)
        await at.send({"t": "click", "id": at.button("refresh").id}, settle=False)
        await at.settle()
        # the fragment run read the click on "work", so it is used up: the app run that
        # cancelled that work does not start it again (SPEC §3)
        assert log == ["work clicked", "fragment cancelled", "app run"]


async def test_a_fragment_event_during_an_app_run_waits_for_it_to_finish() -> None:
    log: list[str] = []

    @rr.fragment
    async def inner() -> None:
        if rr.button("inner"):
            log.append("fragment run saw the click")

    async def main() -> None:
        await inner()
        if rr.session_state.get("slow"):
            log.append("app run start")
            await asyncio.sleep(0.3)
            log.append("app run end")
        rr.button("slow", on_click=lambda: rr.session_state.update(slow=True))

    async with AppTest(main) as at:
        await at.send({"t": "click", "id": at.button("slow").id}, settle=False)
        await asyncio.sleep(0.05)
        await at.send({"t": "click", "id": at.button("inner").id}, settle=False)
        await at.settle()
        assert log == ["app run start", "app run end", "fragment run saw the click"]


async def test_rerun_with_fragment_scope_reruns_only_the_fragment() -> None:
    body_runs = []

    @rr.fragment
    async def stepper() -> None:
        step = rr.session_state.setdefault("step", 0)
        rr.text(f"step {step}")
        if rr.button("advance") and step < 3:
            rr.session_state.step = step + 3
            rr.rerun(scope="fragment")

    async def main() -> None:
        body_runs.append(1)
        await stepper()

    async with AppTest(main) as at:
        await at.button("advance").click()
        assert at.text.texts == ["step 3"]
        assert len(body_runs) == 1


async def test_rerun_with_fragment_scope_during_an_app_run_is_an_error() -> None:
    @rr.fragment
    async def frag() -> None:
        rr.rerun(scope="fragment")

    async def main() -> None:
        await frag()

    async with AppTest(main) as at:
        (error,) = at.exception
        assert error.props["type"] == "APIError"
        assert "only valid while the fragment reruns on its own" in error.props["message"]


async def test_run_every_reruns_the_fragment_on_a_server_timer() -> None:
    ticks: list[float] = []

    @rr.fragment(run_every=timedelta(seconds=0.1))
    async def clock() -> None:
        ticks.append(time.monotonic())
        rr.text(f"tick {len(ticks)}")

    async def main() -> None:
        await clock()

    async with AppTest(main) as at:
        await asyncio.sleep(0.55)
        await at.settle()
        assert 3 <= len(ticks) <= 7
        assert at.text.texts == [f"tick {len(ticks)}"]


async def test_run_every_stops_when_the_app_no_longer_calls_the_fragment() -> None:
    ticks: list[int] = []

    @rr.fragment(run_every=0.05)
    async def clock() -> None:
        ticks.append(1)

    async def main() -> None:
        if rr.checkbox("live", value=True):
            await clock()

    async with AppTest(main) as at:
        await asyncio.sleep(0.2)
        await at.checkbox("live").set_value(False)
        count = len(ticks)
        await asyncio.sleep(0.25)
        assert len(ticks) == count


async def test_run_every_pauses_while_the_client_is_away() -> None:
    ticks: list[int] = []

    @rr.fragment(run_every=0.05)
    async def clock() -> None:
        ticks.append(1)

    async def main() -> None:
        await clock()

    async with AppTest(main) as at:
        assert at.session is not None
        at.session.detach()
        await asyncio.sleep(0.1)
        count = len(ticks)
        await asyncio.sleep(0.3)
        assert len(ticks) <= count + 1  # at most the tick already under way
        at.session.attach(at.page.apply, at.page.seq, resumed=True)
        await asyncio.sleep(0.3)
        assert len(ticks) >= count + 3


async def test_run_every_ends_with_the_session() -> None:
    ticks: list[int] = []

    @rr.fragment(run_every=0.05)
    async def clock() -> None:
        ticks.append(1)

    async def main() -> None:
        await clock()

    at = AppTest(main)
    async with at:
        await asyncio.sleep(0.15)
    count = len(ticks)
    await asyncio.sleep(0.2)
    assert len(ticks) == count
    assert at.session is not None and at.session.closed


async def test_widget_state_in_a_fragment_survives_its_reruns_and_outside_widgets_keep_theirs() -> (
    None
):
    @rr.fragment
    async def form_part() -> None:
        rr.text_input("inside")
        rr.button("refresh fragment")

    async def main() -> None:
        rr.text_input("outside")
        await form_part()

    async with AppTest(main) as at:
        await at.text_input("outside").set_value("kept outside")
        await at.text_input("inside").set_value("kept inside")
        for _ in range(3):
            await at.button("refresh fragment").click()
        assert at.text_input("inside").value == "kept inside"
        assert at.text_input("outside").value == "kept outside"


async def test_a_fragment_writing_into_an_outside_container_replaces_its_writes_in_place() -> None:
    @rr.fragment
    async def status(target: rr.Container) -> None:
        n = rr.session_state.setdefault("n", 0)
        if rr.button("bump"):
            n = rr.session_state.n = n + 1
        target.text(f"status {n}")

    async def main() -> None:
        top = rr.container()
        rr.text("middle")
        await status(top)

    async with AppTest(main) as at:
        assert at.text.texts == ["status 0", "middle"]
        await at.button("bump").click()
        await at.button("bump").click()
        assert at.text.texts == ["status 2", "middle"]


async def test_run_every_never_overlaps_runs_of_one_fragment() -> None:
    running = 0
    most = 0
    finished = 0

    @rr.fragment(run_every=0.03)
    async def slow_panel() -> None:
        nonlocal running, most, finished
        running += 1
        most = max(most, running)
        try:
            await asyncio.sleep(0.1)  # slower than the timer
            rr.text("refreshed")
            finished += 1
        finally:
            running -= 1

    async def main() -> None:
        await slow_panel()

    async with AppTest(main):
        await asyncio.sleep(0.6)
    assert most == 1
    assert finished >= 3  # ticks wait for the run in flight instead of cancelling it


async def test_run_every_does_not_burst_to_catch_up_after_a_stall() -> None:
    ticks: list[float] = []

    @rr.fragment(run_every=0.05)
    async def clock() -> None:
        ticks.append(time.monotonic())

    async def main() -> None:
        await clock()

    async with AppTest(main):
        await asyncio.sleep(0.12)
        time.sleep(0.5)  # noqa: ASYNC251 - the whole loop stalls, as under a blocking call
        stalled_until = time.monotonic()
        await asyncio.sleep(0.12)
    after = [t for t in ticks if t >= stalled_until]
    assert len(after) <= 3  # about 0.12 s / 0.05 s, not the ~10 ticks missed in the stall


async def test_a_timer_run_starts_quietly_and_a_user_run_does_not() -> None:
    @rr.fragment(run_every=0.05)
    async def clock() -> None:
        rr.button("tick now")
        rr.text(str(rr.session_state.setdefault("ticks", 0)))
        rr.session_state.ticks += 1

    async def main() -> None:
        await clock()

    async with AppTest(main) as at:
        await until(lambda: any(op.get("quiet") for op in at.page.ops if op["op"] == "start"))
        before = len(at.page.ops)
        await at.button("tick now").click()
        starts = [op for op in at.page.ops[before:] if op["op"] == "start"]
        user = [op for op in starts if op.get("scope") == "fragment" and not op.get("quiet")]
        assert user, starts  # the click's run shows as running
        app_starts = [op for op in at.page.ops if op["op"] == "start" and op["scope"] == "app"]
        assert not any(op.get("quiet") for op in app_starts)
