"""Group settings as a person uses them: typing, Tab, keys on lists and boxes, undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from meetingroom.domain.group import AvoidTime, InvolvementLevel, QueuePolicy
from meetingroom.store.groups import get_group
from meetingroom.store.members import list_members
from meetingroom.ui.group_settings import GroupSettingsPanel, parse_turn, turn_words
from meetingroom.ui.session import WorkspaceSession
from tests.ui.audit import describe, focusable_widgets, tab_cycle, unnamed

Key = Qt.Key


def show(widget: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


@pytest.fixture
def panel(session: WorkspaceSession, qtbot) -> GroupSettingsPanel:  # type: ignore[no-untyped-def]
    made = GroupSettingsPanel(session)
    show(made, qtbot)
    return made


def group(panel: GroupSettingsPanel):  # type: ignore[no-untyped-def]
    found = get_group(panel.session.workspace)
    assert found is not None
    return found


def focus(widget: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Put the keyboard focus in `widget`, in a window that is active (after a dialog closed)."""
    if QApplication.activeWindow() is not widget.window():
        widget.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_turn_lengths_in_words() -> None:
    assert parse_turn("90") == 90
    assert parse_turn(" 1:30 ") == 90
    assert parse_turn("3 minutes") == 180
    assert parse_turn("45 seconds") == 45
    assert parse_turn("2m") == 120
    for bad in ("", "abc", "1:75", "5", "31:00", "-20"):
        assert parse_turn(bad) is None, bad
    assert turn_words(180) == "3 minutes"
    assert turn_words(90) == "1 minute 30 seconds"
    assert turn_words(61) == "1 minute 1 second"
    assert turn_words(45) == "45 seconds"


def test_the_panel_shows_the_example_group(panel: GroupSettingsPanel) -> None:
    stored = group(panel)
    assert panel.group_name.text() == stored.name
    assert panel.terms.toPlainText() == stored.terms_of_reference
    assert panel.involvement.currentData() == InvolvementLevel.CO_PRODUCE
    contact = next(m for m in list_members(panel.session.workspace) if m.id == stored.contact_member_id)
    assert panel.contact.currentText() == contact.display_name
    assert panel.turn_length.text() == "3:00" and panel.turn_plain.text() == "3 minutes"
    assert panel.avoid_list.count() == 6
    assert panel.avoid_list.item(0).text() == "Friday prayers: Fridays 12:30 to 14:00"


def test_rename_with_return_then_undo_and_redo(panel: GroupSettingsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    old = panel.group_name.text()
    focus(panel.group_name, qtbot)
    panel.group_name.selectAll()
    qtbot.keyClicks(panel.group_name, "Riverside Network")
    panel.group_name.insert(" — Siân's")
    qtbot.keyClick(panel.group_name, Key.Key_Return)
    assert group(panel).name == "Riverside Network — Siân's"
    assert panel.session.undo_stack.undoText() == "Rename group"
    panel.session.undo_stack.undo()
    assert group(panel).name == old and panel.group_name.text() == old
    panel.session.undo_stack.redo()
    assert panel.group_name.text() == "Riverside Network — Siân's"


def test_an_empty_name_is_refused(panel: GroupSettingsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    old = panel.group_name.text()
    focus(panel.group_name, qtbot)
    panel.group_name.selectAll()
    qtbot.keyClick(panel.group_name, Key.Key_Delete)
    qtbot.keyClick(panel.group_name, Key.Key_Tab)
    assert group(panel).name == old and panel.group_name.text() == old
    assert panel.session.undo_stack.count() == 0


def test_text_boxes_save_when_tab_leaves_them(panel: GroupSettingsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    focus(panel.purpose, qtbot)
    qtbot.keyClick(panel.purpose, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.purpose, "We shape services together.")
    assert group(panel).purpose != "We shape services together."  # nothing saved mid-typing
    qtbot.keyClick(panel.purpose, Key.Key_Tab)
    assert QApplication.focusWidget() is panel.terms
    assert group(panel).purpose == "We shape services together."
    focus(panel.cannot_change, qtbot)
    qtbot.keyClick(panel.cannot_change, Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.cannot_change, " Pay rates.")
    qtbot.keyClick(panel.cannot_change, Key.Key_Tab)
    assert group(panel).cannot_change.endswith("staff employment matters. Pay rates.")
    panel.session.undo_stack.undo()
    assert panel.cannot_change.toPlainText().endswith("staff employment matters.")
    panel.session.undo_stack.undo()
    assert panel.purpose.toPlainText().startswith("People who use mental health services")


def test_choices_by_keyboard(panel: GroupSettingsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    focus(panel.involvement, qtbot)
    qtbot.keyClick(panel.involvement, Key.Key_Up)
    assert group(panel).involvement_level is InvolvementLevel.CO_DESIGN
    focus(panel.contact, qtbot)
    qtbot.keyClick(panel.contact, Key.Key_Home)
    assert panel.contact.currentText() == "No contact person"
    assert group(panel).contact_member_id is None
    focus(panel.queue_policy, qtbot)
    qtbot.keyClick(panel.queue_policy, Key.Key_Down)
    assert group(panel).queue_policy is QueuePolicy.FIRST_COME
    stack = panel.session.undo_stack
    assert stack.undoText() == "Change queue order"
    stack.undo()
    stack.undo()
    assert panel.contact.currentText() != "No contact person"
    assert group(panel).contact_member_id is not None
    stack.undo()
    assert panel.involvement.currentData() == InvolvementLevel.CO_PRODUCE


def test_number_boxes_typed_and_stepped(panel: GroupSettingsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    stack = panel.session.undo_stack
    focus(panel.meeting_minutes, qtbot)
    panel.meeting_minutes.selectAll()
    qtbot.keyClicks(panel.meeting_minutes, "90")
    assert group(panel).meeting_minutes == 120  # not while typing
    qtbot.keyClick(panel.meeting_minutes, Key.Key_Tab)
    assert group(panel).meeting_minutes == 90
    focus(panel.stretch, qtbot)
    qtbot.keyClick(panel.stretch, Key.Key_Up)
    qtbot.keyClick(panel.stretch, Key.Key_Up)
    assert group(panel).max_stretch_minutes == 70
    assert stack.count() == 2, "stepping one box twice is one step to undo"
    stack.undo()
    assert group(panel).max_stretch_minutes == 60 and panel.stretch.value() == 60
    stack.undo()
    assert panel.meeting_minutes.value() == 120
    stack.redo()
    assert panel.meeting_minutes.value() == 90
    focus(panel.papers_days, qtbot)
    panel.papers_days.selectAll()
    qtbot.keyClicks(panel.papers_days, "10")
    qtbot.keyClick(panel.papers_days, Key.Key_Return)
    focus(panel.feedback_days, qtbot)
    qtbot.keyClick(panel.feedback_days, Key.Key_Down)
    assert (group(panel).papers_deadline_days, group(panel).feedback_deadline_days) == (10, 13)


def test_the_payment_policy_by_keyboard(panel: GroupSettingsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert group(panel).payment_days == 10
    assert panel.how_to_claim.toPlainText().startswith("Fill in the claim form")
    focus(panel.how_to_claim, qtbot)
    qtbot.keyClick(panel.how_to_claim, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.how_to_claim, "Ask Rhiannon for a claim form.")
    qtbot.keyClick(panel.how_to_claim, Key.Key_Tab)
    assert QApplication.focusWidget() is panel.payment_days
    assert group(panel).payment_how_to_claim == "Ask Rhiannon for a claim form."
    panel.payment_days.selectAll()
    qtbot.keyClicks(panel.payment_days, "0")
    qtbot.keyClick(panel.payment_days, Key.Key_Return)
    assert group(panel).payment_days == 0
    assert panel.payment_days.text() == "Not said"
    panel.session.undo_stack.undo()
    assert group(panel).payment_days == 10 and panel.payment_days.value() == 10
    panel.session.undo_stack.undo()
    assert group(panel).payment_how_to_claim.startswith("Fill in the claim form")


def test_speaking_turn_in_seconds_or_minutes_and_seconds(panel: GroupSettingsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    focus(panel.turn_length, qtbot)
    panel.turn_length.selectAll()
    qtbot.keyClicks(panel.turn_length, "1:30")
    qtbot.keyClick(panel.turn_length, Key.Key_Return)
    assert group(panel).turn_seconds == 90
    assert panel.turn_plain.text() == "1 minute 30 seconds"
    panel.turn_length.selectAll()
    qtbot.keyClicks(panel.turn_length, "two minutes")
    qtbot.keyClick(panel.turn_length, Key.Key_Return)
    assert group(panel).turn_seconds == 90
    assert panel.turn_plain.text().startswith("Problem:")
    panel.turn_length.selectAll()
    qtbot.keyClicks(panel.turn_length, "200")
    qtbot.keyClick(panel.turn_length, Key.Key_Return)
    assert group(panel).turn_seconds == 200
    assert panel.turn_length.text() == "3:20" and panel.turn_plain.text() == "3 minutes 20 seconds"
    panel.session.undo_stack.undo()
    assert panel.turn_length.text() == "1:30"


def test_add_change_and_remove_times_to_avoid(panel: GroupSettingsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    stack = panel.session.undo_stack
    before = group(panel).times_to_avoid
    qtbot.mouseClick(panel.add_avoid, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.avoid_dialog is not None)
    dialog = panel.avoid_dialog
    qtbot.keyClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Key.Key_Space)
    assert dialog.isVisible() and dialog.problem.text().startswith("Problem:")
    qtbot.keyClicks(dialog.label, "Choir practice")
    focus(dialog.day, qtbot)
    for _ in range(4):  # Every day, Monday, Tuesday, Wednesday, Thursday
        qtbot.keyClick(dialog.day, Key.Key_Down)
    focus(dialog.start, qtbot)
    qtbot.keyClicks(dialog.start, "1800")
    focus(dialog.end, qtbot)
    qtbot.keyClicks(dialog.end, "2000")
    qtbot.keyClick(dialog.end, Key.Key_Return)
    qtbot.waitUntil(lambda: panel.avoid_dialog is None)
    added = AvoidTime("Choir practice", 3, "18:00", "20:00")
    assert group(panel).times_to_avoid == (*before, added)
    assert panel.avoid_list.item(6).text() == "Choir practice: Thursdays 18:00 to 20:00"
    assert panel.avoid_list.currentRow() == 6

    # Change the first one: Enter on the list opens it.
    focus(panel.avoid_list, qtbot)
    panel.avoid_list.setCurrentRow(0)
    qtbot.keyClick(panel.avoid_list, Key.Key_Return)
    qtbot.waitUntil(lambda: panel.avoid_dialog is not None)
    dialog = panel.avoid_dialog
    assert dialog.label.text() == "Friday prayers" and dialog.day.currentText() == "Friday"
    focus(dialog.end, qtbot)
    qtbot.keyClicks(dialog.end, "1415")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert group(panel).times_to_avoid[0] == AvoidTime("Friday prayers", 4, "12:30", "14:15")

    # Remove the school run on Mondays.
    panel.avoid_list.setCurrentRow(1)
    qtbot.mouseClick(panel.remove_avoid, Qt.MouseButton.LeftButton)
    assert [t.label for t in group(panel).times_to_avoid].count("School run") == 4
    assert panel.avoid_list.count() == 6
    assert stack.undoText() == "Remove a time to avoid"
    stack.undo()
    stack.undo()
    stack.undo()
    assert group(panel).times_to_avoid == before and panel.avoid_list.count() == 6
    assert panel.avoid_list.item(0).text() == "Friday prayers: Fridays 12:30 to 14:00"


def test_cancel_changes_nothing(panel: GroupSettingsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(panel.add_avoid, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.avoid_dialog is not None)
    dialog = panel.avoid_dialog
    qtbot.keyClicks(dialog.label, "Lunch")
    qtbot.keyClick(dialog, Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.avoid_dialog is None)
    assert panel.session.undo_stack.count() == 0 and panel.avoid_list.count() == 6


def test_undo_never_overwrites_what_someone_is_typing(panel: GroupSettingsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    focus(panel.stretch, qtbot)
    qtbot.keyClick(panel.stretch, Key.Key_Up)
    focus(panel.can_change, qtbot)
    qtbot.keyClick(panel.can_change, Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.can_change, " Also parking.")
    panel.session.undo_stack.undo()  # from the Edit menu, while still typing
    assert panel.stretch.value() == 60
    assert panel.can_change.toPlainText().endswith("Also parking.")
    assert QApplication.focusWidget() is panel.can_change


def test_store_changes_from_elsewhere_show_at_once(panel: GroupSettingsPanel) -> None:
    from meetingroom.store.groups import save_group

    changed = group(panel)
    changed.feedback_deadline_days = 21
    changed.times_to_avoid = ()
    save_group(panel.session.workspace, changed)
    assert panel.feedback_days.value() == 21
    assert panel.avoid_list.count() == 0
    assert not panel.edit_avoid.isEnabled() and not panel.remove_avoid.isEnabled()


def test_the_panel_passes_the_audit(panel: GroupSettingsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert unnamed(panel) == []
    visited, came_back = tab_cycle(panel.group_name, qtbot)
    assert came_back, "Tab never comes back round (a focus trap)"
    missing = [describe(w) for w in focusable_widgets(panel) if w not in visited and w is not panel.group_name]
    assert missing == []
