"""The ``main`` benchmark app for NiceGUI (the same page as ``rr_apps.main_app``/``st_app.py``).

Run by ``python benchmarks/apps/ng_app.py`` (``BENCH_PORT``, ``BENCH_N``) in the venv that has
``nicegui`` (the ``[bench]`` extra). NiceGUI has no script to rerun: the page function builds
the elements once per browser tab (a ``Client``), and a click calls the button's handler,
which changes the counter label; only that label goes out (an ``update`` socket.io message).
"Foo" sets the header (Streamlit's version sets a value and reruns), "Slow" awaits a 30 s sleep
inside its handler (other handlers keep running meanwhile: nothing needs pre-empting).
``/_bench/health`` answers 200 once the server is up, without creating a client.
"""

from __future__ import annotations

import asyncio
import os

from nicegui import app, ui

N = int(os.environ.get("BENCH_N", "10"))


@app.get("/_bench/health")
async def health() -> dict[str, bool]:
    return {"ok": True}


@ui.page("/")
def index() -> None:
    count = 0

    def inc() -> None:
        nonlocal count
        count += 1
        counter.text = f"count: {count}"

    def foo() -> None:
        header.text = "Foo"

    async def slow() -> None:
        await asyncio.sleep(30)

    ui.button("Inc", on_click=inc).classes("bench-inc")
    counter = ui.label("count: 0").classes("bench-counter")
    header = ui.label("Title").classes("text-2xl")
    ui.button("Foo", on_click=foo)
    for i in range(N):
        ui.label(f"static line {i}")
    ui.button("Slow", on_click=slow)


ui.run(
    host="127.0.0.1", port=int(os.environ.get("BENCH_PORT", "8080")), reload=False, show=False,
    title="bench main", show_welcome_message=False, uvicorn_logging_level="warning",
)
