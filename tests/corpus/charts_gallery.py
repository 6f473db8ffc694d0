# after streamlit/docs/python/api-examples-source/charts.line_chart.py, charts.bar_chart.py and
# charts.area_chart.py
# draws: a header and one line, bar and area chart of the same three series.
import random

import reactive_rerun as st

random.seed(7)
data = {name: [random.gauss(0, 1) for _ in range(20)] for name in ("a", "b", "c")}

st.header("Charts")
st.line_chart(data)
st.bar_chart(data)
st.area_chart(data)
