# after woonseng84/capstone/utility.py (the hmac check_password gate over st.secrets)
# draws: a password input; a wrong password shows an error and st.stop() keeps the rest from
# drawing; the right one (from .streamlit/secrets.toml) shows the app.
import hmac

import reactive_rerun as st


def check_password():
    def entered():
        ok = hmac.compare_digest(st.session_state["password"], st.secrets["password"])
        st.session_state["password_correct"] = ok
        if ok:
            del st.session_state["password"]

    if st.session_state.get("password_correct", False):
        return True
    st.text_input("Password", type="password", on_change=entered, key="password")
    if "password_correct" in st.session_state:
        st.error("😕 Password incorrect")
    return False


if not check_password():
    st.stop()

st.write("Here goes your normal app...")
st.button("Click me")
