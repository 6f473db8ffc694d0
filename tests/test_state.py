"""SPEC §2 and §5: ``rr.session_state`` as a mapping, and widget state bound to it."""

from __future__ import annotations

from typing import Any

import pytest

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


async def test_session_state_supports_attribute_and_item_access() -> None:
    async def main() -> None:
        rr.session_state.a = 1
        rr.session_state["b"] = 2
        rr.text(f"{rr.session_state['a']} {rr.session_state.b}")

    async with AppTest(main) as at:
        assert at.text.texts == ["1 2"]
        assert at.session_state["a"] == 1 and at.session_state.b == 2


async def test_session_state_supports_in_del_get_setdefault_iteration_and_len() -> None:
    seen: dict[str, Any] = {}

    async def main() -> None:
        state = rr.session_state
        state.x = 1
        state["y"] = 2
        seen["in"] = ("x" in state, "nope" in state)
        seen["get"] = (state.get("x"), state.get("nope"), state.get("nope", 7))
        seen["setdefault"] = (state.setdefault("x", 99), state.setdefault("z", 3))
        seen["iter"] = sorted(state)
        seen["len"] = len(state)
        del state["y"]
        del state.z
        seen["after del"] = (sorted(state), len(state), "y" in state)
        seen["items"] = dict(state.items())

    async with AppTest(main):
        assert seen == {
            "in": (True, False),
            "get": (1, None, 7),
            "setdefault": (1, 3),
            "iter": ["x", "y", "z"],
            "len": 3,
            "after del": (["x"], 1, False),
            "items": {"x": 1},
        }


async def test_reading_a_missing_key_raises_with_a_helpful_message() -> None:
    errors: list[BaseException] = []

    async def main() -> None:
        try:
            rr.session_state["missing"]
        except KeyError as exc:
            errors.append(exc)
        try:
            rr.session_state.missing  # noqa: B018 - the read is the test
        except AttributeError as exc:
            errors.append(exc)
        try:
            del rr.session_state["missing"]
        except KeyError as exc:
            errors.append(exc)

    async with AppTest(main):
        assert [type(e) for e in errors] == [KeyError, AttributeError, KeyError]
        assert all("missing" in str(e) and "initialize" in str(e) for e in errors)


async def test_session_state_survives_reruns() -> None:
    async def main() -> None:
        rr.session_state.runs = rr.session_state.get("runs", 0) + 1
        rr.button("Again")
        rr.text(str(rr.session_state.runs))

    async with AppTest(main) as at:
        await at.button("Again").click()
        await at.button("Again").click()
        assert at.text.texts == ["3"]


async def test_a_keyed_widgets_value_is_in_session_state() -> None:
    async def main() -> None:
        name = rr.text_input("Name", key="name")
        rr.text(f"{name}/{rr.session_state.name}")

    async with AppTest(main) as at:
        assert at.session_state["name"] == ""
        await at.text_input("Name").set_value("Ada")
        assert at.session_state["name"] == "Ada"
        assert at.text.texts == ["Ada/Ada"]


async def test_setting_state_before_a_widget_is_created_sets_its_value() -> None:
    async def main() -> None:
        if rr.button("Reset"):
            rr.session_state.n = 42
        value = rr.number_input("N", key="n")
        rr.text(str(value))

    async with AppTest(main) as at:
        await at.number_input("N").set_value(5)
        assert at.text.texts == ["5"]
        await at.button("Reset").click()
        assert at.text.texts == ["42"]
        assert at.number_input("N").value == 42


async def test_initialising_state_before_the_first_run_of_a_widget_sets_its_default() -> None:
    async def main() -> None:
        rr.session_state.setdefault("choice", "b")
        rr.selectbox("Pick", ["a", "b", "c"], key="choice")

    async with AppTest(main) as at:
        assert at.selectbox("Pick").value == "b"


async def test_setting_state_after_the_widget_was_created_raises_api_error() -> None:
    async def main() -> None:
        rr.checkbox("Flag", key="flag")
        try:
            rr.session_state.flag = True
        except rr.APIError as exc:
            rr.text(str(exc))

    async with AppTest(main) as at:
        [message] = at.text.texts
        assert "'flag'" in message and "cannot be modified after the widget" in message
        assert at.session_state["flag"] is False


async def test_a_button_key_in_session_state_is_read_only() -> None:
    async def main() -> None:
        rr.button("Go", key="go")
        rr.text(str(rr.session_state.go))

    async with AppTest(main) as at:
        await at.button("Go").click()
        assert at.text.texts == ["True"]
        with pytest.raises(rr.APIError, match="read-only"):
            at.session_state["go"] = False


async def test_an_unkeyed_widget_not_drawn_in_a_completed_run_loses_its_state() -> None:
    async def main() -> None:
        if rr.checkbox("Show"):
            rr.text_input("Unkeyed")

    async with AppTest(main) as at:
        await at.checkbox("Show").set_value(True)
        await at.text_input("Unkeyed").set_value("hello")
        assert at.text_input("Unkeyed").value == "hello"
        await at.checkbox("Show").set_value(False)
        assert at.text_input == []
        await at.checkbox("Show").set_value(True)
        assert at.text_input("Unkeyed").value == ""


async def test_a_keyed_widget_not_drawn_keeps_its_value_and_shows_it_again() -> None:
    async def main() -> None:
        if rr.checkbox("Show"):
            rr.text_input("Keyed", key="keyed")
        rr.text(repr(rr.session_state.get("keyed")))

    async with AppTest(main) as at:
        await at.checkbox("Show").set_value(True)
        await at.text_input("Keyed").set_value("hello")
        await at.checkbox("Show").set_value(False)
        assert at.text_input == []
        assert at.text.texts == ["'hello'"]
        await at.checkbox("Show").set_value(True)
        assert at.text_input("Keyed").value == "hello"


async def test_a_callback_sees_the_new_value_and_its_writes_are_visible_to_the_body() -> None:
    seen: list[str] = []

    def changed() -> None:
        seen.append(rr.session_state.word)
        rr.session_state.upper = rr.session_state.word.upper()

    async def main() -> None:
        rr.text_input("Word", key="word", on_change=changed)
        rr.text(rr.session_state.get("upper", ""))

    async with AppTest(main) as at:
        await at.text_input("Word").set_value("abc")
        assert seen == ["abc"]
        assert at.text.texts == ["ABC"]


async def test_session_state_is_per_session() -> None:
    async def main() -> None:
        rr.text_input("T", key="t")

    async with AppTest(main) as one, AppTest(main) as two:
        await one.text_input("T").set_value("one")
        assert two.session_state["t"] == ""
        assert one.session_state["t"] == "one"


async def test_a_callback_can_set_a_keyed_widgets_value() -> None:
    def clear() -> None:
        rr.session_state.query = ""

    async def main() -> None:
        rr.text_input("Query", key="query")
        rr.button("Clear", on_click=clear)

    async with AppTest(main) as at:
        await at.text_input("Query").set_value("typed")
        await at.button("Clear").click()
        assert at.text_input("Query").value == ""
        assert at.session_state["query"] == ""


async def test_deleting_a_widgets_key_resets_the_widget_to_its_default() -> None:
    async def main() -> None:
        if rr.button("Forget"):
            del rr.session_state["level"]
        rr.slider("Level", 0, 10, 3, key="level")

    async with AppTest(main) as at:
        await at.slider("Level").set_value(8)
        await at.button("Forget").click()
        assert at.slider("Level").value == 3
        assert at.session_state["level"] == 3


async def test_setting_state_a_widget_cannot_show_raises_api_error() -> None:
    async def main() -> None:
        rr.session_state.setdefault("pick", "zebra")
        rr.selectbox("Pick", ["a", "b"], key="pick")

    async with AppTest(main) as at:
        [shown] = at.exception
        assert shown.props["type"] == "APIError"
        assert "'pick'" in shown.props["message"] and "'zebra'" in shown.props["message"]


async def test_an_on_change_callback_can_rewrite_its_own_widgets_value() -> None:
    def shout() -> None:
        rr.session_state.word = rr.session_state.word.upper()

    async def main() -> None:
        rr.text_input("Word", key="word", on_change=shout)

    async with AppTest(main) as at:
        await at.text_input("Word").set_value("quiet")
        assert at.session_state["word"] == "QUIET"
        assert at.text_input("Word").value == "QUIET"  # sent back, replacing what was typed
