# after vafaei-ar/ai_project_template/app/app.py (the page chosen by a ?tab= query parameter),
# in the st.query_params form
# draws: the page named by ?tab= (Home when absent or unknown), and a radio that writes the
# choice back to the URL.
import reactive_rerun as st

PAGES = ["Home", "About", "Contact"]
tab = st.query_params.get("tab", "Home")
if tab not in PAGES:
    st.query_params["tab"] = tab = "Home"

choice = st.radio("Page", PAGES, index=PAGES.index(tab), horizontal=True)
if choice != tab:
    st.query_params["tab"] = tab = choice

if tab == "Home":
    st.header("Welcome home")
elif tab == "About":
    st.header("About this app")
    st.write("It reads the URL's query string.")
else:
    st.header("Contact")
    st.write(f"all params: {st.query_params.to_dict()}")
