"""The members of a workspace as a table: name, role, format, access needs, active."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from meetingroom.domain.people import Member
from meetingroom.store.members import list_members
from meetingroom.ui.labels import format_label, label
from meetingroom.ui.session import WorkspaceSession

Index = QModelIndex | QPersistentModelIndex


class MemberTableModel(QAbstractTableModel):
    TABLES = frozenset({"member", "member_access_need"})

    def __init__(self, session: WorkspaceSession) -> None:
        super().__init__(session)
        self._session = session
        self._members: list[Member] = []
        self._headers = [self.tr("Name"), self.tr("Role"), self.tr("Format"),
                         self.tr("Access needs"), self.tr("Active")]
        session.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._members = list_members(self._session.workspace)
        self.endResetModel()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & self.TABLES:
            self.reload()

    def member(self, row: int) -> Member:
        return self._members[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        member = self._members[index.row()]
        column = index.column()
        if column == 0:
            return member.display_name
        if column == 1:
            return label(member.role)
        if column == 2:
            return format_label(member.format_need)
        if column == 3:
            return ", ".join(label(need) for need in sorted(member.access_needs)) or self.tr("None")
        return self.tr("Yes") if member.active else self.tr("No")
