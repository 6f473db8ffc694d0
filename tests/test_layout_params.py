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
        assert (sales.props["divider"], sales.props["icon"]) == ("blue", ":material/bar_chart:")
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
        assert (ok.props["icon"], ok.props["width"]) == (":material/check_circle:", 300)


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
    assert _params.icon("x", ":material/unknown_thing:") == ":material/unknown_thing:"
    with pytest.raises(APIError, match="icon"):
        _params.icon("x", ":material/Not A Name:")


# -- the functions Streamlit 1.67 has that were missing ------------------------------------------


async def test_space_and_skeleton_take_their_place_and_a_write_replaces_the_skeleton() -> None:
    async def main() -> None:
        rr.space("large")
        slot = rr.skeleton(height=120)
        rr.space(24)
        if rr.button("Load"):
            slot.text("loaded")

    async with AppTest(main) as at:
        assert [e.props["size"] for e in at.space] == ["large", 24]
        [sk] = at.skeleton
        assert sk.props["height"] == 120
        await at.button("Load").click()
        assert not at.skeleton
        assert at.text[0].text == "loaded"


async def test_a_skeleton_as_a_with_block_goes_away_at_its_end() -> None:
    async def main() -> None:
        with rr.skeleton():
            rr.text("working")
        rr.text("after")

    async with AppTest(main) as at:
        assert not at.skeleton
        assert [t.text for t in at.text] == ["working", "after"]


async def test_bottom_is_one_pinned_block_per_run() -> None:
    async def main() -> None:
        rr.text("top")
        rr.bottom.button("One")
        with rr.bottom:
            rr.button("Two")

    async with AppTest(main) as at:
        [block] = at.blocks("bottom")
        assert [b.path.rpartition(".")[0] for b in at.button] == [block.path, block.path]


async def test_echo_shows_the_blocks_code_above_or_below_its_output() -> None:
    async def main() -> None:
        with rr.echo():
            rr.text("hi")
        with rr.echo("below"):
            x = 1 + 1
            rr.text(f"x={x}")

    async with AppTest(main) as at:
        kinds = [(e.kind, e.text) for e in at.elements()]
        assert kinds == [
            ("code", 'rr.text("hi")'), ("text", "hi"), ("text", "x=2"),
            ("code", 'x = 1 + 1\nrr.text(f"x={x}")'),
        ]


async def test_help_shows_a_functions_signature_and_doc() -> None:
    def greet(name: str, loud: bool = False) -> str:
        """Say hello to ``name``."""
        return name

    async def main() -> None:
        rr.help(greet)
        rr.help(42)

    async with AppTest(main) as at:
        fn, num = at.help
        assert fn.props["name"].endswith("greet") and fn.props["signature"].startswith("(name")
        assert fn.props["doc"] == "Say hello to ``name``."
        assert (num.props["type"], num.props["value"], num.props["doc"]) == ("int", "42", "")


async def test_options_that_apply_are_read_and_the_rest_refused() -> None:
    async def main() -> None:
        rr.text(str(rr.get_option("server.maxUploadSize")))
        rr.set_option("client.toolbarMode", "minimal")
        rr.set_option("client.showErrorDetails", "none")

    async with AppTest(main) as at:
        assert at.text[0].text == "200"
        [shown] = at.exception
        assert "App(show_error_details" in shown.props["message"]
    with pytest.raises(APIError, match="not an option here"):
        rr.get_option("theme.nonsense")


async def test_pagination_is_a_page_number_and_refuses_pages_that_do_not_exist() -> None:
    async def main() -> None:
        page = rr.pagination(12, default=3, key="page")
        rr.text(f"page {page}")

    async with AppTest(main) as at:
        nav = at.pagination[0]
        assert (nav.value, nav.props["pages"], nav.props["visible"]) == (3, 12, 7)
        await nav.set_value(12)
        assert at.text[0].text == "page 12"
        for bad in (0, 13, "2", 2.5):
            await at.send({"t": "set", "id": nav.id, "v": bad})
        assert at.text[0].text == "page 12" and at.session_state.page == 12


async def test_menu_button_returns_the_picked_option_in_one_run() -> None:
    async def main() -> None:
        picked = rr.menu_button("Export", ["CSV", "JSON"], icon="📤")
        rr.text(f"picked {picked}")
        rr.button("Other")

    async with AppTest(main) as at:
        menu = at.menu_button("Export")
        assert menu.props["options"] == ["CSV", "JSON"]
        await at.send({"t": "click", "id": menu.id, "v": 1})
        assert at.text[0].text == "picked JSON"
        await at.button("Other").click()
        assert at.text[0].text == "picked None"
        await at.send({"t": "click", "id": menu.id, "v": 5})
        assert at.text[0].text == "picked None"


async def test_grid_cells_and_their_spans() -> None:
    async def main() -> None:
        g = rr.grid(3, gap=("small", 8), border=True)
        g.metric("A", 1)
        with g.cell(column_span=2):
            rr.text("wide")
            rr.text("cell")

    async with AppTest(main) as at:
        [grid] = at.blocks("grid")
        assert (grid.props["columns"], grid.props["gap"], grid.props["min_width"]) == (
            3, ["small", 8], 200)
        [cell] = at.blocks("grid_cell")
        assert cell.props["column_span"] == 2
        assert [t.path.rpartition(".")[0] for t in at.text] == [cell.path, cell.path]


def test_grid_refuses_a_span_wider_than_itself() -> None:
    from reactive_rerun.elements.grid import GridContainer

    with pytest.raises(APIError, match="column_span"):
        GridContainer("m.0", 3).cell(column_span=4)


async def test_a_tracked_popover_reports_whether_it_is_open() -> None:
    seen: list[bool | None] = []

    async def main() -> None:
        pop = rr.popover("Filters", key="filters", on_change="rerun", icon="🔍")
        seen.append(pop.open)

    async with AppTest(main) as at:
        [pop] = at.blocks("popover")
        assert seen == [False] and pop.props["icon"] == "🔍"
        await pop.set_value(True)
        assert seen[-1] is True and at.session_state.filters is True


async def test_page_links_and_switch_page_carry_query_params_and_hidden_pages_hide() -> None:
    async def home() -> None:
        rr.page_link(secret, query_params={"q": "x", "tag": ["a", "b"]}, icon="🔒",
                     icon_position="right")
        if rr.button("Go"):
            rr.switch_page(secret, query_params=[("from", "button")])

    async def hidden() -> None:
        rr.text(f"query {dict(rr.query_params.to_dict())}")

    main_page = rr.Page(home, title="Home", default=True, help="Start here")
    secret = rr.Page(hidden, title="Secret", visibility="hidden")

    async def main() -> None:
        await rr.navigation([main_page, secret]).run()

    async with AppTest(main) as at:
        [nav] = at.navigation
        assert [(p["title"], p["help"]) for p in nav.props["pages"]] == [("Home", "Start here")]
        [link] = at.page_link
        assert link.props["query"] == "q=x&tag=a&tag=b"
        await at.send({"t": "nav", "page": link.props["path"], "query": link.props["query"]})
        assert at.text[0].text == "query {'q': 'x', 'tag': 'b'}"
        await at.navigate("")
        await at.button("Go").click()
        assert at.text[0].text == "query {'from': 'button'}"


async def test_a_tracked_expander_inside_a_form_is_an_error_that_says_why() -> None:
    async def main() -> None:
        with rr.form("f"):
            rr.expander("More", on_change="rerun")
            rr.form_submit_button()

    async with AppTest(main) as at:
        [shown] = at.exception
        assert "inside an rr.form()" in shown.props["message"]
