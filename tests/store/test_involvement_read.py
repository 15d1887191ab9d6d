"""The involvement report's figures read from the example workspace, against values worked out
by hand from resources/example/*.json.

The example written on Tuesday 3 June 2025 holds one held meeting, four weeks back: Tuesday
6 May 2025, 10:30 to 12:30 (and one in planning on 24 June, which is not counted).

Members (ids in members.json order): 1 Siobhan (chair), 2 Rhiannon (facilitator), 3 Nnamdi
(expert by experience, EbE), 4 Renée (carer), 5 Marcus (EbE), 6 Darren "Daz" (EbE),
7 Aisha (supporter), 8 Priya (professional), 9 Tomasz (professional), 10 Grace (EbE),
11 Eileen (carer), 12 Kwame (EbE), 13 Hannah (minute taker). All 13 are invited and active.

Attendance: 11 present; Tomasz apologies; Kwame absent. By role: chair, facilitator, minute
taker, supporter 1 person present each; EbE 5 people (Nnamdi, Marcus, Daz, Grace present,
Kwame absent); carer 2 present; professional 2 people (Priya present, Tomasz apologies).

Talk (a turn's "seconds" is its talk; pauses are added on top, so they do not count; Daz's
turn spoken by Aisha counts for Daz):
  Siobhan 140+60+50+30+70+45+60+90 = 545   Rhiannon 90+240+45+120 = 495
  Nnamdi 330+90+110+70 = 600               Priya 150+140+200+60 = 550
  Marcus 80+150+50 = 280                   Grace 120+90+60 = 270
  Eileen 75+110+80 = 265                   Renée 35+150+40 = 225
  Daz 100+45 = 145                         Aisha, Hannah 0
  All present, total 3375 s. EbE 600+280+270+145 = 1295 (4 of 11 people): ratio
  (1295/3375)/(4/11) = 14245/13500. Carer 265+225 = 490 (2 of 11). Chair 545, facilitator
  495, professional 550 (1 of 11 each); supporter and minute taker 0.
  Gini over the 11 sorted talk times 0,0,145,225,265,270,280,495,545,550,600:
  sum of (2k-10)*x_k = -870-900-530+0+560+1980+3270+4400+6000 = 13910; / (11 * 3375) = 13910/37125.

Papers: no agenda item has papers, so a pack completes them; the deadline is 7 days before
(29 April, 10:30). Packs 9 or 10 days before: Siobhan, Renée, Marcus, Daz, Grace, Eileen,
Kwame, Priya, Tomasz, Aisha = 10 on time; Nnamdi 5 days before = late; Rhiannon and Hannah
never = missing. On time 10 of 13.

Feedback letters (deadline: end of 20 May, 14 days after): Nnamdi sent day 11 (on time),
Grace day 16 (late), Daz not sent. On time 1 of 13 owed.
Contributions: 6; answered (acted on or not possible): Nnamdi, Daz, Renée, Eileen = 4 of 6.
Cards: jargon 1, break needed 1, slow down 1, can't hear 1, want to speak 0 (4 in all).
Decisions: consensus 1, vote 1. Actions: done 2, open 2 (due 27 May and 17 June), so 1 overdue
on 3 June. Ground rules agreed at 6:30.

Evaluations: 4 returned, 1 anonymous.
  listened to: 5,4,5,4 -> 4:2, 5:2, answered 4, average 4.5
  papers in time: 2,4,-,3 -> 2:1, 3:1, 4:1, answered 3, average 3
  understood papers: 3,4,-,2 -> 2:1, 3:1, 4:1, answered 3, average 3
  venue: 3,1,-,3 -> 1:1, 3:2, answered 3, average 7/3
  would come again: 5,4,5,5 -> 4:1, 5:3, answered 4, average 4.75
Payments (pence): involvement paid 5 x 7500 = 37500 (Siobhan, Nnamdi, Renée, Daz, Eileen),
claimed 7500 (Grace); care paid 3600 (Renée); travel paid 480 (Eileen), claimed 2260 (Marcus);
other 0. Paid 41580, claimed 9760. People paid: Siobhan, Nnamdi, Renée, Daz, Eileen = 5.

Usual suspects: 11 attendances by 11 people once each; half is 5.5, so 6 people (6 of 11);
Gini 0. Long absences at 3 June: Tomasz and Kwame never came (Kwame Asante before Tomasz
Nowak by name); the rest came 28 days before.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from meetingroom.domain.conduct import CardKind
from meetingroom.domain.followup import Payment, PaymentKind, PaymentStatus
from meetingroom.domain.group import InvolvementLevel
from meetingroom.domain.involvement import Percent
from meetingroom.domain.meeting import MeetingStatus
from meetingroom.domain.outcomes import HowDecided
from meetingroom.domain.people import Role
from meetingroom.example import write_example
from meetingroom.store import Workspace, followup, meetings
from meetingroom.store import involvement as store_involvement
from meetingroom.store.involvement import read_involvement

TODAY = date(2025, 6, 3)
HELD_DAY = date(2025, 5, 6)
KWAME, TOMASZ = 12, 9


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    path = tmp_path / "example.meetingroom"
    write_example(path, today=TODAY)
    workspace = Workspace.open(path, backup=False)
    yield workspace
    workspace.close()


def test_the_example_meeting_gives_the_figures_worked_out_by_hand(ws: Workspace) -> None:
    figures = read_involvement(ws, date(2025, 1, 1), TODAY, today=TODAY)
    assert figures.group_name == "Riverside Mental Health Co-production Network"
    assert figures.involvement_level is InvolvementLevel.CO_PRODUCE
    assert figures.meetings_held == 1
    m = figures.meetings[0]
    assert (m.day, m.invited, m.present, m.apologies, m.absent) == (HELD_DAY, 13, 11, 1, 1)
    assert m.title.startswith("Network meeting: the crisis line")

    talk = {role: (s.people, s.tally.talk_seconds) for role, s in m.talk.items()}
    assert talk == {Role.EXPERT_BY_EXPERIENCE: (4, 1295), Role.CARER: (2, 490),
                    Role.PROFESSIONAL: (1, 550), Role.CHAIR: (1, 545), Role.FACILITATOR: (1, 495),
                    Role.MINUTE_TAKER: (1, 0), Role.SUPPORTER: (1, 0)}
    assert m.talk_seconds == 3375
    ebe = m.talk[Role.EXPERT_BY_EXPERIENCE]
    assert ebe.talk_share == pytest.approx(1295 / 3375)
    assert ebe.people_share == pytest.approx(4 / 11)
    assert ebe.ratio == pytest.approx(14245 / 13500)
    assert m.talk[Role.SUPPORTER].ratio == 0
    assert m.gini == pytest.approx(13910 / 37125)

    assert m.papers_on_time == Percent(10, 13) and (m.papers_late, m.papers_missing) == (1, 2)
    assert m.letters_on_time == Percent(1, 13)
    assert m.contributions_answered == Percent(4, 6)
    assert m.cards == {CardKind.JARGON: 1, CardKind.BREAK_NEEDED: 1, CardKind.SLOW_DOWN: 1,
                       CardKind.CANT_HEAR: 1, CardKind.WANT_TO_SPEAK: 0}
    assert (m.jargon_cards, m.cards_shown) == (1, 4)
    assert (m.decisions, m.actions, m.evaluations, m.ground_rules_agreed) == (2, 4, 4, True)


def test_the_example_period_totals_worked_out_by_hand(ws: Workspace) -> None:
    figures = read_involvement(ws, date(2025, 1, 1), TODAY, today=TODAY)
    attendance = {role: (a.people, a.people_present, a.present, a.apologies, a.absent)
                  for role, a in figures.attendance.items()}
    assert attendance == {
        Role.EXPERT_BY_EXPERIENCE: (5, 4, 4, 0, 1), Role.CARER: (2, 2, 2, 0, 0),
        Role.PROFESSIONAL: (2, 1, 1, 1, 0), Role.CHAIR: (1, 1, 1, 0, 0),
        Role.FACILITATOR: (1, 1, 1, 0, 0), Role.MINUTE_TAKER: (1, 1, 1, 0, 0),
        Role.SUPPORTER: (1, 1, 1, 0, 0)}
    assert list(figures.attendance) == [role for role in Role if role in attendance]  # in order
    assert figures.talk[Role.EXPERT_BY_EXPERIENCE].ratio == pytest.approx(14245 / 13500)
    assert figures.talk[Role.CARER].talk_share == pytest.approx(490 / 3375)
    assert figures.papers_on_time == Percent(10, 13)
    assert figures.papers_on_time.value == pytest.approx(1000 / 13)
    assert figures.letters_on_time == Percent(1, 13)
    assert figures.contributions_answered == Percent(4, 6)
    assert figures.cards_per_meeting == 4
    assert figures.cards[CardKind.JARGON] == 1
    assert figures.decisions == {HowDecided.CONSENSUS: 1, HowDecided.VOTE: 1,
                                 HowDecided.CHAIR: 0, HowDecided.DEFERRED: 0}
    a = figures.actions
    assert (a.open, a.done, a.dropped, a.overdue) == (2, 2, 0, 1)

    e = figures.evaluation
    assert (e.returned, e.anonymous) == (4, 1)
    expected = {"listened_to": ({4: 2, 5: 2}, 4, 4.5),
                "papers_in_time": ({2: 1, 3: 1, 4: 1}, 3, 3.0),
                "understood_papers": ({2: 1, 3: 1, 4: 1}, 3, 3.0),
                "venue_access": ({1: 1, 3: 2}, 3, 7 / 3),
                "would_come_again": ({4: 1, 5: 3}, 4, 4.75)}
    assert list(e.questions) == list(expected)
    for question, (counts, answered, average) in expected.items():
        result = e.questions[question]
        assert result.counts == {n: counts.get(n, 0) for n in range(1, 6)}
        assert result.answered == answered and result.average == pytest.approx(average)
    assert e.comments[1] == "I couldn't hear a lot of it again. Glad we are moving."
    assert len(e.comments) == 4 and e.comments[3] == "Too many initials in the crisis line part."

    p = figures.payments
    paid = {kind: (t.claimed_pence, t.paid_pence) for kind, t in p.by_kind.items()}
    assert paid == {PaymentKind.INVOLVEMENT: (7500, 37500), PaymentKind.CARE: (0, 3600),
                    PaymentKind.TRAVEL: (2260, 480), PaymentKind.OTHER: (0, 0)}
    assert (p.total.claimed_pence, p.total.paid_pence, p.total.total_pence) == (9760, 41580, 51340)
    assert p.people_paid == 5

    u = figures.usual_suspects
    assert (u.attendances, u.people_attending, u.people_for_half) == (11, 11, 6)
    assert u.share == Percent(6, 11) and u.gini == 0
    assert [(x.member_id, x.display_name, x.role, x.last_attended) for x in u.long_absent] == [
        (KWAME, "Kwame Asante", Role.EXPERT_BY_EXPERIENCE, None),
        (TOMASZ, "Tomasz Nowak", Role.PROFESSIONAL, None)]


def test_a_period_without_meetings_has_empty_figures_and_long_absences(ws: Workspace) -> None:
    # 209 days after 6 May: everyone who came is now long absent, after the two who never came.
    figures = read_involvement(ws, date(2025, 11, 1), date(2025, 12, 1), today=TODAY)
    assert figures.meetings == () and figures.meetings_held == 0
    assert figures.attendance == {} and figures.talk == {}
    for percent in (figures.papers_on_time, figures.letters_on_time,
                    figures.contributions_answered, figures.usual_suspects.share):
        assert percent == Percent(0, 0) and percent.value is None
    assert figures.cards_per_meeting is None
    assert set(figures.cards.values()) == {0} and set(figures.decisions.values()) == {0}
    assert figures.evaluation.returned == 0
    assert all(q.average is None and q.answered == 0 for q in figures.evaluation.questions.values())
    assert figures.payments.total.total_pence == 0 and figures.payments.people_paid == 0
    u = figures.usual_suspects
    assert (u.attendances, u.people_attending, u.people_for_half, u.gini) == (0, 0, 0, 0.0)
    assert [x.member_id for x in u.long_absent[:2]] == [KWAME, TOMASZ]
    assert [(x.last_attended, x.days) for x in u.long_absent[2:]] == [(HELD_DAY, 209)] * 11


def test_the_period_includes_both_its_first_and_last_day(ws: Workspace) -> None:
    assert read_involvement(ws, HELD_DAY, HELD_DAY, today=TODAY).meetings_held == 1
    assert read_involvement(ws, date(2025, 5, 7), TODAY, today=TODAY).meetings_held == 0
    assert read_involvement(ws, date(2025, 4, 1), date(2025, 5, 5), today=TODAY).meetings_held == 0
    with pytest.raises(ValueError, match="the period ends before it starts"):
        read_involvement(ws, TODAY, HELD_DAY)


def test_only_held_or_followed_up_meetings_count(ws: Workspace) -> None:
    june = (date(2025, 6, 1), date(2025, 6, 30))
    assert read_involvement(ws, *june, today=TODAY).meetings_held == 0  # planning on 24 June
    upcoming = next(m for m in meetings.list_meetings(ws) if m.status is MeetingStatus.PLANNING)
    upcoming.status = MeetingStatus.FOLLOWED_UP
    meetings.update_meeting(ws, upcoming)
    figures = read_involvement(ws, *june, today=TODAY)
    assert [(m.day, m.invited, m.present) for m in figures.meetings] == [(date(2025, 6, 24), 13, 0)]
    assert figures.meetings[0].talk == {} and figures.meetings[0].gini == 0
    assert figures.meetings[0].contributions_answered.value is None


def test_the_queries_do_not_grow_with_the_number_of_meetings(ws: Workspace) -> None:
    statements: list[str] = []
    ws.connection.set_trace_callback(statements.append)
    read_involvement(ws, date(2025, 1, 1), date(2025, 12, 31), today=TODAY)
    one_meeting = len(statements)
    upcoming = next(m for m in meetings.list_meetings(ws) if m.status is MeetingStatus.PLANNING)
    upcoming.status = MeetingStatus.HELD
    meetings.update_meeting(ws, upcoming)
    statements.clear()
    figures = read_involvement(ws, date(2025, 1, 1), date(2025, 12, 31), today=TODAY)
    ws.connection.set_trace_callback(None)
    assert figures.meetings_held == 2 and len(statements) == one_meeting


def test_one_read_is_not_half_changed_by_another_connection(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    other = Workspace.attach(ws.path)
    real_list_members = store_involvement.list_members

    def list_members_while_someone_pays(workspace: Workspace) -> object:
        # The read has begun (the group is read): a payment saved now must not show in it.
        followup.add_payment(other, Payment(1, 5, PaymentKind.OTHER, 1000, PaymentStatus.PAID))
        return real_list_members(workspace)

    monkeypatch.setattr(store_involvement, "list_members", list_members_while_someone_pays)
    during = read_involvement(ws, HELD_DAY, HELD_DAY, today=TODAY)
    monkeypatch.setattr(store_involvement, "list_members", real_list_members)
    after = read_involvement(ws, HELD_DAY, HELD_DAY, today=TODAY)
    other.close()
    assert during.payments.by_kind[PaymentKind.OTHER].paid_pence == 0
    assert after.payments.by_kind[PaymentKind.OTHER].paid_pence == 1000
    assert after.payments.people_paid == 6  # Marcus, paid at last


def test_an_unsent_letter_and_a_letter_sent_on_the_deadline_day(ws: Workspace) -> None:
    # Daz's letter, sent at 23:00 on 20 May (the last day), counts as on time.
    daz = next(letter for letter in followup.letters(ws, 1) if letter.member_id == 6
               and letter.kind.value == "feedback")
    assert daz.id is not None
    followup.set_letters_sent(ws, [(daz.id, datetime(2025, 5, 20, 23, 0), "post")])
    assert read_involvement(ws, HELD_DAY, HELD_DAY, today=TODAY).letters_on_time == Percent(2, 13)
