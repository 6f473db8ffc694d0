# after streamlit/docs/python/api-examples-source/layout.tabs-callback.py
# draws: three tabs, each with a header and its own content; the second holds two columns.
import reactive_rerun as st

st.title("Animals")
cat, dog, owl = st.tabs(["Cat", "Dog", "Owl"])

with cat:
    st.header("A cat")
    st.write("Cats sleep most of the day.")

with dog:
    st.header("A dog")
    a, b = st.columns(2)
    a.write("Good boy")
    b.write("Fetches sticks")

with owl:
    st.header("An owl")
    st.caption("Awake at night")
