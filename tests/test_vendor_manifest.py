"""static/vendor/ holds exactly what its manifest lists, unmodified, each package licensed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from scripts.check_vendor import VENDOR, integrity, problems


def test_the_vendor_folder_matches_its_manifest() -> None:
    assert problems(VENDOR) == []


def _vendored(tmp_path: Path) -> Path:
    """A copy of static/vendor/ with one package added the documented way."""
    vendor = tmp_path / "vendor"
    shutil.copytree(VENDOR, vendor)
    pkg = vendor / "tiny-1.0.0"
    (pkg / "dist").mkdir(parents=True)
    (pkg / "dist" / "tiny.min.js").write_text("export const tiny = 1;\n")
    (pkg / "LICENSE").write_text("MIT License\n")
    manifest = json.loads((vendor / "manifest.json").read_text())
    manifest["packages"].append({
        "name": "tiny", "version": "1.0.0", "license_file": "tiny-1.0.0/LICENSE",
        "files": {"tiny-1.0.0/dist/tiny.min.js": integrity(pkg / "dist" / "tiny.min.js")},
    })
    (vendor / "manifest.json").write_text(json.dumps(manifest))
    return vendor


def test_a_correctly_vendored_package_passes(tmp_path: Path) -> None:
    assert problems(_vendored(tmp_path)) == []


def test_a_tampered_file_fails(tmp_path: Path) -> None:
    vendor = _vendored(tmp_path)
    (vendor / "tiny-1.0.0" / "dist" / "tiny.min.js").write_text("export const tiny = 2;\n")
    assert problems(vendor) == [
        "tiny@1.0.0: tiny-1.0.0/dist/tiny.min.js does not match its recorded hash"
    ]


def test_an_unlisted_file_fails(tmp_path: Path) -> None:
    vendor = _vendored(tmp_path)
    (vendor / "tiny-1.0.0" / "dist" / "extra.js").write_text("alert(1)\n")
    assert problems(vendor) == ["tiny-1.0.0/dist/extra.js: not listed in manifest.json"]


def test_a_missing_file_or_licence_fails(tmp_path: Path) -> None:
    vendor = _vendored(tmp_path)
    (vendor / "tiny-1.0.0" / "dist" / "tiny.min.js").unlink()
    (vendor / "tiny-1.0.0" / "LICENSE").unlink()
    assert problems(vendor) == [
        "tiny@1.0.0: licence file 'tiny-1.0.0/LICENSE' missing",
        "tiny@1.0.0: tiny-1.0.0/dist/tiny.min.js is missing",
    ]
