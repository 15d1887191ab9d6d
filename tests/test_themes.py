"""Tests for meetingroom.themes: every shipped theme meets UI3 contrast, without starting Qt."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from meetingroom import themes
from meetingroom.paths import themes_dir
from meetingroom.themes import (
    CONTRAST_PAIRS,
    DISABLED_PAIRS,
    NON_TEXT_PAIRS,
    Theme,
    available_themes,
    contrast_ratio,
    load_theme,
    relative_luminance,
    size_placeholders,
)

EXPECTED = {"standard", "high-contrast-dark", "high-contrast-light", "low-glare"}
ALL_THEMES = available_themes()
THEME_IDS = [theme.name for theme in ALL_THEMES]

# Every kind of control that takes keyboard focus must show it (UI2), as a QSS selector.
FOCUSABLE = (
    "QPushButton",
    "QToolButton",
    "QLineEdit",
    "QTextEdit",
    "QPlainTextEdit",
    "QComboBox",
    "QSpinBox",
    "QDoubleSpinBox",
    "QDateEdit",
    "QDateTimeEdit",
    "QCheckBox",
    "QRadioButton",
    "QListView",
    "QListWidget",
    "QTableView",
    "QTreeView",
    "QTabBar::tab",
    "QGroupBox::title",
)


def test_black_on_white_is_21_to_1() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)


def test_contrast_ratio_matches_known_wcag_values() -> None:
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#000000") == pytest.approx(0.0)


@pytest.mark.parametrize("bad", ["black", "#fff", "#12345g", "123456", ""])
def test_relative_luminance_rejects_what_is_not_a_hex_colour(bad: str) -> None:
    with pytest.raises(ValueError, match="#rrggbb"):
        relative_luminance(bad)


def test_the_four_themes_ship_with_standard_first() -> None:
    names = [theme.name for theme in ALL_THEMES]
    assert EXPECTED <= set(names)
    assert names[0] == "standard"
    assert load_theme("high-contrast-dark").high_contrast
    assert load_theme("high-contrast-light").high_contrast
    assert not load_theme("standard").high_contrast


def test_unknown_theme_names_the_available_ones() -> None:
    with pytest.raises(ValueError) as caught:
        load_theme("neon")
    message = str(caught.value)
    assert "'neon'" in message
    for name in EXPECTED:
        assert name in message


@pytest.mark.parametrize("theme", ALL_THEMES, ids=THEME_IDS)
def test_text_meets_the_theme_ratio(theme: Theme) -> None:
    needed = 7.0 if theme.high_contrast else 4.5
    assert theme.required_text_ratio == needed
    for foreground, background, what in CONTRAST_PAIRS:
        ratio = contrast_ratio(theme.colours[foreground], theme.colours[background])
        assert ratio >= needed, f"{theme.name}: {what} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", ALL_THEMES, ids=THEME_IDS)
def test_focus_edges_and_disabled_text_reach_3_to_1(theme: Theme) -> None:
    for foreground, background, what in NON_TEXT_PAIRS + DISABLED_PAIRS:
        ratio = contrast_ratio(theme.colours[foreground], theme.colours[background])
        assert ratio >= 3.0, f"{theme.name}: {what} is {ratio:.2f}:1"
    assert theme.contrast_failures() == []


def test_contrast_failures_explain_what_fails() -> None:
    standard = load_theme("standard")
    faded = Theme(
        name="faded",
        label="Faded",
        high_contrast=False,
        colours={**standard.colours, "text": "#aaaaaa"},
        stylesheet_template="",
    )
    failures = faded.contrast_failures()
    assert failures
    assert any(
        "text in fields and lists" in failure and "needs 4.5:1" in failure for failure in failures
    )


@pytest.mark.parametrize("theme", ALL_THEMES, ids=THEME_IDS)
@pytest.mark.parametrize("font_pt", [10, 15, 20])
def test_stylesheet_fills_every_placeholder(theme: Theme, font_pt: float) -> None:
    sheet = theme.stylesheet(font_pt)
    assert not re.search(r"\{[a-z_][a-z0-9_]*\}", sheet)
    assert theme.colours["focus"] in sheet
    assert f"font-size: {font_pt:g}pt" in sheet


def test_unknown_placeholder_is_reported() -> None:
    theme = Theme(
        "odd", "Odd", False, dict(load_theme("standard").colours), "QWidget { color: {nope}; }"
    )
    with pytest.raises(ValueError, match="nope"):
        theme.stylesheet(10)


def _rules(sheet: str) -> list[tuple[list[str], dict[str, str]]]:
    """(selectors, declarations) for each rule of a flat style sheet."""
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)
    rules = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        declarations = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                key, value = declaration.split(":", 1)
                declarations[key.strip()] = value.strip()
        rules.append(([s.strip() for s in selectors.split(",")], declarations))
    return rules


def _focused_edge(rules: list[tuple[list[str], dict[str, str]]], selector: str) -> tuple[int, str]:
    """Border width and colour a control ends up with when focused (base rule, then :focus)."""
    width, colour = 0, ""
    for wanted in (selector, f"{selector}:focus"):
        for selectors, declarations in rules:
            if wanted not in selectors:
                continue
            if "border" in declarations:
                parts = declarations["border"].split()
                width, colour = int(parts[0].removesuffix("px")), parts[-1]
            if "border-width" in declarations:
                width = int(declarations["border-width"].removesuffix("px"))
            if "border-color" in declarations:
                colour = declarations["border-color"]
    return width, colour


@pytest.mark.parametrize("theme", ALL_THEMES, ids=THEME_IDS)
def test_every_focusable_control_gets_a_thick_focus_edge(theme: Theme) -> None:
    rules = _rules(theme.stylesheet(10))
    for selector in FOCUSABLE:
        width, colour = _focused_edge(rules, selector)
        assert width >= 2, f"{theme.name}: {selector} focus edge is {width}px"
        assert colour == theme.colours["focus"], f"{theme.name}: {selector} focus edge is {colour}"


@pytest.mark.parametrize("theme", ALL_THEMES, ids=THEME_IDS)
def test_icons_exist_and_stand_out(theme: Theme) -> None:
    icons = re.findall(r"url\(themeicons:([^)]+)\)", theme.stylesheet(10))
    assert icons
    for icon in set(icons):
        path = themes_dir() / "icons" / icon
        assert path.is_file(), f"{theme.name}: missing icon {icon}"
        for colour in re.findall(r"#[0-9a-fA-F]{6}", path.read_text(encoding="utf-8")):
            for background in ("base", "button"):
                ratio = contrast_ratio(colour, theme.colours[background])
                assert ratio >= 3.0, f"{theme.name}: {icon} on {background} is {ratio:.2f}:1"


@pytest.mark.parametrize("font_pt", [10, 12.5, 20])
def test_step_buttons_are_at_least_24px_targets(font_pt: float) -> None:
    sizes = size_placeholders(font_pt)
    assert int(sizes["step_px"]) >= 24
    assert int(sizes["mark_px"]) >= 16
    assert int(sizes["steps_px"]) > 2 * int(sizes["step_px"])


def test_broken_theme_files_are_refused_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    standard = json.loads((themes_dir() / "standard.json").read_text(encoding="utf-8"))
    del standard["colours"]["focus"]
    standard["name"] = "broken"
    (tmp_path / "broken.json").write_text(json.dumps(standard), encoding="utf-8")
    (tmp_path / "standard.qss").write_text("", encoding="utf-8")
    monkeypatch.setattr(themes, "themes_dir", lambda: tmp_path)
    with pytest.raises(ValueError, match="missing colours: focus"):
        load_theme("broken")


def test_themes_module_never_imports_qt() -> None:
    code = (
        "import sys, meetingroom.themes; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
