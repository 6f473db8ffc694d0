"""``rr.html``, ``rr.iframe`` and ``components.v1``: what the elements carry (the browser does
the sanitising and sandboxing: tests/browser/test_media_embed.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _webclient import TestClient
from test_media import connect, opened, shown

import reactive_rerun as rr
import reactive_rerun.components.v1 as components


class Styled:
    def _repr_html_(self) -> str:
        return "<table><tr><td>repr</td></tr></table>"


def test_html_sources(tmp_path: Path) -> None:
    css = tmp_path / "look.css"
    css.write_text("h1 { color: red }")
    page = tmp_path / "bit.html"
    page.write_text("<p>from a file</p>")

    async def main() -> None:
        rr.html("<b>bold</b><script>alert(1)</script>", width=300)
        rr.html(Styled())
        rr.html(css)
        rr.html(page)
        rr.html("<p>runs</p><script>1</script>", unsafe_allow_javascript=True)

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        plain, styled, style, from_file, unsafe = shown(opened(ws), "html")
        # sent as given: the browser sanitises (DOMPurify), so nothing is lost in transit
        assert plain["body"] == "<b>bold</b><script>alert(1)</script>" and plain["width"] == 300
        assert not plain["unsafe"] and not plain["style_only"]
        assert styled["body"].startswith("<table>")
        assert style["body"] == "<style>h1 { color: red }</style>" and style["style_only"]
        assert from_file["body"] == "<p>from a file</p>"
        assert unsafe["unsafe"]


def test_iframe_sources(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text("<h1>Report</h1>")
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4 tiny")

    async def main() -> None:
        rr.iframe("https://example.com", height=300, alt="Example")
        rr.iframe("<p>inline</p>", width="content", tab_index=-1)
        rr.iframe(report)
        rr.iframe(pdf)
        rr.iframe("/static/page.html", height="stretch")
        components.html("<p>component</p><script>1</script>", height=90, scrolling=True)
        components.iframe("https://example.org", width=400)

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        url, inline, from_file, pdf_frame, relative, comp, comp_url = shown(opened(ws), "iframe")
        assert url["src"] == "https://example.com" and url["srcdoc"] is None
        assert url["height"] == 300 and url["title"] == "Example" and url["width"] == "stretch"
        assert inline["srcdoc"] == "<p>inline</p>" and inline["src"] is None
        assert inline["height"] == "content" and inline["tab_index"] == -1
        assert inline["title"] == "st.iframe"
        assert from_file["srcdoc"] == "<h1>Report</h1>"
        response = client.get("/" + pdf_frame["src"])
        assert response.content == b"%PDF-1.4 tiny"
        assert response.headers["content-type"] == "application/pdf"
        assert relative["src"] == "/static/page.html" and relative["height"] == "stretch"
        assert comp["srcdoc"].endswith("<script>1</script>") and comp["height"] == 90
        assert comp["scrolling"] is True and comp["title"] == "components.html"
        assert comp_url["src"] == "https://example.org" and comp_url["width"] == 400
        assert comp_url["height"] == 150


@pytest.mark.parametrize(("call", "message"), [
    (lambda: rr.html("x", width="wide"), "width must be"),
    (lambda: rr.iframe(3), "src must be"),  # type: ignore[arg-type]
    (lambda: rr.iframe("x", height=-5), "height must be"),
    (lambda: rr.iframe("x", tab_index=-3), "tab_index"),
    (lambda: components.html("x", height="big"), "height must be"),  # type: ignore[arg-type]
])
def test_bad_arguments_are_reported(call: Any, message: str) -> None:
    async def main() -> None:
        call()

    with TestClient(rr.App(main, session_timeout=5)) as client, connect(client) as ws:
        [error] = shown(opened(ws), "exception")
        assert message in str(error)
