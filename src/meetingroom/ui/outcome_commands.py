"""Undoable recording of what a meeting produced: decisions, actions and what members said,
and the answers to them; payments and evaluation forms; and marking feedback letters as sent. Commands change the store,
never widgets; views follow the change signal."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from meetingroom.domain.followup import Evaluation, Letter, Payment
from meetingroom.domain.outcomes import Action, Contribution, Decision
from meetingroom.store import Workspace
from meetingroom.store.followup import set_letters_sent
from meetingroom.store.outcomes import (
    Record,
    add_outcome,
    remove_outcome,
    restore_outcome,
    save_outcome,
)
from meetingroom.ui.commands import EditRecord

Outcome = Record  # a decision, action, contribution, payment or evaluation form


def _t(text: str) -> str:
    return QCoreApplication.translate("outcome_commands", text)


def what(record: Outcome) -> str:
    """"decision", "action", "contribution", "payment" or "evaluation form", for the undo text."""
    return {Decision: _t("decision"), Action: _t("action"), Contribution: _t("contribution"),
            Payment: _t("payment"), Evaluation: _t("evaluation form")}[type(record)]


class AddOutcome(QUndoCommand):
    """Record a new decision, action or contribution; undo removes it, redo puts it back
    with the same id."""

    def __init__(self, workspace: Workspace, record: Outcome) -> None:
        super().__init__(_t("Record %1").replace("%1", what(record)))
        self._workspace = workspace
        self.record = dataclasses.replace(record)

    def redo(self) -> None:
        if self.record.id is None:
            add_outcome(self._workspace, self.record)
        else:
            restore_outcome(self._workspace, self.record)

    def undo(self) -> None:
        remove_outcome(self._workspace, self.record)


class RemoveOutcome(QUndoCommand):
    def __init__(self, workspace: Workspace, record: Outcome) -> None:
        super().__init__(_t("Remove %1").replace("%1", what(record)))
        if record.id is None:
            raise ValueError("only a saved record can be removed")
        self._workspace = workspace
        self._record = dataclasses.replace(record)

    def redo(self) -> None:
        remove_outcome(self._workspace, self._record)

    def undo(self) -> None:
        restore_outcome(self._workspace, self._record)


class EditOutcome(EditRecord):
    """Change a decision, action or contribution (an answer given to a contribution too)."""

    MERGE_ID = -1
    WHAT = "record"

    def __init__(self, workspace: Workspace, before: Outcome, after: Outcome, text: str = "") -> None:
        super().__init__(workspace, before, after, text or _t("Change %1").replace("%1", what(before)))

    def _save(self, record: Any) -> None:
        save_outcome(self._workspace, record)


class MarkLettersSent(QUndoCommand):
    """Record that these letters went out, how and when; undo puts back what was recorded before."""

    def __init__(self, workspace: Workspace, letters: list[Letter], sent_at: datetime, channel: str) -> None:
        count = len(letters)
        super().__init__(_t("Mark letter sent") if count == 1 else
                         _t("Mark %1 letters sent").replace("%1", str(count)))
        self._workspace = workspace
        self._before = [(letter.id or 0, letter.sent_at, letter.channel) for letter in letters]
        self._after = [(letter.id or 0, sent_at, channel) for letter in letters]

    def redo(self) -> None:
        set_letters_sent(self._workspace, self._after)

    def undo(self) -> None:
        set_letters_sent(self._workspace, self._before)
