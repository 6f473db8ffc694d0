"""A run that blocks the event loop is reported, naming the script line; awaits are not."""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import anyio
import pytest
from _helpers import until

import reactive_rerun as rr
from reactive_rerun.config import SessionConfig
from reactive_rerun.testing import AppTest
from reactive_rerun.watchdog import Watched, _monitor

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
    async def main() -> None:
        time.sleep(0.2)  # noqa: ASYNC251 - the mistake the notice is for
        await asyncio.sleep(0)

    async with AppTest(main, config=SessionConfig(dev_mode=True)) as at:
        notices = [op for op in at.page.ops if op["op"] == "notice"]
        assert len(notices) == 1 and notices[0]["level"] == "warning"
        assert "test_watchdog.py" in notices[0]["message"]


FAST = SessionConfig(block_warning=0.1)


def line_of(fn: Callable[..., Any], text: str) -> str:
    """``file:line`` of the line of ``fn`` containing ``text``."""
    lines, first = inspect.getsourcelines(fn)
    (offset,) = [i for i, line in enumerate(lines) if text in line]
    return f"{inspect.getsourcefile(fn)}:{first + offset}"


async def block_warnings(main: Callable[[], Any], config: SessionConfig = FAST) -> list[str]:
    """The block warnings logged while ``main`` runs once."""
    handler = _Collect()
    logger = logging.getLogger("reactive_rerun")
    logger.addHandler(handler)
    try:
        async with AppTest(main, config=config):
            pass
    finally:
        logger.removeHandler(handler)
    return [m for m in handler.messages if "held the event loop" in m]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


async def test_the_warning_names_the_blocking_line_when_that_step_then_ends_the_run() -> None:
    async def main() -> None:
        rr.title("x")
        n = 1
        n += 1
        n += 1
        time.sleep(0.3)  # noqa: ASYNC251 - blocks here
        rr.text(str(n))

    (message,) = await block_warnings(main)
    assert f" at {line_of(main, 'blocks here')};" in message


async def test_the_warning_names_the_blocking_line_not_the_await_the_run_pauses_at_next() -> None:
    async def main() -> None:
        rr.text("before")
        time.sleep(0.3)  # noqa: ASYNC251 - blocks here
        n = 1
        n += 1
        await asyncio.sleep(0)  # pauses here
        rr.text(str(n))

    (message,) = await block_warnings(main)
    assert f" at {line_of(main, 'blocks here')};" in message
    assert line_of(main, "pauses here") not in message


async def test_a_block_in_a_helper_coroutine_names_the_helper_line() -> None:
    async def load() -> int:
        await asyncio.sleep(0)
        value = 41
        time.sleep(0.3)  # noqa: ASYNC251 - blocks here
        return value + 1

    async def main() -> None:
        rr.text(str(await load()))  # calls the helper
        await asyncio.sleep(0)

    (message,) = await block_warnings(main)
    assert f" at {line_of(load, 'blocks here')};" in message
    assert line_of(main, "calls the helper") not in message


async def test_a_block_in_library_code_names_the_script_line_that_called_it() -> None:
    def compute() -> None:
        time.sleep(0.3)

    compute.__code__ = compute.__code__.replace(co_filename=threading.__file__)  # "stdlib"

    async def main() -> None:
        rr.text("before")
        compute()  # calls the library
        await asyncio.sleep(0)

    (message,) = await block_warnings(main)
    assert f" at {line_of(main, 'calls the library')};" in message


async def test_fast_steps_are_not_reported() -> None:
    async def main() -> None:
        for i in range(2000):
            rr.text(str(i), key="n")
            await asyncio.sleep(0)
        await asyncio.sleep(0.25)  # awaiting is not holding the loop
        rr.text("done")

    assert await block_warnings(main, SessionConfig(block_warning=0.05)) == []


async def test_blocks_on_two_loops_in_two_threads_each_name_their_own_line() -> None:
    reports: dict[str, list[str]] = {"main": [], "thread": []}

    async def on_main_loop() -> None:
        await asyncio.sleep(0.05)
        time.sleep(0.3)  # noqa: ASYNC251 - blocks the main loop
        await asyncio.sleep(0)

    async def on_other_loop() -> None:
        time.sleep(0.3)  # noqa: ASYNC251 - blocks the other loop
        await asyncio.sleep(0.05)
        time.sleep(0.3)  # noqa: ASYNC251 - blocks the other loop again

    async def other_loop() -> None:
        await Watched(on_other_loop(), 0.1, lambda held, place: reports["thread"].append(place))

    def other_thread() -> None:
        asyncio.run(other_loop())

    thread = threading.Thread(target=other_thread)
    thread.start()
    await Watched(on_main_loop(), 0.1, lambda held, place: reports["main"].append(place))
    await anyio.to_thread.run_sync(thread.join)
    assert reports["main"] == [line_of(on_main_loop, "blocks the main loop")]
    assert reports["thread"] == [
        line_of(on_other_loop, "blocks the other loop\n"),
        line_of(on_other_loop, "blocks the other loop again"),
    ]


async def test_the_monitor_thread_sleeps_once_no_step_is_in_flight() -> None:
    async def main() -> None:
        for _ in range(100):
            await asyncio.sleep(0)

    async with AppTest(main, config=FAST):
        pass
    assert _monitor.thread is not None and _monitor.thread.is_alive()
    await until(lambda: _monitor.waiting and not _monitor.event.is_set())
    await asyncio.sleep(3 * _monitor.REST)
    assert _monitor.waiting  # still blocked on its event: an idle process does not wake it
