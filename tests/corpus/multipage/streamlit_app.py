# after streamlit/docs/python/api-examples-source/navigation.example_1/streamlit_app.py
# draws: a navigation menu of two pages (a function page and a file page) and the default
# page's title.
import reactive_rerun as st


def home():
    st.title("Home page")
    st.write("Pick a page in the menu.")


pg = st.navigation([st.Page(home, title="Home", default=True), st.Page("page_2.py", title="Second")])
pg.run()
