"""SPEC §5-6: containers and layout, forms and their misuse errors."""

from __future__ import annotations

import pytest
from _helpers import drawn

import reactive_rerun as rr
from reactive_rerun.testing import AppTest, Element

pytestmark = pytest.mark.anyio


def kinds_in(at: AppTest, block: Element) -> list[tuple[str, str]]:
    """(kind, text) of the direct children of ``block``, in order."""
    depth = block.path.count(".") + 1
    return [
        (e.props.get("type", e.kind), e.text)
        for e in at.within(block.path)
        if e.path.count(".") == depth
    ]


async def test_container_works_with_with_and_with_methods() -> None:
    async def main() -> None:
        box = rr.container(border=True)
        with box:
            rr.text("inside via with")
        box.text("inside via method")
        rr.text("outside")

    async with AppTest(main) as at:
        [box] = at.blocks("container")
        assert box.props["border"] is True
        assert kinds_in(at, box) == [("text", "inside via with"), ("text", "inside via method")]
        assert at.text.texts == ["inside via with", "inside via method", "outside"]


async def test_writing_into_an_earlier_container_puts_the_element_there() -> None:
    async def main() -> None:
        top = rr.container()
        rr.text("middle")
        rr.text("bottom")
        top.header("written last, shown first")

    async with AppTest(main) as at:
        assert [(e.kind, e.text) for e in at.elements() if e.kind != "block"] == [
            ("header", "written last, shown first"), ("text", "middle"), ("text", "bottom"),
        ]


async def test_nested_containers_keep_their_order() -> None:
    async def main() -> None:
        outer = rr.container()
        inner = outer.container()
        outer.text("after inner")
        inner.text("in inner")

    async with AppTest(main) as at:
        assert at.text.texts == ["in inner", "after inner"]


async def test_empty_holds_one_element_and_writing_again_replaces_it() -> None:
    async def main() -> None:
        slot = rr.empty()
        slot.text("first")
        slot.text("second")
        with slot:
            rr.header("third")
        rr.text("after")

    async with AppTest(main) as at:
        [slot] = at.blocks("empty")
        assert kinds_in(at, slot) == [("header", "third")]
        assert at.text.texts == ["after"]


async def test_empty_can_be_cleared_by_a_later_run() -> None:
    async def main() -> None:
        slot = rr.empty()
        if not rr.checkbox("hide"):
            slot.text("shown")

    async with AppTest(main) as at:
        assert at.text.texts == ["shown"]
        await at.checkbox("hide").set_value(True)
        assert at.text == []
        assert len(at.blocks("empty")) == 1


async def test_columns_by_count_and_by_widths() -> None:
    async def main() -> None:
        a, b = rr.columns(2)
        c, d, e = rr.columns([1, 2, 3], gap="large")
        b.text("b")
        with a:
            rr.text("a")
        e.text("e")

    async with AppTest(main) as at:
        rows = at.blocks("columns")
        assert [r.props["gap"] for r in rows] == ["small", "large"]
        cols = at.blocks("column")
        assert [c.props["weight"] for c in cols] == [1.0, 1.0, 1.0, 2.0, 3.0]
        assert [kinds_in(at, c) for c in cols] == [
            [("text", "a")], [("text", "b")], [], [], [("text", "e")],
        ]


async def test_columns_refuse_a_bad_spec() -> None:
    async def main() -> None:
        for spec in (0, [1, 0], []):
            with pytest.raises(rr.APIError, match="positive"):
                rr.columns(spec)
        rr.text("ok")

    async with AppTest(main) as at:
        assert at.text.texts == ["ok"]


async def test_tabs_make_one_container_per_label() -> None:
    async def main() -> None:
        one, two = rr.tabs(["One", "Two"])
        two.text("in two")
        with one:
            rr.text("in one")

    async with AppTest(main) as at:
        [row] = at.blocks("tabs")
        assert row.props["labels"] == ["One", "Two"]
        tabs = at.blocks("tab")
        assert [t.props["label"] for t in tabs] == ["One", "Two"]
        assert [kinds_in(at, t) for t in tabs] == [[("text", "in one")], [("text", "in two")]]


async def test_expander_holds_elements_and_has_an_initial_state() -> None:
    async def main() -> None:
        with rr.expander("More", expanded=True):
            rr.text("details")
        rr.expander("Closed").text("hidden")

    async with AppTest(main) as at:
        first, second = at.blocks("expander")
        assert (first.props["label"], first.props["expanded"]) == ("More", True)
        assert (second.props["label"], second.props["expanded"]) == ("Closed", False)
        assert kinds_in(at, first) == [("text", "details")]
        assert kinds_in(at, second) == [("text", "hidden")]


async def test_sidebar_draws_into_its_own_root() -> None:
    async def main() -> None:
        rr.sidebar.header("side")
        with rr.sidebar:
            value = rr.checkbox("in sidebar")
        rr.text(f"main {value}")

    async with AppTest(main) as at:
        assert at.header[0].path == "s.0"
        assert at.checkbox("in sidebar").path == "s.1"
        assert at.text[0].path == "m.0"
        await at.checkbox("in sidebar").set_value(True)
        assert at.text.texts == ["main True"]


async def test_widgets_work_as_container_methods() -> None:
    async def main() -> None:
        left, right = rr.columns(2)
        if right.button("Press"):
            left.text("pressed")

    async with AppTest(main) as at:
        await at.button("Press").click()
        [text] = at.text
        assert text.path.startswith(at.blocks("column")[0].path + ".")


async def test_same_widget_in_the_main_area_and_the_sidebar_are_distinct() -> None:
    async def main() -> None:
        rr.button("Same")
        rr.sidebar.button("Same")

    async with AppTest(main) as at:
        assert at.exception == []
        assert len({b.id for b in at.button}) == 2


# -- forms -------------------------------------------------------------------------------------


async def form_app() -> None:
    rr.session_state.setdefault("runs", 0)
    rr.session_state.runs += 1
    with rr.form("profile"):
        name = rr.text_input("Name", key="name")
        age = rr.number_input("Age", min_value=0, max_value=130, key="age")
        submitted = rr.form_submit_button("Save")
    rr.text(f"{submitted} {name} {age}")


async def test_widgets_in_a_form_do_not_rerun_until_submit() -> None:
    async with AppTest(form_app) as at:
        assert at.text_input("Name").props["form"] == "profile"
        await at.text_input("Name").set_value("Ada")
        await at.number_input("Age").set_value(36)
        assert at.session_state["runs"] == 1
        assert at.text.texts == ["False  0"]
        await at.submit("Save").click()
        assert at.session_state["runs"] == 2
        assert at.text.texts == ["True Ada 36"]
        assert at.text_input("Name").value == "Ada"


async def test_a_form_submit_is_true_in_one_run_only() -> None:
    async def main() -> None:
        with rr.form("f"):
            rr.checkbox("c")
            pressed = rr.form_submit_button()
        rr.text(str(pressed))
        rr.button("Other")

    async with AppTest(main) as at:
        await at.submit("Submit").click()
        assert at.text.texts == ["True"]
        await at.button("Other").click()
        assert at.text.texts == ["False"]


async def test_a_form_submit_callback_sees_all_the_submitted_values() -> None:
    seen: list[tuple[str, int]] = []

    def saved() -> None:
        seen.append((rr.session_state.name, rr.session_state.age))

    async def main() -> None:
        with rr.form("f"):
            rr.text_input("Name", key="name")
            rr.number_input("Age", key="age")
            rr.form_submit_button("Save", on_click=saved)

    async with AppTest(main) as at:
        await at.text_input("Name").set_value("Bo")
        await at.number_input("Age").set_value(7)
        await at.submit("Save").click()
        assert seen == [("Bo", 7)]


async def test_setting_a_form_field_directly_is_refused() -> None:
    async with AppTest(form_app) as at:
        field = at.text_input("Name").id
        await at.send({"t": "set", "id": field, "v": "sneaky"})
        assert "is in a form" in at.errors[-1]
        assert at.session_state["name"] == ""
        assert at.session_state["runs"] == 1


async def test_a_submit_with_a_bad_value_changes_nothing() -> None:
    async with AppTest(form_app) as at:
        save, name, age = at.submit("Save").id, at.text_input("Name").id, at.number_input("Age").id
        await at.send(
            {"t": "submit", "form": "profile", "id": save, "values": {name: "ok", age: 500}}
        )
        assert "above the maximum" in at.errors[-1]
        assert at.session_state["name"] == ""
        assert at.session_state["runs"] == 1
        await at.send({"t": "submit", "form": "other", "id": save, "values": {}})
        assert "not a submit button of form 'other'" in at.errors[-1]
        assert at.session_state["runs"] == 1


async def test_nested_forms_raise_api_error() -> None:
    async def main() -> None:
        with rr.form("outer"):
            with pytest.raises(rr.APIError, match="cannot be nested"):
                rr.form("inner")
            with rr.container(), pytest.raises(rr.APIError, match="cannot be nested"):
                rr.form("deeper")
            rr.form_submit_button()
        rr.text("checked")

    async with AppTest(main) as at:
        assert at.text.texts == ["checked"]


async def test_a_button_in_a_form_raises_api_error_saying_what_to_use() -> None:
    async def main() -> None:
        with rr.form("f"):
            with pytest.raises(rr.APIError, match="form_submit_button"):
                rr.button("Nope")
            rr.form_submit_button()
        rr.text("checked")

    async with AppTest(main) as at:
        assert at.text.texts == ["checked"]


async def test_a_submit_button_outside_a_form_raises_api_error() -> None:
    async def main() -> None:
        with pytest.raises(rr.APIError, match=r"inside an `rr.form\(\)`"):
            rr.form_submit_button("Lost")
        rr.text("checked")

    async with AppTest(main) as at:
        assert at.text.texts == ["checked"]


async def test_on_change_on_a_widget_in_a_form_raises_api_error() -> None:
    async def main() -> None:
        with rr.form("f"):
            with pytest.raises(rr.APIError, match="only be defined on `rr.form_submit_button`"):
                rr.checkbox("c", on_change=lambda: None)
            rr.form_submit_button()
        rr.text("checked")

    async with AppTest(main) as at:
        assert at.text.texts == ["checked"]


async def test_two_forms_with_one_key_raise_api_error() -> None:
    async def main() -> None:
        with rr.form("same"):
            rr.form_submit_button()
        with pytest.raises(rr.APIError, match="key='same'"):
            rr.form("same")
        rr.text("checked")

    async with AppTest(main) as at:
        assert at.text.texts == ["checked"]


async def test_form_works_as_a_container_method() -> None:
    async def main() -> None:
        f = rr.sidebar.form("side")
        value = f.checkbox("c")
        pressed = f.form_submit_button("Go")
        rr.text(f"{pressed} {value}")

    async with AppTest(main) as at:
        assert at.checkbox("c").props["form"] == "side"
        await at.checkbox("c").set_value(True)
        await at.submit("Go").click()
        assert at.text.texts == ["True True"]


async def test_a_container_redrawn_unchanged_keeps_its_children_without_resending() -> None:
    async def main() -> None:
        with rr.expander("E"):
            rr.text("child")
        rr.button("Again")

    async with AppTest(main) as at:
        before = len(at.page.ops)
        await at.button("Again").click()
        assert drawn(at, before) == []
        assert at.text.texts == ["child"]


async def test_widgets_nested_in_containers_inside_a_form_belong_to_the_form() -> None:
    async def main() -> None:
        with rr.form("f"):
            left, _ = rr.columns(2)
            with left, rr.expander("more"):
                value = rr.checkbox("deep")
            pressed = rr.form_submit_button()
        rr.text(f"{pressed} {value}")

    async with AppTest(main) as at:
        assert at.checkbox("deep").props["form"] == "f"
        await at.checkbox("deep").set_value(True)
        assert at.text.texts == ["False False"]
        await at.submit("Submit").click()
        assert at.text.texts == ["True True"]


async def test_a_form_cleared_on_submit_gives_the_values_once_then_shows_its_defaults() -> None:
    seen: list[tuple[str, int]] = []

    async def main() -> None:
        with rr.form("note", clear_on_submit=True):
            text = rr.text_input("Note", key="note")
            stars = rr.slider("Stars", 0, 5, 3)
            sent = rr.form_submit_button("Send")
        if sent:
            seen.append((text, stars))
        rr.button("Again")

    async with AppTest(main) as at:
        await at.text_input("Note").set_value("hello")
        await at.slider("Stars").set_value(5)
        await at.submit("Send").click()
        assert seen == [("hello", 5)]  # the run the submit caused sees what was sent
        assert at.text_input("Note").value == "" and at.slider("Stars").value == 3  # reset
        assert at.session_state["note"] == ""
        await at.button("Again").click()
        assert at.text_input("Note").value == "" and seen == [("hello", 5)]


async def test_enter_to_submit_is_told_to_the_page() -> None:
    async def main() -> None:
        with rr.form("a", enter_to_submit=False):
            rr.text_input("x")
            rr.form_submit_button()

    async with AppTest(main) as at:
        assert at.blocks("form")[0].props["enter"] is False
