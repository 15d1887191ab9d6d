"""Evaluation for one meeting: make the easy-read forms in each member's format, then enter
the forms that come back (with a name, or anonymous), each answer on the five-point picture
scale, and see the results.

Insert enters a form, Return changes one, Delete removes one; every change is undoable.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QPushButton,
    QRadioButton,
    QWidget,
)

from meetingroom.documents.evaluation_form import FACES
from meetingroom.domain.followup import (
    ANSWER_WORDS,
    EVALUATION_QUESTIONS,
    QUESTION_WORDS,
    Evaluation,
)
from meetingroom.domain.involvement import evaluation_results
from meetingroom.store import Workspace
from meetingroom.store.followup import evaluations
from meetingroom.ui.form_fields import (
    TextBox,
    buddy,
    choices,
    choose,
    fit_width,
    form,
    scrolled_page,
)
from meetingroom.ui.job_run import JobRun, ask_folder
from meetingroom.ui.meeting_list import Choices, MeetingList, MeetingRecord
from meetingroom.ui.picture_icons import picture_pixmap
from meetingroom.ui.record_panel import (
    member_name,
    one_line,
)
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import explanation

NO_ANSWER = 0
SCALE_COLUMNS = 2


def _t(text: str) -> str:
    return QCoreApplication.translate("evaluation_panel", text)


def answer_words(answer: int | None) -> str:
    """"4: Yes, mostly", or "No answer"."""
    return _t("No answer") if answer is None else f"{answer}: {ANSWER_WORDS[answer - 1]}"


class EvaluationDialog(QDialog):
    """One returned form: who (or nobody), an answer to each question, and the comment."""

    def __init__(self, evaluation: Evaluation, people: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._evaluation = evaluation
        title = _t("Enter an evaluation form") if evaluation.id is None else _t("Change an evaluation form")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = scrolled_page(self)
        rows = form()
        self.member = choices([(_t("Anonymous: no name on the form"), None), *((words, i) for i, words in people)])
        choose(self.member, evaluation.member_id)
        rows.addRow(buddy(_t("&Who filled it in:"), self.member, _t("Who filled it in")), self.member)
        layout.addLayout(rows)
        self.answers: dict[str, QButtonGroup] = {}
        icon_px = self.fontMetrics().height() * 2
        for question in EVALUATION_QUESTIONS:
            box = QGroupBox(QUESTION_WORDS[question])
            box.setAccessibleName(QUESTION_WORDS[question])
            grid = QGridLayout(box)  # two across, so the scale fits at 200% text on a small screen
            group = QButtonGroup(box)
            for value, words in ((NO_ANSWER, _t("No answer")),
                                 *((n, f"{n}: {ANSWER_WORDS[n - 1]}") for n in range(1, 6))):
                button = QRadioButton(words)
                button.setAccessibleName(f"{QUESTION_WORDS[question]}: {words}")
                if value:
                    button.setIcon(QIcon(picture_pixmap(FACES[value - 1], icon_px)))
                    button.setIconSize(QSize(icon_px, icon_px))
                group.addButton(button, value)
                grid.addWidget(button, value // SCALE_COLUMNS, value % SCALE_COLUMNS)
            grid.setColumnStretch(SCALE_COLUMNS, 1)
            chosen = group.button(evaluation.answers.get(question, NO_ANSWER))
            chosen.setChecked(True)
            group.idToggled.connect(lambda _id, _on: self._check())
            self.answers[question] = group
            layout.addWidget(box)
        self.comment = TextBox(3)
        self.comment.setPlainText(evaluation.comment)
        comment_rows = form()
        comment_rows.addRow(buddy(_t("&Anything else they told us:"), self.comment,
                                  _t("Anything else they told us")), self.comment)
        layout.addLayout(comment_rows)
        self.missing = explanation("")
        layout.addWidget(self.missing)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.comment.textChanged.connect(self._check)
        self._check()
        fit_width(self, 60)  # two answers of a row, with their faces, side by side

    def chosen_answers(self) -> dict[str, int]:
        return {question: group.checkedId() for question, group in self.answers.items()
                if group.checkedId() > NO_ANSWER}

    def _check(self) -> None:
        something = bool(self.chosen_answers()) or bool(self.comment.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(something)
        self.missing.setText("" if something else _t("Choose at least one answer, or write what they said."))
        self.missing.setVisible(not something)

    def record(self) -> Evaluation:
        member = self.member.currentData()
        return dataclasses.replace(self._evaluation, member_id=None if member is None else int(member),
                                   answers=self.chosen_answers(), comment=self.comment.toPlainText().strip())


class EvaluationPanel(MeetingList):
    TABLES = MeetingList.TABLES | {"evaluation"}
    NEEDS_PEOPLE = False  # an anonymous form names nobody

    def __init__(self, session: WorkspaceSession, meeting_id: int | None = None) -> None:
        headers = [_t("Who"), *(QUESTION_WORDS[q] for q in EVALUATION_QUESTIONS), _t("Anything else")]
        super().__init__(
            session, meeting_id,
            _t("Make an easy-read evaluation form for every member, in their own format, with spare "
               "blank ones. Enter each form that comes back: with a name, or anonymous. Insert "
               "enters a form, Return changes one, Delete removes one; Ctrl+Z undoes."),
            _t("Evaluation re&sults:"), _t("Evaluation forms entered"), headers,
            tuple(range(1, len(headers))), _t("Enter a form…"), _t("evaluation form"))
        self.run: JobRun | None = None
        self.make_button = QPushButton(_t("Make evaluation fo&rms…"))
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.make_button)
        self.make_button.clicked.connect(self.make)
        self.refresh()

    def fill(self, ws: Workspace, meeting_id: int | None) -> None:
        found = evaluations(ws, meeting_id) if meeting_id is not None else []
        self.model.set_records(list(found), [
            (self.who(e), *(answer_words(e.answers.get(q)) for q in EVALUATION_QUESTIONS), one_line(e.comment))
            for e in found])
        self.summary.setText(self.summary_words(found))

    def who(self, evaluation: Evaluation) -> str:
        return _t("Anonymous") if evaluation.member_id is None else member_name(self.people, evaluation.member_id)

    @staticmethod
    def summary_words(found: list[Evaluation]) -> str:
        """"4 forms back (1 anonymous). Average out of 5: I was listened to 4.5; …"."""
        if not found:
            return _t("No evaluation forms have been entered for this meeting yet.")
        results = evaluation_results(found)
        averages = "; ".join(f"{QUESTION_WORDS[q]} {r.average:.1f}" for q, r in results.questions.items()
                             if r.average is not None)
        return (_t("%1 forms back (%2 anonymous). Average out of 5: %3.")
                .replace("%1", str(results.returned)).replace("%2", str(results.anonymous))
                .replace("%3", averages or _t("no answers yet")))

    def enable_more(self, chosen: MeetingRecord | None) -> None:
        self.make_button.setEnabled(self.meeting_id is not None)

    def new_record(self, meeting_id: int) -> Evaluation:
        return Evaluation(meeting_id)

    def dialog_for(self, record: MeetingRecord, people: Choices) -> QDialog:
        assert isinstance(record, Evaluation)
        return EvaluationDialog(record, people, self)

    # -- making the forms ----------------------------------------------------------------------
    def make(self) -> None:
        folder = ask_folder(self, self.session.path, _t("Choose a folder for the evaluation forms"))
        if folder is not None:
            self.start_making(folder)

    def start_making(self, folder: Path) -> JobRun | None:
        from meetingroom.ui.letters_run import EvaluationFormsRun

        if self.meeting_id is None:
            return None
        self.run = EvaluationFormsRun(self, self.session, self.meeting_id, folder)
        return self.run
