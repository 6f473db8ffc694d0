"""``reactive_rerun.components``: ``components.v1`` for apps ported from Streamlit."""

from __future__ import annotations

from . import v1

__all__ = ["v1"]
