# the second page of multipage/streamlit_app.py (not a corpus app on its own)
import reactive_rerun as st

st.title("Second page")
