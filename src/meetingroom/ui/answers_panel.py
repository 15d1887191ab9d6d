"""Follow-up lists: "you said, we did" for one meeting (every contribution waits for its
answer), and every action across all meetings with where it stands.

Return (or a double-click) opens the record's form to answer it or change it; the change is
undoable. Those still waiting, and actions still open, come first.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.feedback import action_words, is_overdue
from meetingroom.domain.outcomes import ActionStatus
from meetingroom.domain.people import Member
from meetingroom.store import meetings, members
from meetingroom.store.outcomes import actions, contributions
from meetingroom.ui.labels import label
from meetingroom.ui.outcome_commands import Outcome
from meetingroom.ui.outcome_dialogs import ActionDialog, ContributionDialog
from meetingroom.ui.record_panel import (
    KeysOnTable,
    RecordTable,
    agenda_choices,
    chosen_record,
    member_name,
    one_line,
    open_form,
    wrapped_columns,
)
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import explanation, records_table

_TABLES = frozenset({"contribution", "action", "member", "meeting", "agenda_item", "invitation"})


def _t(text: str) -> str:
    return QCoreApplication.translate("answers_panel", text)


class _OutcomeList(QWidget):
    """A list of records with a filter and an Answer/Change button; subclasses fill it."""

    def __init__(self, session: WorkspaceSession, intro: str, caption: str, name: str,
                 headers: list[str], filter_words: str, button_words: str,
                 text_columns: tuple[int, ...]) -> None:
        super().__init__()
        self.session = session
        self.dialog: QDialog | None = None
        self.people: dict[int, Member] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(intro))
        self.summary = explanation("")
        layout.addWidget(self.summary)
        self.only_open = QCheckBox(filter_words)
        self.only_open.toggled.connect(self.refresh)
        layout.addWidget(self.only_open)
        self.model = RecordTable(headers, self)
        self.table = wrapped_columns(records_table(name, self.model), text_columns)
        words = QLabel(caption)
        words.setBuddy(self.table)
        layout.addWidget(words)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.button = QPushButton(button_words)
        self.button.setToolTip(_t("In the list: Return"))
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        self.button.clicked.connect(self.open_chosen)
        KeysOnTable(self.table, lambda: None, self.open_chosen, lambda: None)
        session.changed.connect(self._on_changed)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & _TABLES:
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def dialog_for(self, record: Outcome) -> QDialog:
        raise NotImplementedError

    def open_chosen(self) -> None:
        record = chosen_record(self.table)
        if record is not None:
            self.dialog = open_form(self.session, record, self.dialog_for(record))

    def _items(self, meeting_id: int) -> list[tuple[int, str]]:
        return agenda_choices(self.session.workspace, meeting_id)


class AnswersPanel(_OutcomeList):
    """One meeting's contributions and their answers ("you said, we did")."""

    def __init__(self, session: WorkspaceSession, meeting_id: int | None = None) -> None:
        self.meeting_id = meeting_id
        super().__init__(
            session,
            _t("Every contribution waits for an answer: what we did, or why it is not possible. "
               "The answers go into each member's feedback letter."),
            _t("What members sa&id:"), _t("What members said"),
            [_t("Who"), _t("What they said"), _t("Answer"), _t("What we did, or why not")],
            _t("Show only those still waiting for an a&nswer"), _t("&Answer…"), (1, 3))
        self.button.setAccessibleName(_t("Answer the chosen contribution"))
        self.refresh()

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        ws = self.session.workspace
        self.people = {m.id: m for m in members.list_members(ws) if m.id is not None}
        said = contributions(ws, self.meeting_id) if self.meeting_id is not None else []
        waiting = sum(not c.answered for c in said)
        shown = sorted((c for c in said if not (self.only_open.isChecked() and c.answered)),
                       key=lambda c: (c.answered, c.id or 0))
        self.model.set_records(list(shown), [
            (member_name(self.people, c.member_id), one_line(c.summary), label(c.status), one_line(c.response))
            for c in shown])
        if self.meeting_id is None:
            self.summary.setText(_t("Choose a meeting."))
        elif not said:
            self.summary.setText(_t("Nothing members said has been noted for this meeting. Note it "
                                    "in Record of the meeting, or in the console while it runs."))
        else:
            self.summary.setText(_t("%1 of %2 contributions answered; %3 waiting.").replace(
                "%1", str(len(said) - waiting)).replace("%2", str(len(said))).replace("%3", str(waiting)))
        self.button.setEnabled(bool(shown))

    def dialog_for(self, record: Outcome) -> QDialog:
        people = [(i, m.display_name) for i, m in self.people.items() if not m.erased]
        dialog = ContributionDialog(record, self._items(record.meeting_id), people, self)  # type: ignore[arg-type]
        dialog.status.setFocus()  # answering: the answer first
        return dialog


class ActionsPanel(_OutcomeList):
    """Every action of every meeting: open ones first, overdue ones flagged in words."""

    def __init__(self, session: WorkspaceSession, today: date | None = None) -> None:
        self.today = today
        super().__init__(
            session,
            _t("Actions from every meeting. Open actions come first; an overdue one says so."),
            _t("Actions from ever&y meeting:"), _t("Actions from every meeting"),
            [_t("Meeting"), _t("Action"), _t("Who"), _t("Where it stands"), _t("Result")],
            _t("Show only open actio&ns"), _t("Chan&ge…"), (1, 4))
        self.button.setAccessibleName(_t("Change the chosen action"))
        self.only_open.setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        ws = self.session.workspace
        today = self.today or datetime.now().date()
        self.people = {m.id: m for m in members.list_members(ws) if m.id is not None}
        dates = {m.id: m.start for m in meetings.list_meetings(ws)}
        every = actions(ws)
        shown = sorted((a for a in every if not (self.only_open.isChecked() and a.status is not ActionStatus.OPEN)),
                       key=lambda a: (a.status is not ActionStatus.OPEN, a.due or date.max, a.id or 0))
        self.model.set_records(list(shown), [
            (f"{dates[a.meeting_id]:%d %b %Y}" if a.meeting_id in dates else "", one_line(a.text),
             member_name(self.people, a.owner_id), action_words(a, today), one_line(a.result)) for a in shown])
        still_open = [a for a in every if a.status is ActionStatus.OPEN]
        overdue = sum(is_overdue(a, today) for a in every)
        text = _t("%1 actions open, %2 of them overdue; %3 in all.").replace(
            "%1", str(len(still_open))).replace("%2", str(overdue)).replace("%3", str(len(every)))
        self.summary.setText(text if every else _t("No actions have been recorded yet."))
        self.button.setEnabled(bool(shown))

    def dialog_for(self, record: Outcome) -> QDialog:
        people = [(i, m.display_name) for i, m in self.people.items() if m.active and not m.erased]
        return ActionDialog(record, self._items(record.meeting_id), people, self)  # type: ignore[arg-type]
