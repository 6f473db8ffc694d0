"""A Streamlit script as it is, with only its import changed: run it with
`reactive-rerun run examples/plain_script.py`."""

import time

import reactive_rerun as st

st.title("Plain script")
st.header("A plain Streamlit script")
"Bare values are written by *magic*, as in Streamlit."

name = st.text_input("Your name", "Ada")
if st.button("Think about it"):
    with st.spinner("Thinking..."):
        time.sleep(1)  # blocks only this session: plain scripts run in a worker thread
    st.success(f"Done thinking, {name}.")


@st.fragment(run_every="1s")
def clock():
    st.caption(time.strftime("Server time %H:%M:%S"))


clock()
st.write_stream(word + " " for word in "Streams work in plain scripts too.".split())
