"""``rr.secrets``: the app's secrets from ``.streamlit/secrets.toml``, as in Streamlit.

Looked for in the working directory and beside the script file, read once on first use.
Keys read as items or attributes; a missing key is an error that names it and the files
that were read.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

_folders: list[Path] = []  # script folders (ScriptFile registers its own)


def look_beside(folder: Path) -> None:
    if folder not in _folders:
        _folders.append(folder)


class Section(Mapping[str, Any]):
    """A table of secrets: item and attribute access, read-only."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self._data = dict(data)
        self._where = where

    def __getitem__(self, key: str) -> Any:
        try:
            value = self._data[key]
        except KeyError:
            raise KeyError(f'st.secrets has no key "{key}". {self._where}') from None
        return Section(value, self._where) if isinstance(value, Mapping) else value

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError as exc:
            raise AttributeError(exc.args[0]) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def to_dict(self) -> dict[str, Any]:
        return dict(self._data)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({sorted(self._data)})"  # keys only: values are secret


class Secrets(Section):
    """``rr.secrets``: loaded on first use from every ``.streamlit/secrets.toml`` found."""

    def __init__(self) -> None:
        self._loaded: dict[str, Any] | None = None
        super().__init__({}, "")

    def _candidates(self) -> list[Path]:
        folders = [Path(os.getcwd()), *_folders]
        return list(dict.fromkeys(f / ".streamlit" / "secrets.toml" for f in folders))

    def _load(self) -> None:
        merged: dict[str, Any] = {}
        read: list[str] = []
        for path in self._candidates():
            if path.is_file():
                with path.open("rb") as file:
                    merged.update(tomllib.load(file))
                read.append(str(path))
        self._loaded = self._data = merged
        looked = ", ".join(str(p) for p in self._candidates())
        self._where = (
            f"Add it to .streamlit/secrets.toml (read: {', '.join(read)})." if read
            else f"No secrets file was found (looked for {looked})."
        )

    def __getitem__(self, key: str) -> Any:
        if self._loaded is None:
            self._load()
        return super().__getitem__(key)

    def __iter__(self) -> Iterator[str]:
        if self._loaded is None:
            self._load()
        return super().__iter__()

    def __len__(self) -> int:
        if self._loaded is None:
            self._load()
        return super().__len__()

    def reload(self) -> None:
        self._loaded = None


__all__ = ["Secrets", "Section", "look_beside"]
