"""C2's app for Streamlit (the same as ``rr_apps.cache_app``): a "Go" button whose run calls one
cached 200 ms computation; each computation appends a line to ``BENCH_CACHE_LOG``."""

import os
import time

import streamlit as st

LOG = os.environ.get("BENCH_CACHE_LOG", "/dev/null")
N = int(os.environ.get("BENCH_N", "10"))


@st.cache_data(show_spinner=False)
def slow(x: int) -> list[int]:
    with open(LOG, "a", encoding="utf-8") as f:
        f.write("computed\n")
    time.sleep(0.2)
    return list(range(x))


if st.button("Go"):
    st.text(f"answer: {len(slow(1000))}")
for i in range(N):
    st.text(f"static line {i}")
