# after chi-yan/streamlit_live_counter/live_counter.py, in the st.fragment(run_every=...) form
# the Streamlit docs recommend for live panels
# draws: a title, a live fragment that reruns every 100 ms and counts its ticks, and a fragment
# with its own button that reruns only itself.
import reactive_rerun as st

st.title("Live counter")
st.session_state.setdefault("ticks", 0)
st.session_state.setdefault("clicks", 0)


@st.fragment(run_every="100ms")
def live():
    st.session_state.ticks += 1
    st.write(f"ticks: {st.session_state.ticks}")


@st.fragment
def clicker():
    if st.button("Click me"):
        st.session_state.clicks += 1
    st.write(f"clicks: {st.session_state.clicks}")


live()
clicker()
st.caption("the page around the fragments")
