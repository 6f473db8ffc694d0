"""The app's theme: ``[theme]`` in ``.streamlit/config.toml`` and ``App(theme=...)``.

The page has a light and a dark look (``static/style.css``); the reader picks System, Light or
Dark in the page's menu. An app may set the starting choice (``base``) and its own colours and
font: they become CSS variables in a ``<style>`` the page shell carries, so they apply before
the first paint. Values are checked here, strictly (a colour is a hex, ``rgb()``/``hsl()`` or a
colour name; a font a family name), so nothing from a config file can break out of the CSS.
See docs/theme.md.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from .errors import ConfigError

logger = logging.getLogger("reactive_rerun")

Base = Literal["light", "dark"]

# config.toml's camelCase names -> the dataclass's fields
_KEYS = {
    "base": "base",
    "primaryColor": "primary_color",
    "backgroundColor": "background_color",
    "secondaryBackgroundColor": "secondary_background_color",
    "textColor": "text_color",
    "font": "font",
}
_COLOR = re.compile(
    r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"
    r"|(?:rgba?|hsla?)\([0-9.,%\s/deg]{1,60}\)"
    r"|[a-zA-Z]{3,30}"
)
_FAMILY = re.compile(r"[\w\s,'\"-]{1,200}")
SANS = '"Source Sans 3", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
_FONTS = {
    "sans serif": SANS, "sans-serif": SANS,
    "serif": '"Source Serif 4", "Source Serif Pro", Georgia, Cambria, "Times New Roman", serif',
    "monospace": "var(--mono)",
}


@dataclass(frozen=True)
class Theme:
    """An app's theme. Every field is optional; what is not set keeps the built-in look.

    Args:
        base: ``"light"`` or ``"dark"``: the look a reader sees until they pick one in the
            page's menu (default: their system's). ``background_color``,
            ``secondary_background_color`` and ``text_color`` belong to this look (light when
            unset); ``primary_color`` and ``font`` apply to both.
        primary_color: buttons, links, focus rings, selected tabs, slider fills.
        background_color: the page.
        secondary_background_color: the sidebar, code blocks, table headers.
        text_color: the text.
        font: ``"sans serif"`` (the bundled Source Sans 3, the default), ``"serif"``,
            ``"monospace"`` or font family names installed on the reader's machine.
    """

    base: Base | None = None
    primary_color: str | None = None
    background_color: str | None = None
    secondary_background_color: str | None = None
    text_color: str | None = None
    font: str | None = None

    def __post_init__(self) -> None:
        if self.base not in (None, "light", "dark"):
            raise ConfigError(f'theme base must be "light" or "dark", not {self.base!r}')
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("base", "font") or value is None:
                continue
            if not isinstance(value, str) or not _COLOR.fullmatch(value.strip()):
                raise ConfigError(
                    f"theme {f.name} must be a colour (#rrggbb, rgb(...), hsl(...) or a "
                    f"colour name), not {value!r}"
                )
        if self.font is not None and (
            not isinstance(self.font, str) or not _FAMILY.fullmatch(self.font.strip())
        ):
            raise ConfigError(
                f'theme font must be "sans serif", "serif", "monospace" or font family names '
                f"(letters, digits, spaces, commas, quotes), not {self.font!r}; fonts are "
                "not fetched from URLs"
            )

    @classmethod
    def of(cls, value: Theme | Mapping[str, Any] | None) -> Theme:
        """A ``Theme`` from itself, a mapping with config.toml's names (``primaryColor``) or
        the fields' names (``primary_color``), or None (the built-in look)."""
        if value is None:
            return cls()
        if isinstance(value, Theme):
            return value
        if not isinstance(value, Mapping):
            raise ConfigError(f"theme must be a Theme or a dict, not {type(value).__name__}")
        known = set(_KEYS.values())
        found: dict[str, Any] = {}
        for key, item in value.items():
            name = _KEYS.get(key, key)
            if name in known:
                found[name] = item
            else:  # Streamlit's other options, [theme.sidebar] etc.: not supported
                logger.warning("theme option %r is not supported and is ignored", key)
        return cls(**found)

    def over(self, other: Theme) -> Theme:
        """This theme with ``other``'s settings on top (the App argument over config.toml)."""
        return replace(self, **{f.name: getattr(other, f.name) for f in fields(other)
                                if getattr(other, f.name) is not None})

    @property
    def default(self) -> str:
        """The page's starting choice before the reader picks one: the base, or ``system``."""
        return self.base or "system"

    def css(self) -> str:
        """The theme's CSS variables (empty when nothing is set), for the page shell."""
        both: dict[str, str] = {}
        own: dict[str, str] = {}
        if self.primary_color:
            p = self.primary_color.strip()
            both["--accent"] = p
            both["--rr-chart-0"] = p
            both["--accent-soft"] = f"color-mix(in srgb, {p} 14%, var(--bg))"
            both["--on-accent"] = on_color(p)
        if self.font:
            both["--font"] = _FONTS.get(self.font.strip().lower(), self.font.strip())
        if self.background_color:
            own["--bg"] = own["--field"] = self.background_color.strip()
        if self.secondary_background_color:
            own["--soft"] = own["--side"] = self.secondary_background_color.strip()
        if self.text_color:
            own["--fg"] = self.text_color.strip()
        if self.text_color or self.background_color:
            own["--muted"] = "color-mix(in srgb, var(--fg) 70%, var(--bg))"
            own["--line"] = "color-mix(in srgb, var(--fg) 15%, var(--bg))"
        mode = self.base or "light"
        other = "dark" if mode == "light" else "light"
        rules = []
        if both or own:
            rules.append(f":root[data-theme={mode}] {{ {_decls({**both, **own})} }}")
        if both:
            rules.append(f":root[data-theme={other}] {{ {_decls(both)} }}")
        if self.primary_color:  # hover: a little darker in light, lighter in dark
            rules.append(":root[data-theme=light] { --accent-h: color-mix(in srgb, var(--accent) "
                         "85%, #000); }")
            rules.append(":root[data-theme=dark] { --accent-h: color-mix(in srgb, var(--accent) "
                         "80%, #fff); }")
        return "\n".join(rules)


def _decls(values: Mapping[str, str]) -> str:
    return " ".join(f"{k}: {v};" for k, v in values.items())


def _rgb(color: str) -> tuple[float, float, float] | None:
    """The 0..1 RGB of a hex colour (None for other forms)."""
    c = color.strip().lstrip("#")
    if not re.fullmatch(r"[0-9a-fA-F]{3,8}", c) or len(c) not in (3, 4, 6, 8):
        return None
    if len(c) in (3, 4):
        c = "".join(ch * 2 for ch in c)
    r, g, b = (int(c[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def luminance(color: str) -> float:
    """WCAG relative luminance of a hex colour."""
    rgb = _rgb(color)
    if rgb is None:
        raise ValueError(f"not a hex colour: {color!r}")
    lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two hex colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def on_color(color: str) -> str:
    """White or near-black, whichever reads better on ``color`` (white for non-hex colours)."""
    if _rgb(color) is None:
        return "#fff"
    return "#fff" if contrast("#ffffff", color) >= contrast("#0b0d14", color) else "#0b0d14"


def from_config(folders: Iterable[Path] = ()) -> Theme:
    """``[theme]`` of ``.streamlit/config.toml`` in the working directory, then beside the
    script (its settings win)."""
    theme = Theme()
    seen: set[Path] = set()
    for folder in [Path(os.getcwd()), *folders]:
        path = (folder / ".streamlit" / "config.toml").resolve()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        try:
            with path.open("rb") as file:
                table = tomllib.load(file).get("theme") or {}
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read it: {exc}") from None
        try:
            theme = theme.over(Theme.of(table))
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}") from None
    return theme


__all__ = ["Theme", "contrast", "from_config", "luminance", "on_color"]
