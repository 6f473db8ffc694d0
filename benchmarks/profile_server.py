"""Our server under pyinstrument: ``python -m benchmarks.profile_server PORT OUT_PREFIX``.

Runs uvicorn programmatically (same app and options as the benchmark: ``--ws wsproto
--ws-per-message-deflate false``).
SIGUSR1 starts the profiler, SIGUSR2 stops it and writes ``OUT_PREFIX.txt`` and
``OUT_PREFIX.html``, so start-up and connection set-up stay out of the profile.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Any

import uvicorn
from pyinstrument import Profiler


def main() -> None:
    port, prefix = int(sys.argv[1]), sys.argv[2]
    interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0002
    profiler = Profiler(interval=interval, async_mode="disabled")

    def start(*_: Any) -> None:
        if not profiler.is_running:
            profiler.start()

    def stop(*_: Any) -> None:
        if profiler.is_running:
            session = profiler.stop()
            Path(prefix + ".txt").write_text(profiler.output_text(unicode=True, show_all=False))
            Path(prefix + ".html").write_text(profiler.output_html())
            del session

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    config = uvicorn.Config(
        "benchmarks.apps.rr_apps:from_env", factory=True, ws="wsproto",
        ws_per_message_deflate=False, host="127.0.0.1", port=port, log_level="warning",
        access_log=False,
    )
    uvicorn.Server(config).run()


if __name__ == "__main__":
    main()
