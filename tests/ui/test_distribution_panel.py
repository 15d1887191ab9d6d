"""The papers-sent panel: per member on time, late or missing in words and icons; marking a
pack sent by keyboard is undoable."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from meetingroom.domain.papers import Channel
from meetingroom.example import write_example
from meetingroom.store.distribution import list_distributions
from meetingroom.store.meetings import list_meetings
from meetingroom.ui.distribution_panel import DistributionPanel
from meetingroom.ui.session import WorkspaceSession
from tests.ui.audit import tab_cycle, unnamed

pytestmark = pytest.mark.gui

# The example's dates count from "today"; these tests name real dates, so "today" is fixed.
EXAMPLE_TODAY = date(2026, 11, 23)


@pytest.fixture
def example_path(tmp_path: Path) -> Path:
    path = tmp_path / "example.meetingroom"
    write_example(path, today=EXAMPLE_TODAY)
    return path


@pytest.fixture
def panel(qtbot, session: WorkspaceSession) -> DistributionPanel:  # type: ignore[no-untyped-def]
    panel = DistributionPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    return panel


def _meeting(session: WorkspaceSession, status: str) -> int:
    meeting = next(m for m in list_meetings(session.workspace) if m.status.value == status)
    assert meeting.id is not None
    return meeting.id


def _statuses(panel: DistributionPanel) -> dict[str, str]:
    model = panel.model
    return {model.index(r, 0).data(): f"{model.index(r, 3).data()}: {model.index(r, 4).data()}"
            for r in range(model.rowCount())}


def test_the_held_meeting_shows_on_time_late_and_missing_in_words_and_icons(
        panel: DistributionPanel, session: WorkspaceSession) -> None:
    panel.show_meeting(_meeting(session, "held"))
    statuses = _statuses(panel)
    assert len(statuses) == 13
    assert sum(s.startswith("On time: Sent") for s in statuses.values()) == 10
    assert sum(s.startswith("Late: Sent by email on 15 October") for s in statuses.values()) == 1
    assert sum(s.startswith("Missing: Nothing was sent") for s in statuses.values()) == 2
    for row in range(panel.model.rowCount()):
        assert not panel.model.index(row, 3).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert panel.warning.isVisible()
    assert panel.warning.text() == ("Warning: 1 member got their papers late; 2 members have not "
                                    "had all their papers, and the deadline has passed.")


def test_mark_pack_sent_by_keyboard_then_undo_and_redo(qtbot, panel: DistributionPanel,  # type: ignore[no-untyped-def]
                                                       session: WorkspaceSession) -> None:
    meeting_id = _meeting(session, "planning")
    panel.show_meeting(meeting_id)
    panel.refresh(now=datetime(2026, 11, 20, 9, 0))
    assert all(s.startswith("Not sent yet") for s in _statuses(panel).values())
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)  # first row chosen
    first = panel.model.index(0, 0).data()
    while QApplication.focusWidget() is not panel.mark_button:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(panel.mark_button, Qt.Key.Key_Space)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible() and unnamed(dialog) == []
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.POST))
    dialog.when.setDateTime(QDateTime(datetime(2026, 11, 24, 14, 0)))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    records = list_distributions(session.workspace, meeting_id)
    assert len(records) == 1 and records[0].channel is Channel.POST
    assert records[0].sent_at == datetime(2026, 11, 24, 14, 0) and records[0].paper_id is None
    panel.refresh(now=datetime(2026, 11, 25, 9, 0))
    assert _statuses(panel)[first].startswith("On time: Sent by post on 24 November, 13 days before")
    session.undo_stack.undo()
    assert list_distributions(session.workspace, meeting_id) == []
    session.undo_stack.redo()
    again = list_distributions(session.workspace, meeting_id)
    assert [r.id for r in again] == [records[0].id]


def test_with_nothing_chosen_it_marks_everyone_not_yet_sent(qtbot, panel: DistributionPanel,  # type: ignore[no-untyped-def]
                                                            session: WorkspaceSession) -> None:
    meeting_id = _meeting(session, "planning")
    panel.show_meeting(meeting_id)
    panel.table.clearSelection()
    panel.mark_button.click()
    assert panel.dialog is not None
    assert "13 packs" in panel.dialog.windowTitle()
    panel.dialog.accept()
    assert len(list_distributions(session.workspace, meeting_id)) == 13
    session.undo_stack.undo()
    assert list_distributions(session.workspace, meeting_id) == []


def test_every_control_is_named_and_tab_goes_round(qtbot, panel: DistributionPanel,  # type: ignore[no-untyped-def]
                                                   session: WorkspaceSession) -> None:
    panel.show_meeting(_meeting(session, "held"))
    assert unnamed(panel) == []
    visited, back = tab_cycle(panel.table, qtbot)
    assert back
    assert {panel.make_button, panel.mark_button} <= set(visited)
    assert QApplication.focusWidget() is panel.table


def test_no_meeting_says_so(panel: DistributionPanel) -> None:
    panel.show_meeting(None)
    assert panel.model.rowCount() == 0 and not panel.mark_button.isEnabled()
    assert "Choose a meeting" in panel.summary.text() and not panel.warning.isVisible()
