"""Which members the members table shows, and in what order: a proxy over MemberTableModel.

Filtering 5,000 people must update the view within 50 ms, so this proxy never asks Qt to
call back into Python once per row or per comparison (as QSortFilterProxyModel would, through
`filterAcceptsRow` and `lessThan`). Instead, each time the members change it reads their
records once into plain per-row keys; a filter change is then one list comprehension over
those keys in the current sort order, followed by a model reset.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QObject, Qt

from meetingroom.domain.people import AccessNeed, FormatKind, Member, Role
from meetingroom.ui.member_model import MemberTableModel
from meetingroom.ui.record_model import Index

_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # made once: painting asks often


class Activity(StrEnum):
    ALL = "all"
    ACTIVE = "active"
    INACTIVE = "inactive"


def folded(text: str) -> str:
    """Text for matching and sorting: any case, any accents ("Siân" finds "sian")."""
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class MemberFilter(QAbstractProxyModel):
    """Members filtered by role, format need, access need, active or not, and a name search."""

    def __init__(self, model: MemberTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.role: Role | None = None
        self.format: FormatKind | None = None
        self.access_need: AccessNeed | None = None
        self.activity = Activity.ALL
        self.search = ""
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._members: list[Member] = []
        # Per-row keys, read once per change of the members, so a filter touches no Member.
        self._roles: list[Role] = []
        self._kinds: list[FormatKind] = []
        self._needs: list[frozenset[AccessNeed]] = []
        self._active: list[bool] = []
        self._names: list[str] = []
        self._cells: dict[tuple[int, int], str] = {}
        self._sort_keys: dict[int, list[Any]] = {}
        self._order: list[int] = []  # every source row, in the current sort order
        self._rows: list[int] = []  # the source rows shown, in order
        self._proxy_row: dict[int, int] | None = None
        self._source = model
        self._columns = model.columnCount()
        self._shown_roles = model.SHOWN_ROLES
        self.setSourceModel(model)
        for about in (model.modelAboutToBeReset, model.rowsAboutToBeInserted,
                      model.rowsAboutToBeRemoved, model.rowsAboutToBeMoved,
                      model.layoutAboutToBeChanged):
            about.connect(self._source_about_to_change)
        for done in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.rowsMoved,
                     model.layoutChanged):
            done.connect(self._source_changed)
        model.dataChanged.connect(self._source_data_changed)
        self._read_source()

    # -- the source ------------------------------------------------------------------------

    def _source_about_to_change(self, *_args: object) -> None:
        self.beginResetModel()

    def _source_changed(self, *_args: object) -> None:
        self._read_source()
        self.endResetModel()

    def _source_data_changed(self, *_args: object) -> None:
        self.beginResetModel()
        self._source_changed()

    def _read_source(self) -> None:
        """Take the per-row keys once per change of the members, not once per filter."""
        members = self._members = list(self._source.records())
        self._roles = [m.role for m in members]
        self._kinds = [m.format_need.kind for m in members]
        self._needs = [m.access_needs for m in members]
        self._active = [m.active for m in members]
        self._names = [folded(f"{m.name}\n{m.preferred_name}\n{m.display_name}") for m in members]
        self._cells = {}
        self._sort_keys = {}
        self._order = self._sorted_rows()
        self._apply()

    # -- criteria --------------------------------------------------------------------------

    def set_criteria(self, *, role: Role | None = None, format: FormatKind | None = None,  # noqa: A002
                     access_need: AccessNeed | None = None, activity: Activity = Activity.ALL,
                     search: str = "") -> None:
        """Set every criterion at once (None or empty means any) and update the rows shown."""
        self.role, self.format, self.access_need = role, format, access_need
        self.activity, self.search = activity, search
        self.refilter()

    def refilter(self) -> None:
        self.beginResetModel()
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        rows = self._order
        if self.role is not None:
            role, roles = self.role, self._roles
            rows = [r for r in rows if roles[r] is role]
        if self.format is not None:
            kind, kinds = self.format, self._kinds
            rows = [r for r in rows if kinds[r] is kind]
        if self.access_need is not None:
            need, needs = self.access_need, self._needs
            rows = [r for r in rows if need in needs[r]]
        if self.activity is not Activity.ALL:
            wanted, active = self.activity is Activity.ACTIVE, self._active
            rows = [r for r in rows if active[r] is wanted]
        names = self._names
        for word in folded(self.search).split():
            rows = [r for r in rows if word in names[r]]
        self._rows = rows
        self._proxy_row = None

    # -- sorting ---------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort_column, self._sort_order = column, order
        self._order = self._sorted_rows()
        self._apply()
        self.endResetModel()

    def sort_column(self) -> int:
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def _sorted_rows(self) -> list[int]:
        rows = list(range(len(self._members)))
        column = self._sort_column
        if column < 0 or column >= self._source.columnCount():
            return rows
        keys = self._sort_keys.get(column)
        if keys is None:
            cell = self._source.cell
            keys = [(folded(cell(m, column)), m.id or 0) for m in self._members]
            self._sort_keys[column] = keys
        rows.sort(key=keys.__getitem__, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        return rows

    # -- the proxy's rows ------------------------------------------------------------------

    def member(self, row: int) -> Member:
        return self._members[self._rows[row]]

    def row_of(self, member_id: int) -> int | None:
        """The row showing this member, or None when the filter hides them."""
        for row, source_row in enumerate(self._rows):
            if self._members[source_row].id == member_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._columns

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and bool(self._rows)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows)) or not (0 <= column < self._columns):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        return self.index(row, column)

    def mapToSource(self, proxy: Index) -> QModelIndex:  # noqa: N802
        if not proxy.isValid() or proxy.row() >= len(self._rows):
            return QModelIndex()
        return self._source.index(self._rows[proxy.row()], proxy.column())

    def mapFromSource(self, source: Index) -> QModelIndex:  # noqa: N802
        if not source.isValid():
            return QModelIndex()
        if self._proxy_row is None:
            self._proxy_row = {source_row: row for row, source_row in enumerate(self._rows)}
        row = self._proxy_row.get(source.row())
        return QModelIndex() if row is None else self.createIndex(row, source.column())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The source's text, asked once per cell and kept: painting asks for it often."""
        if role not in self._shown_roles or not index.isValid():
            return None
        key = (self._rows[index.row()], index.column())
        text = self._cells.get(key)
        if text is None:
            text = self._cells[key] = self._source.cell(self._members[key[0]], key[1])
        return text

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        return self._source.headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
