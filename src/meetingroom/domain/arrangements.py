"""The arrangements check: what to book and set up for a meeting, from the invited members'
needs against the venue, and the times the group avoids that a meeting falls in.

Each arrangement is one plain-English line to tick off. Lines say how many people need a
thing, never who: names stay in the member records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from meetingroom.domain.group import AvoidTime
from meetingroom.domain.meeting import Meeting, MeetingMode, Venue, VenueFeature
from meetingroom.domain.people import AccessNeed, FormatKind, Member

# Interpreters work in pairs, taking turns, when a meeting runs longer than this.
BSL_SOLO_LIMIT_MINUTES = 90


@dataclass(frozen=True)
class Arrangement:
    key: str  # stable: stored in the `arrangement` table with its done flag
    need: AccessNeed | None
    text: str  # one line to tick off; never a person's name
    member_ids: tuple[int, ...]  # whom it is for
    venue_has_it: bool = False
    problem: str = ""  # when the venue cannot meet it


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def _needed_by(ids: Sequence[int]) -> str:
    return f"(needed by {_people(len(ids))})"


def _ids(members: Sequence[Member], need: AccessNeed) -> tuple[int, ...]:
    return tuple(m.id for m in members if need in m.access_needs and m.id is not None)


def _counted(invited: Sequence[Member]) -> list[Member]:
    """Only people who are still members, and not erased, are planned for."""
    return [m for m in invited if m.active and not m.erased and m.id is not None]


@dataclass(frozen=True)
class _Place:
    """What the venue lines need to know: whether people come in person, and to where."""

    venue: Venue | None

    def line(self, key: str, need: AccessNeed, ids: tuple[int, ...], feature: VenueFeature,
             has_it: str, lacks_it: str, no_venue: str) -> Arrangement:
        if self.venue is None:
            return Arrangement(key, need, f"{no_venue} {_needed_by(ids)}", ids,
                               problem="No venue is chosen yet, so this cannot be checked")
        if feature in self.venue.features:
            return Arrangement(key, need, f"{has_it} {_needed_by(ids)}", ids, venue_has_it=True)
        label = _FEATURE_WORDS[feature]
        return Arrangement(key, need, f"{lacks_it} {_needed_by(ids)}", ids,
                           problem=f"The venue has no {label}")


_FEATURE_WORDS = {
    VenueFeature.HEARING_LOOP: "hearing loop",
    VenueFeature.STEP_FREE: "step-free access",
    VenueFeature.QUIET_ROOM: "quiet room",
    VenueFeature.REFRESHMENTS: "refreshments",
}


def _bsl(meeting: Meeting, members: Sequence[Member]) -> Arrangement | None:
    ids = _ids(members, AccessNeed.BSL_INTERPRETER)
    if not ids:
        return None
    if meeting.minutes > BSL_SOLO_LIMIT_MINUTES:
        text = (f"Book 2 BSL interpreters to take turns: the meeting is longer than "
                f"{BSL_SOLO_LIMIT_MINUTES} minutes {_needed_by(ids)}")
    else:
        text = f"Book a BSL interpreter {_needed_by(ids)}"
    return Arrangement("bsl-interpreter", AccessNeed.BSL_INTERPRETER, text, ids)


def _language(members: Sequence[Member]) -> Arrangement | None:
    need = AccessNeed.LANGUAGE_INTERPRETER
    chosen = [m for m in members if need in m.access_needs]
    if not chosen:
        return None
    ids = tuple(m.id for m in chosen if m.id is not None)
    # The language of a member's papers, when they have them in another language, names it.
    languages = sorted({m.format_need.language.strip() for m in chosen
                        if m.format_need.kind is FormatKind.OTHER_LANGUAGE
                        and m.format_need.language.strip()}, key=str.casefold)
    if not languages:
        text = f"Book a spoken-language interpreter, and check which language {_needed_by(ids)}"
    elif len(languages) == 1:
        text = f"Book a {languages[0]} interpreter {_needed_by(ids)}"
    else:
        text = f"Book interpreters for {', '.join(languages)} {_needed_by(ids)}"
    return Arrangement("language-interpreter", need, text, ids)


@dataclass(frozen=True)
class _FeatureNeed:
    """A need a venue feature meets: what to say when the venue has it, when the chosen venue
    lacks it, and when no venue is chosen yet."""

    key: str
    need: AccessNeed
    feature: VenueFeature
    has_it: str
    lacks_it: str
    no_venue: str

    def __call__(self, place: _Place, members: Sequence[Member]) -> Arrangement | None:
        ids = _ids(members, self.need)
        if not ids:
            return None
        return place.line(self.key, self.need, ids, self.feature, self.has_it, self.lacks_it, self.no_venue)


_hearing_loop = _FeatureNeed(
    "hearing-loop", AccessNeed.HEARING_LOOP, VenueFeature.HEARING_LOOP,
    "The venue has a hearing loop: check it works before the meeting",
    "Bring a portable hearing loop", "Choose a venue with a hearing loop")
_step_free = _FeatureNeed(
    "step-free-access", AccessNeed.STEP_FREE, VenueFeature.STEP_FREE,
    "The venue has step-free access: check the way in and to the room is clear",
    "Find a step-free venue or room", "Choose a venue with step-free access")
_quiet_room = _FeatureNeed(
    "quiet-room", AccessNeed.QUIET_SPACE, VenueFeature.QUIET_ROOM,
    "The venue has a quiet room: book it and say where it is at the start",
    "Find a quiet room to use during the meeting", "Choose a venue with a quiet room")


def _dietary(place: _Place, members: Sequence[Member]) -> Arrangement | None:
    ids = _ids(members, AccessNeed.DIETARY)
    if not ids:
        return None
    return place.line("dietary-list", AccessNeed.DIETARY, ids, VenueFeature.REFRESHMENTS,
                      "The venue has refreshments: send them the dietary list",
                      "Bring or order food that follows the dietary list",
                      "Send the dietary list to whoever makes the food")


def _transport(place: _Place, members: Sequence[Member]) -> Arrangement | None:
    ids = _ids(members, AccessNeed.TRANSPORT)
    if not ids:
        return None
    venue = place.venue
    if venue is not None and VenueFeature.ACCESSIBLE_PARKING in venue.features:
        text = f"Book transport or parking help; the venue has accessible parking {_needed_by(ids)}"
        return Arrangement("transport-help", AccessNeed.TRANSPORT, text, ids, venue_has_it=True)
    return Arrangement("transport-help", AccessNeed.TRANSPORT,
                       f"Book transport or parking help {_needed_by(ids)}", ids)


def _assistants(meeting: Meeting, members: Sequence[Member]) -> Arrangement | None:
    ids = _ids(members, AccessNeed.PERSONAL_ASSISTANT)
    if not ids:
        return None
    bring = f"({_people(len(ids))} {'brings one' if len(ids) == 1 else 'bring one'})"
    if meeting.mode is MeetingMode.ONLINE:
        text = f"Let personal assistants join the call, free of charge {bring}"
    else:
        text = f"Keep a seat for each personal assistant, who comes free of charge {bring}"
    return Arrangement("personal-assistant", AccessNeed.PERSONAL_ASSISTANT, text, ids)


def _breaks(meeting: Meeting, members: Sequence[Member],
            max_stretch_minutes: int | None) -> Arrangement | None:
    ids = _ids(members, AccessNeed.REGULAR_BREAKS)
    too_long = ""
    if max_stretch_minutes is not None and meeting.minutes > max_stretch_minutes:
        too_long = (f"the meeting is {meeting.minutes} minutes, longer than the group's "
                    f"{max_stretch_minutes} minutes without a break")
    if ids:
        text = f"Plan regular breaks in the agenda {_needed_by(ids)}"
        text += f"; {too_long}" if too_long else ""
    elif too_long:
        text = f"Plan a break: {too_long}"
    else:
        return None
    return Arrangement("breaks", AccessNeed.REGULAR_BREAKS, text, ids)


def _other(members: Sequence[Member]) -> Arrangement | None:
    """Needs ticked as "other", or notes with no listed need (notes on a listed need are read
    with that need's line)."""
    ids = tuple(m.id for m in members if m.id is not None and (
        AccessNeed.OTHER in m.access_needs or (m.access_notes.strip() and not m.access_needs)))
    if not ids:
        return None
    return Arrangement("other-needs", AccessNeed.OTHER,
                       f"Read the other needs in the member records and arrange them {_needed_by(ids)}",
                       ids)


_VENUE_LINES: tuple[Callable[[_Place, Sequence[Member]], Arrangement | None], ...] = (
    _hearing_loop, _step_free, _quiet_room, _dietary, _transport,
)


def arrangements_needed(meeting: Meeting, venue: Venue | None, invited: Sequence[Member], *,
                        max_stretch_minutes: int | None = None) -> list[Arrangement]:
    """Every arrangement the meeting needs, in a steady order.

    Venue lines (hearing loop, step-free access, quiet room, dietary list, transport) apply
    when anyone comes in person (in person or hybrid); interpreters, personal assistants,
    breaks and other needs apply to every meeting. With `max_stretch_minutes` (the group's
    longest stretch without a break), a longer meeting needs a planned break.
    """
    members = _counted(invited)
    lines: list[Arrangement | None] = [_bsl(meeting, members), _language(members)]
    if meeting.mode is not MeetingMode.ONLINE:
        place = _Place(venue)
        lines.extend(line(place, members) for line in _VENUE_LINES)
    lines.extend([_assistants(meeting, members), _breaks(meeting, members, max_stretch_minutes),
                  _other(members)])
    return [line for line in lines if line is not None]


def arrangements_for_member(arrangements: Sequence[Arrangement], member_id: int) -> list[Arrangement]:
    """The arrangements made for one person, for their own invitation letter."""
    return [a for a in arrangements if member_id in a.member_ids]


def _clock(text: str) -> time:
    return time.fromisoformat(text)


def _overlaps(meeting: Meeting, window: AvoidTime) -> bool:
    start, end = _clock(window.start), _clock(window.end)
    day = meeting.start.date() - timedelta(days=1)  # a window from the day before may run past midnight
    while day <= meeting.end.date():
        if window.weekday is None or window.weekday == day.weekday():
            opens = datetime.combine(day, start, meeting.start.tzinfo)
            closes = datetime.combine(day, end, meeting.start.tzinfo)
            if closes <= opens:
                closes += timedelta(days=1)
            if opens < meeting.end and meeting.start < closes:
                return True
        day += timedelta(days=1)
    return False


def avoid_time_clashes(meeting: Meeting, times_to_avoid: Sequence[AvoidTime]) -> list[AvoidTime]:
    """The times the group avoids that any part of the meeting falls in (touching ends do not)."""
    return [window for window in times_to_avoid if _overlaps(meeting, window)]
