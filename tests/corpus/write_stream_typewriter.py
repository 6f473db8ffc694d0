# after ehsan-golinia/streamlit-learning/chapters/api-reference/write-magic/write_stream.py
# draws: a button; once clicked, a sync generator (sleeping between words) streams a sentence,
# and the text st.write_stream returned is shown again in a caption.
import time

import reactive_rerun as st

SENTENCE = "Lorem ipsum dolor sit amet, consectetur adipiscing elit."


def stream_data():
    for word in SENTENCE.split(" "):
        yield word + " "
        time.sleep(0.01)


st.title("write_stream")
if st.button("Stream data"):
    text = st.write_stream(stream_data)
    st.caption(f"streamed {len(text.split())} words")
