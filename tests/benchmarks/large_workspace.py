"""A large, realistic workspace for the benchmarks, written through the real store API.

Deterministic for a given seed: the same arguments always give the same people, meetings,
speaking turns and follow-up (papers sent, cards, actions, letters, payments, evaluations).
Run as `python tests/benchmarks/large_workspace.py OUT` to write one.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

from meetingroom.domain.agenda import AgendaItem, ItemPurpose
from meetingroom.domain.conduct import Card, CardKind, Pause, SpeakingTurn, TurnKind, TurnMode
from meetingroom.domain.followup import (
    EVALUATION_QUESTIONS,
    Evaluation,
    Letter,
    LetterKind,
    Payment,
    PaymentKind,
    PaymentStatus,
)
from meetingroom.domain.group import Group, InvolvementLevel
from meetingroom.domain.meeting import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingMode,
    MeetingStatus,
)
from meetingroom.domain.outcomes import (
    Action,
    ActionStatus,
    Contribution,
    ContributionStatus,
    Decision,
    HowDecided,
)
from meetingroom.domain.papers import Channel, Distribution
from meetingroom.domain.people import (
    LARGE_PRINT_SIZES,
    AccessNeed,
    ContactPreference,
    FormatKind,
    FormatNeed,
    Member,
    Role,
)
from meetingroom.store import (
    Workspace,
    conduct,
    distribution,
    followup,
    groups,
    meetings,
    members,
    outcomes,
)

# A fixed "today", so the same seed gives the same file on any day.
TODAY = date(2025, 6, 2)

FIRST_NAMES = (
    "Aisha", "Ben", "Carys", "Dafydd", "Eilidh", "Farah", "Gareth", "Hana", "Ifan", "Jasmin",
    "Kwame", "Lowri", "Mohammed", "Niamh", "Oluwaseun", "Priya", "Rhys", "Siân", "Tomasz", "Zoë",
)
LAST_NAMES = (
    "Ahmed", "Brown", "Chowdhury", "Davies", "Evans", "Fraser", "Gill", "Hughes", "Iqbal",
    "Jones", "Kowalski", "Lewis", "MacLeod", "Nowak", "O'Brien", "Patel", "Roberts", "Singh",
    "Thomas", "Williams",
)
ROLES = (Role.EXPERT_BY_EXPERIENCE,) * 6 + (Role.CARER,) * 3 + (
    Role.PROFESSIONAL, Role.PROFESSIONAL, Role.SUPPORTER, Role.FACILITATOR)
TOPICS = (
    "Waiting times", "Easy read letters", "Transport to appointments", "Peer support",
    "Discharge planning", "Carers' breaks", "Digital access", "Feedback from wards",
    "Recruitment panel", "Budget for involvement",
)


def _member(rng: random.Random, number: int) -> Member:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    kind = rng.choices(list(FormatKind), weights=(10, 3, 3, 1, 1, 1))[0]
    need = FormatNeed(
        kind,
        rng.choice(LARGE_PRINT_SIZES) if kind is FormatKind.LARGE_PRINT else None,
        rng.choice(("Welsh", "Polish", "Urdu")) if kind is FormatKind.OTHER_LANGUAGE else "",
    )
    return Member(
        f"{first} {last}",
        rng.choice(ROLES),
        preferred_name=first if rng.random() < 0.3 else "",
        pronouns=rng.choice(("", "she/her", "he/him", "they/them")),
        organisation=rng.choice(("", "Carers' Network", "Mind Cymru", "NHS Trust")),
        contact_preference=rng.choice(list(ContactPreference)),
        contact_details=f"member{number}@example.org",
        format_need=need,
        access_needs=frozenset(rng.sample(list(AccessNeed), rng.choice((0, 0, 1, 1, 2, 3)))),
        consent_date=TODAY - timedelta(days=rng.randrange(30, 2000)),
        active=rng.random() < 0.9,
    )


def _meeting_start(number: int, meetings_count: int) -> datetime:
    """Fortnightly meetings; the last tenth are still to come."""
    weeks_back = 2 * (meetings_count - number) - meetings_count // 5
    day = TODAY - timedelta(weeks=weeks_back)
    return datetime.combine(day, time(10, 30))


def generate(path: Path, members: int = 2000, meetings: int = 300, turns: int = 20000,
             seed: int = 1) -> None:
    """Write a new workspace at `path` (refusing an existing file) in one transaction."""
    rng = random.Random(seed)
    ws = Workspace.create(path)
    try:
        with ws.transaction():
            _fill(ws, rng, members, meetings, turns)
    finally:
        ws.close()


def _fill(ws: Workspace, rng: random.Random, member_count: int, meeting_count: int,
          turn_count: int) -> None:
    member_ids = [members.add_member(ws, _member(rng, n)) for n in range(member_count)]
    group_id = groups.save_group(ws, Group(
        "Large Test Network", purpose="Start-up benchmark workspace",
        involvement_level=InvolvementLevel.CO_PRODUCE, contact_member_id=member_ids[0]))

    held: list[tuple[int, datetime, list[int], list[int]]] = []
    for number in range(meeting_count):
        start = _meeting_start(number, meeting_count)
        past = start.date() < TODAY
        meeting = Meeting(
            f"{rng.choice(TOPICS)} — meeting {number + 1}", start, group_id,
            minutes=rng.choice((90, 120, 150)), mode=rng.choice(list(MeetingMode)),
            status=rng.choice((MeetingStatus.HELD, MeetingStatus.FOLLOWED_UP)) if past
            else MeetingStatus.PLANNING,
        )
        meeting_id = meetings.add_meeting(ws, meeting)
        invited = sorted(rng.sample(member_ids, min(len(member_ids), rng.randrange(15, 40))))
        meetings.invite(ws, meeting_id, invited)
        items = [
            meetings.add_agenda_item(ws, AgendaItem(
                meeting_id, rng.choice(TOPICS), position, plain_summary="What we will talk about.",
                purpose=rng.choice(list(ItemPurpose)), presenter_id=rng.choice(invited),
                minutes=rng.choice((10, 15, 20, 30))))
            for position in range(1, rng.randrange(4, 9))
        ]
        if past:
            for member_id in invited:
                status = rng.choices(list(AttendanceStatus), weights=(8, 2, 1))[0]
                arrived = (start + timedelta(minutes=rng.randrange(-10, 15))
                           if status is AttendanceStatus.PRESENT else None)
                meetings.set_attendance(ws, Attendance(meeting_id, member_id, status, arrived))
            held.append((meeting_id, start, invited, items))

    for number in range(turn_count):
        meeting_id, start, invited, items = held[number % len(held)]
        began = start.timestamp() + rng.randrange(0, 90 * 60)
        seconds = rng.randrange(20, 240)
        pauses = (Pause(began + 10, began + 25),) if rng.random() < 0.05 else ()
        conduct.add_turn(ws, SpeakingTurn(
            meeting_id, rng.choice(invited), began - rng.randrange(5, 120), rng.choice(items),
            began, began + seconds + (15 if pauses else 0), pauses,
            rng.choices(list(TurnKind), weights=(20, 1, 4))[0],
            rng.choices(list(TurnMode), weights=(20, 2, 2, 1))[0],
        ))

    for meeting_id, start, invited, items in held:
        outcomes.add_decision(ws, Decision(
            meeting_id, "We agreed to try the new approach for three months.", items[0],
            plain_text="We will try it for three months.", how=rng.choice(list(HowDecided))))
        for member_id in rng.sample(invited, 3):
            answered = rng.random() < 0.5
            outcomes.add_contribution(ws, Contribution(
                meeting_id, member_id, "Letters should come in my format.", rng.choice(items),
                "We changed the template." if answered else "",
                ContributionStatus.ACTED_ON if answered else ContributionStatus.WAITING,
                start + timedelta(days=10) if answered else None))

    _fill_followup(ws, rng, held)


def _fill_followup(ws: Workspace, rng: random.Random,
                   held: list[tuple[int, datetime, list[int], list[int]]]) -> None:
    """After each held meeting: papers sent to each invited member (most on time, some late,
    some never), cards, actions, feedback letters (some late, some not sent), payments and
    evaluation forms (some anonymous). Written after everything else, so what the generator
    wrote before stays the same for a given seed."""
    for meeting_id, start, invited, items in held:
        sent = []
        for member_id in invited:
            days_before = rng.choices((10, 8, 7, 5, 2, None), weights=(6, 6, 3, 2, 1, 1))[0]
            if days_before is not None:
                sent.append(Distribution(meeting_id, member_id, FormatKind.STANDARD,
                                         start - timedelta(days=days_before),
                                         rng.choice(list(Channel))))
        distribution.add_distributions(ws, sent)
        for _ in range(rng.choices(range(7), weights=(3, 3, 3, 2, 2, 1, 1))[0]):
            conduct.add_card(ws, Card(
                meeting_id, rng.choices(list(CardKind), weights=(5, 2, 2, 1, 2))[0],
                start + timedelta(minutes=rng.randrange(0, 90)),
                rng.choice(invited) if rng.random() < 0.8 else None, rng.choice(items)))
        for _ in range(rng.randrange(0, 5)):
            outcomes.add_action(ws, Action(
                meeting_id, "Write to the service manager and report back.", rng.choice(items),
                rng.choice(invited), (start + timedelta(days=rng.randrange(7, 60))).date(),
                rng.choices(list(ActionStatus), weights=(3, 6, 1))[0]))
        for member_id in invited:
            made = start + timedelta(days=rng.randrange(2, 12))
            after = rng.choices((None, 1, 5, 20), weights=(1, 6, 3, 1))[0]
            followup.add_letter(ws, Letter(
                meeting_id, member_id, LetterKind.FEEDBACK, FormatKind.STANDARD, made,
                sent_at=None if after is None else made + timedelta(days=after), channel="email"))
        for member_id in rng.sample(invited, rng.randrange(0, 6)):
            followup.add_payment(ws, Payment(
                meeting_id, member_id, rng.choice(list(PaymentKind)), rng.choice((480, 2260, 7500)),
                rng.choices(list(PaymentStatus), weights=(1, 4))[0]))
        for member_id in rng.sample(invited, rng.randrange(0, 9)):
            answers = {q: rng.randrange(1, 6) for q in EVALUATION_QUESTIONS if rng.random() < 0.9}
            followup.add_evaluation(ws, Evaluation(
                meeting_id, None if rng.random() < 0.3 else member_id, answers,
                rng.choice(("", "", "Good meeting.", "Too many initials.", "The room was cold."))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a large MeetingRoom workspace.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--meetings", type=int, default=300)
    parser.add_argument("--turns", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.out, args.members, args.meetings, args.turns, args.seed)
    print(f"Wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
