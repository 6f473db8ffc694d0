"""``rr.latex``: display math typeset by KaTeX in the browser.

KaTeX (vendored, ``static/vendor/katex-*``), its stylesheet and fonts load only when a page
shows ``latex``. A SymPy expression is converted with ``sympy.latex``. KaTeX runs with its
default ``trust: false``: ``\\href`` and friends cannot produce script URLs, and a formula it
cannot parse is shown as its source in red (``throwOnError: false``).
"""

from __future__ import annotations

import importlib
from typing import Any

from .. import _params
from ..element import Element

LATEX = Element(
    "latex", ("body", "help", "width"),
    doc="`body` (LaTeX, typeset by KaTeX in display mode), `help`, `width`",
)


def _source(body: Any) -> str:
    if type(body).__module__.startswith("sympy"):
        sympy = importlib.import_module("sympy")
        return str(sympy.latex(body))
    return str(body)


@LATEX.function
def latex(body: Any, *, help: str | None = None, width: int | str = "stretch") -> None:
    """Show a LaTeX formula (display mode)."""
    text = _source(body).strip()
    if text.startswith("$$") and text.endswith("$$") and len(text) >= 4:
        text = text[2:-2]
    LATEX.draw(body=text, help=help, width=_params.width("rr.latex", width))


__all__ = ["LATEX", "latex"]
