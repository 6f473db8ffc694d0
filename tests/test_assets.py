"""The client's files: served from memory, gzipped for browsers that take it, nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.routing import Route

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


def test_files_in_subfolders_are_served_immutable_and_nothing_outside(tmp_path: Path) -> None:
    client = TestClient(rr.App(main))
    base = f"/_rr/static/{__version__}"
    for name in ("elements/slider.js", "elements/title.js", "vendor/manifest.json"):
        response = client.get(f"{base}/{name}")
        assert response.status_code == 200, name
        assert response.content == (STATIC / name).read_bytes()
        assert "immutable" in response.headers["cache-control"]
        assert "max-age=31536000" in response.headers["cache-control"]
    assert client.get(f"{base}/elements/slider.js").headers["content-type"].startswith(
        "text/javascript"
    )
    assert client.get(f"{base}/vendor/manifest.json").headers["content-type"] == (
        "application/json"
    )
    for name in (
        "../pyproject.toml",
        "elements/../../pyproject.toml",
        "..%2F..%2Fpyproject.toml",
        "elements/..%2F..%2Fpyproject.toml",
        "%2e%2e/%2e%2e/pyproject.toml",
        "elements/%2e%2e/render.js",
        "/etc/passwd",
        "%2Fetc%2Fpasswd",
        "vendor/README.md",
        "elements",
        "elements/",
        "elements/nope.js",
    ):
        # httpx would normalise '..' away; send the raw path so the server sees it.
        raw = client.get(httpx.URL(f"http://testserver{base}/{name}"))
        assert raw.status_code == 404, name
        assert "[project]" not in raw.text


def test_a_file_in_a_vendor_subfolder_is_served_from_memory(tmp_path: Path) -> None:
    from reactive_rerun.assets import Assets as _Assets

    shutil.copytree(STATIC, tmp_path / "static")
    lib = tmp_path / "static" / "vendor" / "lib-1.0.0" / "dist"
    lib.mkdir(parents=True)
    (lib / "lib.min.js").write_text("export const lib = 1;\n" * 50)
    (tmp_path / "static" / "vendor" / ".hidden.js").write_text("no")
    (tmp_path / "secret.js").write_text("outside")
    assets = _Assets(tmp_path / "static")
    assert "vendor/lib-1.0.0/dist/lib.min.js" in assets.files
    assert "vendor/.hidden.js" not in assets.files
    assert not any(".." in name or name.startswith("/") for name in assets.files)

    app = Starlette(routes=[Route("/s/{name:path}", assets.serve)])
    with TestClient(app) as client:
        found = client.get("/s/vendor/lib-1.0.0/dist/lib.min.js")
        assert found.status_code == 200
        assert found.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert found.headers["content-encoding"] == "gzip"
        assert found.text == "export const lib = 1;\n" * 50
        for name in ("../secret.js", "vendor/../../secret.js", "vendor/..%2F..%2Fsecret.js"):
            assert client.get(httpx.URL(f"http://testserver/s/{name}")).status_code == 404
