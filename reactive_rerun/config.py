"""``SessionConfig``: the per-app settings every session of an app follows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SessionConfig:
    """Per-app settings every session of the app follows."""

    show_error_details: bool = True
    dev_mode: bool = False  # show developer warnings (a blocked event loop) on the page too
    max_consecutive_reruns: int = 100
    cancel_grace: float = 2.0  # how long a cancelled run may take to unwind
    stale_after: float = 0.15  # runs longer than this confirm unchanged elements (``ok``)
    eager_after: float = 0.001  # a scope whose last run took longer sends its first change at once
    history_frames: int = 256  # frames kept for a reconnecting client
    max_pending_callbacks: int = 1000
    block_warning: float = 0.1  # seconds a run may hold the event loop before it is logged
    free_reruns: int = 3  # consecutive rerun()-triggered runs that start at once
    rerun_loop_pause: float = 0.01  # then each waits this long, doubling each time, ...
    rerun_loop_pause_max: float = 0.05  # ... up to this (other sessions go first)
    max_events_per_second: float = 1000.0  # a client's sustained message rate; more is dropped
    event_burst: int = 2000  # messages a client may send at once before the rate applies
    max_upload_size: int = 200  # MB: the largest file one upload may send
    upload_quota: int = 1000  # MB: what one session's uploaders may hold at once


__all__ = ["SessionConfig"]
