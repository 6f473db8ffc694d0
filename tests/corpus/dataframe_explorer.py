# after algerninja/Template-StreamLit-Nginx/apps/streamlitApp1/app.py (st.dataframe of records)
# draws: a selectbox filter, a dataframe of the rows it keeps, and a CSV download button.
import csv
import io

import reactive_rerun as st

ROWS = [
    {"command": "st.selectbox", "rating": 4, "is_widget": True},
    {"command": "st.balloons", "rating": 5, "is_widget": False},
    {"command": "st.time_input", "rating": 3, "is_widget": True},
]

st.title("Command ratings")
kind = st.selectbox("Show", ["all", "widgets", "elements"])
rows = [
    r for r in ROWS
    if kind == "all" or (kind == "widgets") == r["is_widget"]
]
st.dataframe(rows, use_container_width=True)

buf = io.StringIO()
writer = csv.DictWriter(buf, fieldnames=list(ROWS[0]))
writer.writeheader()
writer.writerows(rows)
st.download_button("Download CSV", buf.getvalue(), file_name="ratings.csv", mime="text/csv")
