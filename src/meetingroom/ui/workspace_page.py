"""The page shown while a workspace is open: navigation on the left, the chosen view on the right.

Views are built the first time they are shown, so opening a big workspace stays quick.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views import VIEWS, View


class WorkspacePage(QWidget):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.navigation.setAccessibleDescription(self.tr("Choose a part of MeetingRoom; Ctrl+1 to Ctrl+6"))
        self.stack = QStackedWidget()
        self._views: dict[int, View] = {}
        for number, entry in enumerate(VIEWS, start=1):
            self.navigation.addItem(entry.title())
            placeholder = QWidget()
            placeholder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.stack.addWidget(placeholder)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda row=number - 1: self.show_view(row, focus=True))
        self._fit_navigation()
        layout = QHBoxLayout(self)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.navigation.currentRowChanged.connect(self.show_view)
        self.navigation.setCurrentRow(0)

    def _fit_navigation(self) -> None:
        """Wide enough for the longest section name at the current text size, never clipped."""
        frame = 2 * self.navigation.frameWidth() + self.navigation.spacing() * 2
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + frame + 24)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._fit_navigation)
        super().changeEvent(event)

    def view(self, row: int) -> View:
        """The view at this row of the navigation, built on first use."""
        if row not in self._views:
            view = VIEWS[row].load()(self.session)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, view)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._views[row] = view
        return self._views[row]

    def show_view(self, row: int, focus: bool = False) -> None:
        if row < 0:
            return
        view = self.view(row)
        self.stack.setCurrentWidget(view)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
        if focus:
            view.setFocus()
            view.focusNextChild()

    def current_view(self) -> View:
        return self.view(self.navigation.currentRow())
