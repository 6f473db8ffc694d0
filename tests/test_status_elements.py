"""Status and feedback: status, progress, toast, balloons, snow, feedback."""

from __future__ import annotations

from typing import Any

import pytest
from _helpers import ops_of

import reactive_rerun as rr
from reactive_rerun.testing import AppTest, SyncAppTest

pytestmark = pytest.mark.anyio


async def test_status_is_a_container_whose_state_follows_its_with_block() -> None:
    async def main() -> None:
        with rr.status("Searching...") as s:
            rr.write("step 1")
            s.update(label="Almost", expanded=True)
            rr.write("step 2")
        other = rr.status("Failing", state="running")
        try:
            with other:
                raise ValueError("boom")
        except ValueError:
            pass
        rr.status("Done", state="complete").write("inside")

    async with AppTest(main) as at:
        blocks = at.blocks("status")
        assert [(b.props["label"], b.props["state"], b.props["expanded"]) for b in blocks] == [
            ("Almost", "complete", True), ("Failing", "error", False), ("Done", "complete", False),
        ]
        assert [e.text for e in at.within(blocks[0].path)] == ["<p>step 1</p>\n", "<p>step 2</p>\n"]
        assert [e.text for e in at.within(blocks[2].path)] == ["<p>inside</p>\n"]


async def test_status_refuses_an_unknown_state() -> None:
    async def main() -> None:
        rr.status("x", state="paused")  # type: ignore[arg-type]

    async with AppTest(main) as at:
        assert "'running', 'complete' or 'error'" in at.exception[0].text


async def test_progress_takes_ints_and_floats_and_updates_in_place() -> None:
    async def main() -> None:
        bar = rr.progress(0, text="Loading")
        bar.progress(0.5)
        rr.progress(30)
        gone = rr.progress(1.0)
        gone.empty()

    async with AppTest(main) as at:
        shown = [(e.props["value"], e.props["text"]) for e in at.progress]
        assert shown == [(50, None), (30, None)]


@pytest.mark.parametrize("value", [101, -1, 1.5, True, "50"])
async def test_progress_refuses_values_out_of_range(value: Any) -> None:
    async def main() -> None:
        rr.progress(value)

    async with AppTest(main) as at:
        assert "progress value" in at.exception[0].text


async def test_toast_balloons_and_snow_are_ops_not_elements() -> None:
    async def main() -> None:
        rr.toast("**Saved** <b>x</b>", icon="✅", duration="long")
        rr.toast("stays", duration="infinite")
        rr.balloons()
        rr.snow()

    async with AppTest(main) as at:
        toasts = ops_of(at, op="toast")
        assert toasts[0] == {
            "op": "toast", "icon": "✅", "duration": 10.0,
            "html": "<p><strong>Saved</strong> &lt;b&gt;x&lt;/b&gt;</p>\n",
        }
        assert toasts[1]["duration"] is None
        assert [o["name"] for o in ops_of(at, op="effect")] == ["balloons", "snow"]
        assert at.elements() == []


async def test_toast_refuses_a_bad_duration() -> None:
    async def main() -> None:
        rr.toast("x", duration="forever")  # type: ignore[arg-type]

    async with AppTest(main) as at:
        assert "duration" in at.exception[0].text


async def test_feedback_returns_the_chosen_index_and_refuses_bad_values() -> None:
    seen: list[Any] = []

    async def main() -> None:
        seen.append((rr.feedback(), rr.feedback("stars", key="s", default=2)))

    async with AppTest(main) as at:
        thumbs, stars = at.feedback
        await thumbs.set_value(1)
        await stars.set_value(None)
        await stars.set_value(5)
        await thumbs.set_value(True)
        assert seen == [(None, 2), (1, 2), (1, None)]
        assert len(at.errors) == 2 and "index 0..4" in at.errors[0]


def test_status_and_progress_work_in_a_plain_script() -> None:
    def main() -> None:
        with rr.status("Working") as s:
            bar = rr.progress(10)
            bar.progress(90, text="nearly")
            s.update(label="Worked")

    with SyncAppTest(main) as at:
        assert at.progress[0].props == {"k": "progress", "value": 90, "text": "nearly"}
        status = at.elements()[0]
        assert status.props["label"] == "Worked" and status.props["state"] == "complete"
