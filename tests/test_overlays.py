"""Overlays: ``@rr.dialog`` (a modal that reruns like a fragment) and ``rr.popover``."""

from __future__ import annotations

from typing import Any

import pytest

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


async def test_a_dialog_opens_reruns_alone_and_closes_on_rerun() -> None:
    body_runs: list[int] = []

    @rr.dialog("Vote", width="medium")
    async def vote(item: str) -> None:
        rr.write(f"Why {item}?")
        if rr.button("Count"):
            rr.session_state.n = rr.session_state.get("n", 0) + 1
        rr.write(f"count {rr.session_state.get('n', 0)}")
        if rr.button("Submit"):
            rr.session_state.voted = item
            rr.rerun()

    async def main() -> None:
        body_runs.append(1)
        if rr.button("A"):
            await vote("A")
        rr.write(f"voted {rr.session_state.get('voted')}")

    async with AppTest(main) as at:
        assert at.blocks("dialog") == []
        await at.button("A").click()
        (box,) = at.blocks("dialog")
        assert box.props["title"] == "Vote" and box.props["width"] == "medium"
        assert box.props["id"] is None  # on_dismiss="ignore": the server is not told
        await at.button("Count").click()  # a fragment run: the body does not run again
        assert len(body_runs) == 2
        assert "<p>count 1</p>\n" in [e.text for e in at.markdown]
        await at.button("Submit").click()  # rr.rerun(): the app reruns without the dialog
        assert at.blocks("dialog") == []
        assert at.markdown[-1].text == "<p>voted A</p>\n"


async def test_dismissing_a_dialog_with_on_dismiss_calls_back_and_reruns() -> None:
    log: list[Any] = []

    @rr.dialog("Sure?", on_dismiss=lambda: log.append("dismissed"))
    def confirm() -> None:
        rr.write("really?")

    async def main() -> None:
        log.append("run")
        if rr.session_state.setdefault("open", True):
            rr.session_state.open = False
            confirm()

    async with AppTest(main) as at:
        (box,) = at.blocks("dialog")
        await at.send({"t": "click", "id": box.props["id"]})
        assert log == ["run", "dismissed", "run"]
        assert at.blocks("dialog") == []


async def test_dialog_refuses_bad_parameters() -> None:
    with pytest.raises(rr.APIError, match="width"):
        rr.dialog("x", width="huge")  # type: ignore[arg-type]
    with pytest.raises(rr.APIError, match="on_dismiss"):
        rr.dialog("x", on_dismiss="close")  # type: ignore[arg-type]


async def test_popover_is_a_container() -> None:
    async def main() -> None:
        with rr.popover("Settings", help="more"):
            rr.toggle("Dark")
        rr.popover("Other", type="primary", use_container_width=True,
                   icon=":material/settings:").write("inside")

    async with AppTest(main) as at:
        first, second = at.blocks("popover")
        assert first.props == {
            "k": "block", "type": "popover", "label": "Settings", "help": "more",
            "kind": "secondary", "disabled": False, "wide": False, "icon": None,
        }
        assert [e.kind for e in at.within(first.path)] == ["toggle"]
        assert second.props["wide"] is True
        assert second.props["icon"] == ":material/settings:" and second.props["label"] == "Other"
        assert [e.text for e in at.within(second.path)] == ["<p>inside</p>\n"]
