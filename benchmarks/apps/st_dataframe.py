"""DF1's app for Streamlit (same as ``rr_dataframe.py``): ``streamlit run`` this file."""

import os
import time

import numpy as np
import pandas as pd
import streamlit as st

N = int(os.environ.get("BENCH_N", "1000000"))


@st.cache_resource
def frame(n: int) -> pd.DataFrame:
    return pd.DataFrame({f"c{i}": np.random.default_rng(i).random(n) for i in range(8)})


if st.query_params.get("warm"):  # the warm-up page: pandas and numpy imported, no grid
    st.text(f"warm {len(frame(0))}")
else:
    df = frame(N)
    mark = time.time()
    st.dataframe(df)
    with open(os.environ["BENCH_MARK"], "a") as out:
        out.write(f"{mark}\n")
