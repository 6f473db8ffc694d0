"""The combobox widgets (selectbox, multiselect), sliders and number_input: Streamlit 1.67's
parameters (accept_new_options, filter_mode, select_all, format, icon, width, ...), each checked
where the script calls it, and client values checked before anything changes."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from test_widgets import _refused, set_msg

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


def shows(values: list[Any]) -> None:
    rr.text(json.dumps(values))


async def new_options_app() -> None:
    shows([
        rr.selectbox("Fruit", ["Apple", "Pear"], accept_new_options=True, key="fruit"),
        rr.multiselect("Cats", ["Tom", "Felix"], accept_new_options=True, max_selections=3,
                       key="cats"),
        rr.selectbox("Fixed", ["a", "b"]),
    ])


async def test_a_typed_new_option_is_returned_as_text_and_a_known_one_as_the_option() -> None:
    async with AppTest(new_options_app) as at:
        assert at.selectbox("Fruit").props["placeholder"] == "Choose or add an option"
        assert at.selectbox("Fixed").props["placeholder"] == "Choose an option"
        assert at.multiselect("Cats").props["placeholder"] == "Choose or add options"
        await at.send_text(set_msg(at, "selectbox", "Fruit", "Mango"))
        assert json.loads(at.text[0].text)[0] == "Mango"
        assert at.selectbox("Fruit").value == "Mango"
        await at.send_text(set_msg(at, "selectbox", "Fruit", "  pear "))  # an option, any case
        assert json.loads(at.text[0].text)[0] == "Pear"
        await at.send_text(set_msg(at, "multiselect", "Cats", [1, "Garfield"]))
        assert json.loads(at.text[0].text)[1] == ["Felix", "Garfield"]
        assert at.session_state["cats"] == ["Felix", "Garfield"]
        await at.multiselect("Cats").set_value(["Tom", "Nermal"])
        assert json.loads(at.text[0].text)[1] == ["Tom", "Nermal"]


@pytest.mark.parametrize(("kind", "label", "value", "needle"), [
    ("selectbox", "Fixed", "c", "takes no new options"),
    ("selectbox", "Fruit", "   ", "must not be empty"),
    ("selectbox", "Fruit", "x" * 1001, "longer than 1000"),
    ("selectbox", "Fruit", 5, "out of range"),
    ("multiselect", "Cats", ["Tom", "tom"], "distinct"),
    ("multiselect", "Cats", [1, "felix"], "distinct"),  # "felix" is the option Felix
    ("multiselect", "Cats", ["a", "b", "c", "d"], "at most 3"),
    ("multiselect", "Cats", [None], "integers"),
])
async def test_bad_new_options_are_refused_and_change_nothing(
    kind: str, label: str, value: Any, needle: str
) -> None:
    async with AppTest(new_options_app) as at:
        await _refused(at, set_msg(at, kind, label, value), "bad value", needle)


async def test_the_combobox_fields_reach_the_page() -> None:
    async def main() -> None:
        rr.selectbox("One", ["a"], filter_mode="prefix", icon="🍎", width=300)
        rr.multiselect("Many", ["a", "b"], "b", filter_mode=None, select_all=False, wrap=False)
        rr.multiselect("All", ["a", "b"], select_all=True)
        rr.multiselect("Empty", [])

    async with AppTest(main) as at:
        one = at.selectbox("One").props
        assert (one["filter"], one["icon"], one["width"]) == ("prefix", "🍎", 300)
        many = at.multiselect("Many")
        assert many.value == ["b"]  # a single default value is one option, as in Streamlit
        assert (many.props["filter"], many.props["select_all"], many.props["wrap"]) == (
            None, None, False)
        assert at.multiselect("All").props["select_all"] == 2
        empty = at.multiselect("Empty").props
        assert empty["disabled"] and empty["placeholder"] == "No options to select"


async def test_format_is_checked_and_sent_for_the_page_to_apply() -> None:
    async def main() -> None:
        rr.slider("Share", 0.0, 1.0, 0.5, format="percent")
        rr.slider("Cost", 0.0, 9.0, 1.0, format="$%.2f")
        rr.number_input("Ratio", 0.0, 100.0, 5.0, format="%0.1f%%")

    async with AppTest(main) as at:
        assert at.slider("Share").props["format"] == "percent"
        assert at.slider("Cost").props["format"] == "$%.2f"
        assert at.number_input("Ratio").props["format"] == "%0.1f%%"
        assert at.number_input("Ratio").value == 5.0  # format changes only what is shown


def raising(call: Callable[[], Any]) -> Callable[[], Awaitable[None]]:
    async def main() -> None:
        call()
    return main


@pytest.mark.parametrize(("call", "needle"), [
    (lambda: rr.number_input("n", format="%s"), "not a printf-style number format"),
    (lambda: rr.number_input("n", format="%d %d"), "exactly one of"),
    (lambda: rr.number_input("n", format="percent"), "not a printf-style"),  # slider only
    (lambda: rr.slider("s", format="%q"), "or one of plain"),
    (lambda: rr.slider("s", width=0), "width must be 'stretch'"),
    (lambda: rr.selectbox("b", ["a"], filter_mode="regex"), "filter_mode must be one of"),
    (lambda: rr.selectbox("b", ["a"], filter_mode=None, accept_new_options=True),
     "cannot be combined"),
    (lambda: rr.multiselect("m", ["a"], select_all=-1), "select_all must be"),
    (lambda: rr.multiselect("m", ["a"], max_selections=0), "max_selections must be"),
    (lambda: rr.multiselect("m", ["a"], default=["z"]), "not one of the options"),
    (lambda: rr.selectbox("b", ["a"], bind="query-params"), "need a `key`"),
    (lambda: rr.select_slider("t", ["a"], persist_state="forever", key="t"), "persist_state"),
    (lambda: rr.number_input("n", icon=":material/Bad Name:"), "not a Material Symbol"),
])
async def test_a_bad_parameter_is_an_api_error_naming_it(
    call: Callable[[], Any], needle: str
) -> None:
    async with AppTest(raising(call)) as at:
        [shown] = at.exception
        assert shown.props["type"] == "APIError"
        assert needle in shown.props["message"]


async def test_a_required_selectbox_cannot_be_cleared_but_may_start_empty() -> None:
    async def main() -> None:
        shows([rr.selectbox("Must", ["a", "b"], required=True, key="must"),
               rr.selectbox("Empty", ["a", "b"], index=None, required=True, key="empty")])

    async with AppTest(main) as at:
        assert json.loads(at.text[0].text) == ["a", None]
        await _refused(at, set_msg(at, "selectbox", "Must", None), "an option is required")
        await at.selectbox("Empty").set_value("b")
        assert json.loads(at.text[0].text) == ["a", "b"]
