"""Meetings, their venue, who is invited and who came."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class MeetingMode(StrEnum):
    IN_PERSON = "in-person"
    ONLINE = "online"
    HYBRID = "hybrid"


class MeetingStatus(StrEnum):
    PLANNING = "planning"
    PAPERS_SENT = "papers-sent"
    HELD = "held"
    FOLLOWED_UP = "followed-up"


class VenueFeature(StrEnum):
    STEP_FREE = "step-free-access"
    HEARING_LOOP = "hearing-loop"
    QUIET_ROOM = "quiet-room"
    ACCESSIBLE_TOILET = "accessible-toilet"
    ACCESSIBLE_PARKING = "accessible-parking"
    PUBLIC_TRANSPORT = "near-public-transport"
    REFRESHMENTS = "refreshments"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"


@dataclass
class Venue:
    name: str
    id: int | None = None
    address: str = ""
    directions: str = ""
    features: frozenset[VenueFeature] = frozenset()


@dataclass
class Meeting:
    title: str
    start: datetime
    group_id: int | None = None
    id: int | None = None
    minutes: int = 120
    venue_id: int | None = None
    mode: MeetingMode = MeetingMode.IN_PERSON
    status: MeetingStatus = MeetingStatus.PLANNING

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass
class Attendance:
    meeting_id: int
    member_id: int
    status: AttendanceStatus
    arrived_at: datetime | None = None
