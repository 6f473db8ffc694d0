# after streamlit/docs/python/api-examples-source/forms.form_process3.py
# draws: "Sum:" beside the sum of a form's two numbers, refreshed with st.rerun() on submit.
import reactive_rerun as st

if "total" not in st.session_state:
    st.session_state.total = None

left, right = st.columns(2)
left.title("Sum:")
if isinstance(st.session_state.total, float):
    right.title(f"{st.session_state.total:.2f}")

with st.form("addition"):
    a = st.number_input("a", value=0.0)
    b = st.number_input("b", value=0.0)
    submitted = st.form_submit_button("add")

st.session_state.total = a + b
if submitted:
    st.rerun()
