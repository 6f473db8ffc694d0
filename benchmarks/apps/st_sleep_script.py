"""S10 for Streamlit: ``rr_sleep_script.py`` with its import line changed back
(``streamlit run benchmarks/apps/st_sleep_script.py``)."""

import os
import time

import streamlit as st

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
