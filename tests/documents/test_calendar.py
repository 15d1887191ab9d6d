"""The .ics calendar file, read back with icalendar: one event, a stable UID, UK times with
their time zone written in (no network needed), and the agenda in the description."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from meetingroom.documents.calendar import meeting_ics, meeting_uid
from meetingroom.documents.snapshot import take_snapshot
from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.meeting import Meeting, MeetingMode
from meetingroom.store import Workspace
from meetingroom.store.meetings import add_agenda_item, add_meeting
from tests.documents.example_meeting import snapshot_of, write

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return write(tmp_path / "example.meetingroom")


def _event(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_one_event_with_uk_times_and_the_time_zone_written_in(example: Path) -> None:
    snapshot = snapshot_of(example)
    stamp = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)
    data = meeting_ics(snapshot, stamp=stamp)
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and "MeetingRoom" in str(calendar["PRODID"])
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/London"]
    event = _event(data)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime(2026, 12, 8, 10, 30, tzinfo=LONDON)
    assert end - start == timedelta(minutes=120)
    assert start.utcoffset() == timedelta(0)  # December: GMT
    assert b"DTSTART;TZID=Europe/London:20261208T103000" in data
    assert event.decoded("DTSTAMP") == stamp
    assert str(event["SUMMARY"]) == snapshot.title
    assert str(event["LOCATION"]) == (
        "Riverside Community Hub, Main Hall, 14 Mill Lane, Riverside RV1 2AB (or online)")


def test_uid_is_the_same_every_time_for_one_meeting(example: Path) -> None:
    snapshot = snapshot_of(example)
    first = _event(meeting_ics(snapshot))
    second = _event(meeting_ics(snapshot))
    assert str(first["UID"]) == str(second["UID"]) == meeting_uid(snapshot.meeting_id)
    assert str(first["UID"]) == f"meeting-{snapshot.meeting_id}@meetingroom.local"
    other = dataclasses.replace(snapshot, meeting_id=snapshot.meeting_id + 1)
    assert str(_event(meeting_ics(other))["UID"]) != str(first["UID"])


def test_description_lists_the_agenda_and_whom_to_ask(example: Path) -> None:
    snapshot = snapshot_of(example)
    description = str(_event(meeting_ics(snapshot))["DESCRIPTION"])
    lines = description.split("\n")
    assert lines[0] == "Riverside Mental Health Co-production Network"
    for item in snapshot.items:
        assert f"{item.start:%H:%M} – {item.title}" in lines
    assert "Questions: Rhiannon Llywelyn (rhiannon.llywelyn@example.org, 07700 900101)" in lines


def test_summer_meeting_is_an_hour_ahead_of_utc_and_online_has_no_address(tmp_path: Path) -> None:
    title = "Plans; budget, \"quotes\" & <tags>\nsecond line 🙂"
    with Workspace.create(tmp_path / "w.meetingroom") as ws:
        meeting_id = add_meeting(ws, Meeting(title, datetime(2026, 7, 1, 18, 0), minutes=90,
                                             mode=MeetingMode.ONLINE))
        add_agenda_item(ws, AgendaItem(meeting_id, "Hello, everyone", 1, minutes=90))
        snapshot = take_snapshot(ws, meeting_id)
    event = _event(meeting_ics(snapshot))
    start = event.decoded("DTSTART")
    assert start.utcoffset() == timedelta(hours=1)  # British Summer Time
    assert start.astimezone(UTC).hour == 17
    assert str(event["SUMMARY"]) == title  # commas, semicolons and new lines survive
    assert str(event["LOCATION"]) == "Online"
    assert "18:00 – Hello, everyone" in str(event["DESCRIPTION"])
