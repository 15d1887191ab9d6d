"""The group's papers as a list: each row a paper's title, editable in place (F2) to rename it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from meetingroom.domain.papers import Paper
from meetingroom.store.papers import list_papers
from meetingroom.ui.paper_commands import RenamePaper
from meetingroom.ui.session import WorkspaceSession

Index = QModelIndex | QPersistentModelIndex

PAPER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PaperListModel(QAbstractListModel):
    """Papers in the order they were added; reloads when the paper table changes."""

    def __init__(self, session: WorkspaceSession) -> None:
        super().__init__(session)
        self._session = session
        self._papers: list[Paper] = []
        session.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._papers = list_papers(self._session.workspace)
        self.endResetModel()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "paper" in tables:
            self.reload()

    def paper(self, row: int) -> Paper:
        return self._papers[row]

    def row_of(self, paper_id: int | None) -> int:
        """The row of a paper, or -1 when it is not in the list."""
        for row, paper in enumerate(self._papers):
            if paper.id == paper_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._papers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._papers):
            return None
        paper = self._papers[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return paper.title or self.tr("(no title)")
        if role == PAPER_ID_ROLE:
            return paper.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        title = str(value).strip()
        paper = self._papers[index.row()]
        if not title or title == paper.title or paper.id is None:
            return False
        self._session.undo_stack.push(RenamePaper(self._session.workspace, paper.id, title))
        return True
