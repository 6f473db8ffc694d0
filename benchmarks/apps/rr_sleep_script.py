"""S10's app: a plain Streamlit-style script served as ``reactive-rerun run`` serves it.

``python -m reactive_rerun run benchmarks/apps/rr_sleep_script.py --no-reload``. An "Inc"
button and its counter, N static lines (``BENCH_N``), and a "Sleep" button whose run blocks its
worker thread in ``time.sleep`` (``BENCH_SLEEP`` seconds, 2 by default). ``st_sleep_script.py``
is the same file for Streamlit, but for its import line.
"""

import os
import time

import reactive_rerun as st

N = int(os.environ.get("BENCH_N", "10"))
SLEEP = float(os.environ.get("BENCH_SLEEP", "2"))

state = st.session_state
if "count" not in state:
    state.count = 0
if st.button("Inc"):
    state.count += 1
st.text(f"count: {state.count}")
for i in range(N):
    st.text(f"static line {i}")
if st.button("Sleep"):
    time.sleep(SLEEP)  # a blocking call, as a sync HTTP or LLM client makes
    st.text("slept")
