"""The Meetings & agenda view: every meeting of the group, past and upcoming."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from meetingroom.ui.meeting_model import MeetingTableModel
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import View, explanation, heading, records_table


class MeetingsAgendaView(View):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("MeetingsAgendaView", "Meetings & agenda")

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        meetings_label = QLabel(self.tr("M&eetings"))
        self.model = MeetingTableModel(session)
        self.meetings = records_table(self.tr("Meetings"), self.model)
        meetings_label.setBuddy(self.meetings)
        layout.addWidget(meetings_label)
        layout.addWidget(self.meetings, 1)
        layout.addWidget(explanation(self.tr(
            "Setting up meetings, checking the arrangements, and building the agenda with "
            "members come next.")))
