"""Check-in in the store: one person's attendance set, put back or cleared, and a guest who
came on the day added, invited and marked present, then taken away again."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from meetingroom.domain.conduct import Card, CardKind
from meetingroom.domain.meeting import Attendance, AttendanceStatus, Meeting
from meetingroom.domain.people import Member, Role
from meetingroom.store import Workspace
from meetingroom.store.check_in import (
    add_guest,
    attendance_of,
    clear_attendance,
    put_attendance,
    remove_guest,
)
from meetingroom.store.conduct import add_card
from meetingroom.store.meetings import add_meeting, attendance, invited_member_ids, set_attendance
from meetingroom.store.members import add_member, get_member, list_members

ARRIVED = datetime(2026, 11, 24, 10, 2)


@pytest.fixture
def ws(workspace_path: Path):  # type: ignore[no-untyped-def]
    with Workspace.create(workspace_path) as workspace:
        yield workspace


@pytest.fixture
def meeting(ws: Workspace) -> int:
    return add_meeting(ws, Meeting("Board", datetime(2026, 11, 24, 10)))


def test_set_read_clear_and_put_back(ws: Workspace, meeting: int) -> None:
    person = add_member(ws, Member("Alex Smith"))
    assert attendance_of(ws, meeting, person) is None
    set_attendance(ws, Attendance(meeting, person, AttendanceStatus.PRESENT, ARRIVED))
    was = attendance_of(ws, meeting, person)
    assert was == Attendance(meeting, person, AttendanceStatus.PRESENT, ARRIVED)
    clear_attendance(ws, meeting, person)
    assert attendance(ws, meeting) == []
    put_attendance(ws, meeting, person, was)
    assert attendance(ws, meeting) == [was]
    put_attendance(ws, meeting, person, Attendance(0, 0, AttendanceStatus.APOLOGIES))
    assert attendance_of(ws, meeting, person) == Attendance(meeting, person, AttendanceStatus.APOLOGIES)
    put_attendance(ws, meeting, person, None)
    assert attendance_of(ws, meeting, person) is None


def test_a_guest_is_added_invited_and_present_then_removed_entirely(ws: Workspace, meeting: int) -> None:
    heard: list[frozenset[str]] = []
    ws.on_change(heard.append)
    guest = Member("Jo Bloggs", Role.SUPPORTER, preferred_name="Jo")
    guest_id = add_guest(ws, meeting, guest, ARRIVED)
    assert len(heard) == 1 and {"member", "invitation", "attendance"} <= heard[0]
    assert get_member(ws, guest_id).preferred_name == "Jo"
    assert invited_member_ids(ws, meeting) == [guest_id]
    assert attendance(ws, meeting) == [Attendance(meeting, guest_id, AttendanceStatus.PRESENT, ARRIVED)]
    assert remove_guest(ws, meeting, guest_id) is True
    assert list_members(ws) == [] and invited_member_ids(ws, meeting) == [] and attendance(ws, meeting) == []
    # Redo: the same person comes back with the same id.
    guest.id = guest_id
    assert add_guest(ws, meeting, guest, ARRIVED) == guest_id
    assert attendance_of(ws, meeting, guest_id) is not None


def test_a_guest_in_other_records_is_kept_when_taken_away(ws: Workspace, meeting: int) -> None:
    guest_id = add_guest(ws, meeting, Member("Jo Bloggs", Role.SUPPORTER), ARRIVED)
    add_card(ws, Card(meeting, CardKind.SLOW_DOWN, ARRIVED, guest_id))
    assert remove_guest(ws, meeting, guest_id) is False
    assert [m.id for m in list_members(ws)] == [guest_id]
    assert invited_member_ids(ws, meeting) == [] and attendance(ws, meeting) == []
    # Redo reuses the kept row.
    assert add_guest(ws, meeting, get_member(ws, guest_id), ARRIVED) == guest_id
    assert len(list_members(ws)) == 1 and invited_member_ids(ws, meeting) == [guest_id]
