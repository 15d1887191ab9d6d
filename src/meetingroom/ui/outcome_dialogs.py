"""The forms for a decision, an action and what a member said (with its answer).

Each dialog is given the record to edit (a new one has no id) and the meeting's agenda items
and people as (id, words) pairs; `record()` gives back the edited copy. OK stays off until
the needed words are written, and a line under the form says what is missing.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.outcomes import (
    Action,
    ActionStatus,
    Contribution,
    ContributionStatus,
    Decision,
    HowDecided,
)
from meetingroom.ui.form_fields import TextBox, buddy, choices, choose, fit_width, form, number_box
from meetingroom.ui.labels import label
from meetingroom.ui.views.base import explanation

Choices = list[tuple[int, str]]


def _t(text: str) -> str:
    return QCoreApplication.translate("outcome_dialogs", text)


class _OutcomeDialog(QDialog):
    """The shared frame: title, the agenda item the record belongs to, the form, OK/Cancel."""

    def __init__(self, title: str, items: Choices, item_id: int | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.layout_ = QVBoxLayout(self)
        self.form = form()
        self.item = choices([(_t("Not about one item"), None), *((words, i) for i, words in items)])
        choose(self.item, item_id)
        self.form.addRow(buddy(_t("Agenda &item:"), self.item, _t("Agenda item")), self.item)
        self.layout_.addLayout(self.form)
        self.missing = explanation("")
        self.layout_.addWidget(self.missing)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self, needed: TextBox, missing: str) -> None:
        """Add the buttons; OK only once `needed` has words."""
        self.layout_.addWidget(self.buttons)
        ok = self.ok_button()

        def check() -> None:
            has_words = bool(needed.toPlainText().strip())
            ok.setEnabled(has_words)
            self.missing.setText("" if has_words else missing)
            self.missing.setVisible(not has_words)

        needed.textChanged.connect(check)
        check()
        fit_width(self, 70)

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def item_id(self) -> int | None:
        value = self.item.currentData()
        return int(value) if value is not None else None


class DecisionDialog(_OutcomeDialog):
    def __init__(self, decision: Decision, items: Choices, parent: QWidget | None = None) -> None:
        super().__init__(_t("Record a decision") if decision.id is None else _t("Change a decision"),
                         items, decision.agenda_item_id, parent)
        self._decision = decision
        self.text = TextBox(2)
        self.text.setPlainText(decision.text)
        self.plain = TextBox(2)
        self.plain.setPlainText(decision.plain_text)
        self.how = choices([(label(how), how) for how in HowDecided])
        choose(self.how, decision.how)
        self.votes = [number_box(0, 9999, "") for _ in range(3)]
        for box, value in zip(self.votes, (decision.votes_for, decision.votes_against,
                                           decision.votes_abstaining), strict=True):
            box.setValue(value or 0)
        self.must_also_agree = QLineEdit(decision.must_also_agree)
        self.cannot_change = QLineEdit(decision.cannot_change)
        rows = [(_t("&What was decided (needed):"), self.text, _t("What was decided")),
                (_t("In &plain words (for easy read and letters):"), self.plain, _t("In plain words")),
                (_t("&How it was decided:"), self.how, _t("How it was decided"))]
        for words, field, name in rows:
            self.form.addRow(buddy(words, field, name), field)
        counts = QHBoxLayout()  # the three counts side by side: they are read together
        for words, box, name in ((_t("Votes &for:"), self.votes[0], _t("Votes for")),
                                 (_t("a&gainst:"), self.votes[1], _t("Votes against")),
                                 (_t("&did not vote:"), self.votes[2], _t("Did not vote"))):
            caption = buddy(words, box, name)
            caption.setWordWrap(False)
            counts.addWidget(caption)
            counts.addWidget(box, 1)
        self.form.addRow(counts)
        for words, field, name in (
                (_t("Who else must &agree:"), self.must_also_agree, _t("Who else must agree")),
                (_t("What &cannot change:"), self.cannot_change, _t("What cannot change"))):
            self.form.addRow(buddy(words, field, name), field)
        self.how.currentIndexChanged.connect(self._votes_shown)
        self._votes_shown()
        self.finish(self.text, _t("Write what was decided to record it."))

    def _votes_shown(self) -> None:
        vote = self.how.currentData() == HowDecided.VOTE
        for box in self.votes:
            box.setEnabled(vote)

    def record(self) -> Decision:
        how = HowDecided(self.how.currentData())
        counts = [box.value() if how is HowDecided.VOTE else None for box in self.votes]
        return dataclasses.replace(
            self._decision, agenda_item_id=self.item_id(), text=self.text.toPlainText().strip(),
            plain_text=self.plain.toPlainText().strip(), how=how, votes_for=counts[0],
            votes_against=counts[1], votes_abstaining=counts[2],
            must_also_agree=self.must_also_agree.text().strip(),
            cannot_change=self.cannot_change.text().strip())


class ActionDialog(_OutcomeDialog):
    def __init__(self, action: Action, items: Choices, people: Choices, parent: QWidget | None = None,
                 *, today: date | None = None) -> None:
        super().__init__(_t("Record an action") if action.id is None else _t("Change an action"),
                         items, action.agenda_item_id, parent)
        self._action = action
        self.text = TextBox(2)
        self.text.setPlainText(action.text)
        self.owner = choices([(_t("Nobody named yet"), None), *((words, i) for i, words in people)])
        choose(self.owner, action.owner_id)
        self.has_due = QCheckBox(_t("It has a d&ue date"))
        self.has_due.setChecked(action.due is not None)
        self.due = QDateEdit(QDate(action.due or (today or date.today())))
        self.due.setDisplayFormat("d MMMM yyyy")
        self.due.setCalendarPopup(True)
        self.status = choices([(label(status), status) for status in ActionStatus])
        choose(self.status, action.status)
        self.result = TextBox(2)
        self.result.setPlainText(action.result)
        for words, field, name in (
                (_t("&What will be done (needed):"), self.text, _t("What will be done")),
                (_t("Wh&o will do it:"), self.owner, _t("Who will do it")),
                (None, self.has_due, ""),
                (_t("Due &by:"), self.due, _t("Due by")),
                (_t("&Status:"), self.status, _t("Status")),
                (_t("&Result (what happened):"), self.result, _t("Result"))):
            if words is None:
                self.form.addRow(field)
            else:
                self.form.addRow(buddy(words, field, name), field)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.due.setEnabled(self.has_due.isChecked())
        self.finish(self.text, _t("Write what will be done to record it."))

    def record(self) -> Action:
        owner = self.owner.currentData()
        due = self.due.date().toPython() if self.has_due.isChecked() else None
        assert due is None or isinstance(due, date)
        return dataclasses.replace(
            self._action, agenda_item_id=self.item_id(), text=self.text.toPlainText().strip(),
            owner_id=int(owner) if owner is not None else None, due=due,
            status=ActionStatus(self.status.currentData()), result=self.result.toPlainText().strip())


class ContributionDialog(_OutcomeDialog):
    """What a member said or asked for ("you said") and, when there is one, its answer."""

    def __init__(self, contribution: Contribution, items: Choices, people: Choices,
                 parent: QWidget | None = None) -> None:
        super().__init__(_t("Note what a member said") if contribution.id is None
                         else _t("Change what a member said"), items, contribution.agenda_item_id, parent)
        self._contribution = contribution
        self.member = choices([(words, i) for i, words in people])
        choose(self.member, contribution.member_id)
        self.summary = TextBox(2)
        self.summary.setPlainText(contribution.summary)
        self.status = choices([(label(status), status) for status in ContributionStatus])
        choose(self.status, contribution.status)
        self.response = TextBox(2)
        self.response.setPlainText(contribution.response)
        for words, field, name in (
                (_t("&Who said it:"), self.member, _t("Who said it")),
                (_t("What they &said or asked for (needed):"), self.summary, _t("What they said or asked for")),
                (_t("A&nswer:"), self.status, _t("Answer")),
                (_t("What we &did, or why it is not possible:"), self.response,
                 _t("What we did, or why it is not possible"))):
            self.form.addRow(buddy(words, field, name), field)
        self.finish(self.summary, _t("Write what they said or asked for to note it."))
        if contribution.id is None:
            self.summary.setFocus()  # who and which item are already chosen: type what was said

    def record(self, now: datetime | None = None) -> Contribution:
        status = ContributionStatus(self.status.currentData())
        before = self._contribution
        answered_at = before.answered_at
        if status is ContributionStatus.WAITING:
            answered_at = None
        elif before.status is ContributionStatus.WAITING or before.response != self.response.toPlainText().strip():
            answered_at = (now or datetime.now()).replace(microsecond=0)
        return dataclasses.replace(
            before, member_id=int(self.member.currentData()), agenda_item_id=self.item_id(),
            summary=self.summary.toPlainText().strip(), status=status,
            response=self.response.toPlainText().strip(), answered_at=answered_at)


