"""DF1's app for ``reactive-rerun run``: an N x 8 frame of floats, built once (cache_resource).

Before drawing it the run appends ``time.time()`` to the file ``BENCH_MARK`` names: the
benchmark's "run draws the dataframe" instant, compared with the page's clock (one machine).
"""

import os
import time

import numpy as np
import pandas as pd

import reactive_rerun as rr

N = int(os.environ.get("BENCH_N", "1000000"))


@rr.cache_resource
def frame(n: int) -> pd.DataFrame:
    return pd.DataFrame({f"c{i}": np.random.default_rng(i).random(n) for i in range(8)})


if rr.query_params.get("warm"):  # the warm-up page: pandas and numpy imported, no grid
    rr.text(f"warm {len(frame(0))}")
else:
    df = frame(N)
    mark = time.time()
    rr.dataframe(df)
    with open(os.environ["BENCH_MARK"], "a") as out:
        out.write(f"{mark}\n")
