"""How much of Streamlit's public API ``reactive_rerun`` offers, by name and by parameter.

Run it where Streamlit is installed (``pip install streamlit==1.67.0``; it is in the ``bench``
extra, never a test dependency)::

    python -m scripts.streamlit_coverage          # print the counts and every gap
    python -m scripts.streamlit_coverage --write  # put the gap table into docs/parameters.md

A public name is present when ``reactive_rerun`` has it; a present function is parameter-complete
when it takes every parameter name Streamlit's takes. Each gap is listed with its reason (from
``REASONS`` below, else "not offered yet"); ``tests/test_streamlit_coverage.py`` checks, where
Streamlit is installed, that docs/parameters.md lists exactly the gaps this script finds.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

DOC = Path(__file__).resolve().parent.parent / "docs" / "parameters.md"
START = "<!-- streamlit gaps: made by scripts/streamlit_coverage.py -->"
END = "<!-- end of streamlit gaps -->"

# Functions other work owns: every gap of theirs is "in progress" there (the issue's number).
_OWNERS = {
    "#17": "selectbox multiselect slider select_slider number_input code json",
    "#13": "audio audio_input badge camera_input download_button file_uploader html iframe image "
           "latex link_button logo pdf video",
    "#16": "altair_chart area_chart bar_chart echarts_chart graphviz_chart line_chart map "
           "mermaid_chart plotly_chart pydeck_chart pyplot scatter_chart vega_lite_chart",
    "#11": "dataframe data_editor table metric",
}
OWNED: dict[str, str] = {
    f: f"in progress: {issue}" for issue, names in _OWNERS.items() for f in names.split()
}

# Why a public name is not offered (beyond OWNED).
MISSING: dict[str, str] = {
    "connection": "data-source connections (SQL, Snowflake, ...) are not offered: use the "
                  "source's own client inside `rr.cache_resource`",
    "login": "OpenID Connect sign-in is not offered yet: put an authenticating proxy or ASGI "
             "middleware in front of the app (`rr.context.headers` shows what it sets)",
    "logout": "as `login`",
    "user": "as `login`",
}

# Why a parameter is not taken, by parameter name (for every function) or "function.parameter".
REASONS: dict[str, str] = {
    "App.script_path": "not offered: `rr.App(script)` takes the script (a function or "
                       "`reactive-rerun run file.py`), not a path",
    "App.secrets": "not offered: secrets come from `.streamlit/secrets.toml` (`rr.secrets`)",
    "App.lifespan": "not offered yet: mount `rr.App` in a Starlette app that has one",
    "App.routes": "not offered yet: mount `rr.App` in a Starlette app with those routes",
    "App.middleware": "not offered yet: wrap `rr.App` in the middleware (it is plain ASGI)",
    "App.on_script_error": "not offered yet: an uncaught exception is shown on the page and "
                           "logged (`show_error_details`)",
    "App.exception_handlers": "not offered yet: mount `rr.App` in a Starlette app that has them",
    "App.debug": "not offered: `dev_mode=True` shows developer warnings on the page",
    "bind": "binding a widget to the URL's query string is not offered yet",
    "persist_state": "widget state persistence across sessions is not offered yet",
    "required": "form validation (`required`) is not offered yet (pills and segmented_control "
                "take it)",
    "width": "layout widths are not offered yet",
    "wrap": "text wrapping options are not offered yet",
    "icon": "icons (emoji / Material Symbols) are not offered yet",
    "icon_position": "icons are not offered yet",
    "shortcut": "keyboard shortcuts for buttons are not offered yet",
    "filter_mode": "the browser's native <select> has no type-to-filter mode",
    "accept_new_options": "entering options that are not in the list is not offered yet",
    "select_all": "a select-all entry is not offered yet",
    "validate": "client-side pattern validation is not offered yet",
    "live": "sending each keystroke is not offered yet (values are sent on Enter or blur)",
    "autocomplete": "the `autocomplete` hint is not offered yet",
    "format": "printf-style display formats are not offered yet",
    "captions": "option captions are not offered yet",
    "use_container_width": "deprecated in Streamlit; `width` is not offered yet",
    "time_input.format": "12h/24h display follows the browser's locale",
    "text_input.type": "`email`, `url`, `phone` and `search` are not offered yet "
                       "(`default` and `password` are)",
    "anchor": "heading anchors are not offered yet",
    "help": "a tooltip on this element is not offered yet",
    "divider": "heading dividers are not offered yet",
    "text_alignment": "text alignment is not offered yet",
    "title": "alert titles are not offered yet",
    "height": "fixed heights are not offered yet",
    "horizontal": "horizontal containers are not offered yet",
    "horizontal_alignment": "container alignment is not offered yet",
    "vertical_alignment": "vertical alignment is not offered yet",
    "gap": "gap sizes are not offered yet for this container",
    "autoscroll": "autoscroll is not offered yet",
    "border": "borders are not offered yet for this container",
    "key": "a key for this container (its state) is not offered yet",
    "on_change": "change callbacks for this container are not offered yet",
    "args": "change callbacks for this container are not offered yet",
    "kwargs": "change callbacks for this container are not offered yet",
    "type": "variants of this element are not offered yet",
    "default": "a default for this container is not offered yet",
    "clear_on_submit": "clearing a form on submit is not offered yet",
    "enter_to_submit": "Enter always submits a form (the default)",
}


def public(module: Any) -> dict[str, Any]:
    return {
        name: getattr(module, name) for name in dir(module)
        if not name.startswith("_") and not inspect.ismodule(getattr(module, name))
    }


def parameters(obj: Any) -> list[str] | None:
    if not callable(obj):
        return None
    try:
        return [p for p in inspect.signature(obj).parameters if p not in ("self",)]
    except (TypeError, ValueError):
        return None


def reason(function: str, parameter: str) -> str:
    return (OWNED.get(function) or REASONS.get(f"{function}.{parameter}") or REASONS.get(parameter)
            or "not offered yet")


def missing_reason(name: str) -> str:
    return OWNED.get(name) or MISSING.get(name) or "not offered yet"


def compare() -> tuple[int, int, int, list[str], list[tuple[str, str]]]:
    """(Streamlit's public names, present, parameter-complete, missing names, missing params)."""
    import streamlit as st

    import reactive_rerun as rr

    theirs = public(st)
    ours = {name: getattr(rr, name) for name in theirs if hasattr(rr, name)}
    missing = sorted(n for n in theirs if n not in ours)
    gaps: list[tuple[str, str]] = []
    complete = 0
    for name in sorted(set(theirs) & set(ours)):
        want, have = parameters(theirs[name]), parameters(ours[name])
        if want is None or have is None:
            complete += 1
            continue
        lacking = [p for p in want if p not in have]
        gaps.extend((name, p) for p in lacking)
        complete += not lacking
    return len(theirs), len(theirs) - len(missing), complete, missing, gaps


def section() -> str:
    import streamlit as st

    total, present, complete, missing, gaps = compare()
    rows = [
        START,
        f"Streamlit {st.__version__}: {present} of {total} public names present, "
        f"{complete} of {present} parameter-complete.",
        "",
        "| function | parameter | why it is not taken |",
        "| --- | --- | --- |",
    ]
    rows += [f"| `{f}` | `{p}` | {reason(f, p)} |" for f, p in gaps]
    rows += ["", "| public name not offered | why |", "| --- | --- |"]
    rows += [f"| `{n}` | {missing_reason(n)} |" for n in missing]
    rows += [END]
    return "\n".join(rows)


def write() -> None:
    text = DOC.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    DOC.write_text(head + section() + tail, encoding="utf-8")


def main(argv: list[str]) -> int:
    try:
        import streamlit  # noqa: F401
    except ImportError:
        print("streamlit is not installed: pip install streamlit==1.67.0", file=sys.stderr)
        return 2
    if argv == ["--write"]:
        write()
        return 0
    total, present, complete, missing, gaps = compare()
    print(f"present: {present}/{total}")
    print(f"parameter-complete: {complete}/{present}")
    for name in missing:
        print(f"missing function: {name}: {missing_reason(name)}")
    for function, parameter in gaps:
        print(f"missing parameter: {function}({parameter}): {reason(function, parameter)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
