"""Tests for meetingroom.ui.styling: themes reach the real QApplication palette, font and widgets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QFile, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot  # noqa: E402

from meetingroom.themes import Theme, available_themes, contrast_ratio  # noqa: E402
from meetingroom.ui.styling import (  # noqa: E402
    apply_theme,
    point_size,
    register_app_fonts,
    system_prefers_high_contrast,
    system_prefers_reduced_motion,
    system_theme_name,
)

pytestmark = pytest.mark.gui

ALL_THEMES = available_themes()
THEME_IDS = [theme.name for theme in ALL_THEMES]
# Showing a window under the offscreen platform logs this once per window; it is not our doing.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


@pytest.fixture(autouse=True)
def restore_app_look(qapp: QApplication) -> Iterator[None]:
    """Put back the session app's palette, font and style sheet so other tests see the default."""
    palette, font, sheet = QPalette(qapp.palette()), qapp.font(), qapp.styleSheet()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


def _colour(
    palette: QPalette, role: QPalette.ColorRole, group: QPalette.ColorGroup | None = None
) -> str:
    colour = palette.color(role) if group is None else palette.color(group, role)
    return colour.name()


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("theme", ALL_THEMES, ids=THEME_IDS)
def test_theme_reaches_palette_and_font(qapp: QApplication, theme: Theme, scale: int) -> None:
    apply_theme(qapp, theme, scale)
    palette = qapp.palette()

    highlight = _colour(palette, QPalette.ColorRole.Highlight)
    highlighted_text = _colour(palette, QPalette.ColorRole.HighlightedText)
    assert highlight == theme.colours["highlight"]
    assert contrast_ratio(highlighted_text, highlight) >= theme.required_text_ratio
    assert (
        contrast_ratio(
            _colour(palette, QPalette.ColorRole.WindowText),
            _colour(palette, QPalette.ColorRole.Window),
        )
        >= theme.required_text_ratio
    )

    font = qapp.font()
    assert font.family() == "Atkinson Hyperlegible"
    assert font.pointSizeF() == pytest.approx(10.0 * scale / 100)
    assert qapp.styleSheet() == theme.stylesheet(font.pointSizeF())


@pytest.mark.parametrize("theme", ALL_THEMES, ids=THEME_IDS)
def test_every_palette_role_comes_from_the_theme(qapp: QApplication, theme: Theme) -> None:
    apply_theme(qapp, theme, 100)
    palette = qapp.palette()
    role = QPalette.ColorRole
    expected = {
        role.Window: "window",
        role.WindowText: "window_text",
        role.Base: "base",
        role.AlternateBase: "alternate_base",
        role.Text: "text",
        role.PlaceholderText: "placeholder_text",
        role.Button: "button",
        role.ButtonText: "button_text",
        role.Highlight: "highlight",
        role.HighlightedText: "highlighted_text",
        role.Link: "link",
        role.LinkVisited: "link_visited",
        role.ToolTipBase: "tooltip_base",
        role.ToolTipText: "tooltip_text",
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for palette_role, key in expected.items():
            assert _colour(palette, palette_role, group) == theme.colours[key], (
                group,
                palette_role,
            )
    disabled = QPalette.ColorGroup.Disabled
    for palette_role in (role.WindowText, role.Text, role.ButtonText):
        assert _colour(palette, palette_role, disabled) == theme.colours["disabled_text"]


def test_text_size_doubles_at_200_and_is_clamped(qapp: QApplication) -> None:
    assert point_size(200) == pytest.approx(2 * point_size(100))
    assert point_size(50) == point_size(100)
    assert point_size(400) == point_size(200)
    apply_theme(qapp, ALL_THEMES[0], 100)
    normal = qapp.font().pointSizeF()
    apply_theme(qapp, ALL_THEMES[0], 200)
    assert qapp.font().pointSizeF() == pytest.approx(2 * normal)


def test_fonts_register_once(qapp: QApplication) -> None:
    assert register_app_fonts() == "Atkinson Hyperlegible"
    assert register_app_fonts() == "Atkinson Hyperlegible"


def test_icons_are_found_through_the_search_path(qapp: QApplication) -> None:
    apply_theme(qapp, ALL_THEMES[0], 100)
    assert QFile.exists("themeicons:on-light/check.svg")
    assert QFile.exists("themeicons:on-dark/arrow-up.svg")


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("theme", ALL_THEMES, ids=THEME_IDS)
def test_controls_are_24px_targets_that_fit_their_text(
    qapp: QApplication, qtbot: QtBot, theme: Theme, scale: int
) -> None:
    apply_theme(qapp, theme, scale)
    combo = QComboBox()
    combo.addItem("Member")
    controls: list[QWidget] = [
        QPushButton("Save"),
        QLineEdit("Agenda"),
        combo,
        QSpinBox(),
        QDateEdit(),
        QCheckBox("Large print"),
        QRadioButton("In person"),
    ]
    for control in controls:
        qtbot.addWidget(control)
        control.ensurePolished()
        name = type(control).__name__
        assert control.sizeHint().height() >= 24, name
        assert control.sizeHint().height() > control.fontMetrics().height(), name
        # A style-sheet min-height becomes a fixed minimum that lets layouts clip the text.
        assert control.minimumSize().height() == 0, name


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
@pytest.mark.parametrize("theme", ALL_THEMES, ids=THEME_IDS)
def test_keyboard_focus_is_drawn_in_the_focus_colour(
    qapp: QApplication, qtbot: QtBot, theme: Theme
) -> None:
    apply_theme(qapp, theme, 100)
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    focused, other = QPushButton("Save"), QPushButton("Cancel")
    row.addWidget(focused)
    row.addWidget(other)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    focused.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(focused.hasFocus)

    def focus_pixels(button: QPushButton) -> int:
        image = button.grab().toImage()
        focus = QColor(theme.colours["focus"]).rgb()
        return sum(
            image.pixel(x, y) == focus for x in range(image.width()) for y in range(image.height())
        )

    # A 3px edge all round the button, less its rounded corners.
    assert focus_pixels(focused) >= 3 * (focused.width() + focused.height())
    assert focus_pixels(other) == 0


def test_system_preferences_are_false_when_unknown(qapp: QApplication) -> None:
    # The offscreen platform reports no preference.
    assert system_prefers_high_contrast(qapp) is False
    assert system_prefers_reduced_motion(qapp) is False
    assert system_theme_name(qapp) == "standard"
