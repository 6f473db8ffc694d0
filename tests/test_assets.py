"""The client's files: served from memory, gzipped for browsers that take it, nothing else."""

from __future__ import annotations

from pathlib import Path

import reactive_rerun as rr
from reactive_rerun import __version__
from tests._webclient import TestClient

STATIC = Path(__file__).resolve().parent.parent / "static"


async def main() -> None:
    rr.text("hi")


def test_client_files_are_gzipped_for_browsers_that_accept_it_and_plain_otherwise() -> None:
    client = TestClient(rr.App(main))
    url = f"/_rr/static/{__version__}/render.js"
    zipped = client.get(url, headers={"accept-encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert int(zipped.headers["content-length"]) < len((STATIC / "render.js").read_bytes()) / 2
    assert zipped.content == (STATIC / "render.js").read_bytes()  # httpx decompressed it
    plain = client.get(url, headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.content == (STATIC / "render.js").read_bytes()
    assert plain.headers["content-type"].startswith("text/javascript")


def test_only_the_client_files_exist_under_the_static_path() -> None:
    client = TestClient(rr.App(main))
    for name in ("nope.js", "..%2Fpyproject.toml", "__init__.py"):
        assert client.get(f"/_rr/static/{__version__}/{name}").status_code == 404
