"""Where Streamlit is installed: docs/parameters.md lists exactly the gaps to Streamlit's API."""

from __future__ import annotations

import pytest

from scripts import streamlit_coverage


def test_the_parameters_doc_lists_every_gap_to_streamlit() -> None:
    pytest.importorskip("streamlit")
    doc = streamlit_coverage.DOC.read_text(encoding="utf-8")
    assert streamlit_coverage.section() in doc, "run: python -m scripts.streamlit_coverage --write"


def test_every_new_input_takes_streamlits_parameters_or_says_why_not() -> None:
    pytest.importorskip("streamlit")
    _, _, _, missing, gaps = streamlit_coverage.compare()
    inputs = {"date_input", "time_input", "datetime_input", "color_picker", "select_slider",
              "pills", "segmented_control"}
    assert not inputs & set(missing)
    for function, parameter in gaps:
        if function in inputs:
            assert streamlit_coverage.reason(function, parameter) != "not offered yet", (
                function, parameter)
