"""What a held meeting produced, read once from the store, for the documents written after it:
the minutes, each member's feedback letter, and the UI's review of those letters.

Like `MeetingSnapshot` (which it holds), it is taken in one read, so every letter of a run says
the same thing even if the workspace changes while they are written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from meetingroom.documents.snapshot import MeetingSnapshot, take_snapshot
from meetingroom.domain.followup import Payment
from meetingroom.domain.meeting import Attendance, AttendanceStatus, Meeting, MeetingMode
from meetingroom.domain.outcomes import Action, Contribution, Decision
from meetingroom.domain.people import Member
from meetingroom.store import Workspace
from meetingroom.store.followup import payments
from meetingroom.store.groups import get_group
from meetingroom.store.meetings import (
    agenda_items,
    attendance,
    get_meeting,
    get_venue,
    list_meetings,
)
from meetingroom.store.members import list_members
from meetingroom.store.outcomes import actions, contributions, decisions

FORMER_MEMBER_WORDS = "a former member"


@dataclass(frozen=True)
class NextMeeting:
    """The next meeting after this one, as letters mention it."""

    title: str
    start: datetime
    minutes: int
    place: str  # "Riverside Community Hub, 1 Mill Lane", "Online" or "" when not chosen yet
    mode: MeetingMode = MeetingMode.IN_PERSON

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class MeetingRecord:
    """A held meeting and what came of it. `attendance` is by member id; `names` are what to
    call everyone the record mentions (present, apologies, action owners, contributors):
    their display name, or "a former member" once their details are erased. `item_titles`
    are by agenda item id, in agenda order."""

    snapshot: MeetingSnapshot
    attendance: Mapping[int, Attendance] = field(default_factory=dict)
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    payments: tuple[Payment, ...] = ()
    names: Mapping[int, str] = field(default_factory=dict)
    item_titles: Mapping[int, str] = field(default_factory=dict)
    next_meeting: NextMeeting | None = None
    feedback_deadline_days: int = 14
    payment_how_to_claim: str = ""  # the group's payment policy, exactly as typed
    payment_days: int = 0  # how many days payment takes; 0 when the group has not said

    @property
    def meeting_id(self) -> int:
        return self.snapshot.meeting_id

    def name(self, member_id: int | None) -> str:
        """What to call a member the record mentions ("" for nobody)."""
        if member_id is None:
            return ""
        return self.names.get(member_id, FORMER_MEMBER_WORDS)

    def status_of(self, member_id: int) -> AttendanceStatus | None:
        """Present, apologies or absent; None when nobody recorded it."""
        found = self.attendance.get(member_id)
        return found.status if found is not None else None

    def with_status(self, status: AttendanceStatus) -> list[int]:
        """The ids of members with this attendance, in the order of the invited list, then
        anyone else recorded."""
        order = {m.id: n for n, m in enumerate(self.snapshot.invited)}
        ids = [i for i, a in self.attendance.items() if a.status is status]
        return sorted(ids, key=lambda i: (order.get(i, len(order)), i))

    def contributions_of(self, member_id: int) -> list[Contribution]:
        return [c for c in self.contributions if c.member_id == member_id]

    def actions_of(self, member_id: int) -> list[Action]:
        return [a for a in self.actions if a.owner_id == member_id]

    def payments_of(self, member_id: int) -> list[Payment]:
        return [p for p in self.payments if p.member_id == member_id]

    def item_title(self, item_id: int | None) -> str:
        """The agenda item's title; "" when not tied to an item (or the item is gone)."""
        return self.item_titles.get(item_id, "") if item_id is not None else ""

    def member(self, member_id: int) -> Member:
        """An invited member (KeyError when not invited)."""
        return self.snapshot.member(member_id)


def _name(member: Member) -> str:
    return FORMER_MEMBER_WORDS if member.erased else member.display_name


def _next_meeting(ws: Workspace, meeting: Meeting) -> NextMeeting | None:
    later = [m for m in list_meetings(ws) if m.start > meeting.start and m.id != meeting.id
             and m.group_id == meeting.group_id]
    if not later:
        return None
    following = min(later, key=lambda m: (m.start, m.id or 0))
    venue = None
    if following.venue_id is not None and following.mode is not MeetingMode.ONLINE:
        try:
            venue = get_venue(ws, following.venue_id)
        except KeyError:
            venue = None
    if following.mode is MeetingMode.ONLINE:
        place = "Online"
    elif venue is None:
        place = ""
    else:
        place = ", ".join(p for p in (venue.name.strip(), venue.address.strip()) if p)
    return NextMeeting(following.title, following.start.replace(tzinfo=None), following.minutes,
                       place, following.mode)


def read_meeting_record(ws: Workspace, meeting_id: int) -> MeetingRecord:
    """Everything the minutes and letters of one meeting say, as one consistent read.

    KeyError when there is no such meeting.
    """
    with ws.reading():
        snapshot = take_snapshot(ws, meeting_id)
        meeting = get_meeting(ws, meeting_id)
        people = {m.id: m for m in list_members(ws) if m.id is not None}
        present = {a.member_id: a for a in attendance(ws, meeting_id)}
        found_actions = tuple(actions(ws, meeting_id))
        found_contributions = tuple(contributions(ws, meeting_id))
        mentioned = {*present, *(a.owner_id for a in found_actions if a.owner_id is not None),
                     *(c.member_id for c in found_contributions),
                     *(m.id for m in snapshot.invited if m.id is not None)}
        names = {i: _name(people[i]) if i in people else FORMER_MEMBER_WORDS for i in mentioned}
        items = {item.id: item.title for item in
                 sorted(agenda_items(ws, meeting_id), key=lambda i: (i.position, i.id or 0))
                 if item.id is not None}
        group = get_group(ws)
        return MeetingRecord(
            snapshot=snapshot,
            attendance=present,
            decisions=tuple(decisions(ws, meeting_id)),
            actions=found_actions,
            contributions=found_contributions,
            payments=tuple(payments(ws, meeting_id)),
            names=names,
            item_titles=items,
            next_meeting=_next_meeting(ws, meeting),
            feedback_deadline_days=group.feedback_deadline_days if group is not None else 14,
            payment_how_to_claim=group.payment_how_to_claim if group is not None else "",
            payment_days=group.payment_days if group is not None else 0,
        )

