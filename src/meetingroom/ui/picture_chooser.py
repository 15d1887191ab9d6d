"""Choose an OpenMoji picture for an easy-read point: type a word ("bus") and the pictures
that match show as large pictures with their names; arrows choose, Enter takes it.

With nothing typed, the picture suggested for the sentence comes first, then the point's own
picture, then the pictures made for meetings. Only the pictures on screen are drawn.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from meetingroom.language.picture_search import pictures_for
from meetingroom.language.pictures import choose_picture, picture_name
from meetingroom.ui.picture_icons import PictureIcons

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_PASSED_TO_LIST = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})

Index = QModelIndex | QPersistentModelIndex


def picture_px(widget: QWidget) -> int:
    """A large picture that grows with the text size (about 64 px at 100%)."""
    return max(48, round(widget.fontMetrics().height() * 3.6))


class PictureListModel(QAbstractListModel):
    """Picture codes with their names; a picture is drawn when a view first shows it."""

    def __init__(self, icons: PictureIcons, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icons = icons
        self.codes: list[str] = []
        self.notes: dict[str, str] = {}  # "suggested", "now"
        icons.ready.connect(self._drawn)

    def set_codes(self, codes: list[str], notes: dict[str, str]) -> None:
        self.beginResetModel()
        self.codes, self.notes = codes, notes
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.codes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.codes):
            return None
        code = self.codes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            note = self.notes.get(code)
            return f"{picture_name(code)}\n({note})" if note else picture_name(code)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            note = self.notes.get(code)
            return f"{picture_name(code)} ({note})" if note else picture_name(code)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icons.pixmap(code)
        if role == CODE_ROLE:
            return code
        return None

    def _drawn(self, code: str) -> None:
        if code in self.codes:
            index = self.index(self.codes.index(code), 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class _Cell(QStyledItemDelegate):
    """Every picture gets the same cell, so the names are laid out without asking for every
    picture (a list asks each item its size, and that would draw them all)."""

    def __init__(self, size: QSize, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.size = size

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self.size


class PictureChooser(QDialog):
    """`chosen()` is the picture's code once accepted. Open it with `open()` or `exec()`."""

    def __init__(self, sentence: str, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sentence = sentence
        self.current = current
        self.setWindowTitle(self.tr("Choose a picture"))
        layout = QVBoxLayout(self)
        said = QLabel(self.tr("Picture for: %1").replace("%1", sentence or self.tr("(no sentence yet)")))
        said.setWordWrap(True)
        said.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(said)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Find a picture by a word or its name:"))
        search_label.setWordWrap(True)
        search_label.setBuddy(self.search)
        self.search.setAccessibleDescription(self.tr("Up and Down choose a picture; Enter takes it"))
        layout.addWidget(search_label)
        layout.addWidget(self.search)

        px = picture_px(self)
        self.icons = PictureIcons(px, self)
        self.model = PictureListModel(self.icons, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Pictures"))
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(True)  # only the pictures on screen are asked for
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(px, px))
        line = self.fontMetrics().lineSpacing()
        cell = QSize(round(px * 1.9), px + line * 3 + 8)
        self.list.setItemDelegate(_Cell(cell, self.list))
        self.list.setGridSize(cell + QSize(8, 8))
        self.list.setTabKeyNavigation(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumSize(self.list.gridSize().width() * 4, self.list.gridSize().height() * 2)
        list_label = QLabel(self.tr("&Pictures:"))
        list_label.setBuddy(self.list)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        self.found = QLabel()
        self.found.setWordWrap(True)
        layout.addWidget(self.found)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Use this picture"))
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.search.textChanged.connect(self._search)
        self.search.installEventFilter(self)
        self.list.activated.connect(lambda _index: self.accept())
        self._search("")
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _search(self, text: str) -> None:
        codes = pictures_for(self.sentence, self.current, text)
        notes: dict[str, str] = {}
        if not text.strip():
            if self.sentence.strip():
                notes[choose_picture(self.sentence)] = self.tr("suggested")
            if self.current:
                notes.setdefault(self.current, self.tr("now"))
        self.model.set_codes(codes, notes)
        if codes:
            row = codes.index(self.current) if not text.strip() and self.current in codes else 0
            self.list.setCurrentIndex(self.model.index(row, 0))
            found = (self.tr("1 picture found.") if len(codes) == 1
                     else self.tr("%1 pictures found.").replace("%1", str(len(codes))))
            self.found.setText(found if text.strip() else self.tr("Type a word to find other pictures."))
        else:
            self.found.setText(self.tr("No picture has that word. Try another word."))
        self.ok.setEnabled(bool(codes))

    def chosen(self) -> str | None:
        index = self.list.currentIndex()
        return index.data(CODE_ROLE) if index.isValid() else None

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search box, Up, Down, Page Up and Page Down move through the pictures."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in _PASSED_TO_LIST):
            forwarded = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
            QCoreApplication.sendEvent(self.list, forwarded)
            return True
        return super().eventFilter(watched, event)
