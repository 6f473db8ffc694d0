"""Floods and limits (SPEC §8): a flood is dropped with a clear error, never queued."""

from __future__ import annotations

import asyncio

import pytest

import reactive_rerun as rr
from reactive_rerun.config import SessionConfig
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_a_flood_of_events_is_throttled_with_one_clear_error_and_the_session_goes_on() -> (
    None
):
    runs: list[int] = []

    async def main() -> None:
        runs.append(1)
        n = rr.session_state.setdefault("n", 0)
        if rr.button("Inc"):
            rr.session_state.n = n = n + 1
        rr.text(f"count {n}")

    config = SessionConfig(max_events_per_second=5, event_burst=10)
    async with AppTest(main, config=config) as at:
        button = at.button("Inc")
        for _ in range(500):
            await at.send({"t": "click", "id": button.id}, settle=False)
        await at.settle()
        throttle_errors = [e for e in at.errors if "too many messages" in e]
        assert len(throttle_errors) == 1
        assert at.session is not None and at.session.queue.callbacks == []
        # only the burst got through; clicks coalesced into few runs, none queued without bound
        assert len(runs) <= 12
        count = at.session_state["n"]
        assert 1 <= count <= 10
        # after the flood stops, the session works normally
        await asyncio.sleep(0.4)  # the bucket refills at 5 per second
        await button.click()
        assert at.session_state["n"] == count + 1


async def test_pending_callbacks_are_bounded() -> None:
    calls: list[int] = []

    async def main() -> None:
        rr.button("Go", on_click=lambda: calls.append(1))

    config = SessionConfig(max_pending_callbacks=3, max_events_per_second=1e6, event_burst=10**6)
    async with AppTest(main, config=config) as at:
        button = at.button("Go")
        assert at.session is not None
        # four clicks arrive before the driver gets to run anything
        for _ in range(4):
            at.session.receive({"t": "click", "id": button.id})
        await at.settle()
        assert len(calls) == 3
        assert any("too many events pending" in e for e in at.errors)


def test_app_passes_its_limits_to_every_session() -> None:
    async def main() -> None:
        rr.text("hi")

    app = rr.App(main, max_events_per_second=5, max_pending_callbacks=3,
                 max_consecutive_reruns=7, show_error_details=False, dev_mode=True)
    config = app.sessions.config
    assert (config.max_events_per_second, config.event_burst) == (5, 10)
    assert config.max_pending_callbacks == 3
    assert config.max_consecutive_reruns == 7
    assert not config.show_error_details and config.dev_mode
