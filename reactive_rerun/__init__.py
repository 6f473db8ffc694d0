"""reactive_rerun: Streamlit-style scripts as ``async def``, served as an ASGI app."""

from __future__ import annotations

__version__ = "0.1.0"

import typing as _typing

from . import column_config, components
from .cache import cache_data, cache_resource
from .client_info import ContextProxy
from .config import SessionConfig
from .control import rerun, stop
from .durable import SessionData
from .echo import echo
from .effects import balloons, snow, toast
from .elements import (
    altair_chart,
    area_chart,
    audio,
    audio_input,
    badge,
    bar_chart,
    bottom,
    button,
    camera_input,
    caption,
    chat_input,
    chat_message,
    checkbox,
    code,
    color_picker,
    columns,
    container,
    data_editor,
    dataframe,
    date_input,
    datetime_input,
    dialog,
    divider,
    download_button,
    echarts_chart,
    empty,
    error,
    exception,
    expander,
    feedback,
    file_uploader,
    form,
    form_submit_button,
    graphviz_chart,
    grid,
    header,
    help,
    html,
    iframe,
    image,
    info,
    json,
    latex,
    line_chart,
    link_button,
    logo,
    map,
    markdown,
    menu_button,
    mermaid_chart,
    metric,
    multiselect,
    number_input,
    pagination,
    pdf,
    pills,
    plotly_chart,
    popover,
    progress,
    pydeck_chart,
    pyplot,
    radio,
    scatter_chart,
    segmented_control,
    select_slider,
    selectbox,
    skeleton,
    slider,
    space,
    spinner,
    status,
    subheader,
    success,
    table,
    tabs,
    text,
    text_area,
    text_input,
    time_input,
    title,
    toggle,
    vega_lite_chart,
    video,
    warning,
)
from .errors import APIError, RerunRequested, StopRun, UnhashableParamError
from .fragments import Fragment, fragment
from .layout import Container, sidebar
from .options import get_option, set_option
from .page_settings import QueryParams, set_page_config
from .pages import Page, navigation, page_link, switch_page
from .secrets import Secrets
from .session import Session
from .state import SessionState, SessionStateProxy
from .store import MemoryStore, SessionStore
from .theme import Theme
from .write import write, write_stream

if _typing.TYPE_CHECKING:
    from .app import App

session_state: SessionStateProxy = SessionStateProxy()
query_params: QueryParams = QueryParams()
secrets: Secrets = Secrets()
context: ContextProxy = ContextProxy()


def __getattr__(name: str) -> _typing.Any:
    """``rr.App`` loads the web layer (Starlette) only when asked for: the runtime and the
    test harness do not need it."""
    if name == "App":
        from .app import App

        return App
    raise AttributeError(f"module 'reactive_rerun' has no attribute {name!r}")


__all__ = (
    "APIError",
    "App",
    "Container",
    "ContextProxy",
    "Fragment",
    "MemoryStore",
    "Page",
    "QueryParams",
    "RerunRequested",
    "Secrets",
    "Session",
    "SessionConfig",
    "SessionData",
    "SessionState",
    "SessionStateProxy",
    "SessionStore",
    "StopRun",
    "Theme",
    "UnhashableParamError",
    "altair_chart",
    "area_chart",
    "audio",
    "audio_input",
    "badge",
    "balloons",
    "bar_chart",
    "bottom",
    "button",
    "cache_data",
    "cache_resource",
    "camera_input",
    "caption",
    "chat_input",
    "chat_message",
    "checkbox",
    "code",
    "color_picker",
    "column_config",
    "columns",
    "components",
    "container",
    "context",
    "data_editor",
    "dataframe",
    "date_input",
    "datetime_input",
    "dialog",
    "divider",
    "download_button",
    "echarts_chart",
    "echo",
    "empty",
    "error",
    "exception",
    "expander",
    "feedback",
    "file_uploader",
    "form",
    "form_submit_button",
    "fragment",
    "get_option",
    "graphviz_chart",
    "grid",
    "header",
    "help",
    "html",
    "iframe",
    "image",
    "info",
    "json",
    "latex",
    "line_chart",
    "link_button",
    "logo",
    "map",
    "markdown",
    "menu_button",
    "mermaid_chart",
    "metric",
    "multiselect",
    "navigation",
    "number_input",
    "page_link",
    "pagination",
    "pdf",
    "pills",
    "plotly_chart",
    "popover",
    "progress",
    "pydeck_chart",
    "pyplot",
    "query_params",
    "radio",
    "rerun",
    "scatter_chart",
    "secrets",
    "segmented_control",
    "select_slider",
    "selectbox",
    "session_state",
    "set_option",
    "set_page_config",
    "sidebar",
    "skeleton",
    "slider",
    "snow",
    "space",
    "spinner",
    "status",
    "stop",
    "subheader",
    "success",
    "switch_page",
    "table",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "time_input",
    "title",
    "toast",
    "toggle",
    "vega_lite_chart",
    "video",
    "warning",
    "write",
    "write_stream",
)
