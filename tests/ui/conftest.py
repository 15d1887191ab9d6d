"""GUI fixtures: the real main window over a real workspace in tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from meetingroom.app import build_window
from meetingroom.example import write_example
from meetingroom.settings import Settings
from meetingroom.store import Workspace
from meetingroom.ui.main_window import MainWindow
from meetingroom.ui.session import WorkspaceSession

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def example_path(tmp_path: Path) -> Path:
    path = tmp_path / "example.meetingroom"
    write_example(path)
    return path


@pytest.fixture
def open_window(qtbot, qapp: QApplication) -> WindowFactory:  # type: ignore[no-untyped-def]
    """Build and show the main window the way the app does, with any start-up options."""

    def make(workspace: Path | None = None, theme: str | None = None,
             text_scale: int | None = None) -> MainWindow:
        window = build_window(qapp, Settings(), workspace, theme, text_scale)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    yield make
    # Leave the shared QApplication as the next test expects it.
    from meetingroom.themes import load_theme
    from meetingroom.ui.styling import apply_theme

    apply_theme(qapp, load_theme("standard"), 100)


@pytest.fixture
def session(example_path: Path, qapp: QApplication) -> Iterator[WorkspaceSession]:
    """The example workspace opened as the window would, for testing one panel on its own."""
    from meetingroom.themes import load_theme
    from meetingroom.ui.styling import apply_theme

    apply_theme(qapp, load_theme("standard"), 100)
    opened = WorkspaceSession(Workspace.open(example_path, backup=False))
    yield opened
    opened.close()
