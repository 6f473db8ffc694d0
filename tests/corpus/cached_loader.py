# after robsok/dt-replay-demo/dashboard/app.py (@st.cache_data(ttl=...) around a slow loader)
# draws: a spinner while a slow cached load runs once per argument, the loaded rows' summary,
# and a button that clears the cache.
import time

import reactive_rerun as st

st.title("Cached loader")


@st.cache_data(ttl=60)
def load(city):
    time.sleep(0.05)  # a slow query
    st.session_state["loads"] = st.session_state.get("loads", 0) + 1
    return [{"city": city, "day": d, "rain_mm": (d * 7) % 5} for d in range(7)]


city = st.selectbox("City", ["Oslo", "Lima"])
with st.spinner("Loading..."):
    rows = load(city)
st.write(f"{len(rows)} days of rain for {city}: {sum(r['rain_mm'] for r in rows)} mm")
st.caption(f"loaded {st.session_state.get('loads', 0)} time(s) in this session")
if st.button("Clear cache"):
    load.clear()
    st.rerun()
