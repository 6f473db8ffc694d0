"""The public surface: ``rr.__all__`` is complete and every name in it resolves."""

from __future__ import annotations
import __future__

import inspect

import reactive_rerun as rr

# Streamlit-style names SPEC §1-6 promise (besides the classes).
PROMISED = {
    "App", "APIError", "SessionConfig", "session_state", "rerun", "stop", "fragment",
    "title", "header", "subheader", "caption", "text", "markdown", "code", "write",
    "write_stream", "json", "divider", "error", "warning", "info", "success", "exception",
    "spinner", "button", "checkbox", "toggle", "text_input", "text_area", "number_input",
    "slider", "selectbox", "radio", "multiselect", "form_submit_button", "container", "empty",
    "columns", "tabs", "expander", "sidebar", "form",
}


def test_every_name_in_all_resolves() -> None:
    for name in rr.__all__:
        assert getattr(rr, name, None) is not None, name


def test_all_has_no_duplicates_and_is_sorted() -> None:
    names = list(rr.__all__)
    assert len(names) == len(set(names))
    assert names == sorted(names, key=lambda n: (not n[0].isupper(), n))


def test_all_lists_every_promised_name() -> None:
    assert PROMISED - set(rr.__all__) == set()


def test_every_public_module_attribute_is_listed() -> None:
    public = {
        name for name, value in vars(rr).items()
        if not name.startswith("_")
        and not inspect.ismodule(value)
        and not isinstance(value, __future__._Feature)
    }
    assert public - set(rr.__all__) == set()


def test_star_import_gives_the_public_names() -> None:
    namespace: dict[str, object] = {}
    exec("from reactive_rerun import *", namespace)
    assert set(rr.__all__) <= set(namespace)


def test_ui_functions_are_plain_calls() -> None:
    # write_stream too: on the loop it returns an awaitable, in a plain script the text
    for name in ("header", "button", "text_input", "container", "rerun", "write", "write_stream"):
        assert not inspect.iscoroutinefunction(getattr(rr, name)), name


def test_the_error_hierarchy() -> None:
    assert issubclass(rr.APIError, Exception)
    assert issubclass(rr.StopRun, BaseException) and not issubclass(rr.StopRun, Exception)
    assert issubclass(rr.RerunRequested, BaseException)
    assert not issubclass(rr.RerunRequested, Exception)


def test_version_is_a_string() -> None:
    assert isinstance(rr.__version__, str) and rr.__version__.count(".") >= 1
