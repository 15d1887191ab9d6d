"""What every view shares: a heading, and a plain empty state for work still to come."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meetingroom.ui.session import WorkspaceSession

SIZING_SAMPLE_ROWS = 50


def heading(text: str) -> QLabel:
    """A view's heading: larger and bold, announced as a heading-like label."""
    title = QLabel(text)
    title.setObjectName("viewHeading")  # sized by the theme's style sheet, so it follows text size
    title.setAccessibleName(text)
    title.setWordWrap(True)
    return title


def explanation(text: str) -> QLabel:
    words = QLabel(text)
    words.setWordWrap(True)
    words.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return words


def records_table(name: str, model: QAbstractItemModel) -> QTableView:
    """A read-only table of records: whole rows selected, Tab leaves it, columns sized once.

    Columns are sized from a sample of rows when the table is made, then left to the person:
    sizing every column to all its contents would read every row on every layout pass.
    """
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(SIZING_SAMPLE_ROWS)
    header.setStretchLastSection(True)
    table.resizeColumnsToContents()
    return table


class LazyTabs(QTabWidget):
    """Tabs whose pages are built the first time they are shown, so a view opens quickly.

    Tab titles carry a mnemonic (Alt+letter); Ctrl+Tab and Ctrl+PgDown also move between tabs.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.tabBar().setAccessibleName(name)
        self.setDocumentMode(True)
        self._factories: dict[int, Callable[[], QWidget]] = {}
        self.currentChanged.connect(self._build)

    def add(self, title: str, factory: Callable[[], QWidget]) -> None:
        placeholder = QWidget()
        placeholder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        index = self.addTab(placeholder, title)
        self._factories[index] = factory
        if index == self.currentIndex():
            self._build(index)

    def _build(self, index: int) -> None:
        factory = self._factories.pop(index, None)
        if factory is None:
            return
        page = factory()
        title = self.tabText(index)
        placeholder = self.widget(index)
        self.blockSignals(True)
        self.removeTab(index)
        self.insertTab(index, page, title)
        self.setCurrentIndex(index)
        self.blockSignals(False)
        placeholder.deleteLater()


class View(QWidget):
    """A section of the main window over an open workspace."""

    @staticmethod
    def title() -> str:
        raise NotImplementedError

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(self.title())


class EmptyStateView(View):
    """A view whose feature comes later says plainly what will be there."""

    @staticmethod
    def coming() -> str:
        raise NotImplementedError

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(explanation(self.coming()))
        layout.addWidget(explanation(QCoreApplication.translate(
            "EmptyStateView", "This part of MeetingRoom is still being built.")))
        layout.addStretch(1)
