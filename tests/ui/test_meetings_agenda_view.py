"""The Meetings & agenda view as a facilitator uses it: choose a meeting, see its set-up and
agenda, add a meeting, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from meetingroom.store import Workspace
from meetingroom.store.meetings import list_meetings

pytestmark = pytest.mark.gui


def open_view(open_window, example_path: Path, qtbot):  # type: ignore[no-untyped-def]
    window = open_window(workspace=example_path)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    return window, window.workspace_page.current_view()


def test_the_upcoming_meeting_is_chosen_and_shown_in_both_tabs(open_window, example_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view = open_view(open_window, example_path, qtbot)
    upcoming = [m for m in list_meetings(window.session.workspace) if m.status.value == "planning"][0]
    assert view.meeting_id == upcoming.id
    view.tabs.setCurrentIndex(0)
    assert view.setup is not None and view.setup.meeting_id == upcoming.id
    view.tabs.setCurrentIndex(1)
    assert view.agenda is not None and view.agenda.model.rowCount() == 8


def test_choosing_another_meeting_by_keyboard_follows_in_the_tabs(open_window, example_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view = open_view(open_window, example_path, qtbot)
    view.tabs.setCurrentIndex(1)
    held = list_meetings(window.session.workspace)[0]
    view.meetings.setFocus()
    qtbot.keyClick(view.meetings, Qt.Key.Key_Up)
    assert view.meeting_id == held.id
    assert view.agenda is not None and view.agenda.model.meeting is not None
    assert view.agenda.model.meeting.id == held.id


def test_new_meeting_is_added_chosen_and_undone(open_window, example_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view = open_view(open_window, example_path, qtbot)
    before = len(list_meetings(window.session.workspace))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    meetings = list_meetings(window.session.workspace)
    assert len(meetings) == before + 1
    added = max(meetings, key=lambda m: m.id or 0)
    assert view.meeting_id == added.id and view.setup is not None and view.setup.meeting_id == added.id
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(list_meetings(window.session.workspace)) == before
    assert view.meeting_id != added.id and view.meeting_id is not None


def test_closing_the_window_while_typing_keeps_what_was_typed(open_window, example_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view = open_view(open_window, example_path, qtbot)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    title = QApplication.focusWidget()
    assert isinstance(title, QLineEdit), "the new meeting's title is ready to type"
    title.selectAll()
    qtbot.keyClicks(title, "Planning day")
    window.close()
    with Workspace.open(example_path, backup=False) as ws:
        assert "Planning day" in [m.title for m in list_meetings(ws)]
