"""The benchmark apps for reactive_rerun; ``st_app.py`` / ``st_fragment.py`` are the same logic.

Served with ``uvicorn benchmarks.apps.rr_apps:from_env --factory --ws wsproto
--ws-per-message-deflate false``; the app and its size come from the environment: ``BENCH_APP``
(``main`` or ``fragment``) and ``BENCH_N``.

``main``: an "Inc" button and its counter, the seed's "Foo" pattern (the button sets a value,
then reruns), N static text lines, and a "Slow" button whose callback makes the run await a
30 s sleep. (The sleep is keyed off a flag the callback sets, not off the button's return
value: a run cancelled by a newer click does not consume the triggers it saw in
reactive_rerun, so ``if rr.button("Slow"): await asyncio.sleep(30)`` would sleep again in the
pre-empting run.)
``fragment``: N static text lines, then a fragment holding a "Frag" button and its counter.
"""

from __future__ import annotations

import asyncio
import os

import reactive_rerun as rr
from reactive_rerun.runner import Script


def _sleep_next_run() -> None:
    rr.session_state.sleep_next = True


def main_app(n: int) -> rr.App:
    async def main() -> None:
        state = rr.session_state
        if "count" not in state:
            state.count = 0
            state.value = "Title"
        if rr.button("Inc"):
            state.count += 1
        rr.text(f"count: {state.count}")
        rr.header(state.value)
        if rr.button("Foo"):
            state.value = "Foo"
            rr.rerun()
        for i in range(n):
            rr.text(f"static line {i}")
        rr.button("Slow", on_click=_sleep_next_run)
        if state.get("sleep_next"):
            state.sleep_next = False
            await asyncio.sleep(30)

    return _build(main, "bench main")


def fragment_app(n: int) -> rr.App:
    @rr.fragment
    async def counter() -> None:
        state = rr.session_state
        if rr.button("Frag"):
            state.frag += 1
        rr.text(f"fragment count: {state.frag}")

    async def main() -> None:
        if "frag" not in rr.session_state:
            rr.session_state.frag = 0
        for i in range(n):
            rr.text(f"static line {i}")
        await counter()

    return _build(main, "bench fragment")


def _build(main: Script, title: str) -> rr.App:
    """The app with every setting at its default (the rate limit, 1,000 messages/s per
    session, sits above what the closed-loop clients send)."""
    return rr.App(main, title=title)


def _start_loop() -> None:
    rr.session_state.loop = True


def loops_app(n: int) -> rr.App:
    """A page of N lines whose sessions, once "Loop" is clicked, call ``rr.rerun()`` on every
    run forever (the loop guard is set out of reach, so they loop for the whole measurement)."""

    async def main() -> None:
        state = rr.session_state
        rr.button("Loop", on_click=_start_loop)
        count = state.setdefault("count", 0)
        if rr.button("Inc"):
            count = state.count = count + 1
        rr.text(f"count: {count}")
        for i in range(n):
            rr.text(f"static line {i}")
        if state.get("loop"):
            state.spins = state.get("spins", 0) + 1
            rr.text(f"spin {state.spins}")
            rr.rerun()

    return rr.App(main, title="bench loops", max_consecutive_reruns=10**9)


APPS = {"main": main_app, "fragment": fragment_app, "loops": loops_app}


def from_env() -> rr.App:
    return APPS[os.environ.get("BENCH_APP", "main")](int(os.environ.get("BENCH_N", "10")))
