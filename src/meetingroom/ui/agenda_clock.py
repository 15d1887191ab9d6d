"""The agenda at the table: the current item's timer, the break timer and the rest re-estimated.

F9 starts the next item (after the last, it closes the agenda). A break runs for the minutes
chosen and stops the item's clock while it lasts. Overruns are said in words and marked by a
style property for the theme (UI6), never by colour alone.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.agenda_progress import AgendaProgress, ItemProgress, ItemState
from meetingroom.ui import clock_words
from meetingroom.ui.form_fields import buddy, number_box
from meetingroom.ui.meeting_run import MeetingRun
from meetingroom.ui.views.base import records_table

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgendaClock", text)


def _clock_time(at: float) -> str:
    return datetime.fromtimestamp(at).strftime("%H:%M")


def item_state_words(row: ItemProgress) -> str:
    if row.state is ItemState.DONE:
        return _tr("Done: took %1 of %2 min").replace("%1", clock_words.figures(row.spent)).replace(
            "%2", str(row.item.minutes))
    if row.state is ItemState.CURRENT:
        return _tr("Now: %1").replace("%1", clock_words.left_or_over(row.seconds_left))
    return _tr("Expected at %1").replace("%1", _clock_time(row.expected_start or 0.0))


class ScheduleModel(QAbstractTableModel):
    """The agenda with each item's state in words: done, now, or when it is expected."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []
        self._headers = (_tr("No."), _tr("Item"), _tr("Minutes"), _tr("How it is going"))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[index.row()][index.column()]
        return None

    def show_progress(self, report: AgendaProgress) -> None:
        rows = [(str(r.number), r.item.title, str(r.item.minutes), item_state_words(r)) for r in report.items]
        if len(rows) != len(self._rows):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        elif rows != self._rows:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self._headers) - 1))


class AgendaClock(QGroupBox):
    def __init__(self, run: MeetingRun, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Agenda"), parent)
        self.run = run
        self.item = QLabel()
        self.item.setObjectName("currentItem")
        self.item.setWordWrap(True)
        self.item_left = QLabel()
        self.item_left.setWordWrap(True)
        self.lateness = QLabel()
        self.lateness.setWordWrap(True)
        self.next_button = QPushButton(_tr("Next item (F9)"))
        self.next_button.clicked.connect(lambda: self.run.next_item())
        self.break_minutes = number_box(1, 120, _tr(" min"))
        self.break_minutes.setValue(10)
        self.break_button = QPushButton(_tr("Start a bre&ak"))
        self.break_button.clicked.connect(self.toggle_break)
        self.break_left = QLabel()
        self.break_left.setWordWrap(True)
        self.model = ScheduleModel(self)
        self.schedule = records_table(_tr("Agenda schedule"), self.model)
        header = self.schedule.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        controls = QHBoxLayout()
        controls.addWidget(self.next_button)
        controls.addWidget(buddy(_tr("Brea&k minutes"), self.break_minutes, _tr("Break length in minutes")))
        controls.addWidget(self.break_minutes)
        controls.addWidget(self.break_button)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.item)
        layout.addWidget(self.item_left)
        layout.addWidget(self.break_left)
        layout.addLayout(controls)
        layout.addWidget(self.lateness)
        layout.addWidget(self.schedule, 1)

    def toggle_break(self) -> None:
        if self.run.state.on_break is not None:
            self.run.end_break()
        else:
            self.run.start_break(self.break_minutes.value())

    def refresh(self) -> None:
        report = self.run.progress()
        self.model.show_progress(report)
        self.refresh_clock(report)

    def refresh_clock(self, report: AgendaProgress | None = None) -> None:
        report = report if report is not None else self.run.progress()
        current = report.current
        if current is None:
            done = self.run.state.agenda_done
            self.item.setText(_tr("The agenda is finished.") if done else _tr("No item has started yet."))
            self.item_left.setText("")
            clock_words.mark_over(self.item_left, False)
            self.next_button.setText(_tr("Start the first item (F9)") if not done else _tr("Next item (F9)"))
        else:
            self.item.setText(_tr("Item %1 of %2: %3").replace("%1", str(current.number)).replace(
                "%2", str(len(report.items))).replace("%3", current.item.title))
            left = current.seconds_left
            self.item_left.setText(f"{clock_words.figures(left)} — {clock_words.left_or_over(left)}")
            clock_words.mark_over(self.item_left, clock_words.is_over(left))
            last = report.next_item() is None
            self.next_button.setText(_tr("Finish the agenda (F9)") if last else _tr("Next item (F9)"))
        self.next_button.setEnabled(bool(report.items) and not (current is None and self.run.state.agenda_done
                                                              and report.next_item() is None))
        on_break = self.run.state.on_break
        if on_break is not None:
            left = on_break.seconds_left(self.run.now())
            self.break_left.setText(_tr("Break: %1").replace("%1", clock_words.left_or_over(left)))
            clock_words.mark_over(self.break_left, clock_words.is_over(left))
            self.break_button.setText(_tr("End the bre&ak"))
        else:
            self.break_left.setText("")
            self.break_button.setText(_tr("Start a bre&ak"))
        self.break_left.setVisible(on_break is not None)
        late = report.running_late
        if current is None and not report.items:
            self.lateness.setText("")
        elif abs(late) < 60:
            self.lateness.setText(_tr("On time: expected to finish at %1.").replace(
                "%1", _clock_time(report.expected_finish)))
        else:
            words = _tr("Running %1 late") if late > 0 else _tr("Running %1 early")
            self.lateness.setText((words + _tr(": expected to finish at %2.")).replace(
                "%1", clock_words.left_or_over(-abs(late)).rsplit(" ", 1)[0]).replace(
                "%2", _clock_time(report.expected_finish)))
