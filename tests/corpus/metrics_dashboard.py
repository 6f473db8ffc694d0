# after streamlit/docs/python/api-examples-source/metric.example5.py and
# streamlit/docs/python/api-examples-source/st-experimental-connection/0.87/demos/st_metric.py
# draws: a wide page, three metrics with deltas in columns, and a line chart of a series.
import reactive_rerun as st

st.set_page_config(page_title="Weather", layout="wide")
st.title("Weather today")

t, w, h = st.columns(3)
t.metric("Temperature", "21 °C", "1.2 °C")
w.metric("Wind", "9 mph", "-8%")
h.metric("Humidity", "86%", "4%")

st.line_chart({"temperature": [17, 18, 20, 21, 21, 19], "dew point": [12, 12, 13, 14, 13, 12]})
