"""Errors and the control-flow signals a script can raise.

Hierarchy::

    Exception
     └── APIError              a script used the API wrongly; the message says how to fix it
    BaseException
     └── ControlFlow           never caught by a script's ``except Exception:``
          ├── RerunRequested   ``rr.rerun()``: halt this run, queue another
          └── StopRun          ``rr.stop()``: halt this run quietly
"""

from __future__ import annotations

from typing import Literal

Scope = Literal["app", "fragment"]


class APIError(Exception):
    """The script called the reactive_rerun API in a way it does not support."""


class ControlFlow(BaseException):
    """Base of the signals that steer a run; derived from BaseException on purpose."""


class RerunRequested(ControlFlow):
    """Raised by ``rr.rerun()`` to halt the current run at once."""

    def __init__(self, scope: Scope = "app") -> None:
        super().__init__(scope)
        self.scope: Scope = scope


class StopRun(ControlFlow):
    """Raised by ``rr.stop()`` to end the current run as if it had finished."""
