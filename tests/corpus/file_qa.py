# after streamlit/llm-examples/File_Q&A.py
# draws: a title, a file uploader for a text file, a question input (disabled without a file),
# and an info box asking for a file first.
import reactive_rerun as st

st.title("📝 File Q&A")
uploaded = st.file_uploader("Upload an article", type=("txt", "md"))
question = st.text_input(
    "Ask something about the article",
    placeholder="Can you give me a short summary?",
    disabled=not uploaded,
)
if uploaded and question:
    article = uploaded.read().decode()
    st.write("### Answer")
    st.write(f"The article has {len(article.split())} words.")
elif not uploaded:
    st.info("Upload a file to ask about it.")
