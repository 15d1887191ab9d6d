"""Evaluation as a facilitator runs it: make the forms, then enter what comes back (named or
anonymous) on the five-point scale, by keyboard, undoable; the results add up on screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meetingroom.store import Workspace
from meetingroom.store.followup import evaluations
from meetingroom.ui.evaluation_panel import EvaluationDialog, EvaluationPanel
from tests.ui.audit import unnamed
from tests.ui.test_console import key
from tests.ui.test_followup_view import _back_to, _modal, followup

pytestmark = pytest.mark.gui


def stored(path: Path, meeting_id: int):  # type: ignore[no-untyped-def]
    with Workspace.open(path, backup=False) as ws:
        return evaluations(ws, meeting_id)


def test_enter_an_anonymous_form_by_keyboard_then_undo(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = followup(window, qtbot)
    held = view.meeting_id
    assert held is not None
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Eval&uation
    panel = view.panel("evaluation")
    assert isinstance(panel, EvaluationPanel)
    assert unnamed(panel) == []
    assert panel.model.rowCount() == 4
    # By hand from the example: listened to 5,4,5,4 = 4.5; would come again 5,4,5,5 = 4.75.
    assert panel.summary.text().startswith("4 forms back (1 anonymous). Average out of 5: I was listened to 4.5;")
    assert "I would come again 4.8" in panel.summary.text()

    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Evaluation re&sults
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table)
    key(qtbot, "Ins")
    dialog = _modal(qtbot, EvaluationDialog)
    assert unnamed(dialog) == []
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # a blank form
    assert dialog.member.currentText().startswith("Anonymous")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    listened = dialog.answers["listened_to"]
    first = listened.button(0)
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    key(qtbot, "Right")  # arrow keys move over the scale, two answers to a row
    assert listened.checkedId() == 1
    key(qtbot, "Down")
    assert listened.checkedId() == 3
    dialog.answers["would_come_again"].button(5).setChecked(True)
    dialog.comment.setFocus()
    qtbot.keyClicks(dialog.comment, "The room was too hot.")
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.accept()
    entered = [e for e in stored(example_path, held) if e.comment == "The room was too hot."]
    assert len(entered) == 1
    assert entered[0].member_id is None and entered[0].answers == {"listened_to": 3, "would_come_again": 5}
    assert panel.summary.text().startswith("5 forms back (2 anonymous).")
    row = next(r for r in range(panel.model.rowCount()) if panel.model.text(r, 6) == "The room was too hot.")
    assert panel.model.text(row, 0) == "Anonymous" and panel.model.text(row, 1) == "3: Not sure"
    assert panel.model.text(row, 2) == "No answer"

    _back_to(window, qtbot)
    window.session.undo_stack.undo()
    assert len(stored(example_path, held)) == 4


def test_change_and_remove_a_named_form(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = followup(window, qtbot)
    panel = view.panel("evaluation")
    assert isinstance(panel, EvaluationPanel) and view.meeting_id is not None
    row = next(r for r in range(panel.model.rowCount()) if panel.model.text(r, 0) != "Anonymous")
    who = panel.model.text(row, 0)
    panel.table.setFocus()
    panel.table.selectRow(row)
    key(qtbot, "Return")
    dialog = _modal(qtbot, EvaluationDialog)
    assert dialog.member.currentText() == who
    dialog.answers["venue_access"].button(1).setChecked(True)
    dialog.accept()
    changed = next(e for e in stored(example_path, view.meeting_id) if e.id == panel.model.records[row].id)
    assert changed.answers["venue_access"] == 1
    assert window.session.undo_stack.undoText() == "Change evaluation form"
    panel.table.setFocus()
    panel.table.selectRow(row)
    key(qtbot, "Del")
    assert len(stored(example_path, view.meeting_id)) == 3
    window.session.undo_stack.undo()
    assert len(stored(example_path, view.meeting_id)) == 4


def test_make_the_forms_in_the_background(example_path: Path, open_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = followup(window, qtbot)
    panel = view.panel("evaluation")
    assert isinstance(panel, EvaluationPanel)
    run = panel.start_making(tmp_path / "forms")
    assert run is not None
    with qtbot.waitSignal(run.done, timeout=180_000) as done:
        pass
    assert done.args == [True]
    assert run.message is not None
    run.message.close()
    manifest = json.loads((tmp_path / "forms" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest) == 13
    assert (tmp_path / "forms" / "blank").is_dir()
