"""The Follow-up view as a facilitator uses it after a meeting: answer what members said,
read each member's letter, mark it sent, keep actions moving; all by keyboard, all undoable."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from meetingroom.domain.followup import LetterKind
from meetingroom.domain.outcomes import ActionStatus, ContributionStatus
from meetingroom.domain.papers import Channel
from meetingroom.store import Workspace
from meetingroom.store.followup import letters
from meetingroom.store.outcomes import actions, contributions
from meetingroom.ui.answers_panel import ActionsPanel, AnswersPanel
from meetingroom.ui.distribution_panel import SentDialog
from meetingroom.ui.letters_panel import LettersPanel
from meetingroom.ui.main_window import MainWindow
from meetingroom.ui.outcome_dialogs import ActionDialog, ContributionDialog
from meetingroom.ui.views.followup import FollowUpView, latest_held
from tests.ui.audit import unnamed
from tests.ui.test_console import key

pytestmark = pytest.mark.gui


def followup(window: MainWindow, qtbot) -> FollowUpView:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    view = window.workspace_page.current_view()
    assert isinstance(view, FollowUpView)
    return view


def _modal(qtbot, kind: type) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind)
    return dialog


def _back_to(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()  # as the window manager does when a dialog closes (offscreen does not)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _row(model, column: int, text: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(model.rowCount()) if text in model.text(r, column))


def test_answer_a_contribution_read_the_letter_and_mark_it_sent(
        example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = followup(window, qtbot)
    held = view.meeting_id
    assert held is not None and view.meeting_box.currentText().endswith(
        "Network meeting: the crisis line, the Recovery College and where we meet")
    # Four weeks on, with a 14-day deadline: late, and it says what is outstanding.
    assert "Contributions: 4 of 6 answered." in view.progress_line.text()
    assert view.warning.isVisible() and "2 contributions are still waiting" in view.warning.text()

    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # You said, &we did
    answers = view.panel("answers")
    assert isinstance(answers, AnswersPanel)
    assert answers.model.text(0, 2) == "Waiting for an answer"  # those waiting come first
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # What members sa&id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is answers.table)
    answers.table.setCurrentIndex(answers.model.index(_row(answers.model, 1, "Deaf people"), 0))
    key(qtbot, "Return")
    dialog = _modal(qtbot, ContributionDialog)
    assert unnamed(dialog) == []
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.status)  # the answer first
    dialog.status.setCurrentIndex(dialog.status.findData(ContributionStatus.ACTED_ON))
    dialog.response.setFocus()
    qtbot.keyClicks(dialog.response, "The crisis line now takes BSL video relay calls.")
    dialog.accept()
    with Workspace.open(example_path, backup=False) as ws:
        grace = next(c for c in contributions(ws, held) if "Deaf people" in c.summary)
    assert grace.status is ContributionStatus.ACTED_ON and grace.answered_at is not None
    assert grace.response == "The crisis line now takes BSL video relay calls."
    assert "Contributions: 5 of 6 answered." in view.progress_line.text()

    _back_to(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # &Letters and minutes
    panel = view.panel("letters")
    assert isinstance(panel, LettersPanel)
    assert unnamed(panel) == []
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Letters to mem&bers
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table)
    row = _row(panel.model, 0, "Grace")
    panel.table.selectRow(row)
    letter = panel.letter.toPlainText()
    assert "Deaf people cannot use the crisis line" in letter
    assert "The crisis line now takes BSL video relay calls." in letter  # the answer just given
    assert "waited 40 minutes" not in letter  # nobody else's contribution
    assert "Grace" in panel.letter_caption.text()

    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Mark &sent…
    sent = _modal(qtbot, SentDialog)
    assert unnamed(sent) == []
    sent.channel.setCurrentIndex(sent.channel.findData(Channel.POST))
    sent.accept()
    with Workspace.open(example_path, backup=False) as ws:
        mine = [x for x in letters(ws, held, LetterKind.FEEDBACK) if x.member_id == grace.member_id]
    assert len(mine) == 1 and mine[0].channel == "post" and mine[0].sent_at is not None
    assert "post" in panel.model.text(row, 3)
    window.session.undo_stack.undo()
    with Workspace.open(example_path, backup=False) as ws:
        mine = [x for x in letters(ws, held, LetterKind.FEEDBACK) if x.member_id == grace.member_id]
    assert mine[0].channel == "email"  # what the example had recorded before


def test_actions_across_meetings_open_first_and_changed_by_keys(
        example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = followup(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Ac&tions
    panel = view.panel("actions")
    assert isinstance(panel, ActionsPanel)
    assert panel.model.rowCount() == 2  # the two open ones; done ones are hidden at first
    assert all(panel.model.text(r, 3).startswith(("Open", "Overdue")) for r in range(2))
    panel.only_open.setChecked(False)
    assert panel.model.rowCount() == 4
    panel.only_open.setChecked(True)
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # Actions from ever&y meeting
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table)
    panel.table.setCurrentIndex(panel.model.index(_row(panel.model, 1, "Book Riverside"), 1))
    key(qtbot, "Return")
    dialog = _modal(qtbot, ActionDialog)
    dialog.status.setCurrentIndex(dialog.status.findData(ActionStatus.DONE))
    dialog.result.setPlainText("Booked until next November.")
    dialog.accept()
    with Workspace.open(example_path, backup=False) as ws:
        booked = next(a for a in actions(ws) if a.text.startswith("Book Riverside"))
    assert (booked.status, booked.result) == (ActionStatus.DONE, "Booked until next November.")
    assert panel.model.rowCount() == 1


def test_overview_lists_every_meeting_held() -> None:
    from meetingroom.domain.meeting import Meeting

    old = Meeting("Old", datetime(2026, 9, 1, 10), id=1)
    last = Meeting("Last", datetime(2026, 10, 27, 10), id=2)
    coming = Meeting("Coming", datetime(2026, 12, 15, 10), id=3)
    assert latest_held([old, last, coming], datetime(2026, 11, 24)) is last
    assert latest_held([coming], datetime(2026, 11, 24)) is coming
    assert latest_held([], datetime(2026, 11, 24)) is None


def test_make_letters_in_the_background_records_them_as_made(
        example_path: Path, open_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    window = open_window(example_path)
    view = followup(window, qtbot)
    panel = view.panel("letters")
    assert isinstance(panel, LettersPanel)
    run = panel.start_letters(tmp_path / "letters")
    with qtbot.waitSignal(run.done, timeout=120_000) as done:
        pass
    assert done.args == [True]
    assert run.message is not None
    run.message.close()
    manifest = json.loads((tmp_path / "letters" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest) == 13
    with Workspace.open(example_path, backup=False) as ws:
        made = letters(ws, view.meeting_id, LetterKind.FEEDBACK)
    assert len({x.member_id for x in made}) == 13  # every invited member's letter, once each
    assert panel.summary.text().startswith("13 of 13 letters made")
    assert "Letters: 13 made" in view.progress_line.text()


def test_a_record_of_participation_in_the_members_format(
        example_path: Path, open_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = followup(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Record of &participation
    from meetingroom.ui.participation_panel import ParticipationPanel

    panel = view.panel("participation")
    assert isinstance(panel, ParticipationPanel)
    assert unnamed(panel) == []
    panel.member.setCurrentIndex(panel.member.findText("Eileen Foster"))
    assert panel.format.text() == "It will be made in: Large print, 24 pt."
    run = panel.start_making(tmp_path / "record")
    assert run is not None
    with qtbot.waitSignal(run.done, timeout=60_000) as done:
        pass
    assert done.args == [True]
    assert run.message is not None
    run.message.close()
    written = sorted(p for p in (tmp_path / "record").rglob("*") if p.is_file())
    assert {p.suffix for p in written} == {".pdf", ".docx"}
    import pdfplumber

    with pdfplumber.open(next(p for p in written if p.suffix == ".pdf")) as pdf:
        assert min(c["size"] for page in pdf.pages for c in page.chars) >= 24 - 0.01  # LP2 at her size
        text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Eileen" in text


def test_minutes_made_in_the_background_in_every_format(
        example_path: Path, open_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from meetingroom.ui.letters_run import MinutesRun

    window = open_window(example_path)
    view = followup(window, qtbot)
    assert view.meeting_id is not None
    run = MinutesRun(view, window.session, view.meeting_id, tmp_path / "minutes")
    with qtbot.waitSignal(run.done, timeout=60_000) as done:
        pass
    assert done.args == [True]
    assert run.message is not None and "minutes" in run.message.text()
    run.message.close()
    names = {p.name for p in (tmp_path / "minutes").iterdir()}
    assert {"minutes-standard.pdf", "minutes-standard.docx", "minutes-easy-read.pdf",
            "minutes-large-print-24pt.pdf"} <= names
