"""CH1's Streamlit app: a button whose run draws a line chart of BENCH_N points."""

import math
import os

import streamlit as st

points = int(os.environ.get("BENCH_N", "100000"))
if st.button("Draw"):
    st.session_state.n = st.session_state.get("n", 0) + 1
n = st.session_state.get("n", 0)
if n:
    xs = range(points)
    st.line_chart({"x": list(xs), "y": [math.sin(i / 500 + n) for i in xs]}, x="x")
