"""The first screen when no workspace is open: start a new group, or explore the example."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from meetingroom.ui.views.base import explanation, heading


class WelcomePage(QWidget):
    new_group_requested = Signal()
    example_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Welcome"))
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(heading(self.tr("Welcome to MeetingRoom")))
        layout.addWidget(explanation(self.tr(
            "MeetingRoom helps you run accessible, inclusive meetings: build the agenda with "
            "members, send papers in each person's format, share speaking time fairly, and tell "
            "everyone what happened to what they said. Everything stays on this computer.")))
        layout.addWidget(explanation(self.tr("What would you like to do?")))

        self.new_group = QPushButton(self.tr("&Start a new group"))
        self.new_group.setAccessibleDescription(self.tr(
            "Make a new workspace for your board, panel or network"))
        self.example = QPushButton(self.tr("E&xplore the example group"))
        self.example.setAccessibleDescription(self.tr(
            "Open a made-up co-production network with members, a past meeting and an upcoming one"))
        self.open = QPushButton(self.tr("&Open a workspace file…"))
        for button, signal in ((self.new_group, self.new_group_requested),
                               (self.example, self.example_requested),
                               (self.open, self.open_requested)):
            button.setMinimumHeight(44)
            button.clicked.connect(signal.emit)
            layout.addWidget(button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("warning")
        self.message.hide()
        layout.addWidget(self.message)
        layout.addStretch(1)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
