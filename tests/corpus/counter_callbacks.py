# after streamlit/docs/python/api-examples-source/st-experimental-connection/0.84/demos/counter.py
# draws: a counter kept in session_state, changed by buttons whose callbacks take args and kwargs.
import reactive_rerun as st

st.title("Counter")

if "count" not in st.session_state:
    st.session_state.count = 0


def change(by, *, note=""):
    st.session_state.count += by
    st.session_state.last = note


col1, col2, col3 = st.columns(3)
col1.button("Increment", on_click=change, args=(1,), kwargs={"note": "up"})
col2.button("Decrement", on_click=change, args=(-1,), kwargs={"note": "down"})
if col3.button("Reset"):
    st.session_state.count = 0
    st.session_state.last = "reset"

st.write("Count = ", st.session_state.count)
if "last" in st.session_state:
    st.caption(f"last action: {st.session_state.last}")
