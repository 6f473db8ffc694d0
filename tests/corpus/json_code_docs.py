# after streamlit/docs/python/api-examples-source/st-experimental-connection/0.88/demos/examples.py
# (a reference page: headers, code, json, divider, captions)
# draws: a title, a code block, a JSON view of a config dict, a divider and a caption.
import reactive_rerun as st

st.title("API reference page")
st.subheader("Example")
st.code("import reactive_rerun as st\nst.write('hello')", language="python")
st.subheader("Config")
st.json({"theme": {"base": "dark", "primaryColor": "#ff4b4b"}, "pages": ["home", "about"]})
st.divider()
st.caption("Generated from the docstrings")
