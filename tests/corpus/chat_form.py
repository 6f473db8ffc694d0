# after streamlit/llm-examples/Chatbot.py (its first version: a form with columns, no chat_input)
# draws: an API key field in the sidebar, the conversation as markdown lines, a form of a
# collapsed text input and a Send button in columns; info when the key is missing.
import reactive_rerun as st

with st.sidebar:
    api_key = st.text_input("API key", type="password")

st.title("💬 Chatbot")
if "messages" not in st.session_state:
    st.session_state["messages"] = [{"role": "assistant", "content": "How can I help you?"}]

with st.form("chat", clear_on_submit=True):
    a, b = st.columns([4, 1])
    user_input = a.text_input(
        "Your message:", placeholder="What would you like to say?", label_visibility="collapsed"
    )
    b.form_submit_button("Send")

if user_input and not api_key:
    st.info("Please add your API key to continue.")
elif user_input:
    st.session_state.messages.append({"role": "user", "content": user_input})
    st.session_state.messages.append({"role": "assistant", "content": user_input[::-1]})

for msg in st.session_state.messages:
    who = "🧑" if msg["role"] == "user" else "🤖"
    st.markdown(f"{who} {msg['content']}")
