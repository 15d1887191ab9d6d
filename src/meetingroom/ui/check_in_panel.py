"""Check-in at the meeting: everyone invited, with their role and status in words (present
with the time they arrived, apologies, absent, not recorded yet) and the counts.

Keyboard first: type the first letters of a name to find the person, then Alt+P present,
Alt+A apologies, Alt+B absent or Alt+N not recorded; the focus stays in the list for the
next person. "Add a guest or supporter…" (Alt+S) adds someone who came on the day, invites
them and marks them present, as one undoable step. Every change is an undoable command.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.meeting import Attendance, AttendanceStatus
from meetingroom.domain.people import Member, Role
from meetingroom.store.meetings import attendance, get_meeting, invited_member_ids
from meetingroom.store.members import list_members
from meetingroom.ui.check_in_commands import AddGuest, SetCheckIn
from meetingroom.ui.form_fields import ListKeyButton, fit_width, scrolled_page
from meetingroom.ui.labels import label
from meetingroom.ui.member_filter_bar import FlowLayout
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import explanation

_TABLES = frozenset({"attendance", "invitation", "member", "meeting"})
Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("check_in_panel", text)


def status_words(record: Attendance | None) -> str:
    """A person's status in words, never colour alone: "Present", "Apologies"..."""
    if record is None:
        return _t("Not recorded")
    return {AttendanceStatus.PRESENT: _t("Present"), AttendanceStatus.APOLOGIES: _t("Apologies"),
            AttendanceStatus.ABSENT: _t("Absent")}[record.status]


def arrival_words(record: Attendance | None) -> str:
    if record is None or record.status is not AttendanceStatus.PRESENT or record.arrived_at is None:
        return ""
    return f"{record.arrived_at:%H:%M}"


class CheckInModel(QAbstractTableModel):
    """One row per invited person (and anyone checked in without an invitation), by name."""

    COLUMNS = ("Name", "Status", "Arrived", "Role")  # what the chair needs first

    def __init__(self) -> None:
        super().__init__()
        self.people: list[Member] = []
        self.records: dict[int, Attendance] = {}

    def set_people(self, people: list[Member], records: dict[int, Attendance]) -> None:
        self.beginResetModel()
        self.people, self.records = people, records
        self.endResetModel()

    def record(self, row: int) -> Attendance | None:
        return self.records.get(self.people[row].id or 0)

    def row_of(self, member_id: int | None) -> int:
        return next((n for n, m in enumerate(self.people) if m.id == member_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CheckInModel", self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        person, record = self.people[index.row()], self.record(index.row())
        return (person.display_name, status_words(record), arrival_words(record),
                label(person.role))[index.column()]


class PeopleTable(QTableView):
    """Typing letters finds a person by name, whichever column was last clicked."""

    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        current = self.currentIndex()
        if current.isValid() and current.column() != 0:
            self.setCurrentIndex(current.sibling(current.row(), 0))
        super().keyboardSearch(search)


class GuestDialog(QDialog):
    """Who came on the day: name (required), preferred name and role (supporter by default)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Add a guest or supporter"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(_t(
            "They are added to the members list, invited to this meeting and marked present now.")))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QLineEdit()
        self.preferred_name = QLineEdit()
        self.role = QComboBox()
        self.role.setAccessibleName(_t("Role"))
        for role in Role:
            self.role.addItem(label(role), role)
        self.role.setCurrentIndex(self.role.findData(Role.SUPPORTER))
        for text, field in ((_t("&Name (needed):"), self.name),
                            (_t("&Preferred name:"), self.preferred_name), (_t("&Role:"), self.role)):
            words = QLabel(text)
            words.setBuddy(field)
            form.addRow(words, field)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_t("Add and mark present"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(False)
        fit_width(self, 50)

    def member(self) -> Member:
        return Member(self.name.text().strip(), Role(self.role.currentData()),
                      preferred_name=self.preferred_name.text().strip())


class CheckInPanel(QWidget):
    def __init__(self, session: WorkspaceSession, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        self.dialog: GuestDialog | None = None
        layout = scrolled_page(self)
        self.summary = explanation("")
        layout.addWidget(self.summary)
        self.model = CheckInModel()
        self.table = self._table()
        table_label = QLabel(_t("&Who is invited (type a name to find someone):"))
        table_label.setWordWrap(True)
        table_label.setBuddy(self.table)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        self.details = explanation("")  # the chosen person's status in one sentence
        layout.addWidget(self.details)
        row = QWidget()
        flow = FlowLayout(row)  # the buttons wrap onto more lines when text is large
        self.present_button = ListKeyButton(_t("&Present"), self.table)
        self.apologies_button = ListKeyButton(_t("&Apologies"), self.table)
        self.absent_button = ListKeyButton(_t("A&bsent"), self.table)
        self.clear_button = ListKeyButton(_t("&Not recorded"), self.table)
        self.guest_button = QPushButton(_t("Add a gue&st or supporter…"))
        for button, status in ((self.present_button, AttendanceStatus.PRESENT),
                               (self.apologies_button, AttendanceStatus.APOLOGIES),
                               (self.absent_button, AttendanceStatus.ABSENT), (self.clear_button, None)):
            button.clicked.connect(lambda _=False, s=status: self.mark(s))
            flow.addWidget(button)
        flow.addWidget(self.guest_button)
        layout.addWidget(row)
        self.guest_button.clicked.connect(self.add_guest)
        session.changed.connect(self._on_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.refresh()

    def _table(self) -> PeopleTable:
        table = PeopleTable()
        table.setAccessibleName(_t("People invited and their check-in"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(False)  # a role is never cut short
        return table

    def set_meeting(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & _TABLES:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:  # a new text size: the table fits it again,
            QTimer.singleShot(0, self, self._fit_table)  # once every child has the new font
        super().changeEvent(event)

    def _fit_table(self) -> None:
        """Columns as wide as their words (a meeting has tens of people, not thousands), and
        room for at least five people at any text size."""
        self.table.resizeColumnsToContents()
        row = max(self.table.verticalHeader().defaultSectionSize(), self.table.fontMetrics().height())
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(header + 5 * row + 2 * self.table.frameWidth())

    def current_member_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.people[row].id if 0 <= row < len(self.model.people) else None

    def select_member(self, member_id: int | None) -> None:
        row = self.model.row_of(member_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def refresh(self) -> None:
        ws = self.session.workspace
        keep = self.current_member_id()
        try:
            get_meeting(ws, self.meeting_id)
        except KeyError:
            people, records = [], {}
        else:
            records = {r.member_id: r for r in attendance(ws, self.meeting_id)}
            wanted = set(invited_member_ids(ws, self.meeting_id)) | set(records)
            people = sorted((m for m in list_members(ws) if m.id in wanted and not m.erased),
                            key=lambda m: (m.display_name.casefold(), m.id or 0))
        self.model.set_people(people, records)
        self._fit_table()
        self.select_member(keep)
        self._show_counts()
        self._show_details()
        for button in (self.present_button, self.apologies_button, self.absent_button, self.clear_button):
            button.setEnabled(bool(people))

    def _show_counts(self) -> None:
        statuses = [self.model.record(n) for n in range(len(self.model.people))]
        if not statuses:
            self.summary.setText(_t("Nobody is invited to this meeting yet. Add a guest or "
                                    "supporter if someone has come."))
            return
        count = {s: sum(r is not None and r.status is s for r in statuses) for s in AttendanceStatus}
        self.summary.setText(_t("Present: %1. Apologies: %2. Absent: %3. Not yet checked in: %4.")
                             .replace("%1", str(count[AttendanceStatus.PRESENT]))
                             .replace("%2", str(count[AttendanceStatus.APOLOGIES]))
                             .replace("%3", str(count[AttendanceStatus.ABSENT]))
                             .replace("%4", str(sum(r is None for r in statuses))))

    def _show_details(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.people):
            self.details.setText(_t("Choose a person in the list, then the button for how they are."))
            return
        record = self.model.record(row)
        if record is None:
            words = _t("%1: not recorded yet.")
        elif record.status is AttendanceStatus.PRESENT:
            words = (_t("%1: present, arrived at %2.").replace("%2", arrival_words(record))
                     if record.arrived_at else _t("%1: present."))
        else:
            words = {AttendanceStatus.APOLOGIES: _t("%1: sent apologies."),
                     AttendanceStatus.ABSENT: _t("%1: absent.")}[record.status]
        self.details.setText(words.replace("%1", self.model.people[row].display_name))

    def mark(self, status: AttendanceStatus | None) -> None:
        """Record the chosen person's status now (present: arriving now)."""
        member_id = self.current_member_id()
        if member_id is None:
            return
        command = SetCheckIn(self.session.workspace, self.meeting_id, member_id, status,
                             datetime.now().replace(microsecond=0))
        if not command.isObsolete():
            self.session.undo_stack.push(command)

    def add_guest(self) -> None:
        dialog = GuestDialog(self)
        dialog.accepted.connect(lambda: self._add(dialog.member()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _add(self, member: Member) -> None:
        command = AddGuest(self.session.workspace, self.meeting_id, member,
                           datetime.now().replace(microsecond=0))
        self.session.undo_stack.push(command)
        self.select_member(command.member_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
