"""The ``main`` benchmark app for Streamlit (same logic as ``rr_apps.main_app``).

Run by ``streamlit run benchmarks/apps/st_app.py``; N comes from ``BENCH_N``.
"""

import os
import time

import streamlit as st

N = int(os.environ.get("BENCH_N", "10"))

state = st.session_state
if "count" not in state:
    state.count = 0
    state.value = "Title"
if st.button("Inc"):
    state.count += 1
st.text(f"count: {state.count}")
st.header(state.value)
if st.button("Foo"):
    state.value = "Foo"
    st.rerun()
for i in range(N):
    st.text(f"static line {i}")


def sleep_next_run() -> None:
    st.session_state.sleep_next = True


st.button("Slow", on_click=sleep_next_run)
if state.get("sleep_next"):
    state.sleep_next = False
    time.sleep(30)
