"""Who got their papers, and in time: per invited member their format, when and how their
pack went out, and on time / late / missing / not sent yet (in words and with an icon);
a warning line counts anyone late or missing. Packs are made here and marked as sent with
an undoable command."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.distribution import MemberPapers, PapersStatus, meeting_papers, warning
from meetingroom.domain.papers import Channel, Distribution
from meetingroom.domain.people import FormatKind, Member
from meetingroom.store import Workspace
from meetingroom.store.distribution import (
    add_distributions,
    list_distributions,
    remove_distributions,
)
from meetingroom.store.groups import get_group
from meetingroom.store.meetings import agenda_items, get_meeting, invited_member_ids
from meetingroom.store.members import list_members
from meetingroom.ui.labels import format_label, label
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import explanation, records_table

_TABLES = frozenset({"distribution", "invitation", "member", "meeting", "group_info",
                     "agenda_item", "agenda_item_paper"})
Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("distribution_panel", text)


def channel_label(channel: Channel) -> str:
    return label(channel)


def status_label(status: PapersStatus) -> str:
    return {PapersStatus.ON_TIME: _t("On time"), PapersStatus.LATE: _t("Late"),
            PapersStatus.MISSING: _t("Missing"), PapersStatus.NOT_SENT_YET: _t("Not sent yet")}[status]


def _status_icon(status: PapersStatus) -> QIcon:
    style = QCoreApplication.instance().style()  # type: ignore[attr-defined]
    pixmap = {PapersStatus.ON_TIME: QStyle.StandardPixmap.SP_DialogApplyButton,
              PapersStatus.LATE: QStyle.StandardPixmap.SP_MessageBoxWarning,
              PapersStatus.MISSING: QStyle.StandardPixmap.SP_MessageBoxCritical,
              PapersStatus.NOT_SENT_YET: QStyle.StandardPixmap.SP_MessageBoxInformation}[status]
    return style.standardIcon(pixmap)


class MarkPackSent(QUndoCommand):
    """Record that these members' whole packs went out, each in their own format."""

    def __init__(self, workspace: Workspace, meeting_id: int, members: list[Member],
                 channel: Channel, sent_at: datetime) -> None:
        count = len(members)
        super().__init__(_t("Mark pack sent") if count == 1 else _t("Mark %1 packs sent").replace("%1", str(count)))
        self._workspace = workspace
        self._records = [
            Distribution(meeting_id, m.id or 0, m.format_need.kind, sent_at, channel,
                         size=m.format_need.size if m.format_need.kind is FormatKind.LARGE_PRINT else None)
            for m in members
        ]

    def redo(self) -> None:
        add_distributions(self._workspace, self._records)  # keeps the ids after the first time

    def undo(self) -> None:
        remove_distributions(self._workspace, [r.id for r in self._records if r.id is not None])


class SentDialog(QDialog):
    """How and when something went out: by which channel, on which day and time."""

    def __init__(self, title: str, words: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(words))
        form = QFormLayout()
        self.channel = QComboBox()
        self.channel.setAccessibleName(_t("Sent by"))
        for channel in Channel:
            self.channel.addItem(channel_label(channel), channel)
        channel_label_ = QLabel(_t("Sent &by:"))
        channel_label_.setBuddy(self.channel)
        form.addRow(channel_label_, self.channel)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setDisplayFormat("d MMMM yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName(_t("Sent on"))
        when_label = QLabel(_t("Sent &on:"))
        when_label.setBuddy(self.when)
        form.addRow(when_label, self.when)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[Channel, datetime]:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        return Channel(self.channel.currentData()), moment.replace(second=0, microsecond=0)


class MarkSentDialog(SentDialog):
    """How and when the chosen packs went out."""

    def __init__(self, count: int, parent: QWidget | None = None, *, chosen: bool = True) -> None:
        super().__init__(
            _t("Mark pack sent") if count == 1 else _t("Mark %1 packs sent").replace("%1", str(count)),
            ((_t("Record that the chosen member's pack went out.") if count == 1 else
              _t("Record that the packs of the %1 chosen members went out.")) if chosen else
             (_t("Nobody is chosen in the list: record that the pack of the 1 member not sent yet "
                 "went out.") if count == 1 else
              _t("Nobody is chosen in the list: record that the packs of the %1 members not sent "
                 "yet went out."))).replace("%1", str(count)), parent)


class DistributionModel(QAbstractTableModel):
    """One row per invited member: name, format, sent, status (with its reason as tooltip)."""

    COLUMNS = ("Member", "Format", "Sent", "Papers", "Why")

    def __init__(self) -> None:
        super().__init__()
        self.members: list[Member] = []
        self.rows: list[MemberPapers] = []

    def set_rows(self, members: list[Member], rows: list[MemberPapers]) -> None:
        self.beginResetModel()
        self.members, self.rows = members, rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DistributionModel", self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member, row, column = self.members[index.row()], self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return member.display_name
            if column == 1:
                return format_label(member.format_need)
            if column == 2:
                if row.sent_at is None or row.channel is None:
                    return _t("Not sent")
                return f"{row.sent_at:%d %b %Y %H:%M}, {channel_label(row.channel).lower()}"
            return status_label(row.status) if column == 3 else row.reason
        if role == Qt.ItemDataRole.DecorationRole and column == 3:
            return _status_icon(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and column >= 3:
            return row.reason
        return None


class DistributionPanel(QWidget):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id: int | None = None
        self.dialog: MarkSentDialog | None = None
        layout = QVBoxLayout(self)
        self.summary = explanation("")
        self.warning = explanation("")
        self.warning.setObjectName("warningLine")
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        self.model = DistributionModel()
        self.table = records_table(_t("Papers sent to each member"), self.model)
        table_label = QLabel(_t("&Papers sent:"))
        table_label.setBuddy(self.table)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        self.details = explanation("")  # the chosen row's reason in full, wrapped at any text size
        layout.addWidget(self.details)
        buttons = QHBoxLayout()
        self.make_button = QPushButton(_t("Ma&ke packs…"))
        self.mark_button = QPushButton(_t("Mark pack &sent…"))
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.mark_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.make_button.clicked.connect(self.make_packs)
        self.mark_button.clicked.connect(self.mark_sent)
        session.changed.connect(self._on_changed)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.show_meeting(None)

    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & _TABLES:
            self.refresh()

    def refresh(self, now: datetime | None = None) -> None:
        ws = self.session.workspace
        members: list[Member] = []
        rows: list[MemberPapers] = []
        if self.meeting_id is not None:
            try:
                meeting = get_meeting(ws, self.meeting_id)
            except KeyError:
                self.meeting_id = None
            else:
                people = {m.id: m for m in list_members(ws)}
                members = [people[i] for i in invited_member_ids(ws, self.meeting_id)
                           if i in people and not people[i].erased]
                group = get_group(ws)
                paper_ids = {p for item in agenda_items(ws, self.meeting_id) for p in item.paper_ids}
                rows = meeting_papers(members, paper_ids, list_distributions(ws, self.meeting_id),
                                      meeting_start=meeting.start.replace(tzinfo=None),
                                      deadline_days=group.papers_deadline_days if group else 7,
                                      now=now or datetime.now())
        self.model.set_rows(members, rows)
        self._show_details()
        for column in range(self.model.columnCount() - 1):
            self.table.resizeColumnToContents(column)  # a meeting has tens of members, not thousands
        on_time = sum(r.status is PapersStatus.ON_TIME for r in rows)
        if self.meeting_id is None:
            self.summary.setText(_t("Choose a meeting to see who has had their papers."))
        elif not members:
            self.summary.setText(_t("Nobody is invited to this meeting yet."))
        else:
            self.summary.setText(_t("%1 of %2 invited members had their papers on time.")
                                 .replace("%1", str(on_time)).replace("%2", str(len(members))))
        warned = warning(rows)
        self.warning.setText(_t("Warning: %1").replace("%1", warned) if warned else "")
        self.warning.setVisible(bool(warned))
        for button in (self.make_button, self.mark_button):
            button.setEnabled(bool(members))

    def _show_details(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows):
            reason = self.model.rows[row]
            self.details.setText(f"{self.model.members[row].display_name}: "
                                 f"{status_label(reason.status)}. {reason.reason}")
        else:
            self.details.setText("")

    def chosen_members(self) -> list[Member]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.members[row] for row in rows]

    def mark_sent(self) -> None:
        if self.meeting_id is None:
            return
        chosen = self.chosen_members()
        members = chosen or [m for m, r in zip(self.model.members, self.model.rows, strict=True)
                             if r.sent_at is None]
        if not members:
            return
        dialog = MarkSentDialog(len(members), self, chosen=bool(chosen))
        dialog.setAccessibleName(dialog.windowTitle())
        dialog.accepted.connect(lambda: self._record(self.meeting_id, members, dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _record(self, meeting_id: int | None, members: list[Member], dialog: MarkSentDialog) -> None:
        if meeting_id is None:
            return
        channel, when = dialog.chosen()
        self.session.undo_stack.push(MarkPackSent(self.session.workspace, meeting_id, members, channel, when))

    def make_packs(self) -> None:
        from meetingroom.ui.pack_run import make_packs

        if self.meeting_id is not None:
            make_packs(self, self.session, self.meeting_id)
