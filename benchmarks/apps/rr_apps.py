"""The benchmark apps for reactive_rerun; ``st_app.py`` / ``st_fragment.py`` are the same logic.

Served with ``uvicorn benchmarks.apps.rr_apps:from_env --factory --ws wsproto
--ws-per-message-deflate false``; the app and its size come from the environment: ``BENCH_APP``
(``main``, ``fragment``, ``loops`` or ``chat``) and ``BENCH_N``.

``main``: an "Inc" button and its counter, the seed's "Foo" pattern (the button sets a value,
then reruns), N static text lines, and a "Slow" button whose callback makes the run await a
30 s sleep. (The sleep is keyed off a flag the callback sets, not off the button's return
value: a run cancelled by a newer click does not consume the triggers it saw in
reactive_rerun, so ``if rr.button("Slow"): await asyncio.sleep(30)`` would sleep again in the
pre-empting run.)
``fragment``: N static text lines, then a fragment holding a "Frag" button and its counter.
``chat`` (S11): a chat whose every submitted message is answered by ``rr.write_stream`` from an
async generator of N tokens at ``BENCH_CHAT_RATE`` tokens/s (50 by default); ``st_chat.py`` is
the same for Streamlit.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import time
from collections.abc import AsyncIterator

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
    """The app with its defaults (the rate limit, 1,000 messages/s per session, sits above what
    the closed-loop clients send), except the per-address connection cap: every load client
    connects from this one machine, where a real deployment sees one address per user."""
    return rr.App(main, title=title, max_connections_per_client=None)


def chat_tokens(n: int, rate: float, stamps: list[float] | None = None) -> AsyncIterator[str]:
    """N tokens, one every ``1 / rate`` s on a fixed schedule (a late token does not push the
    later ones back). Token i reads ``w<i>`` (space-separated), so a client can tell which
    tokens it has; ``stamps`` gets the wall-clock time (``time.time()``) each one is yielded."""

    async def gen() -> AsyncIterator[str]:
        loop = asyncio.get_running_loop()
        start = loop.time()
        for i in range(n):
            delay = start + (i + 1) / rate - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            if stamps is not None:
                stamps.append(time.time())
            yield f"w{i}" if i == 0 else f" w{i}"

    return gen()


def chat_app(n: int) -> rr.App:
    """S11: the chat of ``examples/chat.py`` with a fake model of N tokens. A message starting
    with "timed" has its tokens' yield times appended, as one JSON line, to the file named by
    ``BENCH_CHAT_LOG`` once its reply is complete, with the server's garbage collections that
    took over 1 ms so far (generation, ms)."""
    rate = float(os.environ.get("BENCH_CHAT_RATE", "50"))
    log = os.environ.get("BENCH_CHAT_LOG")
    pauses: list[tuple[int, float]] = []  # (generation, ms) of the garbage collections > 1 ms
    if log:
        started: list[float] = [0.0]

        def timed_gc(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                started[0] = time.perf_counter()
            elif (ms := (time.perf_counter() - started[0]) * 1000) > 1:
                pauses.append((info["generation"], round(ms, 2)))

        gc.callbacks.append(timed_gc)

    async def main() -> None:
        history: list[dict[str, str]] = rr.session_state.setdefault("history", [])
        for message in history:
            with rr.chat_message(message["role"]):
                rr.markdown(message["content"])
        if prompt := rr.chat_input("Ask anything"):
            history.append({"role": "user", "content": prompt})
            with rr.chat_message("user"):
                rr.markdown(prompt)
            stamps: list[float] | None = [] if log and prompt.startswith("timed") else None
            with rr.chat_message("assistant"):
                reply = await rr.write_stream(chat_tokens(n, rate, stamps), cursor="▌")
            history.append({"role": "assistant", "content": reply})
            if stamps is not None and log:
                with open(log, "a", encoding="utf-8") as f:  # noqa: ASYNC230 - after the reply
                    f.write(json.dumps({"prompt": prompt, "yield_s": stamps,
                                        "gc_pauses": pauses}) + "\n")

    return _build(main, "bench chat")


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


APPS = {"main": main_app, "fragment": fragment_app, "loops": loops_app, "chat": chat_app}


def upload_app(n: int) -> rr.App:
    """U1: one file uploader and the size of what it holds (``st_upload.py`` is the same);
    ``n`` is unused. The app allows files up to 1 GB (the default cap is 200 MB, Streamlit's)."""

    async def main() -> None:
        f = rr.file_uploader("File")
        rr.text(f"size: {f.size if f is not None else 0}")

    return rr.App(main, title="bench upload", max_connections_per_client=None,
                  max_upload_size=1000, upload_quota=2000)


APPS["upload"] = upload_app


def cache_app(n: int) -> rr.App:
    """C2: a "Go" button whose run awaits one cached 200 ms computation (``st_cache.py`` is the
    same with ``time.sleep``); each computation appends a line to ``BENCH_CACHE_LOG``."""
    log = os.environ.get("BENCH_CACHE_LOG", "/dev/null")

    @rr.cache_data
    async def slow(x: int) -> list[int]:
        with open(log, "a", encoding="utf-8") as f:  # noqa: ASYNC230 - one short line
            f.write("computed\n")
        await asyncio.sleep(0.2)
        return list(range(x))

    async def main() -> None:
        if rr.button("Go"):
            rr.text(f"answer: {len(await slow(1000))}")
        for i in range(n):
            rr.text(f"static line {i}")

    return _build(main, "bench cache")


APPS["cache"] = cache_app


def from_env() -> rr.App:
    return APPS[os.environ.get("BENCH_APP", "main")](int(os.environ.get("BENCH_N", "10")))
