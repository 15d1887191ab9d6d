"""A workspace's meetings as a table: date, title, mode, status."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from meetingroom.domain.meeting import Meeting
from meetingroom.store.meetings import list_meetings
from meetingroom.ui.labels import label
from meetingroom.ui.record_model import RecordTableModel
from meetingroom.ui.session import WorkspaceSession


class MeetingTableModel(RecordTableModel[Meeting]):
    TABLES = frozenset({"meeting"})

    def __init__(self, session: WorkspaceSession) -> None:
        super().__init__(session, [self.tr("Date and time"), self.tr("Title"), self.tr("Mode"),
                                   self.tr("Status")])

    def load(self) -> list[Meeting]:
        return list_meetings(self._session.workspace)

    def meeting(self, row: int) -> Meeting:
        return self.record(row)

    def cell(self, meeting: Meeting, column: int) -> str:
        if column == 0:
            return QLocale().toString(meeting.start, "ddd d MMM yyyy, HH:mm")
        if column == 1:
            return meeting.title
        if column == 2:
            return label(meeting.mode)
        return label(meeting.status)
