"""Where Streamlit is installed (the ``bench`` extra): how much of Streamlit 1.67's API is here,
by name and by parameter, printed; docs/parameters.md lists exactly the gaps, each with a reason.
Skipped where Streamlit is not installed."""

from __future__ import annotations

import pytest

from scripts import streamlit_coverage

# What this branch reached (present, parameter-complete); the counts may only go up.
FLOOR = (108, 107)
NEW = {"date_input", "time_input", "datetime_input", "color_picker", "select_slider", "pills",
       "segmented_control", "menu_button", "pagination", "space", "grid", "skeleton", "bottom",
       "echo", "help", "get_option", "set_option"}
MINE = NEW - {"select_slider"} | {
    "button", "form_submit_button", "checkbox", "toggle", "radio", "text_input", "text_area",
    "feedback", "chat_input", "title", "header", "subheader", "markdown", "caption", "text",
    "error", "warning", "info", "success", "divider", "exception", "container", "columns",
    "expander", "tabs", "popover", "form", "dialog", "fragment", "spinner", "status",
    "page_link", "switch_page", "Page",
}


def test_the_coverage_counts_are_printed_and_do_not_fall(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("streamlit")
    total, present, complete, _, _ = streamlit_coverage.compare()
    with capsys.disabled():  # shown in the test run's output, as the issue asks
        print(  # noqa: T201
            f"\nStreamlit coverage: present {present}/{total}, "
            f"parameter-complete {complete}/{present}"
        )
    assert present >= FLOOR[0] and complete >= FLOOR[1]


def test_the_parameters_doc_lists_every_gap_to_streamlit() -> None:
    pytest.importorskip("streamlit")
    doc = streamlit_coverage.DOC.read_text(encoding="utf-8")
    assert streamlit_coverage.section() in doc, "run: python -m scripts.streamlit_coverage --write"


def test_every_gap_has_a_reason() -> None:
    pytest.importorskip("streamlit")
    _, _, _, missing, gaps = streamlit_coverage.compare()
    assert [n for n in missing if streamlit_coverage.missing_reason(n) == "not offered yet"] == []
    assert [g for g in gaps if streamlit_coverage.reason(*g) == "not offered yet"] == []


def test_the_new_functions_are_here_and_the_kinds_of_issue_15_take_every_parameter() -> None:
    pytest.importorskip("streamlit")
    _, _, _, missing, gaps = streamlit_coverage.compare()
    assert not NEW & set(missing)
    assert [(f, p) for f, p in gaps if f in MINE] == []
