# after streamlit/docs/python/api-examples-source/st-experimental-connection/0.68/demos/columns.py
# draws: three columns of headers and text, then an expander with an explanation and code.
import reactive_rerun as st

st.set_page_config(layout="wide")
st.title("Layout demo")

c1, c2, c3 = st.columns([1, 2, 1])
with c1:
    st.header("Left")
    st.write("narrow column")
with c2:
    st.header("Middle")
    st.write("twice as wide")
with c3:
    st.header("Right")
    st.write("narrow again")

with st.expander("See explanation"):
    st.write("Columns take relative widths.")
    st.code("c1, c2, c3 = st.columns([1, 2, 1])", language="python")
