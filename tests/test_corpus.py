"""The corpus (SPEC §10, §11): Streamlit-style apps, ported by changing only the import line, run
headless with ``AppTest.from_file``.

Each app in ``tests/corpus/`` (and each ``tests/corpus/<dir>/streamlit_app.py``) must run clean:
no exception element, no "never awaited" warning, no refused message, and it draws what
``EXPECT`` below says Streamlit draws (after each scripted action).

An app that uses a Streamlit function (or a parameter of one) we do not have yet is found by
reading its source, and is marked ``xfail(strict=True)``: it must fail with exactly that
missing name, and turns into a failure (an XPASS) once the feature lands, so its expectation
gets checked then. ``BUGS`` marks apps that fail for another reason (a runtime bug).
``python -m scripts.corpus_status`` writes the pass rate and the missing names to
``tests/corpus/STATUS.md``.
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import reactive_rerun as rr
from reactive_rerun.client_info import ClientInfo
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio

CORPUS = Path(__file__).resolve().parent / "corpus"

# Streamlit 1.67's public functions that draw or read something (the names a port may call,
# on ``st`` or on a container).
STREAMLIT_API = frozenset("""
    altair_chart area_chart audio badge balloons bar_chart bokeh_chart button camera_input caption
    chat_input chat_message checkbox code color_picker columns container data_editor dataframe
    date_input datetime_input dialog divider download_button empty error exception expander
    feedback file_uploader form form_submit_button fragment graphviz_chart header help html
    image info json latex line_chart link_button logo map markdown metric multiselect navigation
    number_input page_link pills plotly_chart popover progress pydeck_chart pyplot radio
    scatter_chart segmented_control select_slider selectbox set_page_config sidebar slider snow
    spinner status subheader success switch_page table tabs text text_area text_input
    time_input title toast toggle vega_lite_chart video warning write write_stream
    Page cache_data cache_resource column_config context experimental_user login logout
    query_params rerun secrets session_state stop user
""".split())


# -- what each app must draw -----------------------------------------------------------------

# (kind, text): an element of that kind whose text (tags stripped) contains `text`. The kind is
# an element kind (`title`, `markdown`, `button`, ...), an alert level (`success`, `info`,
# `warning`, `error`) or `block:<type>`. A leading "!" means no such element may be shown.
Check = tuple[str, str]
# an action: ("click", label) / ("set", kind, label, value) / ("sleep", seconds); a label
# "#n" picks the n-th element of the kind (buttons with the same label, told apart by key)
Action = tuple[Any, ...]


@dataclass(frozen=True)
class Expect:
    draws: list[Check]
    steps: list[tuple[Action, list[Check]]] | None = None
    url: str = "http://testserver/"


EXPECT: dict[str, Expect] = {
    "cache_resource_model": Expect(
        [("title", "Sentiment"), ("text_area", "Review"), ("subheader", "Prediction: positive"),
         ("caption", "model object True")],
        [(("set", "text_area", "Review", "awful and bad"), [("subheader", "negative")])],
    ),
    "cached_loader": Expect(
        [("title", "Cached loader"), ("markdown", "7 days of rain for Oslo: 12 mm"),
         ("caption", "loaded 1 time(s)")],
        [(("set", "selectbox", "City", "Lima"), [("markdown", "for Lima"),
                                                 ("caption", "loaded 2 time(s)")]),
         (("set", "selectbox", "City", "Oslo"), [("markdown", "for Oslo"),
                                                 ("caption", "loaded 2 time(s)")]),
         (("click", "Clear cache"), [("caption", "loaded 3 time(s)")])],
    ),
    "charts_gallery": Expect(
        [("header", "Charts"), ("chart", "")],  # line, bar and area: one kind, `mark` says which
    ),
    "chat_echo": Expect(
        [("title", "Echo bot"), ("markdown", "Say something!"), ("chat_input", "")],
        [(("set", "chat_input", "What is up?", "hello"),
          [("markdown", "hello"), ("markdown", "Echo: hello")])],
    ),
    "chat_form": Expect(
        [("title", "Chatbot"), ("text_input", "API key"), ("markdown", "How can I help you?"),
         ("submit", "Send")],
        [(("set", "text_input", "API key", "k"), []),
         (("set", "text_input", "Your message:", "stressed"), []),
         (("click", "Send"), [("markdown", "🧑 stressed"), ("markdown", "🤖 desserts")])],
    ),
    "chat_llm_stream": Expect(
        [("title", "ChatGPT-like clone"), ("block:expander", ""), ("markdown", "Model: fake-1"),
         ("chat_input", "")],
        [(("set", "chat_input", "Ask anything", "tell me"),
          [("markdown", "tell me"), ("markdown", "You said: tell me")])],
    ),
    "counter_callbacks": Expect(
        [("title", "Counter"), ("block:columns", ""), ("markdown", "Count = `0`")],
        [(("click", "Increment"), [("markdown", "Count = `1`"), ("caption", "last action: up")]),
         (("click", "Increment"), [("markdown", "Count = `2`")]),
         (("click", "Decrement"), [("markdown", "Count = `1`"), ("caption", "down")]),
         (("click", "Reset"), [("markdown", "Count = `0`"), ("caption", "reset")])],
    ),
    "dataframe_explorer": Expect(
        [("title", "Command ratings"), ("dataframe", ""), ("download_button", "Download CSV")],
    ),
    "date_inputs": Expect(
        [("title", "Booking"), ("date_input", "Day"), ("time_input", "Time"),
         ("markdown", "Booked for 2024-07-06 at 08:45")],
    ),
    "empty_placeholder": Expect(
        [("info", "Filled at the end"), ("block:container", ""),
         ("markdown", "Written into the container"), ("markdown", "written second")],
        [(("click", "Clear"), [("!info", "Filled at the end")])],
    ),
    "expander_columns": Expect(
        [("title", "Layout demo"), ("block:columns", ""), ("header", "Left"),
         ("header", "Middle"), ("header", "Right"), ("block:expander", ""),
         ("code", "st.columns([1, 2, 1])")],
    ),
    "file_qa": Expect(
        [("title", "File Q&A"), ("file_uploader", "Upload an article"),
         ("text_input", "Ask something"), ("info", "Upload a file")],
    ),
    "form_signup": Expect(
        [("title", "Newsletter sign-up"), ("block:form", ""), ("text_input", "Your name"),
         ("submit", "Sign up")],
        [(("click", "Sign up"), [("warning", "Please tell us your name")]),
         (("set", "text_input", "Your name", "Ada"), []),
         (("set", "checkbox", "I agree to the terms", True), []),
         (("click", "Sign up"), [("success", "Thanks Ada: 4 mails a month about Python")])],
    ),
    "form_sum": Expect(
        [("title", "Sum:"), ("block:form", ""), ("number_input", "a"), ("submit", "add")],
        [(("set", "number_input", "a", 1.5), [("!title", "1.50")]),
         (("set", "number_input", "b", 2.25), []),
         (("click", "add"), [("title", "3.75")])],
    ),
    "fragment_live": Expect(
        [("title", "Live counter"), ("block:fragment", ""), ("markdown", "ticks: "),
         ("markdown", "clicks: 0"), ("caption", "the page around")],
        [(("sleep", 0.35), [("!markdown", "ticks: 1\n")]),
         (("click", "Click me"), [("markdown", "clicks: 1")])],
    ),
    "hello": Expect(
        [("markdown", "Welcome to the corpus!"), ("markdown", "Pick a demo from the sidebar"),
         ("success", "Select a demo above."), ("caption", "Demos are ordinary scripts.")],
    ),
    "image_caption": Expect([("title", "Sunrise"), ("image", ""), ("caption", "Photo from")]),
    "json_code_docs": Expect(
        [("title", "API reference page"), ("code", "st.write('hello')"),
         ("json", '"primaryColor"'), ("divider", ""), ("caption", "Generated from")],
    ),
    "magic_intro": Expect(
        [("markdown", "Magic"), ("markdown", "Bare strings are written"), ("markdown", "42"),
         ("markdown", "The answer is `42`"), ("!markdown", "not drawn")],
        [(("click", "Say hi"), [("markdown", "hi there")])],
    ),
    "metrics_dashboard": Expect(
        [("title", "Weather today"), ("metric", "Temperature"), ("metric", "Wind"),
         ("metric", "Humidity"), ("chart", "")],
    ),
    "multipage/streamlit_app": Expect([("title", "Home page"), ("navigation", "")]),
    "progress_bar": Expect([("caption", "Finished"), ("!progress", "")]),
    "query_params_tabs": Expect(
        [("radio", "Page"), ("header", "About this app")],
        [(("set", "radio", "Page", "Contact"), [("header", "Contact"),
                                                ("markdown", "'tab': 'Contact'")])],
        url="http://testserver/?tab=About",
    ),
    "secrets_connection": Expect(
        [("title", "Connection settings"), ("markdown", "host: db.example.com:5432"),
         ("markdown", "user: reader"), ("caption", "password set: True"),
         ("warning", "No api_token"), ("!markdown", "not-a-real-password")],
    ),
    "session_state_widgets": Expect(
        [("title", "Temperature"), ("slider", "Celsius"), ("markdown", "20 °C is 68 °F")],
        [(("click", "Boil"), [("markdown", "100 °C is 212 °F")]),
         (("set", "slider", "Celsius", -40), [("markdown", "-40 °C is -40 °F")])],
    ),
    "sidebar_filters": Expect(
        [("title", "Electric cars"), ("subheader", "5 matching cars"), ("header", "Filters"),
         ("markdown", "Tesla Model 3")],
        [(("set", "slider", "Built since", 2020), [("subheader", "2 matching cars"),
                                                   ("!markdown", "Nissan")]),
         (("set", "multiselect", "Make", []), [("info", "No car matches")])],
    ),
    "sleep_spinner": Expect(
        [("title", "Slow steps"), ("text", "Done"), ("success", "All steps finished")],
    ),
    "stop_gate": Expect(
        [("text_input", "Password"), ("!markdown", "normal app")],
        [(("set", "text_input", "Password", "wrong"), [("error", "Password incorrect"),
                                                        ("!markdown", "normal app")]),
         (("set", "text_input", "Password", "open sesame"),
          [("markdown", "Here goes your normal app"), ("button", "Click me"),
           ("!error", "incorrect")])],
    ),
    "tabs_layout": Expect(
        [("title", "Animals"), ("block:tabs", ""), ("header", "A cat"), ("header", "A dog"),
         ("markdown", "Fetches sticks"), ("caption", "Awake at night")],
    ),
    "tic_tac_toe": Expect(
        [("title", "Tic-tac-toe"), ("markdown", "Next: X"), ("button", "New game")],
        [(("click", "#0"), [("markdown", "Next: O"), ("button", "X")]),
         (("click", "#3"), []), (("click", "#1"), []), (("click", "#4"), []),
         (("click", "#2"), [("success", "X won!")]),
         (("click", "New game"), [("markdown", "Next: X"), ("!button", "O")])],
    ),
    "toast_feedback": Expect(
        [("title", "Feedback"), ("radio", "How was it?"), ("button", "Send")],
        [(("click", "Send"), [("toast", "received"), ("balloons", ""),
                              ("markdown", "Thank you!")])],
    ),
    "todo_list": Expect(
        [("header", "To-do list"), ("checkbox", "done 0"), ("markdown", "Write the report"),
         ("!success", "Nice job")],
        [(("set", "text_input", "What do you need to do?", "Call mum"),
          [("markdown", "Call mum"), ("checkbox", "done 2")]),
         (("set", "checkbox", "done 1", True), []),
         (("set", "checkbox", "done 2", True), [("success", "Nice job")])],
    ),
    "widgets_gallery": Expect(
        [("title", "Widgets"), ("markdown", "Ada, 36, level 3, green, S"),
         ("markdown", "subscribed=True dark=False tags=a bio=Hello")],
        [(("set", "text_input", "Name", "Grace"), [("markdown", "Grace, 36")]),
         (("set", "toggle", "Dark mode", True), [("markdown", "dark=True")]),
         (("set", "multiselect", "Tags", ["b", "c"]), [("markdown", "tags=b,c")])],
    ),
    "write_stream_typewriter": Expect(
        [("title", "write_stream"), ("button", "Stream data")],
        [(("click", "Stream data"), [("markdown", "Lorem ipsum dolor sit amet"),
                                     ("caption", "streamed 8 words")])],
    ),
}

# Apps that fail for a reason other than a missing API: a runtime bug, reported with a
# minimal reproduction. xfail(strict=True): fixing the bug turns them into failures here.
BUGS: dict[str, str] = {}


# -- finding the corpus and what it needs ----------------------------------------------------


def apps() -> list[Path]:
    return sorted(CORPUS.glob("*.py")) + sorted(CORPUS.glob("*/streamlit_app.py"))


def name_of(path: Path) -> str:
    return path.relative_to(CORPUS).with_suffix("").as_posix()


def _accepts(fn: Callable[..., Any], keyword: str) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return True
    return any(p.kind is p.VAR_KEYWORD or (p.name == keyword and p.kind is not p.POSITIONAL_ONLY)
               for p in params)


def missing_api(path: Path) -> list[str]:
    """The Streamlit names the app uses that ``reactive_rerun`` lacks: functions (``dataframe``,
    on ``st`` or on any container) and keyword parameters of functions we have
    (``form(clear_on_submit=)``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases = {a.asname or a.name for node in ast.walk(tree) if isinstance(node, ast.Import)
               for a in node.names if a.name == "reactive_rerun"}
    missing: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and not hasattr(rr, node.attr):
            if isinstance(node.value, ast.Name) and node.value.id in aliases:
                missing.add(node.attr)  # st.dataframe, st.Page, ...
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            on_st = isinstance(node.func.value, ast.Name) and node.func.value.id in aliases
            if not on_st and name in STREAMLIT_API and not hasattr(rr, name):
                missing.add(name)  # a container's method: col.metric(...), bar.progress(...)
            if (on_st or name in STREAMLIT_API) and hasattr(rr, name):
                fn = getattr(rr, name)
                missing.update(f"{name}({kw.arg}=)" for kw in node.keywords
                               if kw.arg and callable(fn) and not _accepts(fn, kw.arg))
    return sorted(missing)


# -- running an app --------------------------------------------------------------------------


class MissingAPI(Exception):
    """The app stopped at a Streamlit name we do not have."""


class NotClean(AssertionError):
    """The app showed an exception or a warning, or a message was refused."""


_MISSING = (
    re.compile(r"module 'reactive_rerun' has no attribute '(\w+)'"),
    re.compile(r"'\w+' object has no attribute '(\w+)'"),
    re.compile(r"(\w+)\(\) got an unexpected keyword argument '(\w+)'"),
)


def _plain(text: str) -> str:
    """The text a reader sees (inline code kept in backticks, runs of spaces as one)."""
    text = re.sub(r"</?code>", "`", text)
    text = re.sub(r"<[^>]+>", "", text).replace("&#x27;", "'").replace("&quot;", '"').replace(
        "&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return re.sub(r"[ \t]+", " ", text)


def check_clean(at: AppTest) -> None:
    for e in at.exception:
        message = str(e.props.get("message"))
        for pattern in _MISSING:
            m = pattern.search(message)
            if m and (m.group(1) in STREAMLIT_API or pattern.groups == 2):
                raise MissingAPI(f"{e.props.get('type')}: {message}")
        raise NotClean(f"the app raised {e.props.get('type')}: {message}\n{e.props.get('trace')}")
    for e in at.alert:
        if "never awaited" in e.text:
            raise NotClean(f"a call was never awaited: {_plain(e.text)}")
    if at.errors:
        raise NotClean(f"messages refused: {at.errors}")


def shows(at: AppTest, kind: str, text: str) -> bool:
    if kind == "toast":  # not an element: a notice over the page
        return any(text in _plain(t.get("html", "")) for t in at.page.toasts)
    if kind in ("balloons", "snow"):
        return kind in at.page.effects
    for e in at.elements():
        if kind.startswith("block:"):
            ok = e.kind == "block" and e.props.get("type") == kind[6:]
        elif kind in ("success", "info", "warning", "error"):
            ok = e.kind == "alert" and e.props.get("level") == kind
        else:
            ok = e.kind == kind
        if ok and text in _plain(e.text):
            return True
    return False


def check_draws(at: AppTest, checks: list[Check], when: str) -> None:
    for kind, text in checks:
        absent = kind.startswith("!")
        seen = shows(at, kind.lstrip("!"), text)
        if seen == absent:
            page = [(e.kind, e.props.get("level") or e.props.get("type") or "", _plain(e.text))
                    for e in at.elements()]
            what = "shows" if absent else "does not show"
            raise AssertionError(f"{when}: the page {what} {kind.lstrip('!')} {text!r}; "
                                 f"page: {page}")


def _find(at: AppTest, kind: str, label: str) -> Any:
    if label.startswith("#"):  # the n-th element of that kind
        return at.elements(kind)[int(label[1:])]
    for e in at.elements(kind):
        if label in (e.label, e.text):
            return e
    raise LookupError(f"no {kind} {label!r} on the page")


async def act(at: AppTest, action: Action) -> None:
    import asyncio

    if action[0] == "sleep":
        await asyncio.sleep(action[1])
        await at.settle()
    elif action[0] == "click":
        for kind in ("button", "submit"):
            try:
                target = _find(at, kind, action[1])
            except LookupError:
                continue
            await target.click()
            return
        raise LookupError(f"no button {action[1]!r} on the page")
    elif action[0] == "set":
        _, kind, label, value = action
        await _find(at, kind, label).set_value(value)
    else:
        raise ValueError(f"unknown action {action!r}")


async def run_app(path: Path) -> None:
    """Run one corpus app and check it; raises MissingAPI, NotClean or AssertionError."""
    expect = EXPECT[name_of(path)]
    async with AppTest.from_file(path, client=ClientInfo(url=expect.url), timeout=20) as at:
        check_clean(at)
        check_draws(at, expect.draws, "first run")
        for action, checks in expect.steps or []:
            await act(at, action)
            check_clean(at)
            check_draws(at, checks, f"after {action}")


def params() -> list[Any]:
    out = []
    for path in apps():
        name = name_of(path)
        marks = []
        missing = missing_api(path)
        if missing:
            marks.append(pytest.mark.xfail(
                strict=True, raises=MissingAPI, reason=f"missing API: {', '.join(missing)}"))
        elif name in BUGS:
            marks.append(pytest.mark.xfail(strict=True, reason=BUGS[name]))
        out.append(pytest.param(path, id=name, marks=marks))
    return out


# -- the tests -------------------------------------------------------------------------------


def test_every_app_has_an_expectation_and_a_header() -> None:
    names = {name_of(p) for p in apps()}
    assert len(names) >= 25
    assert names == set(EXPECT), (names ^ set(EXPECT))
    for path in apps():
        head = path.read_text(encoding="utf-8").splitlines()[:2]
        assert head[0].startswith("# after "), f"{path.name}: header must say which example"
        source = path.read_text(encoding="utf-8")
        assert "import reactive_rerun as st" in source, path.name
        assert not re.search(r"^\s*(import|from) streamlit\b", source, re.M), path.name


@pytest.mark.parametrize("path", params())
async def test_corpus_app(path: Path) -> None:
    await run_app(path)
