"""Check static/vendor/ against its manifest: listed, unmodified, licensed.

    python scripts/check_vendor.py            # check; exit status 1 on any problem
    python scripts/check_vendor.py --hash F   # print F's integrity value for the manifest
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "static" / "vendor"
OWN = {"manifest.json", "README.md"}  # the folder's own files, not vendored


def integrity(path: Path) -> str:
    """The Subresource Integrity value of a file: ``sha384-<base64>``."""
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


def problems(vendor: Path = VENDOR) -> list[str]:
    """Everything wrong with ``vendor`` (empty when it matches its manifest)."""
    try:
        manifest = json.loads((vendor / "manifest.json").read_text(encoding="utf-8"))
        packages = manifest["packages"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [f"manifest.json: unreadable ({exc!r})"]
    found: list[str] = []
    listed: set[str] = set()
    for pkg in packages:
        name = f"{pkg.get('name')}@{pkg.get('version')}"
        licence = pkg.get("license_file")
        if not licence or not (vendor / licence).is_file():
            found.append(f"{name}: licence file {licence!r} missing")
        else:
            listed.add(licence)
        for rel, expected in (pkg.get("files") or {}).items():
            listed.add(rel)
            path = vendor / rel
            if not path.resolve().is_relative_to(vendor.resolve()):
                found.append(f"{name}: {rel} is outside the vendor folder")
            elif not path.is_file():
                found.append(f"{name}: {rel} is missing")
            elif integrity(path) != expected:
                found.append(f"{name}: {rel} does not match its recorded hash")
    for path in sorted(vendor.rglob("*")):
        rel = path.relative_to(vendor).as_posix()
        if path.is_file() and rel not in OWN and rel not in listed:
            found.append(f"{rel}: not listed in manifest.json")
    return found


def main(argv: list[str]) -> int:
    if argv[:1] == ["--hash"]:
        for name in argv[1:]:
            print(integrity(Path(name)))
        return 0
    found = problems()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
