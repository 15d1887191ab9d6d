"""The arrangements check: each need against the venue, by meeting mode, and times to avoid."""

from __future__ import annotations

from datetime import datetime

import pytest

from meetingroom.domain.arrangements import (
    Arrangement,
    arrangements_for_member,
    arrangements_needed,
    avoid_time_clashes,
)
from meetingroom.domain.group import AvoidTime
from meetingroom.domain.meeting import Meeting, MeetingMode, Venue, VenueFeature
from meetingroom.domain.people import AccessNeed, FormatKind, FormatNeed, Member

NEEDS = AccessNeed
FEATURES = VenueFeature
EVERYTHING = Venue("Hub", id=1, features=frozenset(VenueFeature))
NOTHING = Venue("Back room", id=2)
TUESDAY = datetime(2026, 6, 2, 10, 30)  # a Tuesday


def meeting(mode: MeetingMode = MeetingMode.IN_PERSON, minutes: int = 60,
            start: datetime = TUESDAY) -> Meeting:
    return Meeting("Network meeting", start, id=7, minutes=minutes, mode=mode)


def person(member_id: int, *needs: AccessNeed, notes: str = "", active: bool = True,
           erased: bool = False, name: str = "", fmt: FormatNeed | None = None) -> Member:
    return Member(name or f"Person {member_id}", id=member_id, access_needs=frozenset(needs),
                  access_notes=notes, active=active, erased=erased, format_need=fmt or FormatNeed())


def by_key(lines: list[Arrangement]) -> dict[str, Arrangement]:
    keys = [line.key for line in lines]
    assert len(keys) == len(set(keys)), "each key appears once"
    return {line.key: line for line in lines}


def test_nobody_with_needs_and_a_short_meeting_needs_nothing() -> None:
    assert arrangements_needed(meeting(), EVERYTHING, [person(1), person(2)],
                               max_stretch_minutes=60) == []


def test_bsl_interpreter_one_for_short_meetings_two_for_long() -> None:
    invited = [person(1, NEEDS.BSL_INTERPRETER), person(2, NEEDS.BSL_INTERPRETER), person(3)]
    short = by_key(arrangements_needed(meeting(minutes=90), EVERYTHING, invited))["bsl-interpreter"]
    assert short.text == "Book a BSL interpreter (needed by 2 people)"
    assert short.member_ids == (1, 2) and short.need is NEEDS.BSL_INTERPRETER
    assert short.problem == "" and not short.venue_has_it
    long = by_key(arrangements_needed(meeting(minutes=120), NOTHING, invited))["bsl-interpreter"]
    assert long.text.startswith("Book 2 BSL interpreters to take turns")
    assert "90 minutes" in long.text and long.problem == ""


def test_language_interpreter_names_the_language_from_the_format() -> None:
    polish = person(1, NEEDS.LANGUAGE_INTERPRETER, fmt=FormatNeed(FormatKind.OTHER_LANGUAGE, language="Polish"))
    unknown = person(2, NEEDS.LANGUAGE_INTERPRETER)
    one = by_key(arrangements_needed(meeting(), None, [polish]))["language-interpreter"]
    assert one.text == "Book a Polish interpreter (needed by 1 person)"
    both = by_key(arrangements_needed(meeting(), None, [polish, unknown]))["language-interpreter"]
    assert both.member_ids == (1, 2) and "Polish" in both.text
    neither = by_key(arrangements_needed(meeting(), None, [unknown]))["language-interpreter"]
    assert "check which language" in neither.text
    urdu = person(3, NEEDS.LANGUAGE_INTERPRETER, fmt=FormatNeed(FormatKind.OTHER_LANGUAGE, language="Urdu"))
    two = by_key(arrangements_needed(meeting(), None, [urdu, polish]))["language-interpreter"]
    assert two.text == "Book interpreters for Polish, Urdu (needed by 2 people)"
    # Papers in another language alone do not book an interpreter.
    reader = person(4, fmt=FormatNeed(FormatKind.OTHER_LANGUAGE, language="Welsh"))
    assert arrangements_needed(meeting(), None, [reader]) == []


@pytest.mark.parametrize(("need", "key", "feature", "has_words", "lacks_problem"), [
    (NEEDS.HEARING_LOOP, "hearing-loop", FEATURES.HEARING_LOOP, "check it works",
     "The venue has no hearing loop"),
    (NEEDS.STEP_FREE, "step-free-access", FEATURES.STEP_FREE, "step-free access",
     "The venue has no step-free access"),
    (NEEDS.QUIET_SPACE, "quiet-room", FEATURES.QUIET_ROOM, "quiet room",
     "The venue has no quiet room"),
    (NEEDS.DIETARY, "dietary-list", FEATURES.REFRESHMENTS, "dietary list",
     "The venue has no refreshments"),
])
def test_venue_lines_with_and_without_the_feature(need: AccessNeed, key: str, feature: VenueFeature,
                                                  has_words: str, lacks_problem: str) -> None:
    invited = [person(1, need), person(2)]
    with_it = Venue("Has it", id=3, features=frozenset({feature}))
    line = by_key(arrangements_needed(meeting(), with_it, invited))[key]
    assert line.venue_has_it and line.problem == "" and line.need is need
    assert line.text.startswith("The venue has") and has_words in line.text
    assert line.text.endswith("(needed by 1 person)") and line.member_ids == (1,)
    every_other = Venue("Everything else", id=4, features=frozenset(VenueFeature) - {feature})
    line = by_key(arrangements_needed(meeting(), every_other, invited))[key]
    assert not line.venue_has_it and line.problem == lacks_problem
    line = by_key(arrangements_needed(meeting(), None, invited))[key]
    assert not line.venue_has_it and "No venue is chosen yet" in line.problem


def test_transport_help_mentions_accessible_parking_but_is_never_a_venue_problem() -> None:
    invited = [person(1, NEEDS.TRANSPORT), person(2, NEEDS.TRANSPORT)]
    at_hub = by_key(arrangements_needed(meeting(), EVERYTHING, invited))["transport-help"]
    assert at_hub.venue_has_it and "accessible parking" in at_hub.text and at_hub.problem == ""
    elsewhere = by_key(arrangements_needed(meeting(), NOTHING, invited))["transport-help"]
    assert elsewhere.text == "Book transport or parking help (needed by 2 people)"
    assert not elsewhere.venue_has_it and elsewhere.problem == ""


def test_personal_assistants_get_a_seat_or_a_place_in_the_call() -> None:
    invited = [person(1, NEEDS.PERSONAL_ASSISTANT)]
    room = by_key(arrangements_needed(meeting(), NOTHING, invited))["personal-assistant"]
    assert "seat" in room.text and "free of charge" in room.text and "1 person brings one" in room.text
    call = by_key(arrangements_needed(meeting(MeetingMode.ONLINE), None, invited))["personal-assistant"]
    assert "join the call" in call.text and "free of charge" in call.text
    two = by_key(arrangements_needed(meeting(), NOTHING, [*invited, person(2, NEEDS.PERSONAL_ASSISTANT)]))
    assert "2 people bring one" in two["personal-assistant"].text


def test_breaks_for_the_need_and_for_a_meeting_longer_than_the_group_allows() -> None:
    needs_breaks = [person(1, NEEDS.REGULAR_BREAKS)]
    line = by_key(arrangements_needed(meeting(minutes=60), None, needs_breaks, max_stretch_minutes=60))["breaks"]
    assert line.text == "Plan regular breaks in the agenda (needed by 1 person)"
    line = by_key(arrangements_needed(meeting(minutes=120), None, [person(2)], max_stretch_minutes=60))["breaks"]
    assert line.text == ("Plan a break: the meeting is 120 minutes, longer than the group's "
                         "60 minutes without a break")
    assert line.member_ids == ()
    both = by_key(arrangements_needed(meeting(minutes=120), None, needs_breaks, max_stretch_minutes=60))
    assert both["breaks"].member_ids == (1,) and "longer than the group's" in both["breaks"].text
    # Without the group's limit, only the need counts.
    assert arrangements_needed(meeting(minutes=300), None, [person(2)]) == []


def test_other_needs_from_the_box_or_from_notes_with_no_listed_need() -> None:
    invited = [
        person(1, NEEDS.OTHER, notes="Guide dog: a water bowl"),
        person(2, notes="Needs papers a day early"),
        person(3, NEEDS.DIETARY, notes="Halal food"),  # read with the dietary line
        person(4),
    ]
    lines = by_key(arrangements_needed(meeting(), EVERYTHING, invited))
    assert lines["other-needs"].member_ids == (1, 2)
    assert lines["other-needs"].text.endswith("(needed by 2 people)")
    assert lines["dietary-list"].member_ids == (3,)


def test_lines_never_hold_names_or_notes() -> None:
    invited = [person(n, need, name=f"Zephyrine {n}", notes=f"secret note {n}")
               for n, need in enumerate(AccessNeed, start=1)]
    for mode in MeetingMode:
        for line in arrangements_needed(meeting(mode, 180), NOTHING, invited, max_stretch_minutes=60):
            assert "Zephyrine" not in line.text + line.problem
            assert "secret" not in line.text + line.problem


def test_online_meetings_skip_venue_lines_but_keep_interpreters_and_breaks() -> None:
    invited = [person(n, need) for n, need in enumerate(AccessNeed, start=1)]
    online = by_key(arrangements_needed(meeting(MeetingMode.ONLINE, 120), None, invited,
                                        max_stretch_minutes=60))
    assert set(online) == {"bsl-interpreter", "language-interpreter", "personal-assistant",
                           "breaks", "other-needs"}
    assert all(line.problem == "" for line in online.values())
    hybrid = by_key(arrangements_needed(meeting(MeetingMode.HYBRID, 120), NOTHING, invited,
                                        max_stretch_minutes=60))
    assert set(hybrid) == set(online) | {"hearing-loop", "step-free-access", "quiet-room",
                                         "dietary-list", "transport-help"}
    in_person = arrangements_needed(meeting(MeetingMode.IN_PERSON, 120), NOTHING, invited,
                                    max_stretch_minutes=60)
    assert [line.key for line in in_person] == [
        "bsl-interpreter", "language-interpreter", "hearing-loop", "step-free-access",
        "quiet-room", "dietary-list", "transport-help", "personal-assistant", "breaks",
        "other-needs"]


def test_only_active_members_who_are_not_erased_count() -> None:
    invited = [person(1, NEEDS.HEARING_LOOP, active=False),
               person(2, NEEDS.HEARING_LOOP, erased=True),
               person(3, NEEDS.STEP_FREE, active=False)]
    assert arrangements_needed(meeting(), NOTHING, invited) == []
    invited.append(person(4, NEEDS.HEARING_LOOP))
    lines = arrangements_needed(meeting(), NOTHING, invited)
    assert [(line.key, line.member_ids) for line in lines] == [("hearing-loop", (4,))]


def test_arrangements_for_one_member() -> None:
    invited = [person(1, NEEDS.HEARING_LOOP, NEEDS.DIETARY), person(2, NEEDS.DIETARY), person(3)]
    lines = arrangements_needed(meeting(minutes=120), EVERYTHING, invited, max_stretch_minutes=60)
    assert [a.key for a in arrangements_for_member(lines, 1)] == ["hearing-loop", "dietary-list"]
    assert [a.key for a in arrangements_for_member(lines, 2)] == ["dietary-list"]
    assert arrangements_for_member(lines, 3) == []


FRIDAY_PRAYERS = AvoidTime("Friday prayers", 4, "12:30", "14:00")
SCHOOL_RUN = AvoidTime("School run", None, "15:00", "15:45")
NIGHT_SHIFT = AvoidTime("Night shift", 2, "22:00", "06:00")  # Wednesday night into Thursday


@pytest.mark.parametrize(("start", "minutes", "clashes"), [
    (datetime(2026, 6, 5, 10, 0), 120, []),  # Friday, ends 12:00
    (datetime(2026, 6, 5, 10, 30), 120, []),  # Friday, ends 12:30 exactly: touching is fine
    (datetime(2026, 6, 5, 11, 0), 120, [FRIDAY_PRAYERS]),  # runs into prayers
    (datetime(2026, 6, 5, 13, 0), 30, [FRIDAY_PRAYERS]),  # inside
    (datetime(2026, 6, 5, 12, 0), 240, [FRIDAY_PRAYERS, SCHOOL_RUN]),  # covers both
    (datetime(2026, 6, 5, 14, 0), 60, []),  # starts as prayers end
    (datetime(2026, 6, 4, 12, 0), 120, []),  # Thursday: no prayers
    (datetime(2026, 6, 6, 15, 30), 60, [SCHOOL_RUN]),  # Saturday: every day means every day
    (datetime(2026, 6, 3, 23, 0), 60, [NIGHT_SHIFT]),  # Wednesday night
    (datetime(2026, 6, 4, 5, 0), 60, [NIGHT_SHIFT]),  # Thursday early: the window from Wednesday
    (datetime(2026, 6, 5, 5, 0), 60, []),  # Friday early: no window from Thursday
])
def test_times_to_avoid(start: datetime, minutes: int, clashes: list[AvoidTime]) -> None:
    windows = [FRIDAY_PRAYERS, SCHOOL_RUN, NIGHT_SHIFT]
    assert avoid_time_clashes(meeting(start=start, minutes=minutes), windows) == clashes


def test_a_meeting_running_past_midnight_is_checked_on_both_days() -> None:
    early_saturday = AvoidTime("Sabbath", 5, "00:00", "01:00")
    late = meeting(start=datetime(2026, 6, 5, 23, 30), minutes=60)  # Friday 23:30 to 00:30
    assert avoid_time_clashes(late, [early_saturday]) == [early_saturday]
