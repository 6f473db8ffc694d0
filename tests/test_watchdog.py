"""A run that blocks the event loop is reported, naming the script line; awaits are not."""

from __future__ import annotations

import asyncio
import logging
import time

import anyio
import pytest

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_a_run_that_blocks_the_loop_is_logged_with_its_script_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def main() -> None:
        rr.text("before")
        time.sleep(0.25)  # noqa: ASYNC251 - the mistake the warning is for
        await asyncio.sleep(0)

    with caplog.at_level(logging.WARNING, logger="reactive_rerun"):
        async with AppTest(main):
            pass
    (record,) = [r for r in caplog.records if "held the event loop" in r.getMessage()]
    message = record.getMessage()
    assert "test_watchdog.py" in message
    assert "anyio.to_thread.run_sync" in message


async def test_blocking_work_moved_to_a_thread_is_not_reported(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def main() -> None:
        await anyio.to_thread.run_sync(time.sleep, 0.25)
        await asyncio.sleep(0.2)
        rr.text("done")

    with caplog.at_level(logging.WARNING, logger="reactive_rerun"):
        async with AppTest(main) as at:
            assert at.text.texts == ["done"]
    assert not [r for r in caplog.records if "held the event loop" in r.getMessage()]


async def test_dev_mode_sends_the_block_warning_to_the_page() -> None:
    from reactive_rerun.config import SessionConfig

    async def main() -> None:
        time.sleep(0.2)  # noqa: ASYNC251 - the mistake the notice is for
        await asyncio.sleep(0)

    async with AppTest(main, config=SessionConfig(dev_mode=True)) as at:
        notices = [op for op in at.page.ops if op["op"] == "notice"]
        assert len(notices) == 1 and notices[0]["level"] == "warning"
        assert "test_watchdog.py" in notices[0]["message"]
