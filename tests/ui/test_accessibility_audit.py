"""The audit that grows with the app: every view of the main window, in every theme.

Views are found through the navigation, so a new view is audited without touching this file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from meetingroom.domain.board import Board, ShownCard, Speaker
from meetingroom.domain.conduct import CardKind, GroundRule
from meetingroom.themes import available_themes, load_theme
from meetingroom.ui.projector import ProjectorWindow
from meetingroom.ui.styling import HIGH_CONTRAST_DARK
from meetingroom.ui.views import VIEWS
from tests.ui.audit import contrast_problems, describe, focusable_widgets, tab_cycle, unnamed

THEMES = [theme.name for theme in available_themes()]


def test_there_are_at_least_the_four_themes() -> None:
    assert {"standard", "high-contrast-dark", "high-contrast-light", "low-glare"} <= set(THEMES)


@pytest.mark.parametrize("theme", THEMES)
def test_welcome_page_passes_the_audit(theme: str, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(theme=theme)
    page = window.welcome
    assert window.pages.currentWidget() is page
    assert unnamed(window) == []
    assert contrast_problems(load_theme(theme), QApplication.palette()) == []
    visited, came_back = tab_cycle(page.new_group, qtbot)
    assert came_back, "Tab never came back round to the first button"
    missing = [describe(w) for w in focusable_widgets(page) if w not in visited and w is not page.new_group]
    assert missing == []


@pytest.mark.parametrize("theme", THEMES)
def test_every_view_passes_the_audit(theme: str, example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(workspace=example_path, theme=theme)
    assert contrast_problems(load_theme(theme), QApplication.palette()) == []
    page = window.workspace_page
    assert page is not None and page.navigation.count() == len(VIEWS)
    for row in range(page.navigation.count()):
        page.navigation.setCurrentRow(row)
        view = page.current_view()
        for part in view_parts(view):
            name = f"{page.navigation.item(row).text()}{part}"
            assert view.isVisible(), name
            assert unnamed(window) == [], f"{name} in {theme}: controls without an accessible name"
            visited, came_back = tab_cycle(page.navigation, qtbot)
            assert came_back, f"{name} in {theme}: Tab never comes back round (a focus trap)"
            missing = [describe(w) for w in focusable_widgets(view) if w not in visited]
            assert missing == [], f"{name} in {theme}: Tab does not reach {missing}"


def view_parts(view: QWidget) -> Iterator[str]:
    """Show each page of every tab widget in the view in turn, so hidden pages are audited too."""
    yield ""
    for tabs in view.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if index != tabs.currentIndex():
                tabs.setCurrentIndex(index)
                yield f" › {tabs.tabText(index).replace('&', '')}"


@pytest.mark.parametrize("theme", THEMES)
def test_projector_view_passes_the_audit(theme: str, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(theme=theme)
    projector = ProjectorWindow(window)
    qtbot.addWidget(projector)
    projector.show_on_best_screen()
    qtbot.waitExposed(projector)
    rules = (GroundRule("One voice at a time.", "One person talks at a time.", "1F5E3"),
             GroundRule("Listen to each other.", "We listen when someone is talking.", "1F442"))
    projector.show_board(Board(
        "Transport and Access Panel", "Transport to appointments", 2, 5, -70.0, None,
        Speaker("Priya", 42.0, spoken_by="Sam"), ("Sam", "Dee", "Alex"),
        (ShownCard(CardKind.SLOW_DOWN, 2.0), ShownCard(CardKind.JARGON, 1.0)), rules, True))
    assert projector.accessibleName() and "Over time" in projector.accessibleDescription()
    assert unnamed(projector) == [], f"projector in {theme}: controls without an accessible name"
    # The projector keeps its own high-contrast theme whatever the app's theme is.
    assert contrast_problems(load_theme(HIGH_CONTRAST_DARK), projector.palette()) == []
    projector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)
    visited, came_back = tab_cycle(projector.scroll, qtbot)
    assert came_back, f"projector in {theme}: Tab never comes back round (a focus trap)"
    missing = [describe(w) for w in focusable_widgets(projector)
               if w not in visited and w is not projector.scroll]
    assert missing == [], f"projector in {theme}: Tab does not reach {missing}"
