"""A plain, frozen picture of one meeting, read from the store, for the documents about it.

Agenda, invitation and calendar builders read only this: never the store, never the UI. It is
taken once, so every document of a pack says the same thing even if the workspace changes
while they are written.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta

from meetingroom.domain.agenda import AgendaItem, ItemPurpose, start_times
from meetingroom.domain.arrangements import Arrangement, arrangements_needed
from meetingroom.domain.group import Group
from meetingroom.domain.meeting import Meeting, MeetingMode, Venue
from meetingroom.domain.people import Member, Role
from meetingroom.store import Workspace
from meetingroom.store.glossary import GroupTerm, group_terms
from meetingroom.store.groups import get_group
from meetingroom.store.meetings import (
    agenda_items,
    arrangement_done,
    get_meeting,
    get_venue,
    invited_member_ids,
)
from meetingroom.store.members import list_members

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

# Who answers questions when the group names no contact person: the first of these invited.
_FALLBACK_CONTACT_ROLES = (Role.FACILITATOR, Role.CHAIR)


@dataclass(frozen=True)
class ItemSnapshot:
    """One agenda item as documents show it: names already turned into what people are called."""

    title: str
    start: datetime
    minutes: int
    plain_summary: str = ""
    purpose: ItemPurpose = ItemPurpose.DISCUSSION
    presenter: str = ""  # preferred name, "former member", or "" when nobody is named
    proposed_by: str = ""
    is_break: bool = False

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class ContactPerson:
    """Whom to ask. `details` are given only for the group's own contact person."""

    name: str
    details: str = ""
    member_id: int | None = None


@dataclass(frozen=True)
class MeetingSnapshot:
    meeting_id: int
    title: str
    start: datetime  # wall-clock time in the UK (Europe/London), as the group typed it
    minutes: int
    mode: MeetingMode
    group_name: str
    venue: Venue | None
    items: tuple[ItemSnapshot, ...]
    invited: tuple[Member, ...]  # active, not erased, in member order
    contact: ContactPerson | None
    arrangements: tuple[Arrangement, ...] = ()
    arrangements_done: frozenset[str] = frozenset()  # keys of arrangements ticked off
    glossary_terms: tuple[GroupTerm, ...] = ()  # the group's own, for easy read

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    @property
    def in_person(self) -> bool:
        """Whether anyone comes to a place (in person or hybrid)."""
        return self.mode is not MeetingMode.ONLINE

    def member(self, member_id: int) -> Member:
        for member in self.invited:
            if member.id == member_id:
                return member
        raise KeyError(f"member {member_id} is not invited to this meeting")

    def is_done(self, arrangement: Arrangement) -> bool:
        return arrangement.key in self.arrangements_done


def _copy(member: Member) -> Member:
    """A copy, so nothing a document builder does can reach the caller's objects."""
    return dataclasses.replace(member)


def _contact(group: Group | None, people: dict[int, Member],
             invited: tuple[Member, ...]) -> ContactPerson | None:
    if group is not None and group.contact_member_id is not None:
        person = people.get(group.contact_member_id)
        if person is not None and person.active and not person.erased:
            return ContactPerson(person.display_name, person.contact_details.strip(), person.id)
    for role in _FALLBACK_CONTACT_ROLES:
        for member in invited:
            if member.role is role:
                return ContactPerson(member.display_name, "", member.id)
    return None


def _items(meeting: Meeting, items: list[AgendaItem], people: dict[int, Member]) -> tuple[ItemSnapshot, ...]:
    def name(member_id: int | None) -> str:
        person = people.get(member_id) if member_id is not None else None
        return person.display_name if person is not None else ""

    ordered = sorted(items, key=lambda i: (i.position, i.id or 0))
    return tuple(
        ItemSnapshot(item.title, start, item.minutes, item.plain_summary.strip(), item.purpose,
                     name(item.presenter_id), name(item.proposed_by_id), item.is_break)
        for item, start in zip(ordered, start_times(meeting.start, ordered), strict=True)
    )


def _venue(ws: Workspace, venue_id: int | None) -> Venue | None:
    """The meeting's venue; None when none is chosen (or it has just been removed)."""
    if venue_id is None:
        return None
    try:
        return get_venue(ws, venue_id)
    except KeyError:
        return None


def take_snapshot(ws: Workspace, meeting_id: int) -> MeetingSnapshot:
    """Read everything documents need about one meeting, as one consistent read.

    KeyError when there is no such meeting.
    """
    with ws.reading():
        meeting = get_meeting(ws, meeting_id)
        group = get_group(ws)
        venue = _venue(ws, meeting.venue_id)
        people = {m.id: m for m in list_members(ws) if m.id is not None}
        invited = tuple(_copy(people[i]) for i in invited_member_ids(ws, meeting_id)
                        if i in people and people[i].active and not people[i].erased)
        arrangements = arrangements_needed(
            meeting, venue, invited,
            max_stretch_minutes=group.max_stretch_minutes if group is not None else None)
        done = arrangement_done(ws, meeting_id)
        return MeetingSnapshot(
            meeting_id=meeting_id,
            title=meeting.title,
            start=meeting.start.replace(tzinfo=None),
            minutes=meeting.minutes,
            mode=meeting.mode,
            group_name=group.name if group is not None else "",
            venue=venue if meeting.mode is not MeetingMode.ONLINE else None,
            items=_items(meeting, agenda_items(ws, meeting_id), people),
            invited=invited,
            contact=_contact(group, people, invited),
            arrangements=tuple(arrangements),
            arrangements_done=frozenset(key for key, ticked in done.items() if ticked),
            glossary_terms=tuple(group_terms(ws)),
        )


def long_date(moment: datetime) -> str:
    """"Tuesday 8 December 2026": spelled out the UK way, whatever the computer's locale."""
    return f"{_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def clock(moment: datetime) -> str:
    """"10:30": the 24-hour clock, as digits."""
    return f"{moment:%H:%M}"
