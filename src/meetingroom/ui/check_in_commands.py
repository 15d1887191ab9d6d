"""Undoable check-in: mark one person present, apologies, absent or not recorded, and add a
guest or supporter who came on the day. Each calls `meetingroom.store.check_in`; the store
commits at once, so a check-in is never lost.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from meetingroom.domain.meeting import Attendance, AttendanceStatus
from meetingroom.domain.people import Member
from meetingroom.store import Workspace
from meetingroom.store.check_in import add_guest, attendance_of, put_attendance, remove_guest


def _t(text: str) -> str:
    return QCoreApplication.translate("check_in_commands", text)


def _what(status: AttendanceStatus | None) -> str:
    return {AttendanceStatus.PRESENT: _t("Mark present"),
            AttendanceStatus.APOLOGIES: _t("Mark apologies"),
            AttendanceStatus.ABSENT: _t("Mark absent"),
            None: _t("Clear check-in")}[status]


class SetCheckIn(QUndoCommand):
    """Record one person's status at the meeting (None: not recorded); undo puts back what
    was recorded before. Present records `now` as the arrival time, unless the person was
    already present, who keeps the time they really arrived.

    The undo text never names the person: it may be written to logs.
    """

    def __init__(self, workspace: Workspace, meeting_id: int, member_id: int,
                 status: AttendanceStatus | None, now: datetime) -> None:
        super().__init__(_what(status))
        self._workspace = workspace
        self._meeting_id = meeting_id
        self._member_id = member_id
        self.before = attendance_of(workspace, meeting_id, member_id)
        self.after: Attendance | None = None
        if status is not None:
            arrived: datetime | None = None
            if status is AttendanceStatus.PRESENT:
                kept = self.before if self.before is not None and self.before.status is status else None
                arrived = kept.arrived_at if kept is not None and kept.arrived_at else now
            self.after = Attendance(meeting_id, member_id, status, arrived)
        self.setObsolete(self.after == self.before)

    def redo(self) -> None:
        put_attendance(self._workspace, self._meeting_id, self._member_id, self.after)

    def undo(self) -> None:
        put_attendance(self._workspace, self._meeting_id, self._member_id, self.before)


class AddGuest(QUndoCommand):
    """Add a guest or supporter on the spot: a new member, invited and present from `now`.

    Undo takes all of it away again; the person is deleted only if nothing else records them
    (otherwise they stay in the members list, neither invited nor checked in). Redo brings
    them back with the same id.
    """

    def __init__(self, workspace: Workspace, meeting_id: int, member: Member, now: datetime) -> None:
        super().__init__(_t("Add a guest or supporter"))
        self._workspace = workspace
        self._meeting_id = meeting_id
        self._member = replace(member, id=None)
        self._now = now

    @property
    def member_id(self) -> int | None:
        return self._member.id

    def redo(self) -> None:
        self._member.id = add_guest(self._workspace, self._meeting_id, self._member, self._now)

    def undo(self) -> None:
        assert self._member.id is not None
        remove_guest(self._workspace, self._meeting_id, self._member.id)
