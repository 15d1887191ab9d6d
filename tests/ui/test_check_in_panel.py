"""Check-in by keyboard: find a person by typing, Alt+P / Alt+A / Alt+B / Alt+N record their
status at once (present with the arrival time), undo puts it back; a guest or supporter added
on the spot is invited and present in one undoable step."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meetingroom.domain.meeting import AttendanceStatus
from meetingroom.domain.people import Role
from meetingroom.store.check_in import attendance_of
from meetingroom.store.meetings import attendance, get_meeting, invited_member_ids, list_meetings
from meetingroom.store.members import list_members
from meetingroom.ui.check_in_panel import CheckInPanel
from meetingroom.ui.session import WorkspaceSession
from tests.ui.audit import tab_cycle, unnamed

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier


def _meeting(session: WorkspaceSession, status: str) -> int:
    meeting = next(m for m in list_meetings(session.workspace) if m.status.value == status)
    assert meeting.id is not None
    return meeting.id


@pytest.fixture
def panel(qtbot, session: WorkspaceSession) -> CheckInPanel:  # type: ignore[no-untyped-def]
    panel = CheckInPanel(session, _meeting(session, "planning"))
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    return panel


def _member_id(session: WorkspaceSession, shown_name: str) -> int:
    found = next(m for m in list_members(session.workspace) if m.display_name == shown_name)
    assert found.id is not None
    return found.id


def _row(panel: CheckInPanel, shown_name: str) -> list[str]:
    row = next(r for r in range(panel.model.rowCount()) if panel.model.index(r, 0).data() == shown_name)
    return [panel.model.index(row, c).data() for c in range(panel.model.columnCount())]


def test_everyone_invited_is_listed_by_name_with_their_status_in_words(
        panel: CheckInPanel, session: WorkspaceSession) -> None:
    names = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert len(names) == 13 and names == sorted(names, key=str.casefold)
    assert _row(panel, "Siobhan Kelly") == ["Siobhan Kelly", "Not recorded", "", "Chair"]
    assert panel.summary.text() == "Present: 0. Apologies: 0. Absent: 0. Not yet checked in: 13."
    held = _meeting(session, "held")
    panel.set_meeting(held)
    arrived = get_meeting(session.workspace, held).start - timedelta(minutes=25)  # the example's
    assert _row(panel, "Siobhan Kelly") == ["Siobhan Kelly", "Present", f"{arrived:%H:%M}", "Chair"]
    assert panel.summary.text() == "Present: 11. Apologies: 1. Absent: 1. Not yet checked in: 0."
    assert _row(panel, "Tomasz Nowak")[1:3] == ["Apologies", ""]
    assert _row(panel, "Kwame Asante")[1:3] == ["Absent", ""]


def test_type_a_name_press_alt_p_and_the_arrival_is_stored_then_undone(
        qtbot, panel: CheckInPanel, session: WorkspaceSession) -> None:  # type: ignore[no-untyped-def]
    meeting_id = panel.meeting_id
    panel.table.setFocus()
    qtbot.keyClicks(panel.table, "gra")
    assert panel.model.index(panel.table.currentIndex().row(), 0).data() == "Grace Mensah"
    grace = _member_id(session, "Grace Mensah")
    before = datetime.now().replace(microsecond=0)
    qtbot.keyClick(panel.table, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: attendance_of(session.workspace, meeting_id, grace) is not None)
    record = attendance_of(session.workspace, meeting_id, grace)
    assert record is not None and record.status is AttendanceStatus.PRESENT
    assert record.arrived_at is not None
    assert before <= record.arrived_at <= datetime.now() + timedelta(seconds=1)
    assert _row(panel, "Grace Mensah")[1:3] == ["Present", f"{record.arrived_at:%H:%M}"]
    assert panel.details.text() == f"Grace Mensah: present, arrived at {record.arrived_at:%H:%M}."
    assert "Present: 1." in panel.summary.text() and "Not yet checked in: 12." in panel.summary.text()
    assert QApplication.focusWidget() is panel.table  # ready to find the next person
    session.undo_stack.undo()
    assert attendance_of(session.workspace, meeting_id, grace) is None
    assert _row(panel, "Grace Mensah")[1] == "Not recorded"
    session.undo_stack.redo()
    assert attendance_of(session.workspace, meeting_id, grace) == record


def test_apologies_absent_and_not_recorded_each_one_undoable_step(
        qtbot, panel: CheckInPanel, session: WorkspaceSession) -> None:  # type: ignore[no-untyped-def]
    meeting_id = panel.meeting_id
    panel.table.setFocus()
    qtbot.keyClicks(panel.table, "Tom")
    tomasz = _member_id(session, "Tomasz Nowak")

    def status() -> AttendanceStatus | None:
        record = attendance_of(session.workspace, meeting_id, tomasz)
        return None if record is None else record.status

    qtbot.keyClick(panel.table, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: status() is AttendanceStatus.APOLOGIES)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: status() is AttendanceStatus.ABSENT)
    assert _row(panel, "Tomasz Nowak")[1] == "Absent" and panel.details.text() == "Tomasz Nowak: absent."
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: status() is None)
    assert session.undo_stack.count() == 3
    session.undo_stack.undo()
    assert status() is AttendanceStatus.ABSENT
    session.undo_stack.undo()
    assert status() is AttendanceStatus.APOLOGIES
    session.undo_stack.undo()
    assert status() is None


def test_present_again_keeps_the_time_they_really_arrived(
        panel: CheckInPanel, session: WorkspaceSession) -> None:
    panel.set_meeting(_meeting(session, "held"))
    hannah = _member_id(session, "Hannah Whitfield")
    was = attendance_of(session.workspace, panel.meeting_id, hannah)
    panel.select_member(hannah)
    panel.present_button.click()
    assert session.undo_stack.count() == 0
    assert attendance_of(session.workspace, panel.meeting_id, hannah) == was


def test_add_a_guest_by_keyboard_then_undo_removes_all_of_it(
        qtbot, panel: CheckInPanel, session: WorkspaceSession) -> None:  # type: ignore[no-untyped-def]
    meeting_id = panel.meeting_id
    people = len(list_members(session.workspace))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    dialog = panel.dialog
    assert dialog is not None and unnamed(dialog) == []
    assert Role(dialog.role.currentData()) is Role.SUPPORTER and not dialog.ok.isEnabled()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    qtbot.keyClicks(dialog.name, "Jo Bloggs")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.preferred_name, "Jo")
    qtbot.keyClick(dialog.preferred_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    guest = next(m for m in list_members(session.workspace) if m.name == "Jo Bloggs")
    assert guest.id is not None and guest.role is Role.SUPPORTER and guest.preferred_name == "Jo"
    assert guest.id in invited_member_ids(session.workspace, meeting_id)
    record = attendance_of(session.workspace, meeting_id, guest.id)
    assert record is not None and record.status is AttendanceStatus.PRESENT and record.arrived_at
    assert session.undo_stack.count() == 1
    assert panel.model.index(panel.table.currentIndex().row(), 0).data() == "Jo"
    assert "Present: 1." in panel.summary.text() and panel.model.rowCount() == 14
    session.undo_stack.undo()
    assert len(list_members(session.workspace)) == people
    assert guest.id not in invited_member_ids(session.workspace, meeting_id)
    assert attendance(session.workspace, meeting_id) == [] and panel.model.rowCount() == 13
    session.undo_stack.redo()
    assert attendance_of(session.workspace, meeting_id, guest.id) == record


def test_a_guest_needs_a_name(qtbot, panel: CheckInPanel, session: WorkspaceSession) -> None:  # type: ignore[no-untyped-def]
    panel.guest_button.click()
    dialog = panel.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.name, "   ")
    assert not dialog.ok.isEnabled()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and session.undo_stack.count() == 0
    dialog.reject()


def test_every_control_is_named_and_tab_goes_round(qtbot, panel: CheckInPanel) -> None:  # type: ignore[no-untyped-def]
    assert unnamed(panel) == []
    visited, back = tab_cycle(panel.table, qtbot)
    assert back
    assert {panel.present_button, panel.apologies_button, panel.absent_button,
            panel.clear_button, panel.guest_button} <= set(visited)


def test_at_200_percent_text_nothing_is_cut_off(qtbot, qapp: QApplication, panel: CheckInPanel) -> None:  # type: ignore[no-untyped-def]
    from meetingroom.themes import load_theme
    from meetingroom.ui.styling import apply_theme

    try:
        apply_theme(qapp, load_theme("high-contrast-light"), 200)
        qtbot.waitUntil(lambda: panel.table.columnWidth(0) >= panel.table.sizeHintForColumn(0))
        for button in (panel.present_button, panel.apologies_button, panel.absent_button,
                       panel.clear_button, panel.guest_button):
            assert button.width() >= button.sizeHint().width(), button.text()
        for column in range(4):  # each column as wide as its words
            assert panel.table.columnWidth(column) >= panel.table.sizeHintForColumn(column)
        assert unnamed(panel) == []
    finally:
        apply_theme(qapp, load_theme("standard"), 100)
