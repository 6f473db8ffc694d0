# after DharmeshPandav/streamlit_demo/app.py (sidebar selectbox choosing what the page shows)
# draws: sidebar filters (selectbox, multiselect, slider) over a small list of records, a
# subheader with the match count, one markdown line per matching record, info when none match.
import reactive_rerun as st

CARS = [
    {"model": "Zoe", "make": "Renault", "year": 2019, "range_km": 390},
    {"model": "Leaf", "make": "Nissan", "year": 2018, "range_km": 270},
    {"model": "Model 3", "make": "Tesla", "year": 2021, "range_km": 510},
    {"model": "ID.3", "make": "Volkswagen", "year": 2020, "range_km": 420},
    {"model": "Ioniq", "make": "Hyundai", "year": 2019, "range_km": 310},
]

st.sidebar.header("Filters")
makes = sorted({c["make"] for c in CARS})
chosen = st.sidebar.multiselect("Make", makes, default=makes)
since = st.sidebar.slider("Built since", 2018, 2021, 2018)
order = st.sidebar.selectbox("Sort by", ["range_km", "year", "model"])

rows = [c for c in CARS if c["make"] in chosen and c["year"] >= since]
rows.sort(key=lambda c: c[order])

st.title("Electric cars")
st.subheader(f"{len(rows)} matching cars")
if not rows:
    st.info("No car matches these filters.")
for c in rows:
    st.markdown(f"**{c['make']} {c['model']}** ({c['year']}): {c['range_km']} km")
