"""What payments and evaluation forms share: one meeting's records in a table, with Insert
to add, Return to change and Delete to remove (and buttons for the same), every change
undoable, a summary line above, and the meeting's people to choose from.

A subclass gives its words and columns, builds a new record (`new_record`), the form for one
(`dialog_for`) and the rows and summary for what is stored (`fill`); it may add buttons of
its own after the three shared ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from meetingroom.domain.followup import Evaluation, Payment
from meetingroom.domain.people import Member
from meetingroom.store import Workspace, meetings, members
from meetingroom.ui.outcome_commands import RemoveOutcome
from meetingroom.ui.record_panel import (
    KeysOnTable,
    RecordTable,
    chosen_record,
    member_name,
    open_form,
    wrapped_columns,
)
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import explanation, records_table

Choices = list[tuple[int, str]]
MeetingRecord = Payment | Evaluation


def _t(text: str) -> str:
    return QCoreApplication.translate("meeting_list", text)


def meeting_people(ws: Workspace, meeting_id: int, people: dict[int, Member]) -> Choices:
    """(id, name) of everyone invited to the meeting or recorded at it, not erased, by name."""
    wanted = set(meetings.invited_member_ids(ws, meeting_id)) | {a.member_id for a in meetings.attendance(ws, meeting_id)}
    return sorted(((i, m.display_name) for i, m in people.items() if i in wanted and not m.erased),
                  key=lambda choice: choice[1].casefold())


class MeetingList(QWidget):
    TABLES: frozenset[str] = frozenset({"member", "invitation", "attendance", "meeting"})
    NEEDS_PEOPLE = True  # a record must name one of the meeting's people (not an anonymous form)

    def __init__(self, session: WorkspaceSession, meeting_id: int | None, intro: str, caption: str,
                 name: str, headers: Sequence[str], text_columns: tuple[int, ...], add_words: str,
                 what: str) -> None:
        super().__init__()
        self.session = session
        self.meeting_id = meeting_id
        self.dialog: QDialog | None = None
        self.people: dict[int, Member] = {}
        self.choices: Choices = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(explanation(intro))
        self.summary = explanation("")
        self.layout_.addWidget(self.summary)
        self.model = RecordTable(list(headers), self)
        self.table = wrapped_columns(records_table(name, self.model), text_columns)
        words = QLabel(caption)
        words.setBuddy(self.table)
        self.layout_.addWidget(words)
        self.layout_.addWidget(self.table, 1)
        self.buttons = QHBoxLayout()
        self.add_button = QPushButton(add_words)
        self.change_button = QPushButton(_t("Change…"))
        self.remove_button = QPushButton(_t("Remove"))
        for button, key in ((self.add_button, _t("Insert")), (self.change_button, _t("Return")),
                            (self.remove_button, _t("Delete"))):
            button.setToolTip(_t("In the list: %1").replace("%1", key))
            self.buttons.addWidget(button)
        self.change_button.setAccessibleName(_t("Change the chosen %1").replace("%1", what))
        self.remove_button.setAccessibleName(_t("Remove the chosen %1").replace("%1", what))
        self.layout_.addLayout(self.buttons)
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change)
        self.remove_button.clicked.connect(self.remove)
        KeysOnTable(self.table, self.add, self.change, self.remove)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        session.changed.connect(self._on_changed)

    # -- for subclasses -------------------------------------------------------------------------
    def new_record(self, meeting_id: int) -> MeetingRecord:
        raise NotImplementedError

    def dialog_for(self, record: MeetingRecord, people: Choices) -> QDialog:
        raise NotImplementedError

    def fill(self, ws: Workspace, meeting_id: int | None) -> None:
        """Fill the table and the summary for the meeting (None: nothing chosen)."""
        raise NotImplementedError

    def enable_more(self, chosen: MeetingRecord | None) -> None:
        """Enable the subclass's own buttons for the chosen record."""

    # -- shared ----------------------------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & self.TABLES:
            self.refresh()

    def refresh(self) -> None:
        ws, mid = self.session.workspace, self.meeting_id
        self.people = {m.id: m for m in members.list_members(ws) if m.id is not None}
        self.choices = meeting_people(ws, mid, self.people) if mid is not None else []
        self.fill(ws, mid)
        if mid is None:
            self.summary.setText(_t("Choose a meeting."))
        self._enable()

    def _enable(self) -> None:
        chosen = chosen_record(self.table)
        self.add_button.setEnabled(self.meeting_id is not None and (bool(self.choices) or not self.NEEDS_PEOPLE))
        self.change_button.setEnabled(chosen is not None)
        self.remove_button.setEnabled(chosen is not None)
        self.enable_more(chosen)  # type: ignore[arg-type]

    def add(self) -> None:
        if self.meeting_id is not None and (self.choices or not self.NEEDS_PEOPLE):
            self._open(self.new_record(self.meeting_id))

    def change(self) -> None:
        chosen = chosen_record(self.table)
        if isinstance(chosen, Payment | Evaluation):
            self._open(chosen)

    def _open(self, record: MeetingRecord) -> None:
        people = list(self.choices)
        if record.member_id is not None and record.member_id not in dict(people):
            people.append((record.member_id, member_name(self.people, record.member_id)))  # no longer invited
        self.dialog = open_form(self.session, record, self.dialog_for(record, people))

    def remove(self) -> None:
        chosen = chosen_record(self.table)
        if chosen is not None:
            self.session.undo_stack.push(RemoveOutcome(self.session.workspace, chosen))
