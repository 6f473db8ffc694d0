"""The theme: both built-in looks pass WCAG AA for text; an app's theme from config.toml and
``App(theme=...)`` reaches the page shell as CSS variables, checked so nothing breaks out of
the CSS; rr.code and rr.json carry Streamlit 1.67's parameters; the menu's Rerun reruns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _webclient import TestClient

import reactive_rerun as rr
from reactive_rerun.errors import ConfigError
from reactive_rerun.script import ScriptFile
from reactive_rerun.testing import AppTest
from reactive_rerun.theme import Theme, contrast, from_config

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parent.parent
CSS = (ROOT / "static" / "style.css").read_text()


def _block(selector: str) -> dict[str, str]:
    """The custom properties of the first rule with exactly this selector in style.css."""
    match = re.search(re.escape(selector) + r" \{(.*?)\n\}", CSS, re.S)
    assert match, selector
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{3,8})\s*;", match.group(1)))


LIGHT = _block(":root")
DARK = {**LIGHT, **_block(":root[data-theme=dark]")}

# (text, background, minimum ratio): body text and every coloured text the page draws
PAIRS = [
    *[(fg, bg, 4.5) for fg in ("--fg", "--muted")
      for bg in ("--bg", "--soft", "--side", "--field")],
    ("--on-accent", "--accent", 4.5), ("--accent", "--bg", 4.5), ("--accent", "--accent-soft", 4.5),
    ("--err", "--err-bg", 4.5), ("--ok", "--ok-bg", 4.5), ("--warn", "--warn-bg", 4.5),
    ("--info", "--info-bg", 4.5), ("--err", "--bg", 4.5), ("--ok", "--bg", 4.5),
    ("--warn", "--bg", 4.5), ("--info", "--bg", 4.5),
    *[(f"--hl-{t}", "--soft", 4.5)
      for t in ("kw", "str", "num", "com", "fn", "type", "attr", "var", "meta")],
]


@pytest.mark.parametrize("name,values", [("light", LIGHT), ("dark", DARK)])
def test_both_themes_pass_wcag_aa_for_text(name: str, values: dict[str, str]) -> None:
    failing = [
        f"{fg} {values[fg]} on {bg} {values[bg]}: {contrast(values[fg], values[bg]):.2f}"
        for fg, bg, minimum in PAIRS if contrast(values[fg], values[bg]) < minimum
    ]
    assert failing == [], f"{name}: {failing}"


def test_contrast_is_the_wcag_ratio() -> None:
    assert round(contrast("#000", "#fff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # WCAG's well-known near miss


def test_a_theme_takes_config_toml_names_or_field_names() -> None:
    a = Theme.of({"base": "dark", "primaryColor": "#ff4b4b", "textColor": "#fafafa"})
    b = Theme.of({"base": "dark", "primary_color": "#ff4b4b", "text_color": "#fafafa"})
    assert a == b == Theme(base="dark", primary_color="#ff4b4b", text_color="#fafafa")
    assert a.default == "dark" and Theme().default == "system" and Theme().css() == ""


@pytest.mark.parametrize("settings", [
    {"primaryColor": "red; } body { display: none"},
    {"backgroundColor": "#12345"},
    {"textColor": "url(javascript:alert(1))"},
    {"font": "Nunito:https://fonts.example/css"},
    {"font": "x</style><script>alert(1)</script>"},
    {"base": "blue"},
])
def test_a_bad_theme_value_is_refused_with_its_name(settings: dict[str, str]) -> None:
    with pytest.raises(ConfigError, match="theme"):
        Theme.of(settings)


def test_the_colours_go_to_the_base_look_and_primary_and_font_to_both() -> None:
    css = Theme(base="dark", primary_color="#ff4b4b", background_color="#101010",
                font="serif").css()
    found = [re.search(rf":root\[data-theme={m}\] \{{(.*?)\}}", css) for m in ("dark", "light")]
    dark, light = (m.group(1) if m else "" for m in found)
    assert "--bg: #101010;" in dark and "--bg:" not in light
    assert "--accent: #ff4b4b;" in dark and "--accent: #ff4b4b;" in light
    assert "Georgia" in dark and "Georgia" in light
    assert "--on-accent: #0b0d14;" in dark  # near-black reads better on that light red


def test_config_toml_beside_the_script_and_the_app_argument_on_top(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(
        '[server]\nport = 1\n[theme]\nbase = "light"\nprimaryColor = "#0a7d5a"\n'
        'backgroundColor = "#fbfaf7"\nfont = "serif"\n')
    assert from_config() == Theme(base="light", primary_color="#0a7d5a",
                                  background_color="#fbfaf7", font="serif")
    script = tmp_path / "app.py"
    script.write_text("import reactive_rerun as st\nst.title('hi')\n")
    app = rr.App(ScriptFile(script), theme={"primaryColor": "#b00020"})
    with TestClient(app) as client:
        page = client.get("/").text
    assert ":root[data-theme=light] { --accent: #b00020;" in page
    assert "--bg: #fbfaf7;" in page and "#0a7d5a" not in page
    assert "c = 'light';" in page


def test_a_bad_config_toml_names_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text('[theme]\nprimaryColor = "nope!"\n')
    with pytest.raises(ConfigError, match="config.toml.*primary_color"):
        rr.App(lambda: None)  # type: ignore[arg-type, return-value]


def test_the_default_page_has_no_theme_rules_and_follows_the_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    async def main() -> None:
        rr.title("x")

    with TestClient(rr.App(main)) as client:
        page = client.get("/").text
    assert '<style id="rr-theme"></style>' in page and "c = 'system';" in page
    assert "source-sans-3-latin-400-normal.woff2" in page  # preloaded: no late swap


async def test_code_carries_streamlits_parameters() -> None:
    async def main() -> None:
        rr.code("a = 1\nb = 2", "Python", line_numbers=True, wrap_lines=True, height=120,
                width="content")
        rr.code("x", None)
        rr.code("x", height="tall")  # type: ignore[arg-type]

    async with AppTest(main) as at:
        first, second = at.code
        assert {k: v for k, v in first.props.items() if k != "k"} == {
            "text": "a = 1\nb = 2", "lang": "python", "line_numbers": True, "wrap": True,
            "height": 120, "width": "content",
        }
        assert second.props["lang"] is None and second.props["height"] == "content"
        assert "code height must be" in at.exception[0].props["message"]


async def test_json_expanded_takes_a_depth() -> None:
    async def main() -> None:
        rr.json({"a": {"b": 1}}, expanded=1, width=300)
        rr.json([1], expanded=0)
        rr.json([1], expanded=-1)

    async with AppTest(main) as at:
        first, second = at.json
        assert first.props["expanded"] == 1 and first.props["width"] == 300
        assert second.props["expanded"] is False
        assert "json expanded must be" in at.exception[0].props["message"]


async def test_the_menus_rerun_runs_the_script_again() -> None:
    runs: list[int] = []

    async def main() -> None:
        runs.append(1)
        rr.text(f"run {len(runs)}")

    async with AppTest(main) as at:
        await at.send({"t": "rerun"})
        assert at.text[0].text == "run 2"


def test_the_theme_docs_examples_work_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (ROOT / "docs" / "theme.md").read_text(encoding="utf-8")
    (toml,) = re.findall(r"```toml\n(.*?)```", text, re.S)
    (python,) = re.findall(r"```python\n(.*?)```", text, re.S)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(toml)
    assert from_config().primary_color == "#0a7d5a"
    namespace: dict[str, object] = {}
    exec(compile(python, "docs/theme.md", "exec"), namespace)
    app = namespace["app"]
    assert isinstance(app, rr.App)
    assert app.theme == Theme(base="light", primary_color="#b00020",
                              background_color="#fbfaf7", secondary_background_color="#f1efe8",
                              text_color="#1f2328", font="serif")


def test_streamlits_other_theme_options_are_ignored_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    theme = Theme.of({"primaryColor": "#123456", "baseRadius": "full", "sidebar": {"x": 1}})
    assert theme == Theme(primary_color="#123456")
    assert "'baseRadius'" in caplog.text and "'sidebar'" in caplog.text
