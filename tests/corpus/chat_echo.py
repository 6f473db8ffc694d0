# after streamlit/docs/python/api-examples-source/chat.simple.py
# draws: a chat history from session_state in chat messages, a chat input; the assistant echoes.
import reactive_rerun as st

st.title("Echo bot")

if "messages" not in st.session_state:
    st.session_state.messages = [{"role": "assistant", "content": "Say something!"}]

for m in st.session_state.messages:
    with st.chat_message(m["role"]):
        st.markdown(m["content"])

if prompt := st.chat_input("What is up?"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    reply = f"Echo: {prompt}"
    with st.chat_message("assistant"):
        st.markdown(reply)
    st.session_state.messages.append({"role": "assistant", "content": reply})
