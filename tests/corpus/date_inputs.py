# after streamlit/docs (st.date_input / st.time_input "When's your birthday" examples)
# draws: a date input and a time input and the chosen moment written back.
import datetime

import reactive_rerun as st

st.title("Booking")
day = st.date_input("Day", datetime.date(2024, 7, 6))
at = st.time_input("Time", datetime.time(8, 45))
st.write(f"Booked for {day.isoformat()} at {at.strftime('%H:%M')}")
