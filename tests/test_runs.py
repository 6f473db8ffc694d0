"""SPEC §2-3: sessions, the run queue, and cancelling a run in flight."""

from __future__ import annotations

import asyncio
import time

import pytest
from _helpers import drawn, receive, until

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


async def test_the_first_run_draws_the_page_and_completes() -> None:
    async def main() -> None:
        rr.title("Hello")

    async with AppTest(main) as at:
        assert at.title.texts == ["Hello"]
        assert at.page.runs == [(1, "complete")]


async def test_widget_events_are_applied_and_their_callbacks_run_in_arrival_order() -> None:
    order: list[str] = []

    async def main() -> None:
        rr.text_input("a", key="a", on_change=order.append, args=("a",))
        rr.text_input("b", key="b", on_change=order.append, args=("b",))
        rr.text(f"{rr.session_state.a}|{rr.session_state.b}")

    async with AppTest(main) as at:
        a, b = at.text_input("a").id, at.text_input("b").id
        await at.send({"t": "set", "id": b, "v": "1"}, settle=False)
        await at.send({"t": "set", "id": a, "v": "2"}, settle=False)
        await at.send({"t": "set", "id": b, "v": "3"}, settle=False)
        await at.settle()
        assert order == ["b", "a", "b"]
        assert at.text.texts == ["2|3"]
        assert at.text_input("a").value == "2"
        assert at.text_input("b").value == "3"


async def test_events_arriving_during_a_run_coalesce_into_one_following_rerun() -> None:
    bodies: list[tuple[str, bool]] = []

    async def main() -> None:
        text = rr.text_input("t", key="t")
        flag = rr.checkbox("c", key="c")
        bodies.append((text, flag))
        if text == "slow":
            await asyncio.sleep(30)

    async with AppTest(main) as at:
        tid, cid = at.text_input("t").id, at.checkbox("c").id
        await at.send({"t": "set", "id": tid, "v": "slow"}, settle=False)
        await until(lambda: bodies[-1] == ("slow", False))  # the slow run is in flight
        seen = len(bodies)
        receive(at, {"t": "set", "id": tid, "v": "x"})
        receive(at, {"t": "set", "id": cid, "v": True})
        receive(at, {"t": "set", "id": tid, "v": "fast"})
        await at.settle()
        assert bodies[seen:] == [("fast", True)]  # one rerun, with every value applied
        assert at.page.runs[-2:] == [(2, "cancelled"), (3, "complete")]


async def test_a_click_interrupts_a_run_awaiting_a_long_sleep() -> None:
    async def main() -> None:
        rr.button("Go")
        if rr.session_state.setdefault("slow", False):
            rr.text("sleeping")
            await asyncio.sleep(30)
            rr.text("woke up")

    async with AppTest(main) as at:
        at.session_state["slow"] = True
        await at.send({"t": "click", "id": at.button("Go").id}, settle=False)  # this run sleeps
        await until(lambda: at.text.texts == ["sleeping"])
        assert at.page.runs == [(1, "complete")]
        at.session_state["slow"] = False
        started = time.monotonic()
        await at.button("Go").click()
        assert time.monotonic() - started < 2.0  # the 30 s sleep was cut short
        assert (2, "cancelled") in at.page.runs
        assert at.page.runs[-1][1] == "complete"
        assert "woke up" not in at.text.texts


async def test_a_cancelled_runs_finally_block_runs_before_the_next_run_starts() -> None:
    events: list[str] = []

    async def main() -> None:
        clicked = rr.button("Go")
        n = rr.session_state.setdefault("n", 0)
        events.append(f"start {n}")
        if clicked and n == 0:
            rr.session_state.n = 1
            try:
                await asyncio.sleep(30)
            finally:
                events.append("finally")

    async with AppTest(main) as at:
        go = at.button("Go").id
        await at.send({"t": "click", "id": go}, settle=False)
        await until(lambda: events == ["start 0", "start 0"])
        await at.send({"t": "click", "id": go})
        assert events == ["start 0", "start 0", "finally", "start 1"]


async def test_a_run_that_swallows_its_cancellation_stops_at_its_next_ui_call() -> None:
    reached: list[str] = []

    async def main() -> None:
        rr.button("Go")
        if not rr.session_state.get("slow"):
            return
        rr.session_state.slow = False
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            reached.append("swallowed")  # a badly behaved script keeps going without awaiting
        sum(range(1000))  # plain code with no await still runs ...
        reached.append("sync code")
        rr.text("drawn after cancellation")  # ... but the next UI call stops the run
        reached.append("after ui call")

    async with AppTest(main) as at:
        at.session_state["slow"] = True
        go = at.button("Go").id
        await at.send({"t": "click", "id": go}, settle=False)
        await until(lambda: at.page.ops[-1] == {"op": "start", "run": 2, "scope": "app"})
        await at.send({"t": "click", "id": go})
        assert reached == ["swallowed", "sync code"]
        assert "drawn after cancellation" not in at.text.texts
        assert (2, "cancelled") in at.page.runs
        assert at.page.runs[-1][1] == "complete"


async def test_a_click_is_consumed_by_the_run_that_reads_it_even_if_that_run_is_interrupted(
) -> None:
    seen_true: list[int] = []
    completed_with_click: list[int] = []

    async def main() -> None:
        clicked = rr.button("Go")
        rr.text_input("t", key="t")
        if clicked:
            seen_true.append(1)
            await asyncio.sleep(30)  # interrupted by the next event
            completed_with_click.append(1)

    async with AppTest(main) as at:
        await at.send({"t": "click", "id": at.button("Go").id}, settle=False)
        await until(lambda: len(seen_true) == 1)
        await at.text_input("t").set_value("typed while the click's run was in flight")
        assert seen_true == [1]  # never acted on twice
        assert completed_with_click == []
        await at.text_input("t").set_value("again")
        assert seen_true == [1]


async def test_clicking_fast_while_slow_awaits_cancels_slow_and_shows_fast() -> None:
    log: list[str] = []

    async def main() -> None:
        rr.header(rr.session_state.get("result", "nothing yet"))
        if rr.button("slow"):
            log.append("slow started")
            await asyncio.sleep(30)
            rr.session_state.result = "slow"
            rr.rerun()
        if rr.button("fast"):
            log.append("fast")
            rr.session_state.result = "fast"
            rr.rerun()

    async with AppTest(main) as at:
        await at.send({"t": "click", "id": at.button("slow").id}, settle=False)
        await until(lambda: log == ["slow started"])
        await at.button("fast").click()
        assert at.header.texts == ["fast"]
        assert log == ["slow started", "fast"]  # slow's work is not started again


async def test_a_click_before_any_run_reached_its_button_is_seen_by_the_next_run() -> None:
    gate = asyncio.Event()
    clicks: list[bool] = []

    async def main() -> None:
        rr.text_input("t")
        if rr.session_state.get("wait"):
            await gate.wait()  # the run is held before it reaches the button
        clicks.append(rr.button("Go"))
        rr.session_state.wait = True

    async with AppTest(main) as at:
        field = at.text_input("t").id
        await at.send({"t": "set", "id": field, "v": "x"}, settle=False)  # held at the gate
        await asyncio.sleep(0.05)
        await at.send({"t": "click", "id": at.button("Go").id}, settle=False)  # cancels it
        await asyncio.sleep(0.05)
        gate.set()
        await at.settle()
        assert clicks == [False, True]


async def test_a_button_is_true_in_exactly_one_completed_run_per_click() -> None:
    clicks: list[bool] = []

    async def main() -> None:
        clicks.append(rr.button("Go"))
        rr.checkbox("c")

    async with AppTest(main) as at:
        await at.button("Go").click()
        await at.checkbox("c").set_value(True)
        await at.button("Go").click()
        await at.button("Go").click()
        assert clicks == [False, True, False, True, True]


async def test_several_sessions_are_independent() -> None:
    async def main() -> None:
        count = rr.session_state.setdefault("count", 0)
        if rr.button("+1"):
            count = rr.session_state.count = count + 1
        rr.text(str(count))

    async with AppTest(main) as one, AppTest(main) as two:
        await one.button("+1").click()
        await one.button("+1").click()
        await two.button("+1").click()
        assert one.text.texts == ["2"]
        assert two.text.texts == ["1"]
        assert one.session_state["count"] == 2
        assert two.session_state["count"] == 1
        assert one.page.session_id != two.page.session_id


async def test_a_slow_session_does_not_block_another() -> None:
    async def main() -> None:
        if rr.button("Go"):
            rr.text("done")
        if rr.session_state.get("slow"):
            rr.text("sleeping")
            await asyncio.sleep(30)

    async with AppTest(main) as stuck, AppTest(main) as other:
        stuck.session_state["slow"] = True
        await stuck.send({"t": "click", "id": stuck.button("Go").id}, settle=False)
        await until(lambda: "sleeping" in stuck.text.texts)
        await other.button("Go").click()
        assert other.text.texts == ["done"]
        assert stuck.page.runs == [(1, "complete")]  # its second run is still in flight


async def test_session_ids_are_unguessable_and_distinct() -> None:
    async def main() -> None:
        rr.text("x")

    ids = set()
    for _ in range(3):
        async with AppTest(main) as at:
            assert at.page.session_id is not None
            assert len(at.page.session_id) >= 22
            ids.add(at.page.session_id)
    assert len(ids) == 3


async def test_ui_calls_work_in_helper_coroutines_and_spawned_tasks() -> None:
    async def helper() -> None:
        rr.text("from helper")

    async def main() -> None:
        await helper()
        await asyncio.gather(asyncio.sleep(0), helper())
        await asyncio.create_task(helper())

    async with AppTest(main) as at:
        assert at.text.texts == ["from helper"] * 3


async def test_ui_calls_outside_a_run_raise_api_error() -> None:
    with pytest.raises(rr.APIError, match="only inside the app's script"):
        rr.header("nowhere")
    with pytest.raises(rr.APIError, match="session_state"):
        rr.session_state["x"] = 1


async def test_an_event_during_a_run_updates_the_value_at_once() -> None:
    async def main() -> None:
        rr.text_input("t", key="t")
        if rr.session_state.t == "slow":
            await asyncio.sleep(30)

    async with AppTest(main) as at:
        field = at.text_input("t").id
        await at.send({"t": "set", "id": field, "v": "slow"}, settle=False)
        await until(lambda: len(at.page.ops) > 0 and at.page.ops[-1]["op"] == "start")
        receive(at, {"t": "set", "id": field, "v": "now"})
        assert at.session_state["t"] == "now"  # before any run has seen it
        await at.settle()


async def test_a_run_that_ignores_cancellation_is_left_behind_and_cannot_draw() -> None:
    late: list[str] = []

    async def main() -> None:
        rr.button("Go")
        if not rr.session_state.get("stubborn"):
            return
        rr.session_state.stubborn = False
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            await asyncio.sleep(0.5)  # keeps running long past the grace period
            late.append("woke")
            rr.text("late")

    config = rr.SessionConfig(cancel_grace=0.05)
    async with AppTest(main, config=config) as at:
        at.session_state["stubborn"] = True
        go = at.button("Go").id
        await at.send({"t": "click", "id": go}, settle=False)
        await until(lambda: at.page.ops[-1]["op"] == "start")
        await at.send({"t": "click", "id": go}, settle=False)
        await until(lambda: (3, "complete") in at.page.runs)
        assert late == []  # the next run ran while the stubborn one was still going
        await at.settle()  # settles once the stubborn run is over too
        assert late == ["woke"]
        assert "late" not in at.text.texts
        assert all(e["k"] != "text" for e in drawn(at))


async def test_rerun_callbacks_from_coalesced_events_all_run_before_one_body() -> None:
    order: list[str] = []

    def first() -> None:
        order.append("first")
        rr.rerun()

    async def main() -> None:
        order.append("body")
        rr.checkbox("a", on_change=first)
        rr.checkbox("b", on_change=lambda: order.append("second"))

    async with AppTest(main) as at:
        order.clear()
        receive(at, {"t": "set", "id": at.checkbox("a").id, "v": True})
        receive(at, {"t": "set", "id": at.checkbox("b").id, "v": True})
        await at.settle()
        assert order == ["first", "second", "body"]


async def test_a_click_arriving_as_the_run_that_saw_the_previous_click_completes_is_kept() -> None:
    gate = asyncio.Event()
    clicks_seen: list[int] = []

    async def main() -> None:
        if rr.button("Go"):
            clicks_seen.append(1)
            if len(clicks_seen) == 1:
                await gate.wait()  # e.g. a request whose answer arrives with the next click

    async with AppTest(main) as at:
        go = at.button("Go").id
        await at.send({"t": "click", "id": go}, settle=False)
        await until(lambda: clicks_seen == [1])
        gate.set()  # the run resumes and completes in this loop step ...
        receive(at, {"t": "click", "id": go})  # ... and the second click arrives with it
        await at.settle()
        assert at.page.runs[-1][1] == "complete"
        assert clicks_seen == [1, 1]  # each click reached a completed run


async def test_a_cancelled_run_cannot_draw_from_its_finally_block() -> None:
    cleanup: list[str] = []

    async def main() -> None:
        rr.button("Go")
        if not rr.session_state.get("slow"):
            return
        rr.session_state.slow = False
        try:
            await asyncio.sleep(30)
        finally:
            cleanup.append("finally ran")
            rr.text("drawn while cancelled")

    async with AppTest(main) as at:
        at.session_state["slow"] = True
        go = at.button("Go").id
        await at.send({"t": "click", "id": go}, settle=False)
        await until(lambda: at.page.ops[-1]["op"] == "start")
        await at.send({"t": "click", "id": go})
        assert cleanup == ["finally ran"]
        assert all(e["k"] != "text" for e in drawn(at))
        assert at.exception == []
        assert at.page.runs == [(1, "complete"), (2, "cancelled"), (3, "complete")]


async def test_a_task_spawned_by_a_cancelled_run_stops_at_its_next_ui_call() -> None:
    ticks: list[int] = []
    workers: list[asyncio.Task[None]] = []

    async def worker() -> None:
        for i in range(1000):
            rr.text(f"tick {i}")  # the worker's only way to notice its run stopped
            ticks.append(i)
            await asyncio.sleep(0.001)

    async def main() -> None:
        rr.button("Go")
        if not rr.session_state.get("work"):
            return
        rr.session_state.work = False
        task = asyncio.create_task(worker())
        workers.append(task)
        await asyncio.wait([task])  # cancelling this await does not cancel the worker

    async with AppTest(main) as at:
        at.session_state["work"] = True
        go = at.button("Go").id
        await at.send({"t": "click", "id": go}, settle=False)
        await until(lambda: len(ticks) >= 3)
        await at.send({"t": "click", "id": go})
        [task] = workers
        await until(task.done)
        assert task.cancelled()
        stopped_at = len(ticks)
        await asyncio.sleep(0.02)
        assert len(ticks) == stopped_at
        assert at.text == []  # the completed run removed what the cancelled one drew
