"""Recording what a meeting produced, during it or afterwards: its decisions, the actions
agreed, and what members said or asked for ("you said"), with their answers.

Three lists, each with Insert to add, Return to change and Delete to remove (and buttons
for the same); every change is undoable. In the console, F4 notes what the current speaker
said: the form opens with the speaker and the current item already chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from meetingroom.domain.feedback import action_words
from meetingroom.domain.outcomes import Action, Contribution, Decision, HowDecided
from meetingroom.domain.people import Member
from meetingroom.store import Workspace, meetings, members
from meetingroom.store.outcomes import actions, contributions, decisions
from meetingroom.ui.fairness_model import TextTable
from meetingroom.ui.form_fields import scrolled_page
from meetingroom.ui.labels import label
from meetingroom.ui.outcome_commands import AddOutcome, EditOutcome, Outcome, RemoveOutcome
from meetingroom.ui.outcome_dialogs import ActionDialog, ContributionDialog, DecisionDialog
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import explanation, records_table

_TABLES = frozenset({"decision", "action", "contribution", "agenda_item", "member", "invitation",
                     "attendance"})
Current = Callable[[], tuple[int | None, int | None]]  # (speaker, item) now, in the console


def _t(text: str) -> str:
    return QCoreApplication.translate("record_panel", text)


class RecordTable(TextTable):
    """Rows of text, one per record; `records` are the records behind them."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(headers, parent)
        self.records: list[Outcome] = []

    def set_records(self, records: list[Outcome], rows: list[tuple[str, ...]]) -> None:
        self.records = records
        self.set_rows(rows)


def wrapped_columns(table: QTableView, text_columns: tuple[int, ...]) -> QTableView:
    """Short columns fit their words; the text columns share the rest and wrap, each row as
    tall as its text (a meeting's records are tens of rows, so measuring them is cheap)."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(table.model().columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in text_columns
                                    else QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def one_line(text: str, limit: int = 240) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


def how_words(decision: Decision) -> str:
    if decision.how is HowDecided.VOTE:
        return _t("Vote: %1 for, %2 against, %3 did not vote").replace(
            "%1", str(decision.votes_for or 0)).replace("%2", str(decision.votes_against or 0)).replace(
            "%3", str(decision.votes_abstaining or 0))
    return label(decision.how)


def member_name(people: dict[int, Member], member_id: int | None) -> str:
    """The name a record shows for a member: "Nobody named", or "A former member" once erased."""
    member = people.get(member_id) if member_id is not None else None
    if member is None:
        return _t("Nobody named") if member_id is None else _t("A former member")
    return _t("A former member") if member.erased else member.display_name


def agenda_choices(ws: Workspace, meeting_id: int) -> list[tuple[int, str]]:
    """(id, title) of the meeting's agenda items in order, breaks left out."""
    try:
        items = sorted(meetings.agenda_items(ws, meeting_id), key=lambda i: (i.position, i.id or 0))
    except KeyError:
        return []
    return [(i.id, i.title) for i in items if i.id is not None and not i.is_break]


def chosen_record(table: QTableView) -> Outcome | None:
    """The record on the table's current row (its model is a RecordTable)."""
    model = table.model()
    assert isinstance(model, RecordTable)
    row = table.currentIndex().row()
    return model.records[row] if 0 <= row < len(model.records) else None


def open_form(session: WorkspaceSession, before: Outcome, dialog: QDialog) -> QDialog:
    """Open a record's form; OK records a new one, or the changes to a saved one, undoably."""
    def save() -> None:
        after = dialog.record()  # type: ignore[attr-defined]
        if before.id is None:
            session.undo_stack.push(AddOutcome(session.workspace, after))
        elif after != before:
            session.undo_stack.push(EditOutcome(session.workspace, before, after))

    dialog.accepted.connect(save)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


class KeysOnTable(QObject):
    """Insert adds, Return changes and Delete removes on a record table."""

    def __init__(self, table: QTableView, add: Callable[[], None], change: Callable[[], None],
                 remove: Callable[[], None]) -> None:
        super().__init__(table)
        self._keys = {Qt.Key.Key_Insert: add, Qt.Key.Key_Return: change, Qt.Key.Key_Enter: change,
                      Qt.Key.Key_Delete: remove}
        table.installEventFilter(self)
        table.doubleClicked.connect(lambda _index: change())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            action = self._keys.get(Qt.Key(event.key()))
            if action is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                action()
                return True
        return super().eventFilter(watched, event)


class RecordPanel(QWidget):
    """Decisions, actions and what members said for one meeting (None: nothing chosen)."""

    def __init__(self, session: WorkspaceSession, meeting_id: int | None = None,
                 current: Current | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        self.current = current
        self.dialog: QDialog | None = None
        self.items: list[tuple[int, str]] = []
        self.people: list[tuple[int, str]] = []  # invited or came, for "who said it"
        self.everyone: list[tuple[int, str]] = []  # every active member, for "who will do it"
        self._names: dict[int, Member] = {}
        layout = scrolled_page(self)
        layout.addWidget(explanation(_t(
            "Record what the meeting decided, the actions agreed and what members said or asked "
            "for. In each list, Insert adds, Return changes and Delete removes; Ctrl+Z undoes.")))
        self.decisions = RecordTable([_t("Item"), _t("Decision"), _t("How it was decided")], self)
        self.actions = RecordTable([_t("Item"), _t("Action"), _t("Who"), _t("Where it stands")], self)
        self.said = RecordTable([_t("Who"), _t("Item"), _t("What they said"), _t("Answer")], self)
        self.tables: dict[str, QTableView] = {}
        self.buttons: dict[str, list[QPushButton]] = {}
        for key, words, name, model, add_words, text_columns in (
                ("decision", _t("&Decisions:"), _t("Decisions"), self.decisions, _t("Record a decision…"), (0, 1)),
                ("action", _t("&Actions:"), _t("Actions"), self.actions, _t("Record an action…"), (0, 1)),
                ("contribution", _t("What members &said:"), _t("What members said"), self.said,
                 _t("Note what a member said…"), (1, 2))):
            table = wrapped_columns(records_table(name, model), text_columns)
            table.setMinimumHeight(table.fontMetrics().height() * 6)
            caption = QLabel(words)
            caption.setBuddy(table)
            layout.addWidget(caption)
            layout.addWidget(table)
            row = QHBoxLayout()
            add, change, remove = (QPushButton(add_words), QPushButton(_t("Change…")), QPushButton(_t("Remove")))
            for button, text in ((add, _t("Insert")), (change, _t("Return")), (remove, _t("Delete"))):
                button.setToolTip(_t("In the list: %1").replace("%1", text))
                row.addWidget(button)
            change.setAccessibleName(_t("Change the chosen %1").replace("%1", name.lower()))
            remove.setAccessibleName(_t("Remove the chosen %1").replace("%1", name.lower()))
            row.addStretch(1)
            layout.addLayout(row)
            add.clicked.connect(lambda _=False, k=key: self.add(k))
            change.clicked.connect(lambda _=False, k=key: self.change(k))
            remove.clicked.connect(lambda _=False, k=key: self.remove(k))
            KeysOnTable(table, lambda k=key: self.add(k), lambda k=key: self.change(k),
                         lambda k=key: self.remove(k))
            self.tables[key], self.buttons[key] = table, [add, change, remove]
        self.speaker_button = QPushButton(_t("Note what the current speaker said (F4)"))
        self.speaker_button.clicked.connect(self.note_speaker)
        self.speaker_button.setVisible(current is not None)
        layout.addWidget(self.speaker_button)
        layout.addStretch(1)
        session.changed.connect(self._on_changed)
        self.refresh()

    # -- showing -------------------------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & _TABLES:
            self.refresh()

    def name(self, member_id: int | None) -> str:
        return member_name(self._names, member_id)

    def refresh(self) -> None:
        ws = self.session.workspace
        mid = self.meeting_id
        self._names = {m.id: m for m in members.list_members(ws) if m.id is not None}
        found_decisions: list[Decision] = []
        found_actions: list[Action] = []
        found_said: list[Contribution] = []
        self.items, self.people = [], []
        if mid is not None:
            self.items = agenda_choices(ws, mid)
            wanted = set(meetings.invited_member_ids(ws, mid)) | {a.member_id for a in meetings.attendance(ws, mid)}
            self.people = [(i, m.display_name) for i, m in self._names.items() if i in wanted and not m.erased]
            found_decisions, found_actions, found_said = decisions(ws, mid), actions(ws, mid), contributions(ws, mid)
        self.everyone = [(i, m.display_name) for i, m in self._names.items() if m.active and not m.erased]
        titles = dict(self.items)

        def item(item_id: int | None) -> str:
            return titles.get(item_id, _t("Not about one item")) if item_id is not None else _t("Not about one item")

        today = datetime.now().date()
        self.decisions.set_records(list(found_decisions), [
            (item(d.agenda_item_id), one_line(d.text), how_words(d)) for d in found_decisions])
        self.actions.set_records(list(found_actions), [
            (item(a.agenda_item_id), one_line(a.text), self.name(a.owner_id), action_words(a, today))
            for a in found_actions])
        self.said.set_records(list(found_said), [
            (self.name(c.member_id), item(c.agenda_item_id), one_line(c.summary), label(c.status))
            for c in found_said])
        for buttons in self.buttons.values():
            for button in buttons:
                button.setEnabled(mid is not None)

    # -- changing ------------------------------------------------------------------------------
    def chosen(self, key: str) -> Outcome | None:
        return chosen_record(self.tables[key])

    def _current(self) -> tuple[int | None, int | None]:
        return self.current() if self.current is not None else (None, None)

    def add(self, key: str, member_id: int | None = None) -> None:
        if self.meeting_id is None:
            return
        _speaker, item_id = self._current()
        record: Outcome
        if key == "decision":
            record = Decision(self.meeting_id, "", item_id)
        elif key == "action":
            record = Action(self.meeting_id, "", item_id)
        else:
            who = member_id if member_id is not None else (self.people[0][0] if self.people else None)
            if who is None:
                return
            record = Contribution(self.meeting_id, who, "", item_id)
        self._open(record)

    def change(self, key: str) -> None:
        record = self.chosen(key)
        if record is not None:
            self._open(record)

    def remove(self, key: str) -> None:
        record = self.chosen(key)
        if record is not None:
            self.session.undo_stack.push(RemoveOutcome(self.session.workspace, record))

    def note_speaker(self) -> None:
        """The form for what a member said, with the current (or last) speaker chosen."""
        speaker, _item = self._current()
        if speaker is not None and speaker not in dict(self.people):
            self.people.append((speaker, self.name(speaker)))
        self.add("contribution", speaker)

    def dialog_for(self, record: Outcome) -> QDialog:
        if isinstance(record, Decision):
            return DecisionDialog(record, self.items, self)
        if isinstance(record, Action):
            return ActionDialog(record, self.items, self.everyone, self)
        return ContributionDialog(record, self.items, self.people, self)

    def _open(self, record: Outcome) -> None:
        self.dialog = open_form(self.session, record, self.dialog_for(record))
