"""Checking people in at the meeting: one person's attendance read, set back or cleared, and
a guest or supporter who arrives on the spot (added, invited and marked present at once).

Attendance itself is saved by `store.meetings.set_attendance`; this module adds what the
check-in needs to undo exactly what it did.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from meetingroom.domain.meeting import Attendance, AttendanceStatus
from meetingroom.domain.people import Member
from meetingroom.store.meetings import invite, set_attendance
from meetingroom.store.members import add_member, delete_member, records_of
from meetingroom.store.rows import build
from meetingroom.store.workspace import Workspace


def attendance_of(ws: Workspace, meeting_id: int, member_id: int) -> Attendance | None:
    """What is recorded for one person at one meeting, or None when nothing is yet."""
    rows = ws.query("SELECT * FROM attendance WHERE meeting_id = ? AND member_id = ?",
                    (meeting_id, member_id))
    return build(Attendance, rows[0]) if rows else None


def clear_attendance(ws: Workspace, meeting_id: int, member_id: int) -> None:
    """Forget what was recorded for this person: they are "not recorded" again."""
    with ws.transaction() as connection:
        connection.execute("DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?",
                           (meeting_id, member_id))
        ws.touch("attendance")


def put_attendance(ws: Workspace, meeting_id: int, member_id: int,
                   attendance: Attendance | None) -> None:
    """Make this person's record exactly `attendance` (None clears it): set or put back."""
    if attendance is None:
        clear_attendance(ws, meeting_id, member_id)
    else:
        set_attendance(ws, replace(attendance, meeting_id=meeting_id, member_id=member_id))


def add_guest(ws: Workspace, meeting_id: int, member: Member, arrived_at: datetime) -> int:
    """Add a person who came on the day, invite them and mark them present, in one transaction.

    A member that already has an id is saved with it (redo after undo); if the row is still
    there (it was kept because it is in other records), it is reused as it is.
    """
    with ws.transaction():
        if member.id is None or not ws.query("SELECT 1 FROM member WHERE id = ?", (member.id,)):
            member_id = add_member(ws, replace(member))
        else:
            member_id = member.id
        invite(ws, meeting_id, [member_id])
        set_attendance(ws, Attendance(meeting_id, member_id, AttendanceStatus.PRESENT, arrived_at))
    return member_id


def remove_guest(ws: Workspace, meeting_id: int, member_id: int) -> bool:
    """Undo `add_guest`: clear their attendance and invitation, and delete the person unless
    they appear in some other record (which must be kept). True when the person was deleted."""
    with ws.transaction() as connection:
        connection.execute("DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?",
                           (meeting_id, member_id))
        connection.execute("DELETE FROM invitation WHERE meeting_id = ? AND member_id = ?",
                           (meeting_id, member_id))
        ws.touch("attendance", "invitation")
        if records_of(ws, member_id):
            return False
        delete_member(ws, member_id)
    return True
