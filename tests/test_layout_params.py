"""Issue 15: Streamlit's layout and decoration parameters do what they say, and bad values fail.

Headings' anchors, help, icons and dividers; alerts' icons and titles; containers' height,
border, horizontal layout; columns' alignment and borders; expanders and tabs whose state is a
widget value (``key``, ``on_change``); the new functions (``space``, ``skeleton``, ``bottom``,
``echo``, ``help``, ``get_option``/``set_option``, ``pagination``, ``menu_button``, ``grid``).
"""

from __future__ import annotations

import pytest

import reactive_rerun as rr
from reactive_rerun.errors import APIError
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


async def test_headings_carry_anchor_help_icon_and_a_cycling_divider() -> None:
    async def main() -> None:
        rr.title("Hello World!", help="The top")
        rr.header("Sales", divider=True, icon=":material/bar_chart:")
        rr.header("Costs", divider=True, anchor="money")
        rr.subheader("Quiet", anchor=False, divider="grey", text_alignment="center")

    async with AppTest(main) as at:
        title, = at.title
        assert (title.props["anchor"], title.props["help"]) == ("hello-world", "The top")
        sales, costs = at.header
        assert (sales.props["divider"], sales.props["icon"]) == ("blue", "📊")
        assert (costs.props["divider"], costs.props["anchor"]) == ("green", "money")
        quiet, = at.subheader
        assert (quiet.props["anchor"], quiet.props["divider"]) == (None, "gray")
        assert quiet.props["text_alignment"] == "center"


@pytest.mark.parametrize(("call", "named"), [
    (lambda: rr.header("x", divider="pink"), "divider"),
    (lambda: rr.title("x", anchor=3), "anchor"),
    (lambda: rr.header("x", icon="not an emoji at all"), "icon"),
    (lambda: rr.header("x", icon=":material/Bad Name:"), "icon"),
    (lambda: rr.markdown("x", text_alignment="middle"), "text_alignment"),
    (lambda: rr.caption("x", width=0), "width"),
    (lambda: rr.error("x", width="content"), "width"),
    (lambda: rr.checkbox("x", bind="query-params"), "bind"),
    (lambda: rr.text_input("x", persist_state="session"), "persist_state"),
    (lambda: rr.container(gap="huge"), "gap"),
    (lambda: rr.columns(2, vertical_alignment="middle"), "vertical_alignment"),
    (lambda: rr.expander("x", on_change="sometimes"), "on_change"),
    (lambda: rr.tabs(["a", "b"], default="c"), "default"),
    (lambda: rr.button("x", shortcut="Ctrl+"), "shortcut"),
    (lambda: rr.text_input("x", type="colour"), "type"),
])
async def test_a_bad_parameter_value_is_an_error_that_names_it(call: object, named: str) -> None:
    async def main() -> None:
        call()  # type: ignore[operator]

    async with AppTest(main) as at:
        [shown] = at.exception
        assert shown.props["type"] == "APIError"
        assert named in shown.props["message"]


async def test_markdown_headings_get_anchors_unless_turned_off() -> None:
    async def main() -> None:
        rr.markdown("## Big news\ntext")
        rr.markdown("## Big news", anchors=False)

    async with AppTest(main) as at:
        first, second = at.markdown
        assert '<h2 id="big-news">' in first.props["html"]
        assert "<h2>" in second.props["html"]


async def test_alerts_show_an_icon_and_a_title() -> None:
    async def main() -> None:
        rr.warning("Careful", icon="⚠️", title="Heads up")
        rr.success("Done", icon=":material/check_circle:", width=300)

    async with AppTest(main) as at:
        warn, ok = at.alert
        assert (warn.props["icon"], warn.props["title"]) == ("⚠️", "Heads up")
        assert (ok.props["icon"], ok.props["width"]) == ("✓", 300)


async def test_buttons_carry_icon_width_and_shortcut() -> None:
    async def main() -> None:
        rr.button("Save", icon="💾", icon_position="right", width="stretch", shortcut="Ctrl+S")

    async with AppTest(main) as at:
        b = at.button("Save")
        assert (b.props["icon"], b.props["icon_position"], b.props["wide"]) == ("💾", "right", True)
        assert b.props["shortcut"] == "ctrl+s"


async def test_a_text_input_refuses_what_its_rules_refuse() -> None:
    async def main() -> None:
        rr.session_state.email = rr.text_input("Email", type="email", required=True)
        rr.session_state.code = rr.text_input("Code", validate=(r"^\d{4}$", "Four digits."))

    async with AppTest(main) as at:
        email = at.text_input("Email")
        assert (email.props["input_type"], email.props["autocomplete"]) == ("email", "email")
        assert email.props["icon"] == "✉"
        await email.set_value("ann@example.com")
        assert at.session_state.email == "ann@example.com"
        await at.send({"t": "set", "id": email.id, "v": "  "})
        await at.send({"t": "set", "id": email.id, "v": "not-an-email"})
        assert at.session_state.email == "ann@example.com"
        code = at.text_input("Code")
        await at.send({"t": "set", "id": code.id, "v": "12a4"})
        assert at.session_state.code == ""
        await code.set_value("1234")
        assert at.session_state.code == "1234"


async def test_a_tracked_expander_reruns_and_its_state_is_a_widget_value() -> None:
    seen: list[bool | None] = []
    changes: list[bool] = []

    async def main() -> None:
        box = rr.expander("More", key="more", on_change=lambda: changes.append(True))
        seen.append(box.open)
        plain = rr.expander("Plain")
        seen.append(plain.open)

    async with AppTest(main) as at:
        more, plain = at.blocks("expander")
        assert seen == [False, None]
        assert plain.props["id"] is None
        await more.set_value(True)
        assert seen[-2:] == [True, None]
        assert at.session_state.more is True and changes == [True]
        await at.send({"t": "set", "id": more.id, "v": "open"})  # not a bool: refused
        assert at.session_state.more is True


async def test_tracked_tabs_report_the_selected_label() -> None:
    seen: list[list[bool | None]] = []

    async def main() -> None:
        tabs = rr.tabs(["One", "Two", "Three"], key="tab", default="Two", on_change="rerun")
        seen.append([t.open for t in tabs])
        rr.text(f"selected {rr.session_state.tab}")

    async with AppTest(main) as at:
        row, = at.blocks("tabs")
        assert row.props["index"] == 1 and seen[-1] == [False, True, False]
        await row.set_value("Three")
        assert seen[-1] == [False, False, True]
        assert at.text[0].text == "selected Three"
        await at.send({"t": "set", "id": row.id, "v": 7})  # out of range: refused
        assert at.text[0].text == "selected Three"


async def test_containers_take_streamlits_layout_parameters() -> None:
    async def main() -> None:
        with rr.container(height=200, horizontal=True, gap=None, key="tools"):
            rr.button("A")
        rr.columns(2, vertical_alignment="center", border=True, gap="large")

    async with AppTest(main) as at:
        box, = at.blocks("container")
        assert (box.props["height"], box.props["border"], box.props["horizontal"]) == (
            200, True, True)
        assert (box.props["gap"], box.props["key"]) == (None, "tools")
        cols, = at.blocks("columns")
        assert (cols.props["valign"], cols.props["border"], cols.props["gap"]) == (
            "center", True, "large")


def test_bad_values_raise_api_errors_outside_a_run_too() -> None:
    from reactive_rerun import _params

    with pytest.raises(APIError, match="width"):
        _params.width("x", -1)
    with pytest.raises(APIError, match="icon"):
        _params.icon("x", 5)
    assert _params.icon("x", ":material/unknown_thing:") == "▪"
