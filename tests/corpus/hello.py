# after streamlit/docs/python/api-examples-source/hello/hello.py
# draws: the welcome title, an intro in markdown, a sidebar with a success box and a caption.
import reactive_rerun as st

st.set_page_config(page_title="Hello", page_icon="👋")

st.write("# Welcome to the corpus! 👋")
st.sidebar.success("Select a demo above.")
st.sidebar.caption("Demos are ordinary scripts.")

st.markdown(
    """
    This is an open-source app framework built for data people.
    **👈 Pick a demo from the sidebar** to see some examples.

    ### Want to learn more?
    - Read the documentation
    - Ask a question in the forums
    """
)
