# after streamlit/docs "Session State" guide (widget keys bound to st.session_state, a callback
# reading them, and a value set before the widget is created)
# draws: a slider whose key lives in session_state, a button setting it from a callback, and
# the celsius value converted to fahrenheit.
import reactive_rerun as st

st.title("Temperature")
if "celsius" not in st.session_state:
    st.session_state.celsius = 20


def boil():
    st.session_state.celsius = 100


st.slider("Celsius", -50, 150, key="celsius")
st.button("Boil", on_click=boil)
f = st.session_state.celsius * 9 / 5 + 32
st.write(f"{st.session_state.celsius} °C is {f:.0f} °F")
