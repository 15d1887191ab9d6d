"""Form pieces the set-up panels share: text boxes that grow and say when editing is finished,
lists as tall as their rows, forms that wrap at large text sizes, and labelled fields."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)


class TextBox(QPlainTextEdit):
    """Multi-line text that Tab leaves, grows with its text (from `lines` up to `most` lines),
    and says `editingFinished` when it loses focus."""

    editingFinished = Signal()

    def __init__(self, lines: int = 3, most: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines, self._most = lines, most
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.textChanged.connect(self.updateGeometry)

    def _text_lines(self) -> float:
        margin = int(self.document().documentMargin())
        width = max(self.viewport().width() - 2 * margin, 40)
        box = self.fontMetrics().boundingRect(QRect(0, 0, width, 1 << 20),
                                              Qt.TextFlag.TextWordWrap, self.toPlainText() or " ")
        return box.height() / max(self.fontMetrics().lineSpacing(), 1)

    def sizeHint(self) -> QSize:
        lines = min(max(self._lines, self._text_lines()), self._most)
        margins = self.contentsMargins()
        height = (self.fontMetrics().lineSpacing() * lines
                  + 2 * self.document().documentMargin() + margins.top() + margins.bottom())
        return QSize(super().sizeHint().width(), int(height) + 1)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class _WrapWithRoom(QStyledItemDelegate):
    """Works out a row's height as if it were narrower by the size of a tick box: the theme's
    tick boxes grow with the text, but the style measures rows with its own small ones, so
    without this a long line can fit when measured and then be cut short ("…") when drawn."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        narrower = QStyleOptionViewItem(option)
        room = 2 * option.fontMetrics.height()
        narrower.rect = QRect(option.rect.x(), option.rect.y(), max(option.rect.width() - room, 40),
                              option.rect.height())
        return super().sizeHint(narrower, index)


class FittedList(QListWidget):
    """A list as tall as its rows, word-wrapped at its width (up to `most_lines` lines of text,
    then it scrolls), so a form scrolls once, not twice. Tab leaves it rather than moving
    between rows."""

    def __init__(self, most_lines: int = 40, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._most_lines = most_lines
        self._laid_out_height = -1
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setItemDelegate(_WrapWithRoom(self))

    def sizeHint(self) -> QSize:
        spacing = self.fontMetrics().lineSpacing()
        rows = self.contentsSize().height() if self.count() else 0
        height = min(max(rows, spacing * 2), spacing * self._most_lines)
        return QSize(super().sizeHint().width(), height + 2 * self.frameWidth() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def updateGeometries(self) -> None:
        """Called after the rows are laid out (at a new width, or with new rows): fit them."""
        super().updateGeometries()
        height = self.contentsSize().height()
        if height != self._laid_out_height:
            self._laid_out_height = height
            self.updateGeometry()


def form() -> QFormLayout:
    """A form whose long rows put the field under its label rather than squeeze it (UI5)."""
    layout = QFormLayout()
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return layout


def buddy(text: str, field: QWidget, name: str) -> QLabel:
    """A word-wrapped label with a mnemonic for `field`, which gets `name` as its accessible name."""
    words = QLabel(text)
    words.setWordWrap(True)
    words.setBuddy(field)
    field.setAccessibleName(name)
    return words


def scrolling(content: QWidget) -> QScrollArea:
    """A frameless scroll area that is not a Tab stop itself, so focus goes straight to fields."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def date_box(day: date, name: str) -> QDateEdit:
    """A date written out in full ("3 November 2026"), with a calendar to pick from."""
    box = QDateEdit(QDate(day))
    box.setDisplayFormat("d MMMM yyyy")
    box.setCalendarPopup(True)
    box.setAccessibleName(name)
    return box


def period_of(start: QDateEdit, end: QDateEdit) -> tuple[date, date]:
    """The period two date boxes give, earlier day first whichever way round they were set."""
    first, last = start.date().toPython(), end.date().toPython()
    assert isinstance(first, date) and isinstance(last, date)
    return (first, last) if first <= last else (last, first)


def number_box(low: int, high: int, suffix: str, step: int = 1) -> QSpinBox:
    """A spin box that reports a typed value once, when Return is pressed or focus leaves."""
    box = QSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setKeyboardTracking(False)
    return box


def choices(values: list[tuple[str, Any]]) -> QComboBox:
    """A drop-down list of (words, value); a str enum value comes back from Qt as a plain str."""
    box = QComboBox()
    for text, value in values:
        box.addItem(text, value)
    return box


def choose(box: QComboBox, value: object) -> None:
    """Show `value` in the box without telling anyone (the store already has it)."""
    with QSignalBlocker(box):
        box.setCurrentIndex(max(0, box.findData(value)))


KEY = Qt.ItemDataRole.UserRole  # where a tick list keeps each row's id or key


def check_item(text: str, key: object, checked: bool) -> QListWidgetItem:
    """A row of a tick list: Space or a click ticks it; `key` is kept under KEY."""
    item = QListWidgetItem(text)
    item.setData(KEY, key)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def is_ticked(item: QListWidgetItem) -> bool:
    return item.checkState() == Qt.CheckState.Checked


class ListKeyButton(QPushButton):
    """A button pressed by its Alt+letter while the list has the focus gives the focus back
    to the list, so the next person can be found by typing straight away."""

    def __init__(self, text: str, back_to: QWidget) -> None:
        super().__init__(text)
        self._back_to = back_to

    def event(self, e: QEvent) -> bool:
        if e.type() != QEvent.Type.Shortcut:
            return super().event(e)
        came_from = QApplication.focusWidget()
        handled = super().event(e)
        if came_from is self._back_to:
            self._back_to.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return handled


def fit_width(dialog: QDialog, characters: int) -> None:
    """Wide enough for about this many characters of its text (so a rule or a name is seen
    whole at any text size), never wider than the screen."""
    wanted = dialog.fontMetrics().averageCharWidth() * characters
    screen = dialog.screen().availableGeometry().width() if dialog.screen() else wanted
    dialog.resize(max(dialog.sizeHint().width(), min(wanted, screen * 9 // 10)), dialog.sizeHint().height())


def scrolled_page(panel: QWidget) -> QVBoxLayout:
    """The panel's layout, inside a scroll area: at 200% text in a small window the panel
    scrolls as a whole rather than squeezing its list or buttons until they are cut off."""
    outer = QVBoxLayout(panel)
    outer.setContentsMargins(0, 0, 0, 0)
    inside = QWidget()
    outer.addWidget(scrolling(inside))
    return QVBoxLayout(inside)
