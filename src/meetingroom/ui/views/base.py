"""What every view shares: a heading, and a plain empty state for work still to come."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from meetingroom.ui.session import WorkspaceSession


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
