"""``python -m reactive_rerun run app.py``."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
