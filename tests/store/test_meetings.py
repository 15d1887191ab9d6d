"""Venues, meeting set-up, invitations and arrangement ticks in the workspace."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.group import AvoidTime, Group
from meetingroom.domain.meeting import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingMode,
    Venue,
    VenueFeature,
)
from meetingroom.domain.outcomes import Decision
from meetingroom.domain.people import Member
from meetingroom.store import Workspace, groups, meetings, members, outcomes
from meetingroom.store.meetings import MeetingHasRecords


@pytest.fixture
def ws(workspace_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(workspace_path)
    yield workspace
    workspace.close()


@pytest.fixture
def heard(ws: Workspace) -> list[frozenset[str]]:
    changes: list[frozenset[str]] = []
    ws.on_change(changes.append)
    return changes


def test_venues_listed_by_name_updated_and_deleted(ws: Workspace, heard: list[frozenset[str]]) -> None:
    hall = Venue("St Brigid's Hall", address="Church Walk", features=frozenset({VenueFeature.REFRESHMENTS}))
    hub = Venue("community hub", directions="Bus 7", features=frozenset({VenueFeature.STEP_FREE}))
    meetings.add_venue(ws, hall)
    meetings.add_venue(ws, hub)
    assert heard[-1] == {"venue", "venue_feature"}
    assert meetings.list_venues(ws) == [hub, hall]  # by name, ignoring case
    hub.features = frozenset({VenueFeature.HEARING_LOOP, VenueFeature.QUIET_ROOM})
    hub.address = "14 Mill Lane"
    meetings.update_venue(ws, hub)
    assert heard[-1] == {"venue", "venue_feature"}
    assert meetings.get_venue(ws, hub.id) == hub
    meeting = Meeting("At the hub", datetime(2026, 7, 7, 10, 30), venue_id=hub.id)
    meetings.add_meeting(ws, meeting)
    meetings.delete_venue(ws, hub.id)
    assert "venue" in heard[-1] and "meeting" in heard[-1]
    assert meetings.list_venues(ws) == [hall]
    assert meetings.get_meeting(ws, meeting.id).venue_id is None
    assert ws.query("SELECT COUNT(*) FROM venue_feature WHERE venue_id = ?", (hub.id,))[0][0] == 0


def test_a_deleted_venue_comes_back_with_its_id(ws: Workspace) -> None:
    venue = Venue("Hall", features=frozenset({VenueFeature.STEP_FREE}))
    venue_id = meetings.add_venue(ws, venue)
    meetings.delete_venue(ws, venue_id)
    assert meetings.add_venue(ws, venue) == venue_id
    assert meetings.get_venue(ws, venue_id) == venue


def test_update_and_delete_meeting(ws: Workspace, heard: list[frozenset[str]]) -> None:
    meeting = Meeting("Panel", datetime(2026, 7, 7, 10, 30))
    meetings.add_meeting(ws, meeting)
    meeting.title, meeting.minutes, meeting.mode = "Panel (online)", 90, MeetingMode.ONLINE
    meetings.update_meeting(ws, meeting)
    assert heard[-1] == {"meeting"}
    assert meetings.get_meeting(ws, meeting.id) == meeting
    person = Member("Ade")
    members.add_member(ws, person)
    meetings.set_invited(ws, meeting.id, [person.id])
    meetings.set_arrangement_done(ws, meeting.id, "breaks", True)
    meetings.add_agenda_item(ws, AgendaItem(meeting.id, "Welcome", 1))
    meetings.delete_meeting(ws, meeting.id)
    assert {"meeting", "invitation", "arrangement", "agenda_item"} <= heard[-1]
    assert meetings.list_meetings(ws) == []
    for table in ("invitation", "arrangement", "agenda_item"):
        assert ws.query(f"SELECT COUNT(*) FROM {table}")[0][0] == 0  # noqa: S608
    # Undone delete: the meeting comes back with the same id.
    assert meetings.add_meeting(ws, meeting) == meeting.id
    assert meetings.get_meeting(ws, meeting.id) == meeting


def test_a_meeting_with_records_is_never_deleted(ws: Workspace) -> None:
    meeting = Meeting("Held", datetime(2026, 5, 5, 10, 30))
    meetings.add_meeting(ws, meeting)
    person = Member("Ade")
    members.add_member(ws, person)
    meetings.set_attendance(ws, Attendance(meeting.id, person.id, AttendanceStatus.PRESENT))
    outcomes.add_decision(ws, Decision(meeting.id, "Meet at the hub"))
    assert meetings.held_records(ws, meeting.id) == ["attendance", "decisions"]
    with pytest.raises(MeetingHasRecords, match="cannot be deleted.*attendance, decisions"):
        meetings.delete_meeting(ws, meeting.id)
    assert meetings.get_meeting(ws, meeting.id) == meeting


def test_set_invited_replaces_the_list(ws: Workspace, heard: list[frozenset[str]]) -> None:
    meeting = Meeting("Panel", datetime(2026, 7, 7, 10, 30))
    meetings.add_meeting(ws, meeting)
    people = [Member(f"Person {n}") for n in range(4)]
    for p in people:
        members.add_member(ws, p)
    ids = [p.id for p in people]
    meetings.set_invited(ws, meeting.id, ids[:3])
    assert heard[-1] == {"invitation"}
    assert meetings.invited_member_ids(ws, meeting.id) == ids[:3]
    meetings.set_invited(ws, meeting.id, (ids[3], ids[1]))
    assert meetings.invited_member_ids(ws, meeting.id) == sorted([ids[1], ids[3]])
    meetings.set_invited(ws, meeting.id, [])
    assert meetings.invited_member_ids(ws, meeting.id) == []


def test_arrangement_ticks(ws: Workspace, heard: list[frozenset[str]]) -> None:
    first, second = Meeting("One", datetime(2026, 7, 7, 10)), Meeting("Two", datetime(2026, 8, 7, 10))
    meetings.add_meeting(ws, first)
    meetings.add_meeting(ws, second)
    assert meetings.arrangement_done(ws, first.id) == {}
    meetings.set_arrangement_done(ws, first.id, "hearing-loop", True)
    meetings.set_arrangement_done(ws, first.id, "bsl-interpreter", True)
    meetings.set_arrangement_done(ws, first.id, "bsl-interpreter", False)
    assert heard[-1] == {"arrangement"}
    assert meetings.arrangement_done(ws, first.id) == {"hearing-loop": True, "bsl-interpreter": False}
    assert meetings.arrangement_done(ws, second.id) == {}


def test_group_settings_round_trip_and_replace_times_to_avoid(ws: Workspace, heard: list[frozenset[str]]) -> None:
    contact = Member("Rhiannon")
    members.add_member(ws, contact)
    group = Group("Network", purpose="Shape services", contact_member_id=contact.id,
                  meeting_minutes=90, papers_deadline_days=10, feedback_deadline_days=21,
                  max_stretch_minutes=45, turn_seconds=150,
                  times_to_avoid=(AvoidTime("Friday prayers", 4, "12:30", "14:00"),
                                  AvoidTime("School run", None, "15:00", "15:45")))
    groups.save_group(ws, group)
    assert groups.get_group(ws) == group
    group.times_to_avoid = group.times_to_avoid[1:]
    group.turn_seconds = 120
    groups.save_group(ws, group)
    assert heard[-1] == {"group_info", "avoid_time"}
    assert groups.get_group(ws) == group
    assert ws.query("SELECT COUNT(*) FROM avoid_time")[0][0] == 1
