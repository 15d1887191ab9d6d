"""A time the group avoids (Friday prayers, the school run): said in words, and the small
dialog that adds or changes one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.group import AvoidTime


def _t(text: str) -> str:
    return QCoreApplication.translate("AvoidTimeDialog", text)


def weekday_names() -> list[str]:
    return [_t("Monday"), _t("Tuesday"), _t("Wednesday"), _t("Thursday"), _t("Friday"),
            _t("Saturday"), _t("Sunday")]


def _weekdays_plural() -> list[str]:
    return [_t("Mondays"), _t("Tuesdays"), _t("Wednesdays"), _t("Thursdays"), _t("Fridays"),
            _t("Saturdays"), _t("Sundays")]


def describe_avoid_time(window: AvoidTime) -> str:
    """"Friday prayers: Fridays 12:30 to 14:00", or "School run: every day 15:00 to 15:45"."""
    days = _t("every day") if window.weekday is None else _weekdays_plural()[window.weekday]
    return (_t("%1: %2 %3 to %4").replace("%1", window.label).replace("%2", days)
            .replace("%3", window.start).replace("%4", window.end))


def _time_box(name: str) -> QTimeEdit:
    box = QTimeEdit()
    box.setDisplayFormat("HH:mm")
    box.setAccessibleName(name)
    return box


class AvoidTimeDialog(QDialog):
    """Add a time to avoid (no `window` given) or change one; `avoid_time()` after OK."""

    def __init__(self, parent: QWidget | None = None, window: AvoidTime | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a time to avoid") if window is None
                            else self.tr("Change a time to avoid"))
        self.label = QLineEdit()
        self.label.setAccessibleName(self.tr("What it is"))
        self.label.setPlaceholderText(self.tr("for example Friday prayers"))
        self.day = QComboBox()
        self.day.setAccessibleName(self.tr("Day"))
        self.day.addItem(self.tr("Every day"), None)
        for number, name in enumerate(weekday_names()):
            self.day.addItem(name, number)
        self.start = _time_box(self.tr("From"))
        self.end = _time_box(self.tr("To"))
        rows = QFormLayout()
        rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field in ((self.tr("&What it is:"), self.label), (self.tr("&Day:"), self.day),
                            (self.tr("&From:"), self.start), (self.tr("&To:"), self.end)):
            words = QLabel(text)
            words.setBuddy(field)
            rows.addRow(words, field)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(rows)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        start, end = (window.start, window.end) if window else ("12:00", "13:00")
        self.label.setText(window.label if window else "")
        self.day.setCurrentIndex(self.day.findData(window.weekday) if window else 0)
        self.start.setTime(QTime.fromString(start, "HH:mm"))
        self.end.setTime(QTime.fromString(end, "HH:mm"))

    def avoid_time(self) -> AvoidTime:
        return AvoidTime(self.label.text().strip(), self.day.currentData(),
                         self.start.time().toString("HH:mm"), self.end.time().toString("HH:mm"))

    def accept(self) -> None:
        window = self.avoid_time()
        if not window.label:
            self._refuse(self.tr("Problem: say what this time is for, such as Friday prayers."),
                         self.label)
        elif window.start == window.end:
            self._refuse(self.tr("Problem: the time to avoid must end at a different time "
                                 "from when it starts."), self.end)
        else:
            super().accept()

    def _refuse(self, text: str, field: QWidget) -> None:
        self.problem.setText(text)
        self.problem.show()
        field.setFocus()
