"""The fairness panel's two tables, by role group and by person, and the words they use.

Both are read-only models of plain text cells, rebuilt only when the people or roles change;
otherwise an update compares the new cells with the old and reports one `dataChanged` over
the cells that differ, because the console refreshes them once a second while a turn runs.

A role group's talk is compared with its share of the people present (`RoleShare.ratio`),
said in words as well as figures (UI6). The figure is rounded to one decimal first, so the
words always agree with it: 0.6× or less is "under-heard" (below about two-thirds of a fair
share), 1.6× or more is "over-heard" (above one and a half times), between is "about fair".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from meetingroom.domain.fairness import Fairness, Tally
from meetingroom.domain.people import Role
from meetingroom.ui.clock_words import figures
from meetingroom.ui.labels import label
from meetingroom.ui.record_model import Index

UNDER_HEARD = 0.6  # rounded ratios at or below this are under-heard
OVER_HEARD = 1.6  # and at or above this, over-heard
# Gini readings: below the first is even, then some imbalance, then a few dominate.
GINI_READINGS = (0.25, 0.45, 0.65)

NAME, TALK, SHARE, TURNS, ROLE = range(5)  # the person table's columns
_SHOWN = frozenset({Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.AccessibleTextRole.value})
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_TALK = Tally()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Fairness", text)


@dataclass(frozen=True)
class Person:
    """Someone the panel names: their preferred name (`Member.display_name`) and role."""

    name: str
    role: Role


def percent(share: float) -> str:
    """"34%"; a share too small to round to 1% still shows that it is not nothing."""
    if 0 < share < 0.005:
        return _tr("under 1%")
    return f"{round(share * 100)}%"


def comparison(ratio: float | None) -> str:
    """A role group's talk against its fair share, in words with the figure: "under-heard (0.4×)"."""
    if ratio is None:
        return _tr("nobody has spoken yet")
    if ratio <= 0:
        return _tr("under-heard (not heard yet)")
    shown = round(ratio, 1)
    figure = f"{shown:.1f}×"
    if shown <= UNDER_HEARD:
        return _tr("under-heard (%1)").replace("%1", figure)
    if shown >= OVER_HEARD:
        return _tr("over-heard (%1)").replace("%1", figure)
    return _tr("about fair (%1)").replace("%1", figure)


def gini_words(gini: float, total_talk_seconds: float) -> str:
    """The Gini coefficient read in plain words: "0.12 — talk is shared evenly"."""
    if total_talk_seconds <= 0:
        return _tr("nobody has spoken yet")
    even, some, few = GINI_READINGS
    if gini < even:
        words = _tr("talk is shared evenly")
    elif gini < some:
        words = _tr("some people are talking more than others")
    elif gini < few:
        words = _tr("a few people are doing most of the talking")
    else:
        words = _tr("one or two people are doing almost all the talking")
    return f"{gini:.2f} — {words}"


class TextTable(QAbstractTableModel):
    """Rows of ready-made text; `_replace` reports only the cells that changed."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[tuple[str, ...]] = []

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        """Show these rows: a reset when the count changes, else only the changed cells."""
        if len(rows) != len(self._rows):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        else:
            self._replace(rows)

    def _replace(self, rows: list[tuple[str, ...]]) -> None:
        old, self._rows = self._rows, rows
        first = last = right = -1
        left = len(self._headers)
        for row, (was, now) in enumerate(zip(old, rows, strict=True)):
            if was != now:
                first = row if first < 0 else first
                last = row
                changed = [c for c, (a, b) in enumerate(zip(was, now, strict=True)) if a != b]
                left, right = min(left, changed[0]), max(right, changed[-1])
        if first >= 0:
            self.dataChanged.emit(self.index(first, left), self.index(last, right),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _SHOWN or not index.isValid():
            return None
        return self._rows[index.row()][index.column()]

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags


class RoleShareModel(TextTable):
    """One row per role group present: the comparison in words first (it matters most and
    stays in view when the text is large), then share of talk, share of people, people here."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([_tr("Role group"), _tr("Compared with a fair share"),
                          _tr("Share of talk"), _tr("Share of people"), _tr("People here")],
                         parent)
        self.roles: tuple[Role, ...] = ()

    def show(self, fairness: Fairness) -> None:
        rows: list[tuple[str, ...]] = [
            (label(s.role), comparison(s.ratio), percent(s.talk_share), percent(s.people_share),
             str(s.people)) for s in fairness.roles.values()]
        roles = tuple(fairness.roles)
        if roles == self.roles:
            self._replace(rows)
            return
        self.beginResetModel()
        self.roles, self._rows = roles, rows
        self.endResetModel()


class PersonTalkModel(TextTable):
    """One row per person present or who has spoken: turns, talk time and share of talk.

    Sorted here rather than by a QSortFilterProxyModel, which would call back into Python for
    every comparison on every change: an update re-sorts 200 keys in Python and reports a
    layout change only when the order really changed.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([_tr("Name"), _tr("Talk time"), _tr("Share of talk"), _tr("Turns"),
                          _tr("Role")], parent)
        self._people: tuple[tuple[int, Person | None], ...] = ()
        self._ids: list[int] = []  # member ids in row order
        self._names: dict[int, tuple[str, str]] = {}  # id -> (name, role label)
        self._name_keys: dict[int, str] = {}
        self._role_keys: dict[int, str] = {}
        self._talk: Mapping[int, Tally] = {}
        self.sort_column, self.sort_order = NAME, Qt.SortOrder.AscendingOrder

    def member_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, member_id: int) -> int | None:
        try:
            return self._ids.index(member_id)
        except ValueError:
            return None

    def show(self, fairness: Fairness, people: Mapping[int, Person]) -> None:
        self._talk = fairness.people
        ids = sorted(people.keys() | fairness.people.keys())
        named = tuple((member_id, people.get(member_id)) for member_id in ids)
        total = fairness.total_talk_seconds
        if named != self._people:
            self.beginResetModel()
            self._people = named
            unlisted = _tr("Someone not listed")
            self._names = {i: (p.name, label(p.role)) if p else (unlisted, "") for i, p in named}
            self._name_keys = {i: name.casefold() for i, (name, _role) in self._names.items()}
            self._role_keys = {i: role.casefold() for i, (_name, role) in self._names.items()}
            self._ids = self._sorted(ids)
            self._rows = [self._cells(i, total) for i in self._ids]
            self.endResetModel()
            return
        self._replace([self._cells(i, total) for i in self._ids])
        if self.sort_column in (TURNS, TALK, SHARE):
            order = self._sorted(self._ids)
            if order != self._ids:
                self._reorder(order)

    def _cells(self, member_id: int, total: float) -> tuple[str, ...]:
        name, role = self._names[member_id]
        tally = self._talk.get(member_id, _NO_TALK)
        share = tally.talk_seconds / total if total > 0 else 0.0
        return (name, figures(tally.talk_seconds), percent(share), str(tally.turns), role)

    # -- sorting ---------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self._reorder(self._sorted(self._ids))

    def _sorted(self, ids: Sequence[int]) -> list[int]:
        column, names = self.sort_column, self._name_keys
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        if column == NAME:
            return sorted(ids, key=lambda i: (names[i], i), reverse=descending)
        if column == ROLE:
            roles = self._role_keys
            return sorted(ids, key=lambda i: (roles[i], names[i], i), reverse=descending)
        talk, sign = self._talk, -1 if descending else 1
        if column == TURNS:
            return sorted(ids, key=lambda i: (sign * talk.get(i, _NO_TALK).turns, names[i], i))
        return sorted(ids, key=lambda i: (sign * talk.get(i, _NO_TALK).talk_seconds, names[i], i))

    def _reorder(self, order: list[int]) -> None:
        """Move rows into `order`, keeping the selection on the same people."""
        if order == self._ids:
            return
        self.layoutAboutToBeChanged.emit()
        old_row = {member_id: row for row, member_id in enumerate(self._ids)}
        new_row = {member_id: row for row, member_id in enumerate(order)}
        before = self.persistentIndexList()
        after = [self.index(new_row[self._ids[i.row()]], i.column()) for i in before]
        rows = self._rows
        self._rows = [rows[old_row[member_id]] for member_id in order]
        self._ids = order
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()
