"""Every exception reactive_rerun raises, and the control-flow signals a script can raise.

Hierarchy::

    Exception
     ├── APIError              a script used the API wrongly; the message says how to fix it
     │    └── UnhashableParamError  a cached function's argument cannot be hashed
     ├── ProtocolError         (ValueError) a client message was refused; the text goes back to it
     ├── ConfigError           (ValueError) an app setting (App argument, config.toml) is not valid
     ├── TooManySessions       the server holds its limit of sessions
     ├── StoreConflict         a session record was saved by another worker meanwhile
     ├── SessionBusy           another live worker serves the session to another tab
     ├── UnstorableValue       (TypeError) session data a store cannot keep, named by its place
     └── BadRecord             (ValueError) stored bytes that are not a session record
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


class UploadRefused(APIError):
    """An upload a session does not take (too large, over quota, a refused type, an uploader
    no longer shown); ``status`` is the HTTP status the web layer answers with."""

    def __init__(self, message: str, status: int = 413) -> None:
        super().__init__(message)
        self.status = status


class UnhashableParamError(APIError):
    """An argument of an ``rr.cache_data`` / ``rr.cache_resource`` function has no hash.

    The message names the parameter and says how to fix it: a leading ``_`` in its name (not
    hashed) or ``hash_funcs={Type: fn}``.
    """


class ProtocolError(ValueError):
    """A client message was refused; the text is sent back to that client. A refused widget
    value names the widget and the reason alone (``detail``), so the widget can show it."""

    def __init__(self, message: str, *, widget: str | None = None,
                 detail: str | None = None) -> None:
        super().__init__(message)
        self.widget = widget
        self.detail = detail


class ConfigError(ValueError):
    """An app setting (an ``App`` argument or ``.streamlit/config.toml``) is not valid."""


class TooManySessions(Exception):
    """A new session would go over the app's ``max_sessions``."""


class StoreConflict(Exception):
    """A session record changed in the store since this worker loaded it."""


class SessionBusy(Exception):
    """Another live worker serves this session to another tab: a duplicate tab, not a move."""


class UnstorableValue(TypeError):
    """A value in session data that a session store cannot keep as plain data."""


class BadRecord(ValueError):
    """Bytes from a store that do not decode to a session record."""


class ControlFlow(BaseException):
    """Base of the signals that steer a run; derived from BaseException on purpose."""


class RerunRequested(ControlFlow):
    """Raised by ``rr.rerun()`` to halt the current run at once."""

    def __init__(self, scope: Scope = "app") -> None:
        super().__init__(scope)
        self.scope: Scope = scope


class StopRun(ControlFlow):
    """Raised by ``rr.stop()`` to end the current run as if it had finished."""


__all__ = [
    "APIError", "BadRecord", "ConfigError", "ControlFlow", "ProtocolError", "RerunRequested",
    "SessionBusy", "StopRun",
    "StoreConflict", "TooManySessions", "UnhashableParamError", "UnstorableValue",
    "UploadRefused",
]
