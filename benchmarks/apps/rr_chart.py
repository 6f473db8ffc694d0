"""CH1's app for ``reactive-rerun run`` (a plain script, as a ported Streamlit app): a button
whose run draws a line chart of BENCH_N points.

Just before ``line_chart`` the run appends ``time.time()`` to the file ``BENCH_MARK`` names: the
benchmark's "the run draws the chart" instant, compared with the page's clock (one machine).
``?warm=1`` draws a small chart once: the server's first-use imports are paid outside the
measurement, and the measured page is still a new page load (its chart code not loaded yet).
"""

import math
import os
import time

import reactive_rerun as rr

points = int(os.environ.get("BENCH_N", "100000"))
if rr.query_params.get("warm"):
    rr.line_chart({"x": [0.0, 1.0, 2.0], "y": [1.0, 0.0, 1.0]}, x="x")
    rr.text("warm")
else:
    if rr.button("Draw"):
        rr.session_state.n = rr.session_state.get("n", 0) + 1
    n = rr.session_state.get("n", 0)
    if n:
        xs = range(points)
        data = {"x": list(xs), "y": [math.sin(i / 500 + n) for i in xs]}
        mark = time.time()
        rr.line_chart(data, x="x")
        with open(os.environ["BENCH_MARK"], "a") as out:
            out.write(f"{mark}\n")
