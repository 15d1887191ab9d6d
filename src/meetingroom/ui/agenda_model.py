"""A meeting's agenda as a table: place, start time, title, purpose, who proposed and presents it.

Rows can be dragged to a new place; a drop (or `moveRows`) pushes a `MoveAgendaItem` on the
undo stack, and the model follows the store's change signal like every other view. When
only the order changed, the model reports a layout change, so selections follow their item.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)

from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.meeting import Meeting
from meetingroom.domain.people import Member, Role
from meetingroom.store.meetings import agenda_items, get_meeting
from meetingroom.store.members import list_members
from meetingroom.ui.agenda_commands import MoveAgendaItem
from meetingroom.ui.labels import label
from meetingroom.ui.session import WorkspaceSession

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-meetingroom-agenda-item"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1

NUMBER, STARTS, TITLE, PURPOSE, PROPOSED_BY, PRESENTER, MINUTES = range(7)


class AgendaTableModel(QAbstractTableModel):
    TABLES = frozenset({"agenda_item", "agenda_item_paper", "member", "meeting"})

    def __init__(self, session: WorkspaceSession) -> None:
        super().__init__(session)
        self._session = session
        self._headers = [self.tr("No."), self.tr("Starts"), self.tr("Title"), self.tr("Purpose"),
                         self.tr("Proposed by"), self.tr("Presenter"), self.tr("Minutes")]
        self._meeting_id: int | None = None
        self.meeting: Meeting | None = None
        self.items: list[AgendaItem] = []
        self.members: dict[int, Member] = {}
        self._starts: list[datetime] = []
        session.changed.connect(self._on_changed)

    # -- loading ---------------------------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        self.beginResetModel()
        self._meeting_id = meeting_id
        self._apply(self._read())
        self.endResetModel()

    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    def _read(self) -> tuple[Meeting | None, list[AgendaItem], dict[int, Member]]:
        ws = self._session.workspace
        members = {m.id: m for m in list_members(ws) if m.id is not None}
        if self._meeting_id is None:
            return None, [], members
        try:
            meeting = get_meeting(ws, self._meeting_id)
        except KeyError:
            return None, [], members
        return meeting, agenda_items(ws, self._meeting_id), members

    def _apply(self, state: tuple[Meeting | None, list[AgendaItem], dict[int, Member]]) -> None:
        self.meeting, self.items, self.members = state
        self._meeting_id = None if self.meeting is None else self.meeting.id
        self._starts = []
        if self.meeting is not None:
            at = self.meeting.start
            for item in self.items:
                self._starts.append(at)
                at += timedelta(minutes=item.minutes)

    def reload(self) -> None:
        """Re-read the agenda. Same items in a new order: a layout change that keeps selections."""
        state = self._read()
        old_ids = [item.id for item in self.items]
        new_ids = [item.id for item in state[1]]
        if sorted(old_ids, key=str) != sorted(new_ids, key=str) or state[0] is None:
            self.beginResetModel()
            self._apply(state)
            self.endResetModel()
            return
        if old_ids != new_ids:
            self.layoutAboutToBeChanged.emit()
            row_of = {item_id: row for row, item_id in enumerate(new_ids)}
            before = self.persistentIndexList()
            self._apply(state)
            after = [self.index(row_of[old_ids[i.row()]], i.column()) for i in before]
            self.changePersistentIndexList(before, after)
            self.layoutChanged.emit()
        else:
            self._apply(state)
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, MINUTES))

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & self.TABLES:
            self.reload()

    # -- reading ---------------------------------------------------------------------------

    def item(self, row: int) -> AgendaItem:
        return self.items[row]

    def row_of(self, item_id: int | None) -> int:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                return row
        return -1

    def start_of(self, row: int) -> datetime:
        return self._starts[row]

    def roles(self) -> dict[int, Role]:
        return {member_id: m.role for member_id, m in self.members.items()}

    def person(self, member_id: int | None, nobody: str) -> str:
        member = self.members.get(member_id) if member_id is not None else None
        return nobody if member is None else member.display_name

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.cell(index.row(), index.column()).replace("\n", ", ")
        if role == ITEM_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TITLE:
            return item.plain_summary or None
        return None

    def cell(self, row: int, column: int) -> str:
        item = self.items[row]
        if column == NUMBER:
            return str(row + 1)
        if column == STARTS:
            at = self._starts[row]
            return QLocale().toString(QTime(at.hour, at.minute), "HH:mm")
        if column == TITLE:
            return item.title
        if column == PURPOSE:
            return self.tr("Break") if item.is_break else label(item.purpose)
        if column == PROPOSED_BY:
            member = self.members.get(item.proposed_by_id) if item.proposed_by_id is not None else None
            if member is None:
                return "" if item.is_break else self.tr("The group")
            # The role on a line of its own keeps the column narrow at large text sizes.
            return self.tr("%1\n(%2)").replace("%1", member.display_name).replace("%2", label(member.role))
        if column == PRESENTER:
            return "" if item.is_break and item.presenter_id is None else self.person(
                item.presenter_id, self.tr("Nobody"))
        return str(item.minutes)

    # -- dragging rows to a new place ------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME_TYPE, QByteArray(str(self.items[rows[0]].id).encode("ascii")))
        return data

    def _dragged_row(self, data: QMimeData) -> int:
        if not data.hasFormat(MIME_TYPE):
            return -1
        try:
            return self.row_of(int(bytes(data.data(MIME_TYPE).data()).decode("ascii")))
        except ValueError:
            return -1

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return action == Qt.DropAction.MoveAction and self._dragged_row(data) >= 0

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Drop an item before `row` (or on the row `parent`, or at the end)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        before = row if row >= 0 else parent.row() if parent.isValid() else len(self.items)
        return self.move_row(self._dragged_row(data), before)

    def moveRows(self, sourceParent: Index, sourceRow: int, count: int,
                 destinationParent: Index, destinationChild: int) -> bool:
        if sourceParent.isValid() or destinationParent.isValid() or count != 1:
            return False
        return self.move_row(sourceRow, destinationChild)

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return False  # a drag never removes the dragged row: the move command has moved it

    def move_row(self, row: int, before: int) -> bool:
        """Move the item in `row` so it comes just before row `before`, as an undoable command."""
        if not 0 <= row < len(self.items) or not 0 <= before <= len(self.items):
            return False
        to = before - 1 if before > row else before
        item_id = self.items[row].id
        if to == row or item_id is None:
            return False
        self._session.undo_stack.push(MoveAgendaItem(self._session.workspace, item_id, to))
        return True
