"""Data, charts and media in one page, written as a Streamlit script with its import changed:
`reactive-rerun run examples/data_and_charts.py`. Plain Python data, so it needs no pandas."""

import math
import random

import reactive_rerun as st

st.set_page_config(page_title="Sales dashboard", page_icon="📈", layout="wide")
st.title("Sales dashboard", help="Made-up numbers, the same on every run.")

rng = random.Random(7)
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
north = [round(120 + 40 * math.sin(i / 2) + rng.uniform(-8, 8), 1) for i in range(12)]
south = [round(90 + 25 * math.cos(i / 3) + rng.uniform(-8, 8), 1) for i in range(12)]

region = st.segmented_control("Region", ["Both", "North", "South"], default="Both")
cols = st.columns(3, border=True)
cols[0].metric("Revenue", f"${sum(north) + sum(south):,.0f}", "+4.2%",
               chart_data=[n + s for n, s in zip(north, south, strict=True)])
cols[1].metric("Best month", months[max(range(12), key=lambda i: north[i] + south[i])])
cols[2].metric("Returns", "2.1%", "-0.4%", delta_color="inverse")

series = {"month": list(range(1, 13))}
if region in ("Both", "North"):
    series["North"] = north
if region in ("Both", "South"):
    series["South"] = south
left, right = st.columns(2)
with left:
    st.subheader("Monthly sales", divider="blue")
    st.line_chart(series, x="month", y_label="units")
with right:
    st.subheader("By quarter", divider="green")
    st.bar_chart({"quarter": ["Q1", "Q2", "Q3", "Q4"],
                  "North": [sum(north[i:i + 3]) for i in range(0, 12, 3)],
                  "South": [sum(south[i:i + 3]) for i in range(0, 12, 3)]},
                 x="quarter", stack=True)

st.subheader("Orders", divider="gray")
orders = [{"order": 1000 + i, "customer": rng.choice(["Ada", "Grace", "Linus", "Guido"]),
           "units": rng.randint(1, 40), "price": round(rng.uniform(5, 80), 2),
           "shipped": rng.random() < 0.7} for i in range(200)]
picked = st.dataframe(
    orders, hide_index=True, on_select="rerun", selection_mode="multi-row", height=260,
    column_config={"price": st.column_config.NumberColumn("Price", format="$%.2f"),
                   "shipped": st.column_config.CheckboxColumn("Shipped")},
)
rows = picked.selection.rows
st.caption(f"{len(rows)} orders selected, {sum(orders[r]['units'] for r in rows)} units.")

st.subheader("Targets", divider="violet")
targets = st.data_editor(
    [{"region": "North", "target": 1500, "stretch": False},
     {"region": "South", "target": 1200, "stretch": True}],
    num_rows="dynamic", key="targets",
    column_config={"target": st.column_config.NumberColumn("Target", min_value=0)},
)
st.json({"targets": targets}, expanded=1)
