"""A heavy element's client code is asked for before its data: when a run calls a chart or
table function the client is told, outside the numbered frames, to start loading that kind's
module (and its library), so loading overlaps with building and sending the data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from _processes import served_module
from websockets.sync.client import ClientConnection, connect

SCRIPT = """
    import reactive_rerun as rr

    async def main():
        rr.button("Again")
        rr.line_chart({"y": [float(i % 7) for i in range(50_000)]})

    app = rr.App(main)
"""


def _frames_until_end(ws: ClientConnection) -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = []
    while True:
        got.append(json.loads(ws.recv(timeout=30)))
        if got[-1]["seq"] and any(op["op"] == "end" for op in got[-1]["ops"]):
            return got


def _loads(frames: list[dict[str, Any]]) -> list[tuple[int, str]]:
    return [(i, op["kind"]) for i, f in enumerate(frames) if f["seq"] == 0
            for op in f["ops"] if op["op"] == "load"]


def _chart_at(frames: list[dict[str, Any]]) -> int:
    return next(i for i, f in enumerate(frames) for op in f["ops"]
                if op["op"] == "el" and op["e"]["k"] == "chart")


def test_the_client_is_told_to_load_a_charts_code_before_its_data(tmp_path: Path) -> None:
    with served_module(tmp_path, "charts", SCRIPT) as host:
        with connect(f"ws://{host}/_rr/ws", origin=f"http://{host}", max_size=None) as ws:
            ws.send(json.dumps({"t": "hello", "v": 1, "session": None, "seq": 0, "tab": "t1"}))
            first = _frames_until_end(ws)
            assert _loads(first) == [(_loads(first)[0][0], "chart")]
            assert _loads(first)[0][0] < _chart_at(first)  # the hint comes before the data
            again = next(op["e"]["id"] for f in first for op in f["ops"]
                         if op["op"] == "el" and op["e"]["k"] == "button")
            session = next(op["id"] for f in first for op in f["ops"] if op["op"] == "session")
            ws.send(json.dumps({"t": "click", "id": again}))
            assert _loads(_frames_until_end(ws)) == []  # this page has it already
        with connect(f"ws://{host}/_rr/ws", origin=f"http://{host}", max_size=None) as ws:
            ws.send(json.dumps({"t": "hello", "v": 1, "session": session, "seq": 0, "tab": "t2"}))
            ws.send(json.dumps({"t": "click", "id": again}))
            frames = _frames_until_end(ws)
            while not any(op["op"] == "el" and op["e"]["k"] == "chart"
                          for f in frames for op in f["ops"]):
                frames += _frames_until_end(ws)
            assert [kind for _, kind in _loads(frames)] == ["chart"]  # a new page load: again
