"""Shared test setup.

The project runs on asyncio only: every test module marks itself ``pytest.mark.anyio`` and this
``anyio_backend`` fixture pins the backend, so each async test runs once, on asyncio.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
