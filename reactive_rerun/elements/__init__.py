"""The element kinds: one module per kind, named after it, beside ``static/elements/<kind>.js``.

Importing this package defines every kind (``element.KINDS``) and registers every public UI
function (``element.FUNCTIONS``). A new kind is a new module here plus its line below.
"""

from __future__ import annotations

from .alert import error, info, success, warning
from .button import button
from .caption import caption
from .chart import area_chart, bar_chart, line_chart, scatter_chart
from .checkbox import checkbox
from .code import code
from .column import COLUMN
from .columns import columns
from .container import container
from .divider import divider
from .empty import empty
from .exception import exception
from .expander import expander
from .form import form
from .fragment import FRAGMENT
from .graphviz import graphviz_chart
from .header import header
from .json import json
from .map import map
from .markdown import markdown
from .multiselect import multiselect
from .number_input import number_input
from .plotly import plotly_chart
from .pyplot import pyplot
from .radio import radio
from .selectbox import selectbox
from .slider import slider
from .spinner import spinner
from .subheader import subheader
from .submit import form_submit_button
from .tab import TAB
from .tabs import tabs
from .text import text
from .text_area import text_area
from .text_input import text_input
from .title import title
from .toggle import toggle
from .vega import altair_chart, vega_lite_chart

__all__ = [
    "COLUMN", "FRAGMENT", "TAB", "button", "caption", "checkbox", "code", "columns", "container",
    "divider", "empty", "error", "exception", "expander", "form", "form_submit_button", "header",
    "info", "json", "markdown", "multiselect", "number_input", "radio", "selectbox", "slider",
    "spinner", "subheader", "success", "tabs", "text", "text_area", "text_input", "title",
    "toggle", "warning",
    "altair_chart", "area_chart", "bar_chart", "graphviz_chart", "line_chart", "map",
    "plotly_chart", "pyplot", "scatter_chart", "vega_lite_chart",
]
