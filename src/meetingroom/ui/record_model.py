"""What every table of records shares: reload when its own tables change, headers, cells."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from meetingroom.ui.session import WorkspaceSession

Index = QModelIndex | QPersistentModelIndex
Record = TypeVar("Record")



class RecordTableModel(QAbstractTableModel, Generic[Record]):
    """A read-only table over a list of domain records, refreshed by the session's signal.

    Subclasses say which TABLES they show, their headers, how to load, and each cell's text.
    """

    TABLES: frozenset[str] = frozenset()
    # The roles a cell answers (as plain ints, the way Qt passes them): its text, read aloud too.
    SHOWN_ROLES: frozenset[int] = frozenset(
        {Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.AccessibleTextRole.value})

    def __init__(self, session: WorkspaceSession, headers: list[str]) -> None:
        super().__init__(session)
        self._session = session
        self._headers = headers
        self._records: list[Record] = []
        session.changed.connect(self._on_changed)
        self.reload()

    def load(self) -> list[Record]:
        raise NotImplementedError

    def cell(self, record: Record, column: int) -> str:
        raise NotImplementedError

    def reload(self) -> None:
        self.beginResetModel()
        self._records = self.load()
        self.endResetModel()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & self.TABLES:
            self.reload()

    def record(self, row: int) -> Record:
        return self._records[row]

    def records(self) -> list[Record]:
        """Every record, in row order (a proxy reads these to filter without a call per cell)."""
        return self._records

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in self.SHOWN_ROLES:
            return None
        return self.cell(self._records[index.row()], index.column())
