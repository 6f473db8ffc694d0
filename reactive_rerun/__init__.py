"""reactive_rerun: Streamlit-style scripts as ``async def``, served as an ASGI app."""

from __future__ import annotations

__version__ = "0.1.0"

from .app import App
from .display import (
    caption,
    code,
    divider,
    error,
    exception,
    header,
    info,
    json,
    markdown,
    rerun,
    spinner,
    stop,
    subheader,
    success,
    text,
    title,
    warning,
    write,
    write_stream,
)
from .errors import APIError, RerunRequested, StopRun
from .fragments import Fragment, fragment
from .layout import Container, columns, container, empty, expander, form, sidebar, tabs
from .session import Session, SessionConfig, SessionData
from .state import SessionState, SessionStateProxy
from .widgets import (
    button,
    checkbox,
    form_submit_button,
    multiselect,
    number_input,
    radio,
    selectbox,
    slider,
    text_area,
    text_input,
    toggle,
)

session_state: SessionStateProxy = SessionStateProxy()


__all__ = (
    "APIError",
    "App",
    "Container",
    "Fragment",
    "RerunRequested",
    "Session",
    "SessionConfig",
    "SessionData",
    "SessionState",
    "SessionStateProxy",
    "StopRun",
    "button",
    "caption",
    "checkbox",
    "code",
    "columns",
    "container",
    "divider",
    "empty",
    "error",
    "exception",
    "expander",
    "form",
    "form_submit_button",
    "fragment",
    "header",
    "info",
    "json",
    "markdown",
    "multiselect",
    "number_input",
    "radio",
    "rerun",
    "selectbox",
    "session_state",
    "sidebar",
    "slider",
    "spinner",
    "stop",
    "subheader",
    "success",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "title",
    "toggle",
    "warning",
    "write",
    "write_stream",
)
