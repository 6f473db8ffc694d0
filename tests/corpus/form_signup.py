# after streamlit/docs/python/api-examples-source/forms.form_overview.py
# draws: a sign-up form (text, selectbox, slider, checkbox) that clears on submit and answers
# with a success box naming what was entered, or a warning when the name is empty.
import reactive_rerun as st

st.title("Newsletter sign-up")

with st.form("signup", clear_on_submit=True):
    name = st.text_input("Your name")
    topic = st.selectbox("Topic", ["Python", "Data", "Design"])
    weekly = st.slider("Mails per month", 1, 8, 4)
    agree = st.checkbox("I agree to the terms")
    sent = st.form_submit_button("Sign up")

if sent:
    if not name:
        st.warning("Please tell us your name.")
    elif not agree:
        st.error("You must agree to the terms.")
    else:
        st.success(f"Thanks {name}: {weekly} mails a month about {topic}.")
