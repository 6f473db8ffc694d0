"""The element kinds: one module per kind, named after it, beside ``static/elements/<kind>.js``.

Importing this package defines every kind (``element.KINDS``) and registers every public UI
function (``element.FUNCTIONS``). A new kind is a new module here plus its line below.
"""

from __future__ import annotations

from .alert import error, info, success, warning
from .audio import audio
from .audio_input import audio_input
from .badge import badge
from .bottom import BOTTOM, bottom
from .button import button
from .camera_input import camera_input
from .caption import caption
from .chart import area_chart, bar_chart, line_chart, scatter_chart
from .chat_input import chat_input
from .chat_message import chat_message
from .checkbox import checkbox
from .code import code
from .color_picker import color_picker
from .column import COLUMN
from .columns import columns
from .container import container
from .data_editor import data_editor
from .dataframe import dataframe
from .date_input import date_input
from .datetime_input import datetime_input
from .dialog import dialog
from .divider import divider
from .download_button import download_button
from .echarts import echarts_chart
from .empty import empty
from .exception import exception
from .expander import expander
from .feedback import feedback
from .file_uploader import file_uploader
from .form import form
from .fragment import FRAGMENT
from .graphviz import graphviz_chart
from .grid import GRID_CELL, grid
from .header import header
from .help import help
from .html import html
from .iframe import iframe
from .image import image
from .json import json
from .latex import latex
from .link_button import link_button
from .logo import logo
from .map import map
from .markdown import markdown
from .menu_button import menu_button
from .mermaid import mermaid_chart
from .metric import metric
from .multiselect import multiselect
from .number_input import number_input
from .pagination import pagination
from .pdf import pdf
from .pills import pills
from .plotly import plotly_chart
from .popover import popover
from .progress import progress
from .pydeck import pydeck_chart
from .pyplot import pyplot
from .radio import radio
from .segmented_control import segmented_control
from .select_slider import select_slider
from .selectbox import selectbox
from .skeleton import skeleton
from .slider import slider
from .space import space
from .spinner import spinner
from .status import status
from .subheader import subheader
from .submit import form_submit_button
from .tab import TAB
from .table import table
from .tabs import tabs
from .text import text
from .text_area import text_area
from .text_input import text_input
from .time_input import time_input
from .title import title
from .toggle import toggle
from .vega import altair_chart, vega_lite_chart
from .video import video

__all__ = [
    "BOTTOM", "COLUMN", "FRAGMENT", "GRID_CELL", "TAB", "altair_chart", "area_chart", "audio",
    "audio_input", "badge", "bar_chart", "bottom", "button", "camera_input", "caption",
    "chat_input", "chat_message", "checkbox", "code", "color_picker", "columns", "container",
    "data_editor", "dataframe", "date_input", "datetime_input", "dialog", "divider",
    "download_button", "echarts_chart", "empty", "error", "exception", "expander", "feedback",
    "file_uploader", "form", "form_submit_button", "graphviz_chart", "grid", "header", "help",
    "html", "iframe", "image", "info", "json", "latex", "line_chart", "link_button", "logo",
    "map", "markdown", "menu_button", "mermaid_chart", "metric", "multiselect", "number_input",
    "pagination", "pdf", "pills", "plotly_chart", "popover", "progress", "pydeck_chart", "pyplot",
    "radio", "scatter_chart", "segmented_control", "select_slider", "selectbox", "skeleton",
    "slider", "space", "spinner", "status", "subheader", "success", "table", "tabs", "text",
    "text_area", "text_input", "time_input", "title", "toggle", "vega_lite_chart", "video",
    "warning",
]
