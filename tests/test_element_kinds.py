"""One definition per element kind: the Python definition, the browser module, the container
method, the harness reader and the protocol table all follow from it, and agree."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import reactive_rerun as rr
from reactive_rerun.element import FUNCTIONS, KINDS, Element
from reactive_rerun.testing import AppTest
from scripts import protocol_table

ROOT = Path(__file__).resolve().parent.parent
ELEMENTS = ROOT / "static" / "elements"
PROPS = re.compile(r"^export const props = \[(.*)\];$", re.M)

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def disagreements(kinds: dict[str, Element], folder: Path) -> list[str]:
    """Where the browser modules in ``folder`` and the Python kinds differ."""
    found: list[str] = []
    modules = {p.stem: p for p in folder.glob("*.js")}
    for name in sorted(set(kinds) - set(modules)):
        found.append(f"{name}: no module {name}.js")
    for name in sorted(set(modules) - set(kinds)):
        found.append(f"{name}.js: no element kind {name!r} in Python")
    for name in sorted(set(kinds) & set(modules)):
        lines = PROPS.findall(modules[name].read_text(encoding="utf-8"))
        if len(lines) != 1:
            found.append(f"{name}.js: needs exactly one `export const props = [...];` line")
            continue
        declared = re.findall(r"'([a-z_]+)'", lines[0])
        if lines[0] != ", ".join(f"'{n}'" for n in declared):
            found.append(f"{name}.js: props is not a plain list of names")
        if set(declared) != set(kinds[name].fields):
            found.append(
                f"{name}: the module reads {sorted(declared)}, Python sends "
                f"{sorted(kinds[name].fields)}"
            )
    return found


def test_every_kind_has_its_browser_module_declaring_the_same_fields() -> None:
    assert disagreements(KINDS, ELEMENTS) == []


def test_a_missing_module_or_a_different_field_list_is_caught(tmp_path: Path) -> None:
    folder = tmp_path / "elements"
    shutil.copytree(ELEMENTS, folder)
    (folder / "slider.js").unlink()
    caption = folder / "caption.js"
    caption.write_text(caption.read_text().replace("['text', ", "['text', 'anchor', "))
    (folder / "orphan.js").write_text("export const props = [];\n")
    assert disagreements(KINDS, folder) == [
        "slider: no module slider.js",
        "orphan.js: no element kind 'orphan' in Python",
        "caption: the module reads ['anchor', 'help', 'text', 'text_alignment', 'width', 'wrap'], "
        "Python sends ['help', 'text', 'text_alignment', 'width', 'wrap']",
    ]


def test_a_kind_sends_exactly_its_declared_fields() -> None:
    divider = KINDS["divider"]
    assert divider.props({"width": "stretch"}) == {"k": "divider", "width": "stretch"}
    with pytest.raises(TypeError, match="carries"):
        divider.props({"width": "stretch", "anchor": "x"})
    with pytest.raises(TypeError, match="carries"):
        divider.props({})


def test_every_ui_function_is_public_and_a_container_method() -> None:
    container = rr.Container("m.0")
    for name, fn in FUNCTIONS.items():
        assert getattr(rr, name) is fn, name
        assert name in rr.__all__, name
        assert callable(getattr(container, name)), name
    with pytest.raises(AttributeError):
        container.no_such_element  # noqa: B018


def test_the_protocol_doc_lists_every_kind_as_defined() -> None:
    doc = (ROOT / "docs" / "protocol.md").read_text(encoding="utf-8")
    assert protocol_table.section() in doc


async def test_container_methods_draw_inside_their_container() -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        yield "streamed "
        yield "text"

    async def main() -> None:
        left, right = rr.columns(2)
        async with right.spinner("busy"):
            await left.write_stream(chunks())
        right.toggle("on")
        left.error("oops")

    async with AppTest(main) as at:
        column = {e.path: e for e in at.blocks("column")}
        left, right = sorted(column)
        assert [e.kind for e in at.within(left)] == ["markdown", "alert"]
        assert [e.kind for e in at.within(right)] == ["block", "toggle"]  # the spinner's slot
        assert at.markdown[0].text == "<p>streamed text</p>\n"


async def test_the_harness_reads_values_through_the_kind_definitions() -> None:
    async def main() -> None:
        rr.selectbox("pick", ["a", "b", "c"], index=1)
        rr.multiselect("many", ["x", "y", "z"], default=["z", "x"])
        rr.slider("range", 0, 10, (2, 5))

    async with AppTest(main) as at:
        assert at.selectbox("pick").value == "b"
        assert at.multiselect("many").value == ["z", "x"]
        assert at.slider("range").value == (2, 5)
        await at.selectbox("pick").set_value("c")
        await at.multiselect("many").set_value(["y"])
        await at.slider("range").set_value((1, 9))
        assert at.selectbox("pick").value == "c"
        assert at.multiselect("many").value == ["y"]
        assert at.slider("range").value == (1, 9)
