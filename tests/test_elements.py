"""SPEC §3, §7: display elements, and what is (not) sent to the page."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
from _helpers import drawn, ops_of, until

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


async def test_text_elements_show_their_text_in_order() -> None:
    async def main() -> None:
        rr.title("T")
        rr.header("H")
        rr.subheader("S")
        rr.caption("C")
        rr.text("  plain\n  text ")

    async with AppTest(main) as at:
        assert [(e.kind, e.text) for e in at.elements()] == [
            ("title", "T"), ("header", "H"), ("subheader", "S"), ("caption", "C"),
            ("text", "  plain\n  text "),
        ]


async def test_text_elements_convert_non_strings_to_text() -> None:
    async def main() -> None:
        rr.header(42)
        rr.text(None)

    async with AppTest(main) as at:
        assert at.header.texts == ["42"]
        assert at.text.texts == ["None"]


async def test_markdown_renders_markdown() -> None:
    async def main() -> None:
        rr.markdown("**bold** and `code`")

    async with AppTest(main) as at:
        html = at.markdown[0].props["html"]
        assert "<strong>bold</strong>" in html and "<code>code</code>" in html


async def test_markdown_escapes_raw_html() -> None:
    async def main() -> None:
        rr.markdown("<script>alert(1)</script> <b>hi</b>")

    async with AppTest(main) as at:
        html = at.markdown[0].props["html"]
        assert "<script>" not in html and "<b>" not in html
        assert "&lt;script&gt;" in html and "&lt;b&gt;" in html


async def test_markdown_keeps_raw_html_when_unsafe_allow_html() -> None:
    async def main() -> None:
        rr.markdown("<b>hi</b>", unsafe_allow_html=True)

    async with AppTest(main) as at:
        assert "<b>hi</b>" in at.markdown[0].props["html"]


async def test_code_shows_text_and_language() -> None:
    async def main() -> None:
        rr.code("print(1)")
        rr.code("SELECT 1", language="sql")
        rr.code("<b>", language=None)

    async with AppTest(main) as at:
        assert [(e.props["text"], e.props["lang"]) for e in at.code] == [
            ("print(1)", "python"), ("SELECT 1", "sql"), ("<b>", None),
        ]


async def test_json_pretty_prints_objects_and_json_strings() -> None:
    async def main() -> None:
        rr.json({"a": [1, 2]})
        rr.json('{"b": true}', expanded=False)

    async with AppTest(main) as at:
        first, second = at.json
        assert json.loads(first.props["text"]) == {"a": [1, 2]}
        assert "\n" in first.props["text"] and first.props["expanded"] is True
        assert json.loads(second.props["text"]) == {"b": True}
        assert second.props["expanded"] is False


async def test_divider_draws_a_rule() -> None:
    async def main() -> None:
        rr.divider()

    async with AppTest(main) as at:
        assert [e.kind for e in at.elements()] == ["divider"]


async def test_alerts_carry_their_level_and_escaped_markdown() -> None:
    async def main() -> None:
        rr.error("e *1*")
        rr.warning("w")
        rr.info("i")
        rr.success("<b>s</b>")

    async with AppTest(main) as at:
        assert [e.props["level"] for e in at.alert] == ["error", "warning", "info", "success"]
        assert "<em>1</em>" in at.alert[0].props["html"]
        assert "<b>" not in at.alert[3].props["html"]


async def test_exception_shows_type_message_and_traceback() -> None:
    async def main() -> None:
        try:
            raise ValueError("bad thing")
        except ValueError as exc:
            rr.exception(exc)

    async with AppTest(main) as at:
        [shown] = at.exception
        assert shown.props["type"] == "ValueError"
        assert shown.props["message"] == "bad thing"
        assert "Traceback" in shown.props["trace"] and "raise ValueError" in shown.props["trace"]
        assert at.page.runs == [(1, "complete")]


async def test_write_renders_strings_as_markdown_with_html_escaped() -> None:
    async def main() -> None:
        rr.write("**hi** <i>x</i>")

    async with AppTest(main) as at:
        [shown] = at.markdown
        assert "<strong>hi</strong>" in shown.props["html"]
        assert "<i>" not in shown.props["html"]


async def test_write_allows_html_only_when_asked() -> None:
    async def main() -> None:
        rr.write("<i>x</i>", unsafe_allow_html=True)

    async with AppTest(main) as at:
        assert "<i>x</i>" in at.markdown[0].props["html"]


async def test_write_shows_numbers_bools_and_none() -> None:
    async def main() -> None:
        rr.write(3, 2.5, True, None)

    async with AppTest(main) as at:
        (shown,) = [e.props["html"] for e in at.markdown]  # one line, as in Streamlit
        assert shown == (
            "<p><code>3</code> <code>2.5</code> <code>True</code> <code>None</code></p>\n"
        )


async def test_write_shows_dicts_and_lists_as_json() -> None:
    async def main() -> None:
        rr.write({"a": 1}, [1, "<b>"])

    async with AppTest(main) as at:
        assert [json.loads(e.props["text"]) for e in at.json] == [{"a": 1}, [1, "<b>"]]


async def test_write_shows_exceptions_as_exception_elements() -> None:
    async def main() -> None:
        rr.write(KeyError("k"))

    async with AppTest(main) as at:
        [shown] = at.exception
        assert shown.props["type"] == "KeyError"


async def test_write_shows_other_objects_as_their_repr_never_as_html() -> None:
    class Sneaky:
        def __repr__(self) -> str:
            return "<img src=x onerror=alert(1)>"

        def _repr_html_(self) -> str:  # pragma: no cover - must not be used
            return "<img src=x onerror=alert(1)>"

    async def main() -> None:
        rr.write(Sneaky())

    async with AppTest(main) as at:
        assert [e.kind for e in at.elements()] == ["text"]
        assert at.text.texts == ["<img src=x onerror=alert(1)>"]  # plain text, shown as text


async def test_write_joins_text_and_numbers_and_draws_other_values_apart() -> None:
    async def main() -> None:
        rr.write("Count =", 1, {"b": 2}, "after")

    async with AppTest(main) as at:
        assert [e.kind for e in at.elements()] == ["markdown", "json", "markdown"]
        assert at.markdown[0].props["html"] == "<p>Count = <code>1</code></p>\n"


async def test_no_element_field_except_html_holds_markup_from_user_strings() -> None:
    evil = "<script>x</script>"

    async def main() -> None:
        rr.title(evil)
        rr.markdown(evil)
        rr.write(evil)
        rr.error(evil)
        rr.caption(evil)

    async with AppTest(main) as at:
        for element in at.elements():
            html = element.props.get("html")
            assert html is None or "<script>" not in html


# -- what is sent ------------------------------------------------------------------------------


async def test_an_element_identical_to_the_page_is_not_sent_again() -> None:
    async def main() -> None:
        rr.header("Same")
        if rr.button("Again"):
            rr.session_state.n = rr.session_state.get("n", 0) + 1
        rr.text(f"clicks {rr.session_state.get('n', 0)}")

    async with AppTest(main) as at:
        before = len(at.page.ops)
        await at.button("Again").click()
        assert drawn(at, before, "header") == []
        assert drawn(at, before, "button") == []
        assert [e["text"] for e in drawn(at, before, "text")] == ["clicks 1"]


async def test_elements_not_drawn_by_a_completed_run_are_removed() -> None:
    async def main() -> None:
        rr.header("keep")
        if rr.checkbox("extra", value=True):
            rr.text("extra 1")
            with rr.container():
                rr.text("extra 2")

    async with AppTest(main) as at:
        await at.checkbox("extra").set_value(False)
        assert [e.kind for e in at.elements()] == ["header", "checkbox"]
        [removal] = ops_of(at, op="rm")
        assert sorted(removal["p"]) == ["m.2", "m.3"]  # the topmost removed elements only


async def test_a_run_ended_early_by_rerun_removes_nothing() -> None:
    async def main() -> None:
        rr.text("first")
        rr.button("Go")
        if rr.session_state.get("phase") == 1:
            rr.session_state.phase = 2
            rr.rerun()
        rr.text("last")

    async with AppTest(main) as at:
        at.session_state["phase"] = 1
        before = len(at.page.ops)
        await at.button("Go").click()
        assert [s for _, s in at.page.runs] == ["complete", "rerun", "complete"]
        assert ops_of(at, before, "rm") == []
        assert at.text.texts == ["first", "last"]


async def test_a_long_run_streams_its_first_elements_before_it_ends() -> None:
    release = asyncio.Event()

    async def main() -> None:
        rr.header("Loading")
        if rr.button("Go"):
            rr.text("step 1")
            await release.wait()
            rr.text("step 2")

    async with AppTest(main) as at:
        await at.send({"t": "click", "id": at.button("Go").id}, settle=False)
        await until(lambda: at.text.texts == ["step 1"])
        assert at.page.runs == [(1, "complete")]  # the second run has not ended
        release.set()
        await at.settle()
        assert at.text.texts == ["step 1", "step 2"]


async def test_every_run_is_announced_by_start_and_closed_by_end() -> None:
    async def main() -> None:
        rr.button("Go")

    async with AppTest(main) as at:
        await at.button("Go").click()
        starts = [(o["run"], o["scope"]) for o in ops_of(at, op="start")]
        assert starts == [(1, "app"), (2, "app")]
        assert at.page.runs == [(1, "complete"), (2, "complete")]


async def test_frames_are_numbered_without_gaps() -> None:
    async def main() -> None:
        rr.button("Go")
        rr.text(str(rr.session_state.setdefault("n", 0)))
        rr.session_state.n += 1

    async with AppTest(main) as at:
        for _ in range(3):
            await at.button("Go").click()
        assert at.page.seq == at.page.frames


async def test_markdown_does_not_make_javascript_links() -> None:
    async def main() -> None:
        rr.markdown("[x](javascript:alert(1)) ![i](javascript:alert(1))")

    async with AppTest(main) as at:
        html = at.markdown[0].props["html"]
        assert "href=" not in html and "src=" not in html


async def test_write_stream_shows_text_as_it_arrives_and_returns_it() -> None:
    release = asyncio.Event()
    returned: list[str] = []

    async def words() -> AsyncIterator[str]:
        yield "Hello "
        yield "**world**"
        await release.wait()
        yield "!"

    async def main() -> None:
        if rr.button("Stream"):
            returned.append(await rr.write_stream(words()))

    async with AppTest(main) as at:
        await at.send({"t": "click", "id": at.button("Stream").id}, settle=False)
        await until(lambda: "<strong>world</strong>" in "".join(at.markdown.texts))
        assert returned == []
        release.set()
        await at.settle()
        assert returned == ["Hello **world**!"]
        [shown] = at.markdown
        assert shown.props["html"] == "<p>Hello <strong>world</strong>!</p>\n"


async def test_spinner_shows_while_its_block_runs_then_disappears() -> None:
    release = asyncio.Event()

    async def main() -> None:
        if rr.button("Work"):
            async with rr.spinner("Working..."):
                await release.wait()
            rr.text("done")

    async with AppTest(main) as at:
        await at.send({"t": "click", "id": at.button("Work").id}, settle=False)
        await until(lambda: at.spinner.texts == ["Working..."])
        release.set()
        await at.settle()
        assert at.spinner == []
        assert at.text.texts == ["done"]
