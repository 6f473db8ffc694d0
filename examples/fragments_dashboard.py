"""A live panel on a server-side timer next to a form in its own fragment.

The panel reruns every second on its own; typing in the form is never interrupted.
"""

import asyncio
import math
import random
import time

import reactive_rerun as rr


async def read_sensors() -> dict[str, float]:
    """A stand-in for an async data source (an HTTP API, a database...)."""
    await asyncio.sleep(0.05)
    t = time.time()
    return {
        "temperature": round(21 + 2 * math.sin(t / 10) + random.uniform(-0.2, 0.2), 2),
        "humidity": round(45 + 5 * math.cos(t / 15) + random.uniform(-0.5, 0.5), 1),
    }


@rr.fragment(run_every=1.0)
async def live_panel() -> None:
    rr.subheader("Live readings")
    readings = await read_sensors()
    rr.text(f"Temperature  {readings['temperature']:.2f} °C")
    rr.text(f"Humidity     {readings['humidity']:.1f} %")
    rr.caption(f"Updated {time.strftime('%H:%M:%S')}")


@rr.fragment
async def feedback_form() -> None:
    rr.subheader("Leave a note")
    with rr.form("note", border=True):
        name = rr.text_input("Name", key="note_name")
        note = rr.text_area("Note", key="note_text")
        if rr.form_submit_button("Save note", type="primary"):
            notes = rr.session_state.setdefault("notes", [])
            notes.append(f"{name or 'anonymous'}: {note}")
    for line in rr.session_state.get("notes", []):
        rr.text(line)


async def main() -> None:
    rr.title("Fragments dashboard")
    rr.caption("The panel refreshes itself every second; the form is its own fragment.")
    left, right = rr.columns(2, gap="large")
    with left:
        await live_panel()
    with right:
        await feedback_form()


app = rr.App(main, title="Fragments dashboard")
