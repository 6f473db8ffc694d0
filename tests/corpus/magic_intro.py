# after kmcgrady/mpa-test/streamlit_app.py and streamlit/30days/streamlit_app.py (magic: bare
# strings and values written to the page)
# draws: a markdown heading and text from bare strings, a variable's value, a tuple of two
# values, and a button; a docstring is not drawn.
"""This docstring is not drawn."""
import reactive_rerun as st

"# Magic"
"Bare strings are written with `st.write`."

answer = 6 * 7
answer

"The answer is", answer

if st.button("Say hi"):
    "hi there"
