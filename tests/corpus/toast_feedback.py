# after streamlit/docs/python/api-examples-source/layout.tabs-callback.py (st.toast in a callback)
# draws: a feedback radio and a button; sending shows a toast and balloons, and a thank-you.
import reactive_rerun as st

st.title("Feedback")
mood = st.radio("How was it?", ["😀", "😐", "🙁"], horizontal=True)


def sent():
    st.toast(f"Feedback {st.session_state.mood} received")
    st.balloons()


st.session_state.mood = mood
if st.button("Send", on_click=sent):
    st.write("Thank you!")
