# after Yashpalsinghchouhan11/document-chatbot/test.py (st.empty placeholder filled later) and
# streamlit/docs st.container "out of order" example
# draws: a placeholder at the top filled after the rest of the page, a container written into
# after the text below it, and a button that clears the placeholder.
import reactive_rerun as st

top = st.empty()
box = st.container()
st.write("This line is written second but shown last.")
box.write("Written into the container after the line below it.")
if st.button("Clear"):
    top.empty()
else:
    top.info("Filled at the end of the script")
