"""The fairness panel: how the talk is shared among the people present, shown live.

It only shows a `Fairness` (computed by `domain.fairness.measure` from the stored turns);
the console calls `show_fairness` after each action and once a second while a turn runs.
When the people and roles are unchanged an update only rewrites the cells and lines that
changed: no model reset, no re-sort unless the order really changed, no column resizing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.fairness import Fairness
from meetingroom.ui.clock_words import figures
from meetingroom.ui.fairness_model import (
    NAME,
    ROLE,
    SHARE,
    TALK,
    TURNS,
    Person,
    PersonTalkModel,
    RoleShareModel,
    gini_words,
)
from meetingroom.ui.views.base import explanation, records_table

__all__ = ["FairnessPanel", "Person"]

ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
PERSON_ROWS_SHOWN = 6  # the person table always has room for this many rows


def _sort_code(column: int, order: Qt.SortOrder) -> int:
    """A sort as one number for the sort choice's item data."""
    return column * 2 + order.value


def _bold(text: str) -> QLabel:
    words = QLabel(text)
    words.setWordWrap(True)
    font = QFont()  # only the weight is set, so the size still follows the app's text size
    font.setBold(True)
    words.setFont(font)
    return words


class FairnessPanel(QWidget):
    """Talk time and turns by role group and by person, who has not spoken, and the Gini."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Fairness"))
        self.roles = RoleShareModel(self)
        self.people = PersonTalkModel(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # At 200% text in a small space it cannot all fit: the panel scrolls as a whole.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(scroll)
        inside = QWidget()
        scroll.setWidget(inside)
        layout = QVBoxLayout(inside)

        self.heading = _bold(self.tr("Fairness"))
        self.heading.setObjectName("sectionHeading")
        layout.addWidget(self.heading)
        layout.addWidget(explanation(self.tr(
            "How the talk is shared: each role group's share of the talk against its share "
            "of the people here, each person's turns and talk time, and who has not spoken.")))
        self.total = explanation("")
        self.gini = explanation("")
        layout.addWidget(self.total)
        layout.addWidget(self.gini)

        roles_label = _bold(self.tr("By role group"))
        self.roles_table = records_table(self.tr("Talk by role group"), self.roles)
        roles_label.setBuddy(self.roles_table)
        layout.addWidget(roles_label)
        layout.addWidget(self.roles_table)

        self.not_spoken_in_meeting = explanation("")
        self.not_spoken_on_item = explanation("")
        layout.addWidget(self.not_spoken_in_meeting)
        layout.addWidget(self.not_spoken_on_item)

        people_label = _bold(self.tr("By person"))
        layout.addWidget(people_label)
        layout.addLayout(self._sort_row())
        self.people_table = records_table(self.tr("Talk by person"), self.people)
        people_label.setBuddy(self.people_table)
        layout.addWidget(self.people_table, 1)
        self.people_table.setSortingEnabled(True)
        self.people_table.sortByColumn(NAME, ASCENDING)
        self.people_table.horizontalHeader().sortIndicatorChanged.connect(self._show_sort)
        self.sort_choice.currentIndexChanged.connect(self._sort_chosen)

        self._current_id: int | None = None
        self.people.modelAboutToBeReset.connect(self._remember_current)
        self.people.modelReset.connect(self._people_changed)
        self.roles.modelReset.connect(self._roles_changed)
        self.roles_table.horizontalScrollBar().rangeChanged.connect(self._fit_roles)
        self._fit()
        self.show_fairness(Fairness(people={}, roles={}, not_spoken_on_item=(),
                                    not_spoken_in_meeting=(), gini=0.0, total_talk_seconds=0.0), {})

    def _sort_row(self) -> QVBoxLayout:
        """A keyboard way to sort the people, kept in step with clicks on the column headers."""
        tr = self.tr
        self.sort_choice = QComboBox()
        self.sort_choice.setAccessibleName(tr("Sort people by"))
        for text, column, order in (
            (tr("Name, A to Z"), NAME, ASCENDING), (tr("Name, Z to A"), NAME, DESCENDING),
            (tr("Role, A to Z"), ROLE, ASCENDING), (tr("Role, Z to A"), ROLE, DESCENDING),
            (tr("Most talk time first"), TALK, DESCENDING),
            (tr("Least talk time first"), TALK, ASCENDING),
            (tr("Most turns first"), TURNS, DESCENDING),
            (tr("Fewest turns first"), TURNS, ASCENDING),
        ):  # share of talk sorts as talk time does, so it has no choices of its own
            self.sort_choice.addItem(text, _sort_code(column, order))
        caption = QLabel(tr("Sort people by:"))
        caption.setWordWrap(True)
        caption.setBuddy(self.sort_choice)
        row = QVBoxLayout()  # the caption above the choice: narrower at large text sizes
        row.setSpacing(2)
        row.addWidget(caption)
        row.addWidget(self.sort_choice, 0, Qt.AlignmentFlag.AlignLeft)
        return row

    # -- showing the figures ---------------------------------------------------------------

    def show_fairness(self, fairness: Fairness, people: Mapping[int, Person]) -> None:
        """Show these figures; `people` names everyone present and anyone who has spoken."""
        self.roles.show(fairness)
        self.people.show(fairness, people)
        self._set(self.total, self.tr("Total talk time: %1 (minutes and seconds).")
                  .replace("%1", figures(fairness.total_talk_seconds)))
        self._set(self.gini, self.tr(
            "Gini coefficient: %1. (0 means everyone has talked for as long; "
            "1 means one person has done all the talking.)")
            .replace("%1", gini_words(fairness.gini, fairness.total_talk_seconds)))
        here = sum(share.people for share in fairness.roles.values())
        self._set(self.not_spoken_in_meeting, self._not_spoken(
            fairness.not_spoken_in_meeting, people, here,
            self.tr("Not spoken yet in this meeting (%1 of %2): %3."),
            self.tr("Everyone here has spoken in this meeting.")))
        self._set(self.not_spoken_on_item, self._not_spoken(
            fairness.not_spoken_on_item, people, here,
            self.tr("Not spoken yet on this item (%1 of %2): %3."),
            self.tr("Everyone here has spoken on this item.")))

    def _not_spoken(self, ids: Sequence[int], people: Mapping[int, Person], here: int,
                    some: str, everyone: str) -> str:
        if here == 0:
            return self.tr("Nobody is checked in yet.")
        if not ids:
            return everyone
        unlisted = self.tr("Someone not listed")
        names = sorted((people[i].name if i in people else unlisted for i in ids), key=str.casefold)
        return (some.replace("%1", str(len(ids))).replace("%2", str(here))
                .replace("%3", ", ".join(names)))

    @staticmethod
    def _set(words: QLabel, text: str) -> None:
        if words.text() != text:
            words.setText(text)

    # -- sorting ---------------------------------------------------------------------------

    def _sort_chosen(self) -> None:
        column, order = divmod(int(self.sort_choice.currentData()), 2)
        self.people_table.sortByColumn(column, Qt.SortOrder(order))

    def _show_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Follow a sort made by clicking a column header, without sorting again."""
        found = self.sort_choice.findData(_sort_code(TALK if column == SHARE else column, order))
        if found >= 0 and found != self.sort_choice.currentIndex():
            self.sort_choice.blockSignals(True)
            self.sort_choice.setCurrentIndex(found)
            self.sort_choice.blockSignals(False)

    # -- keeping the chosen person and the sizes across changes of people ------------------

    def _remember_current(self) -> None:
        current = self.people_table.currentIndex()
        self._current_id = self.people.member_id(current.row()) if current.isValid() else None

    def _people_changed(self) -> None:
        row = None if self._current_id is None else self.people.row_of(self._current_id)
        if row is not None:
            self.people_table.selectRow(row)
            self.people_table.setCurrentIndex(self.people.index(row, 0))
        self.people_table.resizeColumnsToContents()

    def _roles_changed(self) -> None:
        self.roles_table.resizeColumnsToContents()
        self._fit_roles()

    def _fit(self) -> None:
        for table in (self.roles_table, self.people_table):
            table.resizeColumnsToContents()
        header = self.people_table.horizontalHeader().sizeHint().height()
        rows = self.people_table.verticalHeader().defaultSectionSize() * PERSON_ROWS_SHOWN
        self.people_table.setMinimumHeight(header + rows + self._chrome(self.people_table))
        self._fit_roles()

    def _fit_roles(self) -> None:
        """The role table shows all its rows (seven at most) without scrolling."""
        table = self.roles_table
        rows = table.verticalHeader().length() or table.verticalHeader().defaultSectionSize()
        header = table.horizontalHeader().sizeHint().height()
        bar = table.horizontalScrollBar()
        scroll = bar.sizeHint().height() if bar.maximum() > 0 else 0
        table.setFixedHeight(header + rows + scroll + self._chrome(table))

    @staticmethod
    def _chrome(table: QTableView) -> int:
        """The frame (border and padding) above and below a table's rows."""
        margins = table.contentsMargins()
        return margins.top() + margins.bottom()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # After the tables have taken the new font and style themselves.
            QTimer.singleShot(0, self, self._fit)

    def current_person(self) -> int | None:
        """The member id of the chosen row in the person table, or None."""
        current: QModelIndex = self.people_table.currentIndex()
        return self.people.member_id(current.row()) if current.isValid() else None
