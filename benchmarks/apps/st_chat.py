"""S11's chat app for Streamlit (same logic as ``rr_apps.chat_app``).

Run by ``streamlit run benchmarks/apps/st_chat.py``; the reply's token count comes from
``BENCH_N``, the rate from ``BENCH_CHAT_RATE`` (tokens/s, 50 by default). The fake model is a
plain generator paced with ``time.sleep`` on a fixed schedule (a Streamlit script runs in its
own thread; that is how a Streamlit app streams), token i reading ``w<i>``.
"""

import json
import os
import time

import streamlit as st

N = int(os.environ.get("BENCH_N", "500"))
RATE = float(os.environ.get("BENCH_CHAT_RATE", "50"))
LOG = os.environ.get("BENCH_CHAT_LOG")


def tokens(stamps):
    start = time.monotonic()
    for i in range(N):
        delay = start + (i + 1) / RATE - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        if stamps is not None:
            stamps.append(time.time())
        yield f"w{i}" if i == 0 else f" w{i}"


history = st.session_state.setdefault("history", [])
for message in history:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])
if prompt := st.chat_input("Ask anything"):
    history.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    stamps = [] if LOG and prompt.startswith("timed") else None
    with st.chat_message("assistant"):
        reply = st.write_stream(tokens(stamps))
    history.append({"role": "assistant", "content": reply})
    if stamps is not None:
        with open(LOG, "a", encoding="utf-8") as f:
            f.write(json.dumps({"prompt": prompt, "yield_s": stamps}) + "\n")
