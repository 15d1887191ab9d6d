"""Apply a `Theme` to the running app: palette, Atkinson Hyperlegible font, text scale, style sheet.

Also reads the system's accessibility preferences (high contrast, reduced motion) where
Qt reports them (UI5), so the app can start in a theme that suits the person.
"""

from __future__ import annotations

import logging

import fontpkg_atkinson_hyperlegible
from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from meetingroom.paths import themes_dir
from meetingroom.settings import clamp_text_scale
from meetingroom.themes import DEFAULT_THEME, Theme

log = logging.getLogger(__name__)

BASE_POINT_SIZE = 10.0
FONT_FILES = (
    "AtkinsonHyperlegible-Regular.ttf",
    "AtkinsonHyperlegible-Bold.ttf",
    "AtkinsonHyperlegible-Italic.ttf",
    "AtkinsonHyperlegible-BoldItalic.ttf",
)
ICON_PREFIX = "themeicons"  # style sheets name icons as url(themeicons:on-light/check.svg)
HIGH_CONTRAST_DARK = "high-contrast-dark"
HIGH_CONTRAST_LIGHT = "high-contrast-light"

_Role = QPalette.ColorRole

# Palette role -> theme colour, for the active and inactive groups.
_ROLES: tuple[tuple[QPalette.ColorRole, str], ...] = (
    (_Role.Window, "window"),
    (_Role.WindowText, "window_text"),
    (_Role.Base, "base"),
    (_Role.AlternateBase, "alternate_base"),
    (_Role.Text, "text"),
    (_Role.PlaceholderText, "placeholder_text"),
    (_Role.Button, "button"),
    (_Role.ButtonText, "button_text"),
    (_Role.BrightText, "highlighted_text"),
    (_Role.Highlight, "highlight"),
    (_Role.HighlightedText, "highlighted_text"),
    (_Role.Accent, "highlight"),
    (_Role.Link, "link"),
    (_Role.LinkVisited, "link_visited"),
    (_Role.ToolTipBase, "tooltip_base"),
    (_Role.ToolTipText, "tooltip_text"),
    # Styles draw frames and bevels from these; the border colour keeps edges at 3:1.
    (_Role.Light, "base"),
    (_Role.Midlight, "alternate_base"),
    (_Role.Mid, "border"),
    (_Role.Dark, "border"),
    (_Role.Shadow, "border"),
)

# Only text greys out when disabled; backgrounds stay as they are.
_DISABLED_ROLES: tuple[QPalette.ColorRole, ...] = (
    _Role.WindowText,
    _Role.Text,
    _Role.ButtonText,
    _Role.PlaceholderText,
    _Role.Link,
    _Role.LinkVisited,
)

_font_family: str | None = None


def register_app_fonts() -> str:
    """Add the bundled Atkinson Hyperlegible faces (once) and return the family name.

    Falls back to the current application font family if the font files cannot be loaded.
    """
    global _font_family
    if _font_family is None:
        folder = fontpkg_atkinson_hyperlegible.ROOT / "files"
        families: list[str] = []
        for file_name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(folder / file_name))
            if font_id == -1:
                log.warning("could not load font %s", folder / file_name)
                continue
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
        if not families:
            return QGuiApplication.font().family()
        _font_family = families[0]
    return _font_family


def register_theme_icons() -> None:
    """Let style sheets find the tick, dot and arrow icons in themes/icons (once)."""
    folder = str(themes_dir() / "icons")
    if folder not in QDir.searchPaths(ICON_PREFIX):
        QDir.addSearchPath(ICON_PREFIX, folder)


def theme_palette(theme: Theme) -> QPalette:
    """A palette with every role the app uses taken from the theme's named colours."""
    palette = QPalette()
    for role, key in _ROLES:
        palette.setColor(role, QColor(theme.colours[key]))
    disabled = QColor(theme.colours["disabled_text"])
    for role in _DISABLED_ROLES:
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def point_size(text_scale: int) -> float:
    """The base font size in points for a text scale in percent (clamped to 100-200)."""
    return BASE_POINT_SIZE * clamp_text_scale(text_scale) / 100


def apply_theme(app: QApplication, theme: Theme, text_scale: int) -> None:
    """Give the whole app the theme's palette and style sheet, and the scaled legible font."""
    size = point_size(text_scale)
    font = QFont(register_app_fonts())
    font.setPointSizeF(size)
    register_theme_icons()
    app.setPalette(theme_palette(theme))
    app.setFont(font)
    app.setStyleSheet(theme.stylesheet(size))


def system_prefers_high_contrast(app: QGuiApplication) -> bool:
    """True when the system asks for high contrast; False when it does not or cannot say."""
    # Keep the QStyleHints wrapper alive while using its accessibility() child: in
    # PySide6 6.12 a temporary wrapper takes the QAccessibilityHints object down with it.
    hints = app.styleHints()
    if not hasattr(hints, "accessibility"):
        return False
    accessibility = hints.accessibility()
    if not hasattr(accessibility, "contrastPreference"):
        return False
    return bool(accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast)


def system_prefers_reduced_motion(app: QGuiApplication) -> bool:
    """True when the system asks for less animation; False when it does not or cannot say."""
    hints = app.styleHints()  # kept alive for the same reason as above
    if not hasattr(hints, "accessibility"):
        return False
    accessibility = hints.accessibility()
    if not hasattr(accessibility, "motionPreference"):
        return False
    return bool(accessibility.motionPreference() == Qt.MotionPreference.ReducedMotion)


def system_theme_name(app: QGuiApplication) -> str:
    """The theme to start in when the person has not chosen one: high contrast if the system
    asks for it (dark or light to match the system), otherwise the standard theme."""
    if not system_prefers_high_contrast(app):
        return DEFAULT_THEME
    hints = app.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return HIGH_CONTRAST_DARK
    return HIGH_CONTRAST_LIGHT
