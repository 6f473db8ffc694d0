# after streamlit/docs/python/api-examples-source/media.logo.py and demo-culture-map
# (st.image with a URL and a caption)
# draws: a title, an image from a URL with a caption, and a caption under it.
import reactive_rerun as st

st.title("Sunrise")
st.image(
    "https://static.streamlit.io/examples/dog.jpg",
    caption="A good dog",
    width=300,
)
st.caption("Photo from the examples bucket")
