"""The Meetings & agenda view: the group's meetings, and for the chosen one its set-up,
arrangements and agenda."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meetingroom.ui.agenda_panel import AgendaPanel
from meetingroom.ui.distribution_panel import DistributionPanel
from meetingroom.ui.form_fields import scrolling
from meetingroom.ui.meeting_commands import AddMeeting
from meetingroom.ui.meeting_model import MeetingTableModel
from meetingroom.ui.meeting_setup import MeetingSetupPanel
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import LazyTabs, View, heading, records_table


class MeetingsAgendaView(View):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("MeetingsAgendaView", "Meetings & agenda")

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._meeting_id: int | None = None
        self.setup: MeetingSetupPanel | None = None
        self.agenda: AgendaPanel | None = None
        self.distribution: DistributionPanel | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        meetings_label = QLabel(self.tr("M&eetings:"))
        self.model = MeetingTableModel(session)
        self.meetings = records_table(self.tr("Meetings"), self.model)
        self.meetings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        meetings_label.setBuddy(self.meetings)
        top_layout.addWidget(meetings_label)
        top_layout.addWidget(self.meetings, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New meeting"))
        self.documents_button = QPushButton(self.tr("Make agenda and in&vitations…"))
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.documents_button)
        buttons.addStretch(1)
        top_layout.addLayout(buttons)

        self.tabs = LazyTabs(self.tr("Parts of the chosen meeting"))
        self.tabs.add(self.tr("Set-up and &arrangements"), self._make_setup)
        self.tabs.add(self.tr("A&genda"), self._make_agenda)
        self.tabs.add(self.tr("Pape&rs sent"), self._make_distribution)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([1000, 4000])  # in proportion: most of the room for the chosen meeting
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.add_meeting)
        self.documents_button.clicked.connect(self.make_documents)
        self.meetings.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.model.modelReset.connect(self._reselect)
        self.choose_meeting(self._next_meeting_id())

    def _make_setup(self) -> QWidget:
        self.setup = MeetingSetupPanel(self.session)
        self.setup.show_meeting(self._meeting_id)
        return self.setup

    def _make_distribution(self) -> QWidget:
        self.distribution = DistributionPanel(self.session)
        self.distribution.show_meeting(self._meeting_id)
        return self.distribution

    def _make_agenda(self) -> QWidget:
        self.agenda = AgendaPanel(self.session)
        self.agenda.show_meeting(self._meeting_id)
        return scrolling(self.agenda)  # at large text on a short screen the page scrolls, never squashes

    def _next_meeting_id(self) -> int | None:
        """The next meeting to come, else the latest one: what a facilitator works on."""
        meetings = [self.model.meeting(row) for row in range(self.model.rowCount())]
        if not meetings:
            return None
        now = datetime.now()
        upcoming = [m for m in meetings if m.start >= now]
        return (upcoming[0] if upcoming else meetings[-1]).id

    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    def choose_meeting(self, meeting_id: int | None) -> None:
        """Select this meeting in the list and show it in the tabs."""
        for row in range(self.model.rowCount()):
            if self.model.meeting(row).id == meeting_id:
                self.meetings.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                return
        self._show(None)

    def _row_chosen(self) -> None:
        row = self.meetings.currentIndex().row()
        self._show(self.model.meeting(row).id if row >= 0 else None)

    def _reselect(self) -> None:
        chosen = self._meeting_id
        if any(self.model.meeting(r).id == chosen for r in range(self.model.rowCount())):
            self.choose_meeting(chosen)
        else:
            self.choose_meeting(self._next_meeting_id())

    def _show(self, meeting_id: int | None) -> None:
        if meeting_id == self._meeting_id and meeting_id is not None:
            return
        self._meeting_id = meeting_id
        self.documents_button.setEnabled(meeting_id is not None)
        for panel in (self.setup, self.agenda, self.distribution):
            if panel is not None:
                panel.show_meeting(meeting_id)

    def add_meeting(self) -> None:
        command = AddMeeting(self.session.workspace)
        self.session.undo_stack.push(command)
        self.choose_meeting(command.meeting_id)
        self.tabs.setCurrentIndex(0)
        if self.setup is not None:
            self.setup.setFocus()
            self.setup.focusNextChild()

    def make_documents(self) -> None:
        from meetingroom.ui.agenda_documents import make_agenda_documents

        if self._meeting_id is not None:
            make_agenda_documents(self, self.session, self._meeting_id)
