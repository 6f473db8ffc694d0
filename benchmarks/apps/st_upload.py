"""U1's app for Streamlit (the same as ``rr_apps.upload_app``): one file uploader and the size
of what it holds. Served with ``--server.maxUploadSize 1000`` and XSRF protection off (the load
client sends no cookie), see ``benchmarks/uploads.py``."""

import streamlit as st

f = st.file_uploader("File")
st.text(f"size: {f.size if f is not None else 0}")
