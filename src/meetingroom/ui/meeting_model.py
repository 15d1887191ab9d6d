"""A workspace's meetings as a table: date, title, mode, status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from meetingroom.domain.meeting import Meeting
from meetingroom.store.meetings import list_meetings
from meetingroom.ui.labels import label
from meetingroom.ui.session import WorkspaceSession

Index = QModelIndex | QPersistentModelIndex


class MeetingTableModel(QAbstractTableModel):
    TABLES = frozenset({"meeting"})

    def __init__(self, session: WorkspaceSession) -> None:
        super().__init__(session)
        self._session = session
        self._meetings: list[Meeting] = []
        self._headers = [self.tr("Date and time"), self.tr("Title"), self.tr("Mode"), self.tr("Status")]
        session.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._meetings = list_meetings(self._session.workspace)
        self.endResetModel()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & self.TABLES:
            self.reload()

    def meeting(self, row: int) -> Meeting:
        return self._meetings[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._meetings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        meeting = self._meetings[index.row()]
        column = index.column()
        if column == 0:
            return QLocale().toString(meeting.start, "ddd d MMM yyyy, HH:mm")
        if column == 1:
            return meeting.title
        if column == 2:
            return label(meeting.mode)
        return label(meeting.status)
