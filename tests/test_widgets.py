"""SPEC §5: widgets return their value, take keys and callbacks, and refuse bad client values."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from _helpers import drawn, ops_of

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


def shows(values: list[Any]) -> None:
    rr.text(json.dumps(values))


# -- each widget's value ------------------------------------------------------------------------


async def test_button_is_true_only_in_the_run_its_click_caused() -> None:
    async def main() -> None:
        shows([rr.button("Go")])
        rr.toggle("other")

    async with AppTest(main) as at:
        assert at.text.texts == ["[false]"]
        await at.button("Go").click()
        assert at.text.texts == ["[true]"]
        await at.toggle("other").set_value(True)
        assert at.text.texts == ["[false]"]


async def test_checkbox_and_toggle_return_their_boolean() -> None:
    async def main() -> None:
        shows([rr.checkbox("c"), rr.toggle("t", value=True)])

    async with AppTest(main) as at:
        assert at.text.texts == ["[false, true]"]
        await at.checkbox("c").set_value(True)
        await at.toggle("t").set_value(False)
        assert at.text.texts == ["[true, false]"]
        assert at.checkbox("c").value is True
        assert at.toggle("t").value is False


async def test_text_input_and_text_area_return_their_text() -> None:
    async def main() -> None:
        shows([rr.text_input("name", value="x"), rr.text_area("bio", placeholder="...")])

    async with AppTest(main) as at:
        assert at.text.texts == ['["x", ""]']
        assert at.text_area("bio").props["placeholder"] == "..."
        await at.text_input("name").set_value("Ada")
        await at.text_area("bio").set_value("line 1\nline 2")
        assert json.loads(at.text[0].text) == ["Ada", "line 1\nline 2"]


async def test_number_input_is_an_int_widget_when_every_number_is_an_int() -> None:
    async def main() -> None:
        value = rr.number_input("n", min_value=0, max_value=10, value=3)
        shows([value, type(value).__name__])

    async with AppTest(main) as at:
        assert at.number_input("n").props["int"] is True
        assert at.number_input("n").props["step"] == 1
        assert at.text.texts == ['[3, "int"]']
        await at.number_input("n").set_value(7)
        assert at.text.texts == ['[7, "int"]']


async def test_number_input_is_a_float_widget_when_a_number_is_a_float() -> None:
    async def main() -> None:
        value = rr.number_input("x", min_value=0.0, max_value=1.0, step=0.1)
        shows([value, type(value).__name__])

    async with AppTest(main) as at:
        props = at.number_input("x").props
        assert (props["int"], props["min"], props["max"], props["step"]) == (False, 0.0, 1.0, 0.1)
        assert at.text.texts == ['[0.0, "float"]']
        await at.number_input("x").set_value(1)
        assert at.text.texts == ['[1.0, "float"]']


async def test_number_input_starts_at_its_minimum_by_default() -> None:
    async def main() -> None:
        shows([rr.number_input("a", min_value=5), rr.number_input("b")])

    async with AppTest(main) as at:
        assert at.text.texts == ["[5, 0]"]


async def test_number_input_refuses_a_default_outside_its_range() -> None:
    async def main() -> None:
        with pytest.raises(rr.APIError, match="above the maximum"):
            rr.number_input("n", min_value=0, max_value=3, value=5)
        rr.text("checked")

    async with AppTest(main) as at:
        assert at.text.texts == ["checked"]


async def test_slider_returns_a_number() -> None:
    async def main() -> None:
        shows([rr.slider("i", 0, 10, 4), rr.slider("f", 0.0, 1.0, 0.5)])

    async with AppTest(main) as at:
        assert at.text.texts == ["[4, 0.5]"]
        assert at.slider("i").props["int"] is True
        assert at.slider("f").props["int"] is False
        await at.slider("i").set_value(9)
        await at.slider("f").set_value(0.25)
        assert at.text.texts == ["[9, 0.25]"]


async def test_range_slider_returns_a_pair() -> None:
    values: list[Any] = []

    async def main() -> None:
        values.append(rr.slider("r", 0, 100, (20, 80)))

    async with AppTest(main) as at:
        assert values == [(20, 80)]
        assert at.slider("r").value == (20, 80)
        await at.slider("r").set_value((30, 40))
        assert values[-1] == (30, 40)
        assert at.slider("r").value == (30, 40)


async def test_slider_defaults_to_its_minimum_and_refuses_values_past_its_maximum() -> None:
    async def main() -> None:
        shows([rr.slider("s", min_value=3, max_value=9)])

    async with AppTest(main) as at:
        assert at.text.texts == ["[3]"]
        await at.slider("s").set_value(10)
        assert at.text.texts == ["[3]"]
        assert len(at.errors) == 1 and "above the maximum 9" in at.errors[0]


async def test_selectbox_returns_the_chosen_option() -> None:
    values: list[Any] = []

    async def main() -> None:
        values.append(rr.selectbox("pick", [10, 20, 30], index=1, format_func=lambda v: f"#{v}"))

    async with AppTest(main) as at:
        assert at.selectbox("pick").props["options"] == ["#10", "#20", "#30"]
        assert values == [20]
        await at.selectbox("pick").set_value("#30")
        assert values[-1] == 30
        assert at.selectbox("pick").value == "#30"


async def test_selectbox_with_no_index_returns_none() -> None:
    values: list[Any] = []

    async def main() -> None:
        values.append(rr.selectbox("pick", ["a", "b"], index=None))

    async with AppTest(main) as at:
        assert values == [None]
        assert at.selectbox("pick").value is None
        await at.selectbox("pick").set_value("b")
        await at.selectbox("pick").set_value(None)
        assert values == [None, "b", None]


async def test_radio_returns_the_chosen_option() -> None:
    async def main() -> None:
        shows([rr.radio("r", ["x", "y"], horizontal=True)])

    async with AppTest(main) as at:
        assert at.radio("r").props["horizontal"] is True
        assert at.text.texts == ['["x"]']
        await at.radio("r").set_value("y")
        assert at.text.texts == ['["y"]']


async def test_multiselect_returns_the_chosen_options_in_order() -> None:
    values: list[Any] = []

    async def main() -> None:
        values.append(rr.multiselect("m", ["a", "b", "c"], default=["b"]))

    async with AppTest(main) as at:
        assert values == [["b"]]
        await at.multiselect("m").set_value(["c", "a"])
        assert values[-1] == ["c", "a"]
        assert at.multiselect("m").value == ["c", "a"]


# -- keys, identity and callbacks ---------------------------------------------------------------


async def test_a_keyed_widget_uses_its_key_as_its_identity() -> None:
    async def main() -> None:
        label = "Label A" if not rr.session_state.get("relabel") else "Label B"
        rr.text_input(label, key="field")

    async with AppTest(main) as at:
        await at.text_input("Label A").set_value("kept")
        at.session_state["relabel"] = True
        await at.text_input("Label A").set_value("kept too")
        assert at.text_input("Label B").value == "kept too"
        assert at.session_state["field"] == "kept too"


async def test_unkeyed_widgets_with_different_parameters_are_different_widgets() -> None:
    async def main() -> None:
        rr.text_input("Same", value="a")
        rr.text_input("Same", value="b")

    async with AppTest(main) as at:
        assert [w.value for w in at.text_input] == ["a", "b"]
        assert at.text_input[0].id != at.text_input[1].id


async def test_two_unkeyed_widgets_with_one_identity_raise_api_error_naming_it() -> None:
    async def main() -> None:
        rr.button("Twice")
        rr.button("Twice")

    async with AppTest(main) as at:
        [shown] = at.exception
        assert shown.props["type"] == "APIError"
        assert "'Twice'" in shown.props["message"] and "`button`" in shown.props["message"]


async def test_two_widgets_with_one_key_raise_api_error_naming_the_key() -> None:
    async def main() -> None:
        rr.checkbox("one", key="dup")
        rr.toggle("two", key="dup")

    async with AppTest(main) as at:
        [shown] = at.exception
        assert "key='dup'" in shown.props["message"]


async def test_on_change_gets_args_and_kwargs() -> None:
    calls: list[tuple[Any, ...]] = []

    def cb(*args: Any, **kwargs: Any) -> None:
        calls.append((args, kwargs))

    async def main() -> None:
        rr.checkbox("c", on_change=cb, args=(1, "two"), kwargs={"three": 3})

    async with AppTest(main) as at:
        await at.checkbox("c").set_value(True)
        assert calls == [((1, "two"), {"three": 3})]


async def test_on_click_gets_args_and_kwargs() -> None:
    calls: list[tuple[Any, ...]] = []

    async def main() -> None:
        rr.button("Go", on_click=lambda *a, **k: calls.append((a, k)), args=[5], kwargs={"x": 1})

    async with AppTest(main) as at:
        await at.button("Go").click()
        await at.button("Go").click()
        assert calls == [((5,), {"x": 1})] * 2


async def test_an_async_callback_is_awaited_before_the_body() -> None:
    order: list[str] = []

    async def cb() -> None:
        await asyncio.sleep(0)
        order.append(f"callback sees {rr.session_state.v}")
        rr.session_state.note = "from callback"

    async def main() -> None:
        order.append("body")
        rr.slider("v", 0, 10, key="v", on_change=cb)
        rr.text(rr.session_state.get("note", "-"))

    async with AppTest(main) as at:
        order.clear()
        await at.slider("v").set_value(6)
        assert order == ["callback sees 6", "body"]
        assert at.text.texts == ["from callback"]


async def test_a_callback_runs_before_the_body_and_only_for_its_own_widget() -> None:
    order: list[str] = []

    async def main() -> None:
        order.append("body")
        rr.checkbox("a", on_change=lambda: order.append("a"))
        rr.checkbox("b", on_change=lambda: order.append("b"))

    async with AppTest(main) as at:
        order.clear()
        await at.checkbox("b").set_value(True)
        assert order == ["b", "body"]


async def test_setting_a_widget_to_the_value_it_has_does_not_rerun() -> None:
    async def main() -> None:
        rr.text_input("t", value="same")

    async with AppTest(main) as at:
        await at.text_input("t").set_value("same")
        assert at.page.runs == [(1, "complete")]


async def test_an_entered_value_is_not_sent_back_to_the_client() -> None:
    async def main() -> None:
        rr.text_input("t")

    async with AppTest(main) as at:
        before = len(at.page.ops)
        await at.text_input("t").set_value("typed")
        assert drawn(at, before, "text_input") == []
        assert at.text_input("t").value == "typed"


async def test_a_disabled_widget_says_so() -> None:
    async def main() -> None:
        rr.button("Off", disabled=True, help="not now")

    async with AppTest(main) as at:
        assert at.button("Off").props["disabled"] is True
        assert at.button("Off").props["help"] == "not now"


async def test_a_widget_label_must_be_a_string() -> None:
    async def main() -> None:
        with pytest.raises(rr.APIError, match="must be a string"):
            rr.checkbox(3)  # type: ignore[arg-type]
        with pytest.raises(rr.APIError, match="not callable"):
            rr.checkbox("x", on_change="nope")  # type: ignore[arg-type]

    async with AppTest(main) as at:
        assert at.exception == []


# -- bad client values --------------------------------------------------------------------------


async def _refused(at: AppTest, raw: str, *needles: str) -> None:
    """Send ``raw``; it must be refused with an error naming ``needles``, changing nothing."""
    runs, state, errors = list(at.page.runs), dict(at.session_state), len(at.errors)
    elements = {p: dict(e) for p, e in at.page.elements.items()}
    ops = len(at.page.ops)
    await at.send_text(raw)
    assert len(at.errors) == errors + 1, raw
    message = at.errors[-1]
    for needle in needles:
        assert needle in message, (raw, message)
    assert at.page.runs == runs
    assert dict(at.session_state) == state
    assert at.page.elements == elements
    assert [o["op"] for o in ops_of(at, ops)] == ["error"]


async def widgets_app() -> None:
    rr.checkbox("check", key="check")
    rr.text_input("text", key="text", max_chars=3)
    rr.number_input("int", min_value=0, max_value=10, key="int")
    rr.number_input("float", min_value=0.0, max_value=1.0, key="float")
    rr.slider("range", 0, 10, (2, 5), key="range")
    rr.selectbox("select", ["a", "b"], key="select")
    rr.multiselect("multi", ["a", "b", "c"], key="multi", max_selections=2)
    rr.button("button", key="button")


def set_msg(at: AppTest, kind: str, label: str, value: Any) -> str:
    element = at.elements(kind)(label)
    return json.dumps({"t": "set", "id": element.id, "v": value})


@pytest.mark.parametrize(
    ("kind", "label", "value", "needle"),
    [
        ("checkbox", "check", "yes", "expected true or false"),
        ("checkbox", "check", 1, "expected true or false"),
        ("text_input", "text", 5, "expected a string"),
        ("text_input", "text", "toolong", "max_chars=3"),
        ("number_input", "int", "3", "expected a number"),
        ("number_input", "int", True, "expected a number"),
        ("number_input", "int", 2.5, "expected an integer"),
        ("number_input", "int", 11, "above the maximum 10"),
        ("number_input", "int", -1, "below the minimum 0"),
        ("number_input", "float", 1.5, "above the maximum"),
        ("slider", "range", 3, "expected a pair"),
        ("slider", "range", [5, 2], "above its high end"),
        ("slider", "range", [0, 11], "above the maximum"),
        ("selectbox", "select", 2, "out of range"),
        ("selectbox", "select", "a", "expected an option index"),
        ("multiselect", "multi", [0, 0], "distinct"),
        ("multiselect", "multi", [0, 1, 2], "at most 2"),
        ("multiselect", "multi", [7], "out of range"),
        ("multiselect", "multi", 0, "list of option indices"),
    ],
)
async def test_a_bad_widget_value_is_refused_and_changes_nothing(
    kind: str, label: str, value: Any, needle: str
) -> None:
    async with AppTest(widgets_app) as at:
        await _refused(at, set_msg(at, kind, label, value), "bad value", kind, needle)


async def test_a_non_finite_number_is_refused() -> None:
    async with AppTest(widgets_app) as at:
        element = at.number_input("float")
        raw = f'{{"t": "set", "id": "{element.id}", "v": NaN}}'
        await _refused(at, raw, "finite")


async def test_an_unknown_widget_id_is_refused() -> None:
    async with AppTest(widgets_app) as at:
        await _refused(at, '{"t": "set", "id": "no-such-widget", "v": 1}', "unknown widget id")
        await _refused(at, '{"t": "click", "id": "no-such-widget"}', "unknown widget id")


async def test_malformed_json_is_refused() -> None:
    async with AppTest(widgets_app) as at:
        await _refused(at, '{"t": "set", ', "not valid JSON")
        await _refused(at, "[1, 2]", "JSON object")


async def test_an_unknown_message_kind_is_refused() -> None:
    async with AppTest(widgets_app) as at:
        await _refused(at, '{"t": "explode"}', "unknown message kind", "'explode'")
        await _refused(at, '{"id": "x"}', "unknown message kind")


async def test_a_message_missing_fields_is_refused() -> None:
    async with AppTest(widgets_app) as at:
        check = at.checkbox("check").id
        await _refused(at, json.dumps({"t": "set", "id": check}), "needs a value")
        await _refused(at, json.dumps({"t": "click"}), "'id'")
        await _refused(at, json.dumps({"t": "set", "id": 5, "v": True}), "'id'")


async def test_clicking_a_non_button_or_setting_a_button_is_refused() -> None:
    async with AppTest(widgets_app) as at:
        check, button = at.checkbox("check").id, at.button("button").id
        await _refused(at, json.dumps({"t": "click", "id": check}), "cannot be clicked")
        await _refused(at, json.dumps({"t": "set", "id": button, "v": True}), "takes 'click'")


async def test_the_session_goes_on_after_bad_messages() -> None:
    async with AppTest(widgets_app) as at:
        await at.send_text("garbage")
        await at.checkbox("check").set_value(True)
        assert at.session_state["check"] is True
        assert at.page.runs[-1] == (2, "complete")


async def test_a_value_for_a_widget_an_error_run_removed_is_refused() -> None:
    async def main() -> None:
        if rr.checkbox("fail"):
            raise ValueError("the run ends here")
        rr.text_input("later")

    async with AppTest(main) as at:
        later = at.text_input("later").id
        await at.checkbox("fail").set_value(True)
        assert at.text_input == []  # the error run removed it from the page
        runs = list(at.page.runs)
        await at.send({"t": "set", "id": later, "v": "ghost"})
        assert at.page.runs == runs
        assert at.errors and "unknown widget id" in at.errors[-1]


async def test_number_input_may_start_empty() -> None:
    values: list[Any] = []

    async def main() -> None:
        values.append(rr.number_input("n", value=None, min_value=0, max_value=5))

    async with AppTest(main) as at:
        assert values == [None]
        assert at.number_input("n").value is None
        await at.number_input("n").set_value(4)
        await at.number_input("n").set_value(None)
        assert values == [None, 4, None]


async def test_text_input_options_reach_the_page() -> None:
    async def main() -> None:
        rr.text_input("pw", type="password", max_chars=8, placeholder="secret")
        rr.text_area("notes", height=120)

    async with AppTest(main) as at:
        pw = at.text_input("pw").props
        assert (pw["password"], pw["max_chars"], pw["placeholder"]) == (True, 8, "secret")
        assert at.text_area("notes").props["height"] == 120
