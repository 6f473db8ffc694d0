# after mottlio/streamlit-for-snowflake/1-local-streamlit-web-apps/12-complete-data-viewer/modules/auth.py
# (nested tables of st.secrets, item and attribute access)
# draws: the database host and user read from a [db] table of secrets, never the password,
# and a warning for a key that is missing.
import reactive_rerun as st

st.title("Connection settings")
db = st.secrets["db"]
st.write(f"host: {db['host']}:{db.port}")
st.write(f"user: {st.secrets.db.user}")
st.caption(f"password set: {bool(db['password'])}")
if "api_token" not in st.secrets:
    st.warning("No api_token in the secrets: read-only mode.")
