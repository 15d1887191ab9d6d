"""Meeting set-up and its arrangements check as a person uses them, with undo and redo."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from meetingroom.domain.meeting import Meeting, MeetingMode, MeetingStatus, VenueFeature
from meetingroom.store.groups import get_group
from meetingroom.store.meetings import (
    arrangement_done,
    get_meeting,
    get_venue,
    invited_member_ids,
    list_meetings,
    list_venues,
)
from meetingroom.store.members import list_members, set_active
from meetingroom.ui.meeting_commands import AddMeeting, new_meeting
from meetingroom.ui.meeting_setup import MeetingSetupPanel
from meetingroom.ui.session import WorkspaceSession
from tests.ui.audit import describe, focusable_widgets, tab_cycle, unnamed

Key = Qt.Key
CHECKED = Qt.CheckState.Checked


@pytest.fixture
def panel(session: WorkspaceSession, qtbot) -> MeetingSetupPanel:  # type: ignore[no-untyped-def]
    made = MeetingSetupPanel(session)
    qtbot.addWidget(made)
    made.resize(900, 900)
    made.show()
    qtbot.waitExposed(made)
    made.show_meeting(upcoming(session).id)
    return made


def upcoming(session: WorkspaceSession) -> Meeting:
    return next(m for m in list_meetings(session.workspace) if m.status is MeetingStatus.PLANNING)


def stored(panel: MeetingSetupPanel) -> Meeting:
    assert panel.meeting_id is not None
    return get_meeting(panel.session.workspace, panel.meeting_id)


def focus(widget: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Put the keyboard focus in `widget`, in a window that is active (after a dialog closed)."""
    if QApplication.activeWindow() is not widget.window():
        widget.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def lines(view: QListWidget) -> list[str]:
    return [view.item(row).text() for row in range(view.count())] if view.isVisible() else []


def keys(panel: MeetingSetupPanel) -> list[str]:
    return [panel.arrangements.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(panel.arrangements.count())]


def row_starting(view: QListWidget, start: str) -> int:
    return next(row for row in range(view.count()) if view.item(row).text().startswith(start))


def test_no_meeting_chosen(panel: MeetingSetupPanel) -> None:
    panel.show_meeting(None)
    assert panel.empty.isVisible() and not panel.scroll_area.isVisible()
    assert panel.meeting_id is None


def test_the_example_meeting_and_its_arrangements(panel: MeetingSetupPanel) -> None:
    meeting = stored(panel)
    assert panel.title.text() == meeting.title
    assert panel.start_time.time().toString("HH:mm") == "10:30"
    assert panel.mode.currentText() == "Hybrid" and panel.status.currentText() == "Planning"
    assert panel.venue.currentText() == "Riverside Community Hub, Main Hall"
    assert "14 Mill Lane" in panel.venue_details.text() and "Hearing loop" in panel.venue_details.text()
    assert panel.invited.count() == 13
    assert all(panel.invited.item(r).checkState() == CHECKED for r in range(13))
    assert keys(panel) == ["bsl-interpreter", "hearing-loop", "step-free-access", "quiet-room",
                           "dietary-list", "transport-help", "personal-assistant", "breaks",
                           "other-needs"]
    bsl = panel.arrangements.item(0).text()
    assert bsl.startswith("Book 2 BSL interpreters") and "For: Grace Mensah" in bsl
    assert panel.arrangements_summary.text() == "0 of 9 arrangements ticked off."
    assert not panel.clash.isVisible()


def test_title_typed_then_undone(panel: MeetingSetupPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    old = panel.title.text()
    focus(panel.title, qtbot)
    panel.title.selectAll()
    qtbot.keyClicks(panel.title, "Network meeting: services & payments")
    qtbot.keyClick(panel.title, Key.Key_Tab)
    assert stored(panel).title == "Network meeting: services & payments"
    panel.session.undo_stack.undo()
    assert panel.title.text() == old == stored(panel).title
    panel.session.undo_stack.redo()
    assert panel.title.text() == "Network meeting: services & payments"


def test_moving_into_friday_prayers_warns(panel: MeetingSetupPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    stack = panel.session.undo_stack
    tuesday = stored(panel).start
    focus(panel.date, qtbot)
    panel.date.setCurrentSection(panel.date.Section.DaySection)
    for _ in range(3):
        qtbot.keyClick(panel.date, Key.Key_Up)
    assert stored(panel).start == tuesday + timedelta(days=3)
    assert stack.count() == 1, "stepping the date is one step to undo"
    assert not panel.clash.isVisible()
    focus(panel.start_time, qtbot)
    qtbot.keyClicks(panel.start_time, "1200")
    assert stored(panel).start.hour == 10  # not while typing
    qtbot.keyClick(panel.start_time, Key.Key_Return)
    assert stored(panel).start.strftime("%A %H:%M") == "Friday 12:00"
    assert panel.clash.isVisible()
    assert panel.clash.text() == ("⚠ Warning: this meeting falls in a time the group avoids: "
                                  "Friday prayers: Fridays 12:30 to 14:00.")
    focus(panel.length, qtbot)
    panel.length.selectAll()
    qtbot.keyClicks(panel.length, "30")
    qtbot.keyClick(panel.length, Key.Key_Return)
    assert stored(panel).minutes == 30 and panel.ends.text() == "Ends at 12:30"
    assert not panel.clash.isVisible()  # ends as prayers begin
    assert "breaks" in keys(panel)  # regular breaks are still needed by two people
    stack.undo()
    stack.undo()
    assert panel.clash.isVisible() is False and panel.start_time.time().toString("HH:mm") == "10:30"
    stack.undo()
    assert stored(panel).start == tuesday and panel.date.date().dayOfWeek() == 2


def test_online_meetings_drop_the_venue_lines(panel: MeetingSetupPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    focus(panel.mode, qtbot)
    qtbot.keyClick(panel.mode, Key.Key_Up)  # Hybrid -> Online
    assert stored(panel).mode is MeetingMode.ONLINE
    assert keys(panel) == ["bsl-interpreter", "personal-assistant", "breaks", "other-needs"]
    assert "join the call" in panel.arrangements.item(1).text()
    focus(panel.status, qtbot)
    qtbot.keyClick(panel.status, Key.Key_Down)
    assert stored(panel).status is MeetingStatus.PAPERS_SENT
    panel.session.undo_stack.undo()
    panel.session.undo_stack.undo()
    assert stored(panel).mode is MeetingMode.HYBRID and len(keys(panel)) == 9


def test_a_venue_without_features_shows_problems_in_words(panel: MeetingSetupPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    focus(panel.venue, qtbot)
    qtbot.keyClick(panel.venue, Key.Key_Down)  # the hub -> St Brigid's (by name)
    church = next(v for v in list_venues(panel.session.workspace) if v.name.startswith("St Brigid"))
    assert stored(panel).venue_id == church.id
    text = panel.arrangements.item(row_starting(panel.arrangements, "Bring a portable hearing loop")).text()
    assert "⚠ Problem: The venue has no hearing loop" in text
    problems = [panel.arrangements.item(r) for r in range(panel.arrangements.count())
                if "Problem:" in panel.arrangements.item(r).text()]
    assert len(problems) == 3  # hearing loop, step-free access, quiet room
    assert all(not item.icon().isNull() for item in problems)
    assert "3 with a problem at the venue" in panel.arrangements_summary.text()
    focus(panel.venue, qtbot)
    qtbot.keyClick(panel.venue, Key.Key_Home)
    assert stored(panel).venue_id is None
    assert not panel.edit_venue.isEnabled() and not panel.venue_details.isVisible()
    assert "No venue is chosen yet" in panel.arrangements.item(1).text()


def test_invite_and_uninvite_with_space(panel: MeetingSetupPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws, stack = panel.session.workspace, panel.session.undo_stack
    meeting_id = stored(panel).id
    grace = row_starting(panel.invited, "Grace Mensah")
    focus(panel.invited, qtbot)
    panel.invited.setCurrentRow(grace)
    qtbot.keyClick(panel.invited, Key.Key_Space)
    assert len(invited_member_ids(ws, meeting_id)) == 12
    assert "bsl-interpreter" not in keys(panel)
    assert panel.invited.currentRow() == grace and QApplication.focusWidget() is panel.invited
    assert panel.invited_count.text() == "12 of 13 invited"
    qtbot.keyClick(panel.invited, Key.Key_Down)
    qtbot.keyClick(panel.invited, Key.Key_Space)
    assert len(invited_member_ids(ws, meeting_id)) == 11
    assert stack.undoText() == "Uninvite a member"
    stack.undo()
    assert len(invited_member_ids(ws, meeting_id)) == 12
    qtbot.mouseClick(panel.invite_all, Qt.MouseButton.LeftButton)
    assert len(invited_member_ids(ws, meeting_id)) == 13 and keys(panel)[0] == "bsl-interpreter"
    stack.undo()
    stack.undo()
    assert len(invited_member_ids(ws, meeting_id)) == 13


def test_inactive_members_are_not_planned_for(panel: MeetingSetupPanel) -> None:
    ws = panel.session.workspace
    grace = next(m for m in list_members(ws) if m.name == "Grace Mensah")
    set_active(ws, grace.id, False)
    assert "bsl-interpreter" not in keys(panel)
    row = row_starting(panel.invited, "Grace Mensah")
    assert "(no longer active)" in panel.invited.item(row).text()
    assert row == panel.invited.count() - 1  # listed last


def test_tick_off_arrangements(panel: MeetingSetupPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws, meeting_id = panel.session.workspace, stored(panel).id
    focus(panel.arrangements, qtbot)
    panel.arrangements.setCurrentRow(0)
    qtbot.keyClick(panel.arrangements, Key.Key_Down)
    qtbot.keyClick(panel.arrangements, Key.Key_Space)
    assert arrangement_done(ws, meeting_id) == {"hearing-loop": True}
    assert panel.arrangements.item(1).checkState() == CHECKED
    assert panel.arrangements_summary.text() == "1 of 9 arrangements ticked off."
    qtbot.keyClick(panel.arrangements, Key.Key_Space)
    assert arrangement_done(ws, meeting_id) == {"hearing-loop": False}
    panel.session.undo_stack.undo()
    assert arrangement_done(ws, meeting_id) == {"hearing-loop": True}
    panel.session.undo_stack.undo()
    assert arrangement_done(ws, meeting_id) == {"hearing-loop": False}
    assert panel.arrangements.item(1).checkState() == Qt.CheckState.Unchecked


def test_a_new_venue_is_added_and_chosen_in_one_step(panel: MeetingSetupPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws, stack = panel.session.workspace, panel.session.undo_stack
    hub_id = stored(panel).venue_id
    qtbot.mouseClick(panel.new_venue, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.venue_dialog is not None)
    dialog = panel.venue_dialog
    qtbot.keyClicks(dialog.name, "Library meeting room")
    focus(dialog.address, qtbot)
    qtbot.keyClicks(dialog.address, "2 Station Road")
    qtbot.keyClick(dialog.address, Key.Key_Tab)
    qtbot.keyClick(dialog.directions, Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.features[VenueFeature.STEP_FREE]
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Space)
    focus(dialog.features[VenueFeature.HEARING_LOOP], qtbot)
    qtbot.keyClick(dialog.features[VenueFeature.HEARING_LOOP], Key.Key_Space)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.venue_dialog is None)
    library = get_venue(ws, stored(panel).venue_id)
    assert (library.name, library.address) == ("Library meeting room", "2 Station Road")
    assert library.features == {VenueFeature.STEP_FREE, VenueFeature.HEARING_LOOP}
    assert panel.venue.currentText() == "Library meeting room"
    assert "⚠ Problem: The venue has no quiet room" in "\n".join(lines(panel.arrangements))
    assert stack.undoText() == "Add venue"
    stack.undo()
    assert stored(panel).venue_id == hub_id
    assert all(v.name != "Library meeting room" for v in list_venues(ws))
    stack.redo()
    assert get_venue(ws, stored(panel).venue_id) == library


def test_change_venue_details(panel: MeetingSetupPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = panel.session.workspace
    qtbot.mouseClick(panel.edit_venue, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.venue_dialog is not None)
    dialog = panel.venue_dialog
    assert dialog.name.text() == "Riverside Community Hub, Main Hall"
    focus(dialog.features[VenueFeature.HEARING_LOOP], qtbot)
    qtbot.keyClick(dialog.features[VenueFeature.HEARING_LOOP], Key.Key_Space)
    qtbot.keyClick(dialog.features[VenueFeature.HEARING_LOOP], Key.Key_Return)
    qtbot.waitUntil(lambda: panel.venue_dialog is None)
    assert VenueFeature.HEARING_LOOP not in get_venue(ws, stored(panel).venue_id).features
    assert "The venue has no hearing loop" in "\n".join(lines(panel.arrangements))
    assert panel.session.undo_stack.undoText() == "Change venue details"
    panel.session.undo_stack.undo()
    assert VenueFeature.HEARING_LOOP in get_venue(ws, stored(panel).venue_id).features
    assert "The venue has a hearing loop" in panel.arrangements.item(1).text()


def test_add_meeting_uses_the_group_defaults_and_undoes(panel: MeetingSetupPanel) -> None:
    ws, stack = panel.session.workspace, panel.session.undo_stack
    group = get_group(ws)
    assert group is not None
    group.meeting_minutes = 60  # the group's longest stretch: no break needed
    from meetingroom.store.groups import save_group

    save_group(ws, group)
    adding = AddMeeting(ws)
    stack.push(adding)
    assert adding.meeting_id is not None
    panel.show_meeting(adding.meeting_id)
    made = stored(panel)
    assert made.minutes == 60 and made.group_id == group.id and made.title == "New meeting"
    assert made.start.date() >= date.today() + timedelta(weeks=2) and made.start.weekday() < 5
    assert panel.invited.count() == 13 and panel.invited_count.text() == "0 of 13 invited"
    assert not panel.arrangements.isVisible()
    assert panel.arrangements_summary.text().startswith("Nothing to arrange")
    stack.undo()
    assert panel.empty.isVisible() and panel.meeting_id is None
    assert all(m.id != adding.meeting_id for m in list_meetings(ws))
    stack.redo()
    assert get_meeting(ws, adding.meeting_id).title == "New meeting"


def test_undoing_the_adding_of_a_meeting_that_was_since_held_keeps_it(session: WorkspaceSession) -> None:
    from meetingroom.domain.meeting import Attendance, AttendanceStatus
    from meetingroom.store.meetings import set_attendance

    ws, stack = session.workspace, session.undo_stack
    adding = AddMeeting(ws, Meeting("Drop-in", datetime(2026, 9, 1, 10, 30), minutes=60))
    stack.push(adding)
    assert get_meeting(ws, adding.meeting_id).minutes == 60
    someone = list_members(ws)[0]
    set_attendance(ws, Attendance(adding.meeting_id, someone.id, AttendanceStatus.PRESENT))
    stack.undo()
    assert get_meeting(ws, adding.meeting_id).title == "Drop-in"
    assert stack.count() == 0 and not stack.canRedo()


def test_new_meetings_keep_out_of_times_to_avoid(session: WorkspaceSession) -> None:
    from meetingroom.domain.group import AvoidTime
    from meetingroom.store.groups import save_group

    group = get_group(session.workspace)
    assert group is not None
    group.times_to_avoid = (AvoidTime("Mornings", None, "09:00", "11:00"),)
    save_group(session.workspace, group)
    saturday = date(2026, 5, 30)
    # Every morning is avoided: the first weekday two weeks on, and the group's length.
    made = new_meeting(session.workspace, today=saturday)
    assert made.start == datetime(2026, 6, 15, 10, 30) and made.minutes == group.meeting_minutes
    monday = date(2026, 6, 1)
    group.times_to_avoid = (AvoidTime("Monday clinic", 0, "10:00", "12:00"),)
    save_group(session.workspace, group)
    assert new_meeting(session.workspace, today=monday).start == datetime(2026, 6, 16, 10, 30)


def test_the_panel_passes_the_audit(panel: MeetingSetupPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert unnamed(panel) == []
    visited, came_back = tab_cycle(panel.title, qtbot)
    assert came_back, "Tab never comes back round (a focus trap)"
    missing = [describe(w) for w in focusable_widgets(panel) if w not in visited and w is not panel.title]
    assert missing == []
