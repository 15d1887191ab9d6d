"""The involvement report's figures, from small plain data worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meetingroom.domain.conduct import Card, CardKind, SpeakingTurn
from meetingroom.domain.fairness import RoleShare, Tally
from meetingroom.domain.followup import (
    Evaluation,
    Letter,
    LetterKind,
    Payment,
    PaymentKind,
    PaymentStatus,
)
from meetingroom.domain.group import Group, InvolvementLevel
from meetingroom.domain.involvement import (
    LONG_ABSENCE_DAYS,
    HeldMeeting,
    Percent,
    Period,
    action_counts,
    attendance_by_role,
    evaluation_results,
    involvement_figures,
    long_absences,
    meeting_figures,
    payment_figures,
    people_for_half,
    period_talk,
    summed,
)
from meetingroom.domain.meeting import Attendance, AttendanceStatus, Meeting, MeetingStatus
from meetingroom.domain.outcomes import Action, ActionStatus, Contribution, ContributionStatus
from meetingroom.domain.papers import Channel, Distribution
from meetingroom.domain.people import FormatKind, Member, Role

START = datetime(2026, 3, 10, 10, 0)
NOW = datetime(2026, 6, 1, 12, 0)
GROUP = Group("Panel", papers_deadline_days=7, feedback_deadline_days=14)
# Ann (expert by experience), Bo (carer), Cy (professional), Di (expert by experience, left
# the group), Ed (expert by experience, erased).
ANN, BO, CY, DI, ED = 1, 2, 3, 4, 5
PEOPLE = {
    ANN: Member("Ann", Role.EXPERT_BY_EXPERIENCE, id=ANN),
    BO: Member("Bo", Role.CARER, id=BO),
    CY: Member("Cy", Role.PROFESSIONAL, id=CY),
    DI: Member("Di", Role.EXPERT_BY_EXPERIENCE, id=DI, active=False),
    ED: Member("", Role.EXPERT_BY_EXPERIENCE, id=ED, erased=True),
}


def meeting(meeting_id: int, start: datetime = START) -> Meeting:
    return Meeting(f"Meeting {meeting_id}", start, id=meeting_id, status=MeetingStatus.HELD)


def came(meeting_id: int, *present: int, apologies: tuple[int, ...] = (),
         absent: tuple[int, ...] = ()) -> tuple[Attendance, ...]:
    return tuple(Attendance(meeting_id, m, AttendanceStatus.PRESENT) for m in present) + \
        tuple(Attendance(meeting_id, m, AttendanceStatus.APOLOGIES) for m in apologies) + \
        tuple(Attendance(meeting_id, m, AttendanceStatus.ABSENT) for m in absent)


def turn(meeting_id: int, member: int, seconds: float) -> SpeakingTurn:
    at = START.timestamp()
    return SpeakingTurn(meeting_id, member, at, started_at=at, ended_at=at + seconds)


def pack(meeting_id: int, member: int, days_before: int) -> Distribution:
    return Distribution(meeting_id, member, FormatKind.STANDARD,
                        START - timedelta(days=days_before), Channel.EMAIL)


def feedback(meeting_id: int, member: int, days_after: int | None) -> Letter:
    sent = None if days_after is None else START + timedelta(days=days_after)
    return Letter(meeting_id, member, LetterKind.FEEDBACK, FormatKind.STANDARD, START, sent_at=sent)


# -- Percent ------------------------------------------------------------------------------------

def test_a_percent_of_nothing_has_no_value() -> None:
    assert Percent().value is None and Percent(0, 0).value is None
    assert Percent(3, 4).value == 75.0 and Percent(0, 5).value == 0.0


def test_percents_over_meetings_are_summed_not_averaged() -> None:
    total = summed([Percent(9, 12), Percent(1, 4), Percent(0, 0)])
    assert total == Percent(10, 16) and total.value == 62.5  # the average of 75% and 25% is 50%


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50))))
def test_summed_percents_keep_every_part_and_whole(pairs: list[tuple[int, int]]) -> None:
    total = summed(Percent(p, w) for p, w in pairs)
    assert (total.part, total.whole) == (sum(p for p, _ in pairs), sum(w for _, w in pairs))


# -- one meeting --------------------------------------------------------------------------------

def test_one_meeting_worked_by_hand() -> None:
    held = HeldMeeting(
        meeting(7), invited=(ANN, BO, CY, DI, ED), attendance=came(7, ANN, BO, CY, apologies=(DI,),
                                                                  absent=(ED,)),
        turns=(turn(7, ANN, 60), turn(7, CY, 180), turn(7, CY, 60), turn(7, DI, 30)),
        cards=(Card(7, CardKind.JARGON, START), Card(7, CardKind.JARGON, START),
               Card(7, CardKind.BREAK_NEEDED, START)),
        # Ann's pack 8 days before (on time), Bo's 7 days before to the minute (on time),
        # Cy's 2 days before (late), Di nothing (missing); Ed is erased and not counted.
        sent=(pack(7, ANN, 8), pack(7, BO, 7), pack(7, CY, 2)),
        # Letters are owed to the active, not erased: Ann, Bo, Cy. Ann's 14 days after (on
        # time), Bo's 15 (late), Di's was sent but Di is no longer active.
        feedback_letters=(feedback(7, ANN, 14), feedback(7, BO, 15), feedback(7, DI, 1)),
        contributions=(Contribution(7, ANN, "More buses", status=ContributionStatus.ACTED_ON),
                       Contribution(7, BO, "Less jargon"),
                       Contribution(7, CY, "Shorter papers", status=ContributionStatus.NOT_POSSIBLE)),
        ground_rules_agreed=True)
    m = meeting_figures(held, PEOPLE, GROUP, NOW)
    assert (m.id, m.day, m.invited, m.present, m.apologies, m.absent) == (7, START.date(), 5, 3, 1, 1)
    # Present talk: Ann 60, Bo 0, Cy 240 = 300 s; Di spoke but was not marked present.
    assert m.talk_seconds == 300
    assert m.talk[Role.PROFESSIONAL].talk_share == pytest.approx(0.8)
    assert m.talk[Role.PROFESSIONAL].ratio == pytest.approx(0.8 * 3)
    assert m.talk[Role.CARER].ratio == 0
    assert m.gini == pytest.approx((60 + 240 + 180) / (3 * 300))  # pairwise |a-b| over 2·n²·mean
    assert m.papers_on_time == Percent(2, 4) and (m.papers_late, m.papers_missing) == (1, 1)
    assert m.letters_on_time == Percent(1, 3)
    assert m.contributions_answered == Percent(2, 3)
    assert m.cards[CardKind.JARGON] == 2 and m.jargon_cards == 2 and m.cards_shown == 3
    assert m.cards[CardKind.WANT_TO_SPEAK] == 0
    assert m.ground_rules_agreed


def test_a_meeting_where_nobody_was_marked_present() -> None:
    held = HeldMeeting(meeting(8), invited=(ANN, BO), turns=(turn(8, ANN, 90),))
    m = meeting_figures(held, PEOPLE, GROUP, NOW)
    assert (m.present, m.talk, m.gini, m.talk_seconds) == (0, {}, 0.0, 0)
    assert m.papers_on_time == Percent(0, 2)  # both missing
    assert m.contributions_answered.value is None and m.letters_on_time == Percent(0, 2)


def test_a_meeting_with_people_present_and_no_talk() -> None:
    m = meeting_figures(HeldMeeting(meeting(9), attendance=came(9, ANN, BO)), PEOPLE, GROUP, NOW)
    assert m.talk[Role.CARER].ratio is None and m.talk[Role.CARER].talk_share == 0.0
    assert m.talk[Role.CARER].people_share == 0.5 and m.gini == 0.0


# -- across the period --------------------------------------------------------------------------

def share(role: Role, people: int, seconds: float, turns: int = 1) -> RoleShare:
    return RoleShare(role, people, Tally(turns, seconds), 0.0, 0.0, None)


def test_talk_over_a_period_is_summed_talk_against_person_meetings() -> None:
    first = {Role.EXPERT_BY_EXPERIENCE: share(Role.EXPERT_BY_EXPERIENCE, 3, 300),
             Role.PROFESSIONAL: share(Role.PROFESSIONAL, 1, 300)}
    second = {Role.EXPERT_BY_EXPERIENCE: share(Role.EXPERT_BY_EXPERIENCE, 1, 100),
              Role.CARER: share(Role.CARER, 1, 300, turns=2)}
    talk = period_talk([first, second])
    # EbE: 400 of 1000 s, 4 of 6 person-meetings: 0.4 / (2/3) = 0.6.
    ebe = talk[Role.EXPERT_BY_EXPERIENCE]
    assert (ebe.people, ebe.tally) == (4, Tally(2, 400))
    assert ebe.talk_share == pytest.approx(0.4) and ebe.people_share == pytest.approx(4 / 6)
    assert ebe.ratio == pytest.approx(0.6)
    assert talk[Role.CARER].ratio == pytest.approx(0.3 * 6)
    assert list(talk) == [Role.EXPERT_BY_EXPERIENCE, Role.CARER, Role.PROFESSIONAL]  # Role order
    silent = period_talk([{Role.CARER: share(Role.CARER, 2, 0, turns=0)}])
    assert silent[Role.CARER].ratio is None and silent[Role.CARER].people_share == 1.0
    assert period_talk([]) == {}


@given(st.lists(st.dictionaries(st.sampled_from(list(Role)),
                                st.tuples(st.integers(1, 9), st.integers(0, 900)), min_size=1)))
def test_period_talk_shares_add_up_to_one(meetings: list[dict[Role, tuple[int, int]]]) -> None:
    talk = period_talk({role: share(role, n, s) for role, (n, s) in m.items()} for m in meetings)
    if meetings:
        assert sum(s.people_share for s in talk.values()) == pytest.approx(1.0)
    spoken = sum(s for m in meetings for _, s in m.values())
    if spoken:
        assert sum(s.talk_share for s in talk.values()) == pytest.approx(1.0)
    else:
        assert all(s.ratio is None for s in talk.values())


def test_attendance_by_role_counts_people_and_person_meetings() -> None:
    rows = [*came(1, ANN, BO, absent=(DI,)), *came(2, ANN, apologies=(BO,), absent=(DI,)),
            Attendance(2, 99, AttendanceStatus.PRESENT)]  # 99 is not a member: left out
    by_role = attendance_by_role(rows, PEOPLE)
    ebe = by_role[Role.EXPERT_BY_EXPERIENCE]
    assert (ebe.people, ebe.people_present, ebe.present, ebe.apologies, ebe.absent) == (2, 1, 2, 0, 2)
    carer = by_role[Role.CARER]
    assert (carer.people, carer.people_present, carer.present, carer.apologies) == (1, 1, 1, 1)
    assert list(by_role) == [Role.EXPERT_BY_EXPERIENCE, Role.CARER]


def test_actions_overdue_are_open_and_past_their_due_day() -> None:
    today = date(2026, 5, 1)
    actions = [Action(1, "a", due=date(2026, 4, 30)), Action(1, "b", due=today),
               Action(1, "c"), Action(1, "d", due=date(2026, 1, 1), status=ActionStatus.DONE),
               Action(1, "e", due=date(2026, 1, 1), status=ActionStatus.DROPPED)]
    counts = action_counts(actions, today)
    assert (counts.open, counts.done, counts.dropped, counts.overdue) == (3, 1, 1, 1)


def test_evaluation_results_with_skipped_answers_and_no_names() -> None:
    results = evaluation_results([
        Evaluation(1, ANN, {"listened_to": 5, "venue_access": 1}, "  Good.  "),
        Evaluation(1, None, {"listened_to": 2}, ""),
        Evaluation(2, None, {}, "Too long"),
    ])
    assert (results.returned, results.anonymous) == (3, 2)
    listened = results.questions["listened_to"]
    assert listened.counts == {1: 0, 2: 1, 3: 0, 4: 0, 5: 1}
    assert (listened.answered, listened.average) == (2, 3.5)
    assert results.questions["papers_in_time"].average is None
    assert results.questions["papers_in_time"].answered == 0
    assert results.comments == ("Good.", "Too long")
    empty = evaluation_results([])
    assert (empty.returned, empty.anonymous, empty.comments) == (0, 0, ())


def test_payments_by_kind_claimed_and_paid() -> None:
    figures = payment_figures([
        Payment(1, ANN, PaymentKind.INVOLVEMENT, 5000, PaymentStatus.PAID),
        Payment(2, ANN, PaymentKind.INVOLVEMENT, 5000, PaymentStatus.PAID),
        Payment(1, ANN, PaymentKind.TRAVEL, 320, PaymentStatus.CLAIMED),
        Payment(1, BO, PaymentKind.CARE, 1200, PaymentStatus.CLAIMED),
        Payment(1, CY, PaymentKind.OTHER, 0, PaymentStatus.PAID),
    ])
    assert figures.by_kind[PaymentKind.INVOLVEMENT].paid_pence == 10000
    assert figures.by_kind[PaymentKind.TRAVEL].claimed_pence == 320
    assert figures.by_kind[PaymentKind.CARE].total_pence == 1200
    assert (figures.total.claimed_pence, figures.total.paid_pence) == (1520, 10000)
    assert figures.people_paid == 1  # Ann, twice; Bo only claimed, and Cy was paid nothing


# -- usual suspects -----------------------------------------------------------------------------

@pytest.mark.parametrize(("attendances", "people"), [
    ([], 0), ([0, 0], 0), ([1], 1), ([5, 1, 1, 1, 1, 1], 1), ([4, 1, 1, 1, 1, 1, 1], 2),
    ([2, 2, 2, 2], 2), ([3, 3, 3], 2), ([1] * 11, 6), ([1] * 10, 5)])
def test_people_for_half(attendances: list[int], people: int) -> None:
    assert people_for_half(attendances) == people


@given(st.lists(st.integers(0, 30), max_size=40))
def test_people_for_half_is_the_fewest_that_make_half(attendances: list[int]) -> None:
    total = sum(attendances)
    k = people_for_half(attendances)
    top = sorted(attendances, reverse=True)[:k]
    if total == 0:
        assert k == 0
        return
    assert 2 * sum(top) >= total  # together they make up at least half
    for n in range(k):  # removing anyone of them drops below half
        assert 2 * (sum(top) - top[n]) < total
    # and no other group that small does it: the k - 1 biggest are the best such group
    assert 2 * sum(sorted(attendances, reverse=True)[:k - 1]) < total


def test_long_absences_from_the_end_of_the_period() -> None:
    end = date(2026, 6, 30)
    last = {ANN: end - timedelta(days=LONG_ABSENCE_DAYS),  # exactly 180 days: not long
            BO: end - timedelta(days=LONG_ABSENCE_DAYS + 1),
            DI: end - timedelta(days=400), ED: end - timedelta(days=400)}
    absent = long_absences(PEOPLE.values(), last, end)
    # Cy never came (first); Bo 181 days; Di is inactive and Ed erased: left out.
    assert [(a.member_id, a.display_name, a.last_attended, a.days) for a in absent] == [
        (CY, "Cy", None, None), (BO, "Bo", end - timedelta(days=181), 181)]


def test_long_absences_longest_first_then_by_name() -> None:
    end = date(2026, 6, 30)
    people = [Member("Zoe", id=1), Member("Amy", id=2), Member("Bea", id=3), Member("Cat", id=4)]
    last = {1: date(2025, 1, 1), 2: date(2025, 1, 1), 3: date(2024, 1, 1)}
    assert [a.display_name for a in long_absences(people, last, end)] == ["Cat", "Bea", "Amy", "Zoe"]


# -- the whole period ---------------------------------------------------------------------------

def test_the_period_puts_meetings_in_date_order_and_sums_them() -> None:
    later = HeldMeeting(meeting(2, START + timedelta(days=14)), invited=(ANN, BO),
                        attendance=came(2, ANN, BO),
                        cards=(Card(2, CardKind.SLOW_DOWN, START),),
                        payments=(Payment(2, BO, PaymentKind.CARE, 900, PaymentStatus.PAID),))
    earlier = HeldMeeting(meeting(1), invited=(ANN, BO, CY), attendance=came(1, ANN, CY),
                          sent=(pack(1, ANN, 9), pack(1, BO, 9), pack(1, CY, 9)),
                          cards=(Card(1, CardKind.JARGON, START), Card(1, CardKind.JARGON, START)))
    period = Period(date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 1),
                    Group("Panel", involvement_level=InvolvementLevel.CONSULT), PEOPLE,
                    {ANN: START.date() + timedelta(days=14), BO: START.date() + timedelta(days=14),
                     CY: START.date()})
    figures = involvement_figures(period, [later, earlier])
    assert [m.id for m in figures.meetings] == [1, 2]
    assert (figures.group_name, figures.involvement_level) == ("Panel", InvolvementLevel.CONSULT)
    assert figures.papers_on_time == Percent(3, 5)  # 3 of 3, then 0 of 2
    assert figures.cards_per_meeting == 1.5 and figures.cards[CardKind.JARGON] == 2
    assert figures.payments.by_kind[PaymentKind.CARE].paid_pence == 900
    u = figures.usual_suspects
    # Ann came twice, Bo and Cy once: 4 attendances, Ann alone makes half.
    assert (u.attendances, u.people_attending, u.people_for_half, u.share) == (4, 3, 1, Percent(1, 3))
    assert u.gini == pytest.approx(1 / 6)
    # Di is inactive, Ed erased: nobody is long absent.
    assert u.long_absent == ()


def test_an_empty_period_without_a_group() -> None:
    figures = involvement_figures(Period(date(2026, 1, 1), date(2026, 1, 31), date(2026, 2, 1)), [])
    assert (figures.group_name, figures.involvement_level) == ("", None)
    assert figures.meetings_held == 0 and figures.cards_per_meeting is None
    assert figures.papers_on_time.value is None and figures.usual_suspects.share.value is None
    assert figures.usual_suspects.long_absent == ()
