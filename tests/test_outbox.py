"""Frames kept for reconnecting clients: replay what was missed, or the whole page when the
frames were dropped (an idle connected session does not keep old frames)."""

from __future__ import annotations

import asyncio

import pytest

import reactive_rerun as rr
from reactive_rerun.testing import AppTest, PageModel

pytestmark = pytest.mark.anyio


async def counter() -> None:
    n = rr.session_state.setdefault("n", 0)
    if rr.button("Inc"):
        rr.session_state.n = n = n + 1
    rr.text(f"count {n}")


async def test_a_reconnect_gets_exactly_the_frames_it_missed() -> None:
    async with AppTest(counter) as at:
        assert at.session is not None
        seen = at.page.seq
        at.session.detach()  # the drop, before the frames below reach the client
        at.session.receive({"t": "click", "id": at.button("Inc").id})
        await at.settle()
        later = PageModel(elements=dict(at.page.elements), seq=seen)
        at.session.attach(later.apply, seen, resumed=True)
        at.session.flush()
        assert [op["op"] for op in later.ops if op["op"] == "reset"] == []
        assert [e["text"] for e in later.elements.values() if e["k"] == "text"] == ["count 1"]


async def test_a_reconnect_from_before_dropped_frames_gets_the_whole_page() -> None:
    async with AppTest(counter) as at:
        assert at.session is not None
        await at.button("Inc").click()
        seen = at.page.seq - 1  # the client missed the last frame...
        loop = asyncio.get_running_loop()
        at.session.out.forget_before(loop.time() + 1)  # ...which is no longer kept
        at.session.detach()
        later = PageModel()
        at.session.attach(later.apply, seen, resumed=True)
        at.session.flush()
        assert any(op["op"] == "reset" for op in later.ops)
        assert [e["text"] for e in later.elements.values() if e["k"] == "text"] == ["count 1"]


async def test_frames_are_kept_while_no_client_is_connected() -> None:
    async with AppTest(counter) as at:
        assert at.session is not None
        seen = at.page.seq
        at.session.detach()
        at.session.receive({"t": "click", "id": at.button("Inc").id})
        await at.settle()
        at.session.out.forget_before(asyncio.get_running_loop().time() + 1)  # nothing dropped
        later = PageModel(elements=dict(at.page.elements), seq=seen)
        at.session.attach(later.apply, seen, resumed=True)
        at.session.flush()
        assert not any(op["op"] == "reset" for op in later.ops)
