# after chi-yan/streamlit_live_counter/live_counter.py (time.sleep in a plain script, updating
# an st.empty placeholder)
# draws: a placeholder rewritten while the script sleeps between steps, then "Done" and a
# success box; time.sleep runs in the script's own thread.
import time

import reactive_rerun as st

st.title("Slow steps")
placeholder = st.empty()
with st.spinner("Working..."):
    for step in range(3):
        placeholder.text(f"step {step + 1} of 3")
        time.sleep(0.05)
placeholder.text("Done")
st.success("All steps finished")
