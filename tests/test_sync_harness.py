"""The harness's synchronous facade works from plain pytest functions."""

from __future__ import annotations

import reactive_rerun as rr
from reactive_rerun.testing import SyncAppTest


async def main() -> None:
    if "value" not in rr.session_state:
        rr.session_state.value = "Title"
    rr.header(rr.session_state.value)
    if rr.button("Foo"):
        rr.session_state.value = "Foo"
        rr.rerun()
    rr.text_input("Name", key="name")


def test_sync_harness_clicks_and_sets_values_from_a_plain_test_function() -> None:
    with SyncAppTest(main) as at:
        assert at.header.texts == ["Title"]
        at.click("Foo")
        assert at.header.texts == ["Foo"]
        at.set_value("text_input", "Name", "Ada")
        assert at.session_state["name"] == "Ada"
        assert at.text_input("Name").value == "Ada"
        assert at.errors == []
