# after streamlit/docs (st.progress "Operation in progress" example) and
# chi-yan/streamlit_live_counter/live_counter.py
# draws: a progress bar advanced in a plain loop with time.sleep, then a balloons-free
# "Finished" caption.
import time

import reactive_rerun as st

bar = st.progress(0, text="Operation in progress. Please wait.")
for pct in range(0, 101, 25):
    time.sleep(0.01)
    bar.progress(pct, text=f"{pct}%")
bar.empty()
st.caption("Finished")
