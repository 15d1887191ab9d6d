"""Recording decisions, actions and what members said, in the console (F4 takes the current
speaker) and afterwards; every change undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from meetingroom.domain.outcomes import ActionStatus, ContributionStatus, HowDecided
from meetingroom.store import Workspace
from meetingroom.store.outcomes import actions, contributions, decisions
from meetingroom.ui.outcome_dialogs import ActionDialog, ContributionDialog, DecisionDialog
from meetingroom.ui.record_panel import RecordPanel
from tests.ui.audit import tab_cycle, unnamed
from tests.ui.test_console import checked_in, console, key

pytestmark = pytest.mark.gui


def _dialog(qtbot, kind: type) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind)
    return dialog


def test_f4_notes_what_the_current_speaker_said_and_undo_takes_it_back(
        example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    meeting_id, people = checked_in(example_path, 3)
    window = open_window(example_path)
    view = console(window, qtbot)
    view.choose_meeting(meeting_id)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    run = view.run
    assert run is not None
    key(qtbot, "F9")  # first item
    key(qtbot, "F8")
    who = view.run_panel().queue.who
    who.setCurrentIndex(who.findText(run.name(people[1])))
    qtbot.keyClick(who, Qt.Key.Key_Return)
    key(qtbot, "F5")
    assert run.running is not None and run.running.member_id == people[1]

    key(qtbot, "F4")
    dialog = _dialog(qtbot, ContributionDialog)
    assert dialog.member.currentData() == people[1]
    assert dialog.item.currentData() == run.state.current_item_id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.summary)  # straight to typing
    assert not dialog.ok_button().isEnabled() and dialog.missing.isVisible()
    qtbot.keyClicks(dialog.summary, "Can the buses stop nearer the door?")
    assert dialog.ok_button().isEnabled()
    qtbot.keyClick(dialog.ok_button(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    with Workspace.open(example_path, backup=False) as ws:
        said = contributions(ws, meeting_id)
    assert [(c.member_id, c.summary, c.agenda_item_id, c.status) for c in said] == [
        (people[1], "Can the buses stop nearer the door?", run.state.current_item_id,
         ContributionStatus.WAITING)]
    panel = view.record_panel()
    assert isinstance(panel, RecordPanel)
    assert panel.said.text(0, 2) == "Can the buses stop nearer the door?"
    assert panel.said.text(0, 3) == "Waiting for an answer"

    window.activateWindow()  # as the window manager does when a dialog closes (offscreen does not)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # What members &said
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.tables["contribution"])
    key(qtbot, "Ctrl+Z")
    with Workspace.open(example_path, backup=False) as ws:
        assert contributions(ws, meeting_id) == []
    assert panel.said.rowCount() == 0
    key(qtbot, "Ctrl+Y")
    with Workspace.open(example_path, backup=False) as ws:
        assert [c.id for c in contributions(ws, meeting_id)] == [said[0].id]  # the same record back


def test_a_vote_and_an_action_by_keys_then_changed_and_removed(
        example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    meeting_id, people = checked_in(example_path, 3)
    window = open_window(example_path)
    view = console(window, qtbot)
    view.choose_meeting(meeting_id)
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Re&cord decisions
    panel = view.record_panel()
    assert isinstance(panel, RecordPanel)
    assert unnamed(panel) == []
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # &Decisions
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.tables["decision"])
    key(qtbot, "Insert")
    dialog = _dialog(qtbot, DecisionDialog)
    assert unnamed(dialog) == []
    qtbot.keyClicks(dialog.text, "The day centre stays open on Saturdays.")
    dialog.how.setCurrentIndex(dialog.how.findData(HowDecided.VOTE))
    assert all(box.isEnabled() for box in dialog.votes)
    for box, count in zip(dialog.votes, (9, 2, 1), strict=True):
        box.setValue(count)
    qtbot.keyClicks(dialog.must_also_agree, "The council cabinet")
    dialog.accept()
    with Workspace.open(example_path, backup=False) as ws:
        [decision] = decisions(ws, meeting_id)
    assert (decision.text, decision.how, decision.votes_for, decision.votes_against,
            decision.votes_abstaining, decision.must_also_agree) == (
        "The day centre stays open on Saturdays.", HowDecided.VOTE, 9, 2, 1, "The council cabinet")
    assert panel.decisions.text(0, 2) == "Vote: 9 for, 2 against, 1 did not vote"

    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Actions
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.tables["action"])
    key(qtbot, "Insert")
    dialog = _dialog(qtbot, ActionDialog)
    qtbot.keyClicks(dialog.text, "Write to the bus company")
    dialog.owner.setCurrentIndex(dialog.owner.findData(people[0]))
    dialog.has_due.setChecked(True)
    dialog.accept()
    with Workspace.open(example_path, backup=False) as ws:
        [action] = actions(ws, meeting_id)
    assert (action.text, action.owner_id, action.status) == ("Write to the bus company", people[0], ActionStatus.OPEN)
    assert action.due is not None

    table = panel.tables["action"]
    table.setCurrentIndex(panel.actions.index(0, 1))
    key(qtbot, "Return")
    dialog = _dialog(qtbot, ActionDialog)
    dialog.status.setCurrentIndex(dialog.status.findData(ActionStatus.DONE))
    dialog.result.setPlainText("They wrote back: yes.")
    dialog.accept()
    with Workspace.open(example_path, backup=False) as ws:
        [action] = actions(ws, meeting_id)
    assert (action.status, action.result) == (ActionStatus.DONE, "They wrote back: yes.")
    assert panel.actions.text(0, 3) == "Done"
    key(qtbot, "Delete")
    with Workspace.open(example_path, backup=False) as ws:
        assert actions(ws, meeting_id) == []
    key(qtbot, "Ctrl+Z")
    with Workspace.open(example_path, backup=False) as ws:
        assert [a.result for a in actions(ws, meeting_id)] == ["They wrote back: yes."]

    cycle, closed = tab_cycle(panel.tables["decision"], qtbot)
    assert closed and panel.tables["contribution"] in cycle
