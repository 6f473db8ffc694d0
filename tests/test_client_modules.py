"""The browser client has one module per element kind, each declaring the fields it reads."""

from __future__ import annotations

import re
from pathlib import Path

ELEMENTS = Path(__file__).resolve().parent.parent / "static" / "elements"
PROPS = re.compile(r"^export const props = \[(.*)\];$", re.M)
WIDGET = ["id", "label", "help", "disabled", "form"]

# docs/protocol.md's element tables (a block's kind is its `type`)
FIELDS: dict[str, list[str]] = {
    "title": ["text"], "header": ["text"], "subheader": ["text"], "caption": ["text"],
    "text": ["text"], "markdown": ["html"], "code": ["text", "lang"],
    "json": ["text", "expanded"], "divider": [], "alert": ["level", "html"],
    "exception": ["type", "message", "trace"], "spinner": ["text"],
    "button": [*WIDGET, "kind", "wide"], "submit": [*WIDGET, "kind", "wide"],
    "checkbox": [*WIDGET, "value"], "toggle": [*WIDGET, "value"],
    "text_input": [*WIDGET, "value", "placeholder", "max_chars", "password"],
    "text_area": [*WIDGET, "value", "placeholder", "max_chars", "height"],
    "number_input": [*WIDGET, "value", "min", "max", "step", "int", "placeholder"],
    "slider": [*WIDGET, "value", "min", "max", "step", "int"],
    "selectbox": [*WIDGET, "options", "index", "placeholder"],
    "radio": [*WIDGET, "options", "index", "horizontal"],
    "multiselect": [*WIDGET, "options", "value", "placeholder", "max"],
    "container": ["border"], "empty": [], "columns": ["gap"], "column": ["weight"],
    "tabs": ["labels"], "tab": ["label"], "expander": ["label", "expanded"],
    "form": ["id", "border"], "fragment": ["id"],
}


def declared(kind: str) -> set[str]:
    found = PROPS.findall((ELEMENTS / f"{kind}.js").read_text(encoding="utf-8"))
    assert len(found) == 1, f"{kind}.js: exactly one `export const props = [...];` line"
    names = re.findall(r"'([a-z_]+)'", found[0])
    assert found[0] == ", ".join(f"'{n}'" for n in names), f"{kind}.js: props is not a plain list"
    return set(names)


def test_one_module_per_kind_and_nothing_else() -> None:
    assert sorted(p.stem for p in ELEMENTS.glob("*.js")) == sorted(FIELDS)
    assert [p.name for p in ELEMENTS.iterdir() if p.suffix != ".js"] == []


def test_every_module_declares_the_fields_of_its_kind() -> None:
    for kind, fields in FIELDS.items():
        assert declared(kind) == set(fields), kind


def test_every_module_mounts_through_a_default_export() -> None:
    for kind in FIELDS:
        assert "export default " in (ELEMENTS / f"{kind}.js").read_text(encoding="utf-8"), kind
