"""Fields that hold their kind's default are left out of the wire (and of what a session keeps
for replay); the browser and the test client put them back, so every kind still sees all its
fields."""

from __future__ import annotations

import pytest

import reactive_rerun as rr
from reactive_rerun.element import KINDS
from reactive_rerun.page import DEFAULTS
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_default_fields_are_left_out_on_the_wire_and_put_back() -> None:
    async def main() -> None:
        rr.text("plain")
        rr.text("centred", text_alignment="center")
        rr.button("Go")
        rr.header("Title", divider="blue")

    async with AppTest(main) as at:
        sent = {op["p"]: op["e"] for op in at.page.ops if op["op"] == "el"}
        plain, centred, go, title = (sent[f"m.{i}"] for i in range(4))
        assert plain == {"k": "text", "text": "plain"}
        assert centred == {"k": "text", "text": "centred", "text_alignment": "center"}
        assert set(go) == {"k", "id", "label"}
        assert title["divider"] == "blue" and "icon" not in title
        shown = at.text[0].props  # as a module sees it: every field
        assert shown == {"k": "text", "text": "plain", "help": None, "width": "content",
                         "text_alignment": "left", "wrap": True}
        assert at.button[0].props["kind"] == "secondary"


def test_every_default_names_a_field_of_its_kind() -> None:
    for name, defaults in DEFAULTS.items():
        assert set(defaults) <= set(KINDS[name].fields), name
