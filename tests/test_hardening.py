"""Edge cases found in review: none may kill a session, lose an event, or stop the server."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator

import pytest

import reactive_rerun as rr
from reactive_rerun.config import SessionConfig
from reactive_rerun.errors import TooManySessions
from reactive_rerun.registry import SessionRegistry
from reactive_rerun.run_queue import PendingCallback, RunQueue
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


async def test_a_fragment_run_writing_to_an_unreserved_outside_container_shows_the_error() -> None:
    @rr.fragment
    async def status(target: rr.Container) -> None:
        if rr.button("write outside"):
            target.text("not reserved during the app run")
        rr.text("fragment body")

    async def main() -> None:
        top = rr.container()
        rr.button("app button")
        await status(top)

    async with AppTest(main) as at:
        await at.button("write outside").click()
        (error,) = at.exception
        assert error.props["type"] == "APIError"
        assert "did not write to that container during the last full app run" in error.text
        await at.button("app button").click()  # the session still runs
        assert at.exception == [] and at.text.texts == ["fragment body"]


async def test_a_huge_integer_for_a_number_widget_is_refused_and_the_session_goes_on() -> None:
    async def main() -> None:
        rr.write(rr.number_input("n", value=1.5))

    async with AppTest(main) as at:
        huge = "9" * 400  # valid JSON, too large for a float
        await at.send_text(f'{{"t":"set","id":"{at.number_input("n").id}","v":{huge}}}')
        assert any("bad value" in e for e in at.errors)
        await at.number_input("n").set_value(2.5)
        assert at.markdown.texts[-1].strip() == "<p><code>2.5</code></p>"


async def test_a_run_that_swallows_its_cancellation_does_not_count_as_completed() -> None:
    def go_slow() -> None:
        rr.session_state.slow = True

    async def main() -> None:
        rr.button("slow", on_click=go_slow)
        if rr.session_state.get("slow"):
            rr.session_state.slow = False
            try:
                await asyncio.sleep(30)
            except asyncio.CancelledError:
                return  # the anti-pattern
        rr.text_input("later")  # unkeyed: a "completed" early return would forget its value
        rr.button("other")

    async with AppTest(main) as at:
        await at.text_input("later").set_value("kept")
        await at.send({"t": "click", "id": at.button("slow").id}, settle=False)
        await asyncio.sleep(0.05)
        await at.button("other").click()
        assert "cancelled" in [status for _, status in at.page.runs]
        assert at.text_input("later").value == "kept"


async def test_callbacks_not_yet_run_when_a_run_is_cancelled_run_in_the_next_run() -> None:
    log: list[str] = []

    async def slow_callback() -> None:
        await asyncio.sleep(0.3)
        log.append("slow")

    async def main() -> None:
        rr.button("A", on_click=slow_callback)
        rr.button("B", on_click=lambda: log.append("B"))
        rr.button("C")

    async with AppTest(main) as at:
        a, b, c = at.button("A"), at.button("B"), at.button("C")
        await at.send({"t": "click", "id": a.id}, settle=False)
        await at.send({"t": "click", "id": b.id}, settle=False)
        await asyncio.sleep(0.1)  # the run is inside A's callback
        await at.send({"t": "click", "id": c.id})
        assert "B" in log


def test_the_loop_guard_keeps_what_users_asked_for() -> None:
    queue = RunQueue()
    queue.request_app(user=False)  # rr.rerun()
    queue.request_fragment("f", user=True)  # a click inside a fragment
    queue.request_fragment("g", user=False)  # rr.rerun(scope="fragment")
    assert queue.user_work
    queue.drop_automatic()
    assert not queue.app and queue.fragments == {"f": True}
    queue.fragments.clear()
    queue.callbacks.append(PendingCallback(print, (), {}, None))
    assert queue.user_work  # a waiting callback is user work too


async def test_an_event_refused_for_a_full_callback_queue_changes_nothing() -> None:
    async def main() -> None:
        rr.checkbox("box", on_change=lambda: None)

    config = SessionConfig(max_pending_callbacks=0)
    async with AppTest(main, config=config) as at:
        await at.checkbox("box").set_value(True)
        assert any("too many events pending" in e for e in at.errors)
        assert at.checkbox("box").value is False
        assert at.session is not None and not at.session.data.widgets.values.get(
            at.checkbox("box").id
        )


async def test_a_fragment_inside_a_form_is_an_api_error_saying_what_to_do() -> None:
    @rr.fragment
    async def part() -> None:
        rr.text_input("inside")

    async def main() -> None:
        with rr.form("f"):
            await part()
            rr.form_submit_button("Send")

    async with AppTest(main) as at:
        (error,) = at.exception
        assert "Put the form inside the fragment instead" in error.text


async def test_sys_exit_in_a_script_is_an_error_on_the_page_not_a_server_stop() -> None:
    async def main() -> None:
        if rr.button("quit"):
            sys.exit(3)
        rr.text("alive")

    async with AppTest(main) as at:
        await at.button("quit").click()
        assert at.exception[0].props["type"] == "SystemExit"
        await at.button("quit").click()
        assert at.session is not None and not at.session.closed


async def test_resync_is_answered_at_most_once_a_second() -> None:
    async def main() -> None:
        rr.text("page")

    async with AppTest(main) as at:
        before = len(at.page.ops)
        for _ in range(5):
            await at.send({"t": "resync"})
        resets = [op for op in at.page.ops[before:] if op["op"] == "reset"]
        assert len(resets) == 1
        assert sum("resync refused" in e for e in at.errors) == 4


async def test_at_the_session_limit_the_longest_waiting_disconnected_session_makes_room() -> None:
    async def main() -> None:
        rr.text("hi")

    registry = SessionRegistry(main, SessionConfig(), timeout=60, max_sessions=2)
    first, _ = await registry.open(None)
    second, _ = await registry.open(None)
    first.attach(lambda text: None)
    second.attach(lambda text: None)
    with pytest.raises(TooManySessions):
        await registry.open(None)  # both are connected: nobody to evict
    registry.release(first)
    third, resumed = await registry.open(None)
    assert not resumed and first.id not in registry.live and second.id in registry.live
    assert third.id in registry.live
    await registry.close_all()


async def test_a_nested_fragment_its_parent_stops_drawing_stops_ticking() -> None:
    ticks: list[int] = []

    @rr.fragment(run_every=0.05)
    async def inner() -> None:
        ticks.append(1)

    @rr.fragment
    async def outer() -> None:
        if rr.checkbox("show inner", value=True):
            await inner()

    async def main() -> None:
        await outer()

    async with AppTest(main) as at:
        await asyncio.sleep(0.15)
        await at.checkbox("show inner").set_value(False)  # a fragment run of outer
        count = len(ticks)
        await asyncio.sleep(0.25)
        assert len(ticks) <= count + 1
        assert at.session is not None and len(at.session.data.fragments) == 1


async def test_write_stream_of_many_small_chunks_is_not_resent_chunk_by_chunk() -> None:
    async def tokens() -> AsyncIterator[str]:
        for i in range(300):
            yield f"w{i} "
            await asyncio.sleep(0)  # a fast producer

    async def main() -> None:
        rr.session_state.text = await rr.write_stream(tokens())

    async with AppTest(main) as at:
        sent = [op for op in at.page.ops if op["op"] == "el" and op["e"]["k"] == "markdown"]
        assert len(sent) < 30  # not 300
        assert at.markdown[0].text.strip() == "<p>" + " ".join(f"w{i}" for i in range(300)) + "</p>"
        assert at.session_state["text"].endswith("w299 ")


async def test_rr_exception_hides_details_when_the_app_hides_them() -> None:
    async def main() -> None:
        try:
            raise ValueError("secret path /srv/app/db.sqlite")
        except ValueError as exc:
            rr.exception(exc)

    async with AppTest(main, config=SessionConfig(show_error_details=False)) as at:
        (shown,) = at.exception
        assert shown.props["type"] == "ValueError"
        assert shown.props["trace"] is None and "secret" not in shown.props["message"]
    async with AppTest(main) as at:
        assert "secret path" in at.exception[0].props["message"] and at.exception[0].props["trace"]
