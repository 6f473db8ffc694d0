"""``rr.get_option`` / ``rr.set_option``: Streamlit's config options that mean something here.

Options are read from the app's settings (``App(...)`` / ``reactive-rerun run`` flags) of the
current session, or the defaults outside a run. Streamlit lets a script set only four
``client.*`` options; of those, ``client.toolbarMode`` has nothing to change here (there is no
toolbar) and is taken; the others are refused with the setting that does it here.
"""

from __future__ import annotations

from typing import Any

from .config import SessionConfig
from .context import maybe_run
from .errors import APIError

_READ: dict[str, Any] = {
    "client.showErrorDetails": lambda c: "full" if c.show_error_details else "none",
    "global.developmentMode": lambda c: c.dev_mode,
    "server.maxUploadSize": lambda c: c.max_upload_size,
    "client.toolbarMode": lambda c: "minimal",
    "client.showSidebarNavigation": lambda c: True,
    "client.disableDataExport": lambda c: False,
    "runner.magicEnabled": lambda c: True,
}
_WHERE = {
    "client.showErrorDetails": "App(show_error_details=...) or `reactive-rerun run` flags",
    "client.showSidebarNavigation": "rr.navigation(pages, position='hidden')",
    "client.disableDataExport": "the dataframe's own settings",
}


def _config() -> SessionConfig:
    run = maybe_run()
    return SessionConfig() if run is None else run.host.config


def get_option(key: str) -> Any:
    """The value of a Streamlit config option that applies here (see ``docs/parameters.md``)."""
    read = _READ.get(key)
    if read is None:
        raise APIError(
            f"get_option: {key!r} is not an option here. Options that apply: "
            f"{', '.join(sorted(_READ))}."
        )
    return read(_config())


def set_option(key: str, value: Any) -> None:
    """Set a Streamlit config option from a script: only ``client.toolbarMode`` is taken
    (there is no toolbar); every other option is refused with what sets it here."""
    if key == "client.toolbarMode":
        if value not in ("auto", "developer", "viewer", "minimal"):
            raise APIError(f"set_option: client.toolbarMode must be 'auto', 'developer', "
                           f"'viewer' or 'minimal', not {value!r}.")
        return
    if key in _WHERE:
        raise APIError(f"set_option: {key!r} cannot be changed by a script here; use "
                       f"{_WHERE[key]}.")
    raise APIError(
        f"set_option: {key!r} cannot be set from a script (Streamlit allows only client.* "
        "options; here only client.toolbarMode is taken)."
    )


__all__ = ["get_option", "set_option"]
