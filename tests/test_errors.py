"""SPEC §3, §5: an uncaught exception is shown where it happened; the session goes on."""

from __future__ import annotations

import pytest

import reactive_rerun as rr
from reactive_rerun.config import SessionConfig
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


async def failing() -> None:
    rr.text("before")
    if rr.button("Fix"):
        rr.session_state.fixed = True
    if not rr.session_state.get("fixed"):
        raise ValueError("it broke")
    rr.text("after")


async def test_an_uncaught_exception_ends_the_run_with_an_exception_element() -> None:
    async with AppTest(failing) as at:
        [shown] = at.exception
        assert shown.props["type"] == "ValueError"
        assert shown.props["message"] == "it broke"
        trace = shown.props["trace"]
        assert "Traceback" in trace and 'raise ValueError("it broke")' in trace
        assert at.page.runs == [(1, "error")]
        assert at.text.texts == ["before"]


async def test_the_exception_is_shown_where_it_happened() -> None:
    async with AppTest(failing) as at:
        assert [e.kind for e in at.elements()] == ["text", "button", "exception"]


async def test_an_exception_inside_a_container_is_shown_in_that_container() -> None:
    async def main() -> None:
        rr.text("top")
        box = rr.container()
        rr.text("bottom")
        with box:
            rr.text("in box")
            raise RuntimeError("inner")

    async with AppTest(main) as at:
        [box] = at.blocks("container")
        [shown] = at.exception
        assert shown.path.startswith(box.path + ".")
        assert at.text.texts == ["top", "in box", "bottom"]


async def test_hiding_error_details_hides_the_message_and_traceback() -> None:
    config = SessionConfig(show_error_details=False)
    async with AppTest(failing, config=config) as at:
        [shown] = at.exception
        assert shown.props["type"] == "ValueError"
        assert shown.props["trace"] is None
        assert "it broke" not in shown.props["message"]
        assert "hidden" in shown.props["message"]


async def test_the_session_stays_alive_and_the_next_event_reruns() -> None:
    async with AppTest(failing) as at:
        await at.button("Fix").click()
        assert at.exception == []  # the completed run removed the old error
        assert at.text.texts == ["before", "after"]
        assert at.page.runs == [(1, "error"), (2, "complete")]


async def test_an_error_run_removes_elements_it_did_not_draw() -> None:
    async def main() -> None:
        rr.text("a")
        if rr.checkbox("fail"):
            raise KeyError("x")
        rr.text("b")

    async with AppTest(main) as at:
        await at.checkbox("fail").set_value(True)
        assert [e.kind for e in at.elements()] == ["text", "checkbox", "exception"]


async def test_an_exception_in_a_callback_is_shown_and_the_body_still_runs() -> None:
    def explode() -> None:
        raise ZeroDivisionError("callback failed")

    async def main() -> None:
        rr.button("Boom", on_click=explode)
        rr.text("body ran")

    async with AppTest(main) as at:
        await at.button("Boom").click()
        [shown] = at.exception
        assert shown.props["type"] == "ZeroDivisionError"
        assert shown.props["message"] == "callback failed"
        assert "explode" in shown.props["trace"]
        assert at.text.texts == ["body ran"]


async def test_an_exception_in_an_async_callback_is_shown() -> None:
    async def explode() -> None:
        raise LookupError("async callback failed")

    async def main() -> None:
        rr.checkbox("c", on_change=explode)

    async with AppTest(main) as at:
        await at.checkbox("c").set_value(True)
        [shown] = at.exception
        assert shown.props["message"] == "async callback failed"


async def test_an_api_error_is_shown_like_any_error() -> None:
    async def main() -> None:
        rr.text_input("x")
        rr.text_input("x")

    async with AppTest(main) as at:
        [shown] = at.exception
        assert shown.props["type"] == "APIError"
        assert at.page.runs == [(1, "error")]


async def test_stop_ends_the_run_quietly() -> None:
    after: list[str] = []

    async def main() -> None:
        rr.text("shown")
        rr.stop()
        after.append("never")  # pragma: no cover

    async with AppTest(main) as at:
        assert after == []
        assert at.text.texts == ["shown"]
        assert at.exception == []
        assert at.page.runs == [(1, "complete")]


async def test_a_failing_session_does_not_affect_another() -> None:
    async def main() -> None:
        if rr.button("Fail"):
            raise RuntimeError("only here")
        rr.text("fine")

    async with AppTest(main) as one, AppTest(main) as two:
        await one.button("Fail").click()
        assert len(one.exception) == 1
        assert two.exception == [] and two.text.texts == ["fine"]
        await two.button("Fail").click()
        await two.button("Fail").click()
        assert len(two.exception) == 1
