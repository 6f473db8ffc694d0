# after streamlit/streamlit-example/streamlit_app.py and streamlit/blank-app-template
# (a page of the common input widgets with their values written back)
# draws: a text input, number input, slider, selectbox, radio, checkbox, toggle, multiselect and
# text area, each value written below.
import reactive_rerun as st

st.title("Widgets")
name = st.text_input("Name", "Ada")
age = st.number_input("Age", min_value=0, max_value=130, value=36)
level = st.slider("Level", 0, 10, 3)
color = st.selectbox("Color", ["red", "green", "blue"], index=1)
size = st.radio("Size", ["S", "M", "L"])
subscribed = st.checkbox("Subscribe", value=True)
dark = st.toggle("Dark mode")
tags = st.multiselect("Tags", ["a", "b", "c"], default=["a"])
bio = st.text_area("Bio", "Hello")

st.write(f"{name}, {age}, level {level}, {color}, {size}")
st.write(f"subscribed={subscribed} dark={dark} tags={','.join(tags)} bio={bio}")
