"""``rr.rerun`` and ``rr.stop``: end the current run early."""

from __future__ import annotations

from .context import current_fragment, current_run
from .errors import APIError, RerunRequested, StopRun


def rerun(*, scope: str = "app") -> None:
    """Halt this run at once and queue another (``scope="fragment"``: this fragment only)."""
    run = current_run()
    if scope == "app":
        raise RerunRequested("app")
    if scope != "fragment":
        raise APIError(f'rr.rerun() takes scope="app" or scope="fragment", not {scope!r}.')
    if current_fragment() is None:
        raise APIError(
            'rr.rerun(scope="fragment") can only be called inside an @rr.fragment function; '
            "outside a fragment there is nothing to rerun on its own. Use rr.rerun()."
        )
    if run.scope == "app" and run.phase == "body":
        raise APIError(
            'rr.rerun(scope="fragment") is only valid while the fragment reruns on its own; '
            "during a full app run the fragment is redrawn anyway. Use rr.rerun() to rerun the app."
        )
    raise RerunRequested("fragment")


def stop() -> None:
    """End this run quietly, as if the script had finished here."""
    current_run()  # outside a run this is an APIError, not a stray BaseException
    raise StopRun


__all__ = ["rerun", "stop"]
