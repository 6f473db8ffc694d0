"""Chat: chat_input's one-run submissions, chat_message, submissions that wait for the run in
flight, the Stop control, and write_stream's chunk kinds."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from _helpers import drawn, until

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


async def submit(at: AppTest, text: str, *, settle: bool = True) -> None:
    await at.send({"t": "click", "id": at.chat_input[0].id, "v": text}, settle=settle)


async def test_chat_input_returns_the_text_in_the_run_the_submit_caused_then_none() -> None:
    seen: list[Any] = []

    async def main() -> None:
        seen.append(rr.chat_input("Say something", max_chars=20))
        rr.toggle("other")

    async with AppTest(main) as at:
        box = at.chat_input[0]
        assert box.props["placeholder"] == "Say something"
        assert box.props["pinned"] is True and box.props["max_chars"] == 20
        await submit(at, "hello")
        await at.toggle("other").set_value(True)
        assert seen == [None, "hello", None]


async def test_chat_input_refuses_bad_submissions_with_a_clear_error() -> None:
    async def main() -> None:
        rr.chat_input(max_chars=5)

    async with AppTest(main) as at:
        wid = at.chat_input[0].id
        await at.send({"t": "click", "id": wid, "v": "much too long"})
        await at.send({"t": "click", "id": wid, "v": 42})
        await at.send({"t": "click", "id": wid, "v": "   "})
        await at.send({"t": "click", "id": wid})
        await at.send({"t": "set", "id": wid, "v": "x"})
        assert len(at.errors) == 5
        assert "max_chars=5" in at.errors[0] and "expected a string" in at.errors[1]
        assert "empty" in at.errors[2] and "needs a value" in at.errors[3]
        assert at.page.runs == [(1, "complete")]


async def test_a_button_click_carrying_a_value_is_refused() -> None:
    async def main() -> None:
        rr.button("Go")

    async with AppTest(main) as at:
        await at.send({"t": "click", "id": at.button("Go").id, "v": "x"})
        assert "takes no value" in at.errors[0]


async def test_chat_input_is_inline_in_a_container_and_refused_in_forms_and_sidebar() -> None:
    async def main() -> None:
        with rr.container():
            rr.chat_input("inside")
        where = rr.session_state.get("where")
        if where == "form":
            with rr.form("f"):
                rr.chat_input("in form")
                rr.form_submit_button()
        elif where == "sidebar":
            rr.sidebar.chat_input("in sidebar")

    async with AppTest(main) as at:
        assert at.chat_input[0].props["pinned"] is False
        at.session_state["where"] = "form"
        at.session.rerun()  # type: ignore[union-attr]
        await at.settle()
        assert "can't be used in an `rr.form()`" in at.exception[0].text
        at.session_state["where"] = "sidebar"
        at.session.rerun()  # type: ignore[union-attr]
        await at.settle()
        assert "sidebar" in at.exception[0].text


async def test_on_submit_runs_before_the_body_and_sees_the_keyed_value() -> None:
    log: list[Any] = []

    async def main() -> None:
        rr.chat_input(key="msg", on_submit=lambda: log.append(("cb", rr.session_state.msg)))
        log.append(("body", rr.session_state.msg))

    async with AppTest(main) as at:
        await submit(at, "hi")
        assert log == [("body", None), ("cb", "hi"), ("body", "hi")]


async def test_a_submit_during_a_streaming_run_waits_for_it_and_both_are_answered() -> None:
    release = asyncio.Event()

    async def reply(prompt: str) -> Any:
        for word in ("echo", prompt):
            await release.wait()
            yield word + " "

    async def main() -> None:
        history = rr.session_state.setdefault("history", [])
        for role, text in history:
            with rr.chat_message(role):
                rr.markdown(text)
        if prompt := rr.chat_input():
            history.append(("user", prompt))
            with rr.chat_message("user"):
                rr.markdown(prompt)
            with rr.chat_message("assistant"):
                answer = await rr.write_stream(reply(prompt))
            history.append(("assistant", answer))

    async with AppTest(main) as at:
        await submit(at, "one", settle=False)
        await until(lambda: len(at.page.running) == 1 and len(at.page.runs) == 1)
        await asyncio.sleep(0.05)
        await submit(at, "two", settle=False)
        await submit(at, "three", settle=False)
        await asyncio.sleep(0.05)
        assert at.page.running  # the stream was not cancelled by the new messages
        release.set()
        await at.settle()
        history = at.session_state["history"]
        assert history == [
            ("user", "one"), ("assistant", "echo one "), ("user", "two"),
            ("assistant", "echo two "), ("user", "three"), ("assistant", "echo three "),
        ]
        assert [status for _, status in at.page.runs] == ["complete"] * 4


async def test_an_ordinary_event_still_cancels_the_stream() -> None:
    async def main() -> None:
        rr.button("Go")
        if rr.chat_input():
            await asyncio.sleep(30)

    async with AppTest(main) as at:
        await submit(at, "one", settle=False)
        await until(lambda: len(at.page.running) == 1 and len(at.page.runs) == 1)
        await at.button("Go").click()
        assert [status for _, status in at.page.runs] == ["complete", "cancelled", "complete"]


async def test_stop_cancels_the_run_in_flight_keeps_its_output_and_does_not_rerun() -> None:
    async def forever() -> Any:
        yield "partial"
        await asyncio.sleep(30)
        yield "never"

    async def main() -> None:
        rr.text("top")
        if rr.chat_input():
            await rr.write_stream(forever(), cursor="▌")

    async with AppTest(main) as at:
        await submit(at, "go", settle=False)
        await until(lambda: any("partial" in e.get("html", "") for e in drawn(at)))
        await at.send({"t": "stop"})
        assert [status for _, status in at.page.runs] == ["complete", "cancelled"]
        shown = [e.text for e in at.markdown]
        assert shown == ["<p>partial</p>\n"]  # stays, without the cursor
        assert at.text.texts == ["top"]
        await at.send({"t": "stop"})  # nothing in flight: nothing happens
        assert len(at.page.runs) == 2 and at.errors == []


async def test_chat_message_roles_letters_emoji_and_urls() -> None:
    async def main() -> None:
        for name, avatar in [("user", None), ("human", None), ("assistant", None), ("ai", None),
                             ("Zoe", None), ("bot", "🤖"), ("x", "https://e.org/a.png"),
                             ("y", "assistant"), ("tool", ":material/build:")]:
            with rr.chat_message(name, avatar=avatar):
                rr.write(name)
        msg = rr.chat_message("q")
        msg.write("via method")

    async with AppTest(main) as at:
        blocks = at.blocks("chat_message")
        kinds = [(b.props["avatar_kind"], b.props["avatar"]) for b in blocks]
        assert kinds == [
            ("user", ""), ("user", ""), ("assistant", ""), ("assistant", ""), ("letter", "Z"),
            ("emoji", "🤖"), ("url", "https://e.org/a.png"), ("assistant", ""),
            ("icon", ":material/build:"), ("letter", "Q"),
        ]
        last = blocks[-1]
        assert [e.text for e in at.within(last.path)] == ["<p>via method</p>\n"]


async def test_chat_message_refuses_an_avatar_that_is_no_image() -> None:
    async def main() -> None:
        rr.chat_message("user", avatar=42)  # type: ignore[arg-type]

    async with AppTest(main) as at:
        assert "avatar must be" in at.exception[0].text


# -- write_stream ---------------------------------------------------------------------------------


def openai_chunk(text: str | None) -> Any:
    return SimpleNamespace(choices=[SimpleNamespace(delta=SimpleNamespace(content=text))])


async def test_write_stream_reads_openai_and_langchain_chunks() -> None:
    result: list[Any] = []

    async def main() -> None:
        chunks = [openai_chunk("Hel"), openai_chunk(None), openai_chunk("lo"),
                  SimpleNamespace(content=" world"), " !"]
        result.append(await rr.write_stream(chunks))

    async with AppTest(main) as at:
        assert result == ["Hello world !"]
        assert [e.text for e in at.markdown] == ["<p>Hello world !</p>\n"]


async def test_write_stream_writes_other_objects_after_the_text_and_returns_a_list() -> None:
    result: list[Any] = []

    async def gen() -> Any:
        yield "Look: "
        yield {"a": 1}
        yield "after"

    async def main() -> None:
        result.append(await rr.write_stream(gen))

    async with AppTest(main) as at:
        assert result == [["Look: ", {"a": 1}, "after"]]
        kinds = [e.kind for e in at.elements()]
        assert kinds == ["markdown", "json", "markdown"]


async def test_write_stream_shows_the_cursor_while_streaming_only() -> None:
    async def gen() -> Any:
        yield "a"
        await asyncio.sleep(0.08)
        yield "b"

    async def main() -> None:
        await rr.write_stream(gen(), cursor="▌")

    async with AppTest(main) as at:
        htmls = [e["html"] for e in drawn(at, kind="markdown")]
        assert "<p>a▌</p>\n" in htmls
        assert at.markdown[0].text == "<p>ab</p>\n"


def test_write_stream_in_a_plain_script_returns_the_text() -> None:
    from reactive_rerun.testing import SyncAppTest

    result: list[Any] = []

    def main() -> None:
        result.append(rr.write_stream(iter([openai_chunk("x"), "y", 3]), cursor="|"))

    with SyncAppTest(main) as at:
        assert result == [["xy", 3]]
        assert [e.kind for e in at.elements()] == ["markdown", "markdown"]


async def test_the_harness_submits_a_chat_input_with_set_value() -> None:
    seen: list[Any] = []

    async def main() -> None:
        seen.append(rr.chat_input())

    async with AppTest(main) as at:
        await at.chat_input[0].set_value("typed")
        assert seen == [None, "typed"]


async def test_a_chat_avatar_may_be_an_image_file_or_its_bytes(tmp_path: Path) -> None:
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
    )
    (tmp_path / "bot.png").write_bytes(png)

    async def main() -> None:
        with rr.chat_message("assistant", avatar=str(tmp_path / "bot.png")):
            rr.write("from a file")
        with rr.chat_message("user", avatar=png):
            rr.write("from bytes")

    async with AppTest(main) as at:
        avatars = [b.props for b in at.blocks("chat_message")]
        assert [a["avatar_kind"] for a in avatars] == ["url", "url"]
        assert all(a["avatar"].startswith("data:image/png;base64,") for a in avatars)
