# after streamlit/docs/python/api-examples-source/chat.llm.py
# draws: a chat whose assistant answer streams word by word from a fake client (a sync
# generator sleeping between words), an expander disclaimer, and the model name in the sidebar.
import time

import reactive_rerun as st

st.title("ChatGPT-like clone")
with st.expander("ℹ️ Disclaimer"):
    st.caption("Answers come from a fake model that repeats your words.")

st.session_state.setdefault("model", "fake-1")
st.session_state.setdefault("messages", [])
st.sidebar.write("Model:", st.session_state.model)


def fake_completion(messages):
    for word in f"You said: {messages[-1]['content']}".split():
        time.sleep(0.01)
        yield word + " "


for m in st.session_state.messages:
    with st.chat_message(m["role"]):
        st.markdown(m["content"])

if prompt := st.chat_input("Ask anything"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        answer = st.write_stream(fake_completion(st.session_state.messages))
    st.session_state.messages.append({"role": "assistant", "content": answer})
