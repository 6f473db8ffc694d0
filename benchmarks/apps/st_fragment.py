"""The ``fragment`` benchmark app for Streamlit (same logic as ``rr_apps.fragment_app``)."""

import os

import streamlit as st

N = int(os.environ.get("BENCH_N", "10"))


@st.fragment
def counter() -> None:
    if st.button("Frag"):
        st.session_state.frag += 1
    st.text(f"fragment count: {st.session_state.frag}")


if "frag" not in st.session_state:
    st.session_state.frag = 0
for i in range(N):
    st.text(f"static line {i}")
counter()
