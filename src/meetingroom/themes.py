"""Colour themes: read from the shipped `themes/` folder and checked against WCAG contrast (UI3).

Qt-free on purpose: `meetingroom.ui.styling` turns a `Theme` into a palette and style sheet,
while tests and tools can check every theme's contrast without starting Qt.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meetingroom.paths import themes_dir

DEFAULT_THEME = "standard"

TEXT_RATIO = 4.5
HIGH_CONTRAST_TEXT_RATIO = 7.0
NON_TEXT_RATIO = 3.0
# WCAG exempts disabled controls, but greyed-out text still has to be readable.
DISABLED_TEXT_RATIO = 3.0

REQUIRED_COLOURS: tuple[str, ...] = (
    "window",
    "window_text",
    "base",
    "alternate_base",
    "text",
    "placeholder_text",
    "button",
    "button_text",
    "button_hover",
    "button_pressed",
    "highlight",
    "highlighted_text",
    "focus",
    "link",
    "link_visited",
    "disabled_text",
    "border",
    "tooltip_base",
    "tooltip_text",
    "warning_text",
    "warning_base",
    "ok_text",
)

# (foreground, background, what the pair is): text that must reach the theme's text ratio.
CONTRAST_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("window_text", "window", "window text"),
    ("text", "base", "text in fields and lists"),
    ("text", "alternate_base", "text in alternate list rows"),
    ("placeholder_text", "base", "placeholder text in fields"),
    ("button_text", "button", "button text"),
    ("button_text", "button_hover", "button text under the mouse"),
    ("button_text", "button_pressed", "button text while pressed"),
    ("highlighted_text", "highlight", "selected text"),
    ("tooltip_text", "tooltip_base", "tooltip text"),
    ("warning_text", "warning_base", "warning text"),
    ("link", "base", "links in fields"),
    ("link", "window", "links on the window"),
    ("link_visited", "base", "visited links"),
    ("ok_text", "base", "confirmation text in fields"),
    ("ok_text", "window", "confirmation text on the window"),
)

# Focus indicators and control edges: at least 3:1 against what surrounds them.
NON_TEXT_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("focus", "window", "focus indicator on the window"),
    ("focus", "base", "focus indicator on fields"),
    ("focus", "button", "focus indicator on buttons"),
    ("focus", "alternate_base", "focus indicator on alternate rows"),
    ("border", "window", "control edges on the window"),
    ("border", "base", "control edges on fields"),
)

DISABLED_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("disabled_text", "window", "disabled text on the window"),
    ("disabled_text", "base", "disabled text in fields"),
    ("disabled_text", "button", "disabled button text"),
)

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
# Only bare identifiers count as placeholders, so QSS blocks like `QLabel { color: ... }` are safe.
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a "#rrggbb" colour, from 0 (black) to 1 (white)."""
    if not _HEX.fullmatch(colour):
        raise ValueError(f"colour must look like #rrggbb, not {colour!r}")

    def linear(channel: str) -> float:
        c = int(channel, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = linear(colour[1:3]), linear(colour[3:5]), linear(colour[5:7])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21, whichever colour is lighter."""
    lighter, darker = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Theme:
    """A named set of colours and the Qt style sheet template that uses them."""

    name: str
    label: str
    high_contrast: bool
    colours: dict[str, str] = field(hash=False)
    stylesheet_template: str = field(repr=False)
    icons: str = "on-light"  # the folder of themes/icons whose marks suit the background

    @property
    def required_text_ratio(self) -> float:
        return HIGH_CONTRAST_TEXT_RATIO if self.high_contrast else TEXT_RATIO

    def ratio(self, foreground: str, background: str) -> float:
        """Contrast ratio between two of this theme's named colours."""
        return contrast_ratio(self.colours[foreground], self.colours[background])

    def contrast_failures(self) -> list[str]:
        """Every colour pair that falls short of UI3, in words; empty when the theme passes."""
        checks = (
            (CONTRAST_PAIRS, self.required_text_ratio),
            (NON_TEXT_PAIRS, NON_TEXT_RATIO),
            (DISABLED_PAIRS, DISABLED_TEXT_RATIO),
        )
        failures = []
        for pairs, needed in checks:
            for foreground, background, what in pairs:
                ratio = self.ratio(foreground, background)
                if ratio < needed:
                    failures.append(
                        f"{self.label}: {what} ({foreground} {self.colours[foreground]} on "
                        f"{background} {self.colours[background]}) is {ratio:.2f}:1, "
                        f"needs {needed:g}:1"
                    )
        return failures

    def stylesheet(self, font_pt: float) -> str:
        """The style sheet with every `{colour}` and size placeholder filled in for `font_pt`."""
        values = {**self.colours, **size_placeholders(font_pt), "icons": self.icons}

        def fill(match: re.Match[str]) -> str:
            key = match.group(1)
            if key not in values:
                raise ValueError(f"theme {self.name!r}: style sheet uses unknown {{{key}}}")
            return values[key]

        return _PLACEHOLDER.sub(fill, self.stylesheet_template)


def size_placeholders(font_pt: float) -> dict[str, str]:
    """Sizes a style sheet can use besides colours, all following the base text size.

    `{font_pt}` is the text size in points; `{mark_px}` the pixel size of tick boxes,
    option buttons and arrows, and `{mark_radius_px}` the corner radius that makes an option
    button (with its 2px edge) round; `{step_px}` the width of a spin box's up or down button
    (never under the 24px target of UI4) and `{steps_px}` the room both buttons need.
    Qt style sheets only honour pixels for these, so they are worked out here.
    """
    mark = max(16, round(font_pt * 1.6))
    step = max(24, mark + 10)
    return {
        "font_pt": f"{font_pt:g}",
        "heading_pt": f"{font_pt * 1.5:g}",
        "mark_px": str(mark),
        "mark_radius_px": str(mark // 2 + 2),
        "step_px": str(step),
        "steps_px": str(2 * step + 1),
    }


def _theme_files(folder: Path) -> dict[str, Path]:
    return {path.stem: path for path in folder.glob("*.json")}


def load_theme(name: str) -> Theme:
    """The theme called `name`; ValueError naming the available themes if there is none."""
    files = _theme_files(themes_dir())
    if name not in files:
        available = ", ".join(sorted(files)) or "none"
        raise ValueError(f"Unknown theme {name!r}. Available themes: {available}")
    return _read_theme(files[name])


def available_themes() -> list[Theme]:
    """Every shipped theme, the standard one first and the rest by label."""
    themes = [_read_theme(path) for path in _theme_files(themes_dir()).values()]
    return sorted(themes, key=lambda theme: (theme.name != DEFAULT_THEME, theme.label.casefold()))


def _read_theme(path: Path) -> Theme:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"theme file {path.name} cannot be read: {error}") from error
    if not isinstance(data, dict):
        raise ValueError(f"theme file {path.name} must hold a JSON object")

    name, label, high_contrast = data.get("name"), data.get("label"), data.get("high_contrast")
    colours, sheet, icons = data.get("colours"), data.get("stylesheet"), data.get("icons")
    if name != path.stem:
        raise ValueError(f'theme file {path.name} must have "name": {path.stem!r}')
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f'theme file {path.name} needs a "label"')
    if not isinstance(high_contrast, bool):
        raise ValueError(f'theme file {path.name} needs "high_contrast": true or false')
    if not isinstance(colours, dict):
        raise ValueError(f'theme file {path.name} needs a "colours" object')
    missing = [key for key in REQUIRED_COLOURS if key not in colours]
    if missing:
        raise ValueError(f"theme file {path.name} is missing colours: {', '.join(missing)}")
    bad = [
        key
        for key, value in colours.items()
        if not (isinstance(value, str) and _HEX.fullmatch(value))
    ]
    if bad:
        raise ValueError(f"theme file {path.name}: colours must be #rrggbb: {', '.join(bad)}")
    if not isinstance(sheet, str) or Path(sheet).name != sheet or not sheet.endswith(".qss"):
        raise ValueError(f'theme file {path.name} needs a "stylesheet" .qss file name beside it')
    if icons not in ("on-light", "on-dark"):
        raise ValueError(f'theme file {path.name} needs "icons": "on-light" or "on-dark"')
    try:
        template = (path.parent / sheet).read_text(encoding="utf-8")
    except OSError as error:
        raise ValueError(f"theme {name!r}: style sheet {sheet} cannot be read: {error}") from error

    theme = Theme(
        name=name,
        label=label,
        high_contrast=high_contrast,
        colours={key: value.lower() for key, value in colours.items()},
        stylesheet_template=template,
        icons=icons,
    )
    theme.stylesheet(10)  # fail now, not at apply time, if the template names an unknown colour
    return theme
