"""A long run's first change reaches the browser while the run is still going (issue #21).

A run that does not await goes out as one frame at its end; a scope whose last run was slow
sends its first change at once, so the answer to a click shows before the rest of a long page
has been compared. Served by uvicorn, read by a plain websocket client, as the browser would.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from _processes import served_module
from websockets.sync.client import connect

SCRIPT = """
    import time
    import reactive_rerun as rr

    async def main():
        state = rr.session_state
        state.setdefault("count", 0)
        if rr.button("Inc"):
            state.count += 1
        rr.text(f"count: {state.count}")
        busy_until = time.perf_counter() + 0.6  # a long page: the loop is held, no await
        while time.perf_counter() < busy_until:
            pass
        rr.text("the end of a long page")

    app = rr.App(main)
"""


def test_a_slow_runs_first_change_arrives_before_the_run_ends(tmp_path: Path) -> None:
    with (served_module(tmp_path, "longpage", SCRIPT) as host,
          connect(f"ws://{host}/_rr/ws", origin=f"http://{host}") as ws):
        ws.send(json.dumps({"t": "hello", "v": 1, "session": None, "seq": 0}))
        inc = ""

        def frames_until_end() -> list[tuple[float, list[dict[str, Any]]]]:
            got: list[tuple[float, list[dict[str, Any]]]] = []
            while True:
                ops = json.loads(ws.recv(timeout=30))["ops"]
                got.append((time.monotonic(), ops))
                if any(op["op"] == "end" for op in ops):
                    return got

        for _, ops in frames_until_end():  # the first run: slow, so the next ones stream
            for op in ops:
                if op["op"] == "el" and op["e"]["k"] == "button":
                    inc = op["e"]["id"]
        ws.send(json.dumps({"t": "click", "id": inc}))
        clicked = time.monotonic()
        frames = frames_until_end()

    texts = [(t, op["e"]["text"]) for t, ops in frames for op in ops
             if op["op"] == "el" and op["e"]["k"] == "text"]
    assert [text for _, text in texts] == ["count: 1"]
    shown_at, ended_at = texts[0][0], frames[-1][0]
    assert all(op["op"] != "end" for op in frames[0][1]), "the change waited for the end"
    assert shown_at - clicked < 0.4 < ended_at - clicked  # shown while the run was busy
