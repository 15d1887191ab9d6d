"""Ground rules at the meeting by keyboard: start from the usual rules, agree one (Space) or
all, read aloud, add, edit, move and remove; every change undoable and stored at once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meetingroom.domain.group import Group
from meetingroom.domain.meeting import Meeting
from meetingroom.example import ground_rule_templates
from meetingroom.store import Workspace
from meetingroom.store.conduct import agreed_ground_rules, ground_rules
from meetingroom.store.groups import save_group
from meetingroom.store.meetings import add_meeting, list_meetings
from meetingroom.ui.ground_rules_panel import GroundRulesPanel
from meetingroom.ui.session import WorkspaceSession
from tests.ui.audit import tab_cycle, unnamed

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier


def _show(qtbot, panel: GroundRulesPanel) -> GroundRulesPanel:  # type: ignore[no-untyped-def]
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    return panel


def _meeting(session: WorkspaceSession, status: str) -> int:
    meeting = next(m for m in list_meetings(session.workspace) if m.status.value == status)
    assert meeting.id is not None
    return meeting.id


@pytest.fixture
def panel(qtbot, session: WorkspaceSession) -> GroundRulesPanel:  # type: ignore[no-untyped-def]
    return _show(qtbot, GroundRulesPanel(session, _meeting(session, "planning")))


@pytest.fixture
def new_group(tmp_path: Path, qapp: QApplication) -> Iterator[tuple[WorkspaceSession, int, int]]:
    """A group with no ground rules yet and one meeting: (session, group id, meeting id)."""
    ws = Workspace.create(tmp_path / "new.meetingroom")
    group_id = save_group(ws, Group("Carers' forum"))
    meeting_id = add_meeting(ws, Meeting("First meeting", datetime(2026, 11, 24, 10), group_id))
    opened = WorkspaceSession(ws)
    yield opened, group_id, meeting_id
    opened.close()


def _texts(session: WorkspaceSession) -> list[str]:
    return [r.text for r in ground_rules(session.workspace)]


def _choose(panel: GroundRulesPanel, row: int) -> None:
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(row, 0))


def test_an_empty_group_starts_from_the_usual_rules_in_one_undoable_step(
        qtbot, new_group: tuple[WorkspaceSession, int, int]) -> None:  # type: ignore[no-untyped-def]
    session, group_id, meeting_id = new_group
    panel = _show(qtbot, GroundRulesPanel(session, meeting_id))
    assert "no ground rules yet" in panel.summary.text()
    assert panel.start_button.isVisible() and not panel.list.isVisible()
    assert not panel.agree_all_button.isVisible() and not panel.remove_button.isVisible()
    assert unnamed(panel) == []
    visited, back = tab_cycle(panel.start_button, qtbot)
    assert back and panel.add_button in visited
    qtbot.keyClick(panel.start_button, Qt.Key.Key_S, ALT)
    templates = list(ground_rule_templates().values())
    qtbot.waitUntil(lambda: len(ground_rules(session.workspace)) == len(templates))
    saved = ground_rules(session.workspace)
    assert [r.text for r in saved] == [t.text for t in templates]
    assert all(r.group_id == group_id for r in saved)
    assert [r.picture for r in saved] == [t.picture for t in templates]
    assert panel.list.isVisible() and not panel.start_button.isVisible()
    assert panel.model.rowCount() == len(templates) and panel.list.currentIndex().row() == 0
    assert panel.summary.text() == f"{len(templates)} ground rules; 0 agreed at this meeting so far."
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert ground_rules(session.workspace) == [] and panel.start_button.isVisible()
    session.undo_stack.redo()
    assert [r.id for r in ground_rules(session.workspace)] == [r.id for r in saved]


def test_each_rule_shows_its_words_easy_read_picture_and_whether_agreed(
        panel: GroundRulesPanel, session: WorkspaceSession) -> None:
    first = panel.model.index(0, 0)
    assert first.data() == ("1. Listen to each other.\nEasy read: We listen when someone is talking.\n"
                            "Not agreed yet")
    assert not first.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    panel.set_meeting(_meeting(session, "held"))
    assert panel.summary.text() == "All 8 ground rules are agreed at this meeting."
    assert panel.model.index(0, 0).data().endswith("Agreed at " + f"{panel.model.agreed[panel.model.rules[0].id or 0]:%H:%M}")
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert not panel.agree_all_button.isEnabled()


def test_space_marks_the_chosen_rule_agreed_and_undo_takes_it_back(
        qtbot, panel: GroundRulesPanel, session: WorkspaceSession) -> None:  # type: ignore[no-untyped-def]
    meeting_id = panel.meeting_id
    _choose(panel, 0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    rule_id = panel.model.rules[1].id
    before = datetime.now().replace(microsecond=0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Space)
    agreed = agreed_ground_rules(session.workspace, meeting_id)
    assert list(agreed) == [rule_id] and before <= agreed[rule_id or 0] <= datetime.now()
    assert panel.model.index(1, 0).data().endswith(f"Agreed at {agreed[rule_id or 0]:%H:%M}")
    assert panel.agree_button.text() == "Mar&k not agreed"
    assert panel.list.currentIndex().row() == 1
    qtbot.keyClick(panel.list, Qt.Key.Key_K, ALT)  # the button: not agreed after all
    qtbot.waitUntil(lambda: agreed_ground_rules(session.workspace, meeting_id) == {})
    assert QApplication.focusWidget() is panel.list
    session.undo_stack.undo()
    assert agreed_ground_rules(session.workspace, meeting_id) == agreed
    session.undo_stack.undo()
    assert agreed_ground_rules(session.workspace, meeting_id) == {}


def test_the_group_agreed_all_of_these_is_one_step(
        qtbot, panel: GroundRulesPanel, session: WorkspaceSession) -> None:  # type: ignore[no-untyped-def]
    meeting_id = panel.meeting_id
    _choose(panel, 2)
    qtbot.keyClick(panel.list, Qt.Key.Key_Space)
    early = agreed_ground_rules(session.workspace, meeting_id)
    qtbot.keyClick(panel.list, Qt.Key.Key_A, ALT)
    ids = {r.id for r in ground_rules(session.workspace)}
    qtbot.waitUntil(lambda: set(agreed_ground_rules(session.workspace, meeting_id)) == ids)
    agreed = agreed_ground_rules(session.workspace, meeting_id)
    assert {k: v for k, v in agreed.items() if k in early} == early  # the earlier time is kept
    assert panel.summary.text() == "All 8 ground rules are agreed at this meeting."
    assert not panel.agree_all_button.isEnabled()
    session.undo_stack.undo()
    assert agreed_ground_rules(session.workspace, meeting_id) == early


def test_read_aloud_gives_the_words_then_the_easy_read_words(
        qtbot, panel: GroundRulesPanel) -> None:  # type: ignore[no-untyped-def]
    _choose(panel, 2)
    with qtbot.waitSignal(panel.read_aloud) as said:
        qtbot.keyClick(panel.list, Qt.Key.Key_T, ALT)
    assert said.args == ["No jargon. It is fine to say you don't understand. "
                         "We use easy words. You can say: I don't understand."]
    with qtbot.waitSignal(panel.read_aloud) as said:
        panel.read_all_button.click()
    text = said.args[0]
    assert text.startswith("Ground rules. 1. Listen to each other. We listen when someone is talking. "
                           "2. One voice at a time.")
    assert text.endswith("8. Phones on silent, unless you need yours for access or caring. "
                         "Put your phone on quiet.")


def test_alt_up_and_down_move_a_rule_and_undo_puts_it_back(
        qtbot, panel: GroundRulesPanel, session: WorkspaceSession) -> None:  # type: ignore[no-untyped-def]
    original = _texts(session)
    _choose(panel, 1)
    qtbot.keyClick(panel.list, Qt.Key.Key_Up, ALT)
    assert _texts(session)[:2] == [original[1], original[0]]
    assert panel.list.currentIndex().row() == 0 and not panel.up_button.isEnabled()
    assert panel.model.index(0, 0).data().startswith("1. One voice at a time.")
    qtbot.keyClick(panel.list, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down, ALT)
    assert _texts(session)[:3] == [original[0], original[2], original[1]]
    assert panel.list.currentIndex().row() == 2
    qtbot.keyClick(panel.list, Qt.Key.Key_W, ALT)  # the Move down button
    qtbot.waitUntil(lambda: _texts(session)[3] == original[1])
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert _texts(session) == original
    assert [r.position for r in ground_rules(session.workspace)] == list(range(len(original)))


def test_delete_removes_a_rule_and_undo_brings_it_back_agreed(
        qtbot, panel: GroundRulesPanel, session: WorkspaceSession) -> None:  # type: ignore[no-untyped-def]
    held = _meeting(session, "held")
    panel.set_meeting(held)
    agreed = agreed_ground_rules(session.workspace, held)
    original = _texts(session)
    _choose(panel, 3)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert _texts(session) == original[:3] + original[4:]
    assert len(agreed_ground_rules(session.workspace, held)) == 7
    assert panel.list.currentIndex().row() == 3
    session.undo_stack.undo()
    assert _texts(session) == original
    assert agreed_ground_rules(session.workspace, held) == agreed


def test_add_and_edit_a_rule_through_the_dialog(
        qtbot, panel: GroundRulesPanel, session: WorkspaceSession) -> None:  # type: ignore[no-untyped-def]
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    dialog = panel.dialog
    assert dialog is not None and unnamed(dialog) == [] and not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.text, "Ask for a break at any time")
    qtbot.keyClicks(dialog.easy_read, "You can ask for a break")
    qtbot.keyClick(dialog.easy_read, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(_texts(session)) == 9)
    added = ground_rules(session.workspace)[-1]
    assert (added.text, added.easy_read_text) == ("Ask for a break at any time", "You can ask for a break")
    assert added.picture  # suggested from the words when none was chosen
    assert panel.current_rule() == added
    panel.activateWindow()  # the offscreen platform does not hand activation back by itself
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list)  # the dialog gave it back
    qtbot.keyClick(panel.list, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: panel.dialog is not dialog and panel.dialog is not None
                    and panel.dialog.isVisible())
    editor = panel.dialog
    assert editor is not None and editor.text.text() == "Ask for a break at any time"
    editor.text.selectAll()
    qtbot.keyClicks(editor.text, "Ask for a break whenever you like.")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _texts(session)[-1] == "Ask for a break whenever you like.")
    assert ground_rules(session.workspace)[-1].picture == added.picture
    session.undo_stack.undo()
    assert _texts(session)[-1] == "Ask for a break at any time"
    session.undo_stack.undo()
    assert len(_texts(session)) == 8


def test_choose_a_picture_for_a_rule(qtbot, panel: GroundRulesPanel, session: WorkspaceSession) -> None:  # type: ignore[no-untyped-def]
    _choose(panel, 0)
    panel.edit_button.click()
    dialog = panel.dialog
    assert dialog is not None
    dialog.choose_button.click()
    chooser = dialog.chooser
    assert chooser is not None and chooser.isVisible()
    qtbot.keyClicks(chooser.search, "bus")
    code = chooser.chosen()
    assert code and code != "1F442"
    qtbot.keyClick(chooser.search, Qt.Key.Key_Return)
    assert not chooser.isVisible() and dialog.picture == code
    assert "Picture:" in dialog.picture_words.text()
    dialog.accept()
    assert ground_rules(session.workspace)[0].picture == code


def test_every_control_is_named_and_tab_goes_round(qtbot, panel: GroundRulesPanel) -> None:  # type: ignore[no-untyped-def]
    _choose(panel, 1)
    assert unnamed(panel) == []
    visited, back = tab_cycle(panel.list, qtbot)
    assert back
    assert {panel.agree_button, panel.read_button, panel.edit_button, panel.up_button,
            panel.down_button, panel.remove_button, panel.agree_all_button,
            panel.read_all_button, panel.add_button} <= set(visited)


def test_at_200_percent_text_pictures_grow_and_rules_and_buttons_are_whole(
        qtbot, qapp: QApplication, panel: GroundRulesPanel) -> None:  # type: ignore[no-untyped-def]
    from meetingroom.themes import load_theme
    from meetingroom.ui.styling import apply_theme

    small = panel.model.px
    try:
        apply_theme(qapp, load_theme("high-contrast-dark"), 200)
        qtbot.waitUntil(lambda: panel.model.px > small)
        panel.resize(800, 700)
        _choose(panel, 2)
        line = panel.list.fontMetrics().lineSpacing()
        qtbot.waitUntil(lambda: panel.list.visualRect(panel.model.index(0, 0)).height() >= 3 * line)
        for row in range(panel.model.rowCount()):
            lines = 3 if panel.model.rules[row].easy_read_text else 2
            assert panel.list.visualRect(panel.model.index(row, 0)).height() >= lines * line
        # "No jargon..." and its easy-read words each wrap onto two lines at this width: the
        # row has room for all five (Qt's own measure gives four and cuts off "Not agreed yet").
        assert panel.list.visualRect(panel.model.index(2, 0)).height() >= 5 * line
        for button in (panel.agree_button, panel.read_button, panel.edit_button, panel.up_button,
                       panel.down_button, panel.remove_button, panel.agree_all_button,
                       panel.read_all_button, panel.add_button):
            assert button.width() >= button.sizeHint().width(), button.text()
        assert unnamed(panel) == []
    finally:
        apply_theme(qapp, load_theme("standard"), 100)
