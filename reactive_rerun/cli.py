"""``reactive-rerun run app.py``: serve a script file, the way Streamlit's ``streamlit run`` does.

uvicorn with wsproto and no per-message compression (the measured memory and speed of
reactive_rerun depend on both; see docs/deploy.md), the file re-executed on every app run,
reload on save unless ``--no-reload``.
"""

from __future__ import annotations

import argparse
import errno
import logging
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

logger = logging.getLogger("reactive_rerun")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reactive-rerun", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="serve a script file")
    run.add_argument("script", help="the app's script file, e.g. app.py")
    run.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    run.add_argument("--port", type=int, default=8501, help="port to listen on (8501)")
    run.add_argument("--no-magic", action="store_true", help="do not write bare expressions")
    run.add_argument("--no-reload", action="store_true", help="do not rerun on file changes")
    run.add_argument("--session-store", default=None, metavar="URL",
                     help="keep sessions in a shared store (redis://host:port/db): any worker "
                     "serves any session")
    run.add_argument("--title", default=None, help="the page title (default: the file name)")
    return parser


def _port_free(host: str, port: int) -> str | None:
    """None when ``host:port`` can be bound, else why not."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is already in use: pick another with --port"
            return f"cannot listen on {host}:{port}: {exc.strerror}"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    path = Path(args.script)
    if not path.is_file():
        print(f"reactive-rerun: no such script file: {path}", file=sys.stderr)  # noqa: T201
        return 2
    problem = _port_free(args.host, args.port)
    if problem is not None:
        print(f"reactive-rerun: {problem}", file=sys.stderr)  # noqa: T201
        return 1

    import uvicorn

    from .app import App
    from .script import ScriptFile

    app = App(
        ScriptFile(path, magic=not args.no_magic),
        title=args.title or path.stem,
        reload=not args.no_reload,
        session_store=args.session_store,
    )
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"  {path.name} is served at http://{shown}:{args.port}/  (Ctrl-C stops)")  # noqa: T201
    config = uvicorn.Config(
        app, host=args.host, port=args.port, ws="wsproto", ws_per_message_deflate=False,
        log_level="warning", lifespan="on",
    )
    try:
        uvicorn.Server(config).run()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
