"""Every kind of thing in the domain goes into the workspace and comes back the same."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.conduct import (
    Card,
    CardKind,
    GroundRule,
    Pause,
    SpeakingTurn,
    TurnKind,
    TurnMode,
)
from meetingroom.domain.followup import Evaluation, Letter, LetterKind, Payment, PaymentKind
from meetingroom.domain.group import AvoidTime, Group, InvolvementLevel
from meetingroom.domain.meeting import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingMode,
    Venue,
    VenueFeature,
)
from meetingroom.domain.outcomes import (
    Action,
    Contribution,
    ContributionStatus,
    Decision,
    HowDecided,
)
from meetingroom.domain.papers import (
    Block,
    BlockKind,
    Channel,
    Distribution,
    EasyReadPoint,
    Paper,
    Run,
)
from meetingroom.domain.people import AccessNeed, FormatKind, FormatNeed, Member, Role
from meetingroom.store import (
    Workspace,
    conduct,
    followup,
    groups,
    meetings,
    members,
    outcomes,
    papers,
)

TRICKY = "Siân O'Brien <b>&amp; \"Zoë\"</b> 😀 مرحبا Łódź"


@pytest.fixture
def ws(workspace_path: Path) -> Workspace:
    workspace = Workspace.create(workspace_path)
    yield workspace
    workspace.close()


def test_member_round_trip(ws: Workspace) -> None:
    person = Member(
        name=TRICKY, role=Role.CARER, preferred_name="Siân", pronunciation="shahn",
        pronouns="she/her", format_need=FormatNeed(FormatKind.LARGE_PRINT, 24),
        access_needs=frozenset({AccessNeed.HEARING_LOOP, AccessNeed.DIETARY}),
        access_notes="No nuts", consent_date=date(2026, 3, 1),
    )
    members.add_member(ws, person)
    assert members.get_member(ws, person.id) == person
    person.active = False
    person.access_needs = frozenset({AccessNeed.BSL_INTERPRETER})
    members.update_member(ws, person)
    assert members.list_members(ws) == [person]
    assert members.list_members(ws, active_only=True) == []


def test_group_round_trip(ws: Workspace) -> None:
    group = Group(name=TRICKY, involvement_level=InvolvementLevel.CONSULT,
                  times_to_avoid=(AvoidTime("Friday prayers", 4, "12:30", "14:00"),))
    groups.save_group(ws, group)
    assert groups.get_group(ws) == group


def test_meeting_agenda_and_attendance_round_trip(ws: Workspace) -> None:
    venue = Venue("Hall", address="1 High St", features=frozenset({VenueFeature.HEARING_LOOP}))
    meetings.add_venue(ws, venue)
    assert meetings.get_venue(ws, venue.id) == venue
    meeting = Meeting(TRICKY, datetime(2026, 12, 1, 10, 30), venue_id=venue.id, mode=MeetingMode.HYBRID)
    meetings.add_meeting(ws, meeting)
    assert meetings.list_meetings(ws) == [meeting]
    person = Member(name="Ade")
    members.add_member(ws, person)
    meetings.invite(ws, meeting.id, [person.id, person.id])
    assert meetings.invited_member_ids(ws, meeting.id) == [person.id]
    meetings.set_attendance(ws, Attendance(meeting.id, person.id, AttendanceStatus.APOLOGIES))
    meetings.set_attendance(ws, Attendance(meeting.id, person.id, AttendanceStatus.PRESENT,
                                           datetime(2026, 12, 1, 10, 35)))
    assert meetings.attendance(ws, meeting.id)[0].status is AttendanceStatus.PRESENT
    paper = Paper("Budget", body=(
        Block(BlockKind.HEADING, (Run(TRICKY),), level=1),
        Block(BlockKind.PARAGRAPH, (Run("Plain "), Run("bold", bold=True))),
        Block(BlockKind.BULLETS, items=((Run("one"),), (Run("two"),))),
    ), easy_read=(EasyReadPoint("We will talk about money.", "1F4B7"),))
    papers.add_paper(ws, paper)
    assert papers.get_paper(ws, paper.id) == paper
    item = AgendaItem(meeting.id, "Budget", position=1, proposed_by_id=person.id, paper_ids=(paper.id,))
    meetings.add_agenda_item(ws, item)
    assert meetings.agenda_items(ws, meeting.id) == [item]
    sent = Distribution(meeting.id, person.id, FormatKind.EASY_READ, datetime(2026, 11, 20, 9, 0),
                        Channel.POST, files=("ade/agenda.pdf",))
    papers.add_distribution(ws, sent)
    assert papers.distributions(ws, meeting.id) == [sent]


def test_conduct_outcomes_and_followup_round_trip(ws: Workspace) -> None:
    meeting = Meeting("Panel", datetime(2026, 10, 1, 10, 30))
    meetings.add_meeting(ws, meeting)
    person, supporter = Member(name="Ade"), Member(name="Kim", role=Role.SUPPORTER)
    members.add_member(ws, person)
    members.add_member(ws, supporter)
    rule = GroundRule("One voice at a time", "1 person talks at a time.", "1F5E3")
    conduct.add_ground_rule(ws, rule)
    assert conduct.ground_rules(ws) == [rule]
    conduct.agree_ground_rule(ws, meeting.id, rule.id, datetime(2026, 10, 1, 10, 40))
    assert rule.id in conduct.agreed_ground_rules(ws, meeting.id)
    card = Card(meeting.id, CardKind.SLOW_DOWN, datetime(2026, 10, 1, 11, 0), member_id=person.id)
    conduct.add_card(ws, card)
    assert conduct.cards(ws, meeting.id) == [card]
    turn = SpeakingTurn(meeting.id, person.id, 100.0, started_at=110.0, ended_at=200.0,
                        pauses=(Pause(120.0, 130.0),), kind=TurnKind.REPLY, mode=TurnMode.BSL,
                        speaker_id=supporter.id)
    conduct.add_turn(ws, turn)
    assert conduct.turns(ws, meeting.id) == [turn]
    assert conduct.turns(ws, meeting.id)[0].talk_seconds() == 80.0
    decision = Decision(meeting.id, TRICKY, how=HowDecided.VOTE, votes_for=5, votes_against=1,
                        votes_abstaining=0)
    outcomes.add_decision(ws, decision)
    assert outcomes.decisions(ws, meeting.id) == [decision]
    action = Action(meeting.id, "Book the hall", owner_id=person.id, due=date(2026, 11, 1))
    outcomes.add_action(ws, action)
    assert outcomes.actions(ws) == [action]
    said = Contribution(meeting.id, person.id, "Put papers online earlier")
    outcomes.add_contribution(ws, said)
    said.response, said.status = "We did", ContributionStatus.ACTED_ON
    said.answered_at = datetime(2026, 10, 5, 9, 0)
    outcomes.save_outcome(ws, said)
    assert outcomes.contributions(ws, meeting.id) == [said]
    letter = Letter(meeting.id, person.id, LetterKind.FEEDBACK, FormatKind.LARGE_PRINT,
                    datetime(2026, 10, 3, 9, 0), size=18)
    followup.add_letter(ws, letter)
    assert followup.letters(ws, meeting.id) == [letter]
    payment = Payment(meeting.id, person.id, PaymentKind.TRAVEL, 1250)
    followup.add_payment(ws, payment)
    assert followup.payments(ws, meeting.id) == [payment]
    evaluation = Evaluation(meeting.id, person.id, {"listened_to": 5}, "Good")
    followup.add_evaluation(ws, evaluation)
    assert followup.evaluations(ws, meeting.id) == [evaluation]


def test_foreign_keys_are_enforced(ws: Workspace) -> None:
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        meetings.invite(ws, 999, [999])
