"""The involvement report's figures for a period: per held meeting, and across the period.

Pure calculations over plain data (`HeldMeeting`, read in one go by store.involvement). They
reuse the app's own definitions so the report never disagrees with the screens it sums up:
papers on time as the Papers sent tab counts them (domain.distribution), letters on time and
contributions answered as the Follow-up view counts them (domain.feedback), talk shares as
the console's fairness panel counts them (domain.fairness, over everyone marked present).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from meetingroom.domain.conduct import Card, CardKind, SpeakingTurn
from meetingroom.domain.distribution import PapersStatus, meeting_papers
from meetingroom.domain.fairness import RoleShare, Tally, gini, measure
from meetingroom.domain.feedback import feedback_progress, is_overdue
from meetingroom.domain.followup import (
    EVALUATION_QUESTIONS,
    Evaluation,
    Letter,
    Payment,
    PaymentKind,
    PaymentStatus,
)
from meetingroom.domain.group import Group, InvolvementLevel
from meetingroom.domain.meeting import Attendance, AttendanceStatus, Meeting
from meetingroom.domain.outcomes import Action, ActionStatus, Contribution, Decision, HowDecided
from meetingroom.domain.papers import Distribution
from meetingroom.domain.people import Member, Role

LONG_ABSENCE_DAYS = 180  # a member whose last attendance is further back has not been involved
ANSWERS = (1, 2, 3, 4, 5)  # the five-point picture scale of the evaluation form


@dataclass(frozen=True)
class Percent:
    """`part` of `whole`, kept as counts so every percentage can say what it is of, and
    percentages over several meetings are summed (9 of 12 and 1 of 4 is 10 of 16), never
    averaged."""

    part: int = 0
    whole: int = 0

    @property
    def value(self) -> float | None:
        """The percentage, 0 to 100; None when there was nothing to count (whole is 0)."""
        return None if self.whole == 0 else 100.0 * self.part / self.whole

    def __add__(self, other: Percent) -> Percent:
        return Percent(self.part + other.part, self.whole + other.whole)


def summed(percents: Iterable[Percent]) -> Percent:
    return sum(percents, Percent())


@dataclass(frozen=True)
class HeldMeeting:
    """Everything recorded at and after one held meeting that the figures use."""

    meeting: Meeting
    invited: tuple[int, ...] = ()  # member ids
    attendance: tuple[Attendance, ...] = ()
    turns: tuple[SpeakingTurn, ...] = ()
    cards: tuple[Card, ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    paper_ids: frozenset[int] = frozenset()  # the papers of its agenda items
    sent: tuple[Distribution, ...] = ()  # papers and packs recorded as sent
    feedback_letters: tuple[Letter, ...] = ()
    payments: tuple[Payment, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    ground_rules_agreed: bool = False  # any of the group's ground rules agreed at it


@dataclass(frozen=True)
class MeetingFigures:
    """One held meeting's figures: a point on each of the report's trends."""

    id: int
    day: date
    title: str
    invited: int  # members invited (erased ones too)
    present: int  # marked present at check-in (invited or not)
    apologies: int
    absent: int  # marked absent without apologies
    talk: Mapping[Role, RoleShare]  # each role group present: its talk against its share of people
    gini: float  # of talk time across the people present (0 = even, towards 1 = one voice)
    talk_seconds: float  # by the people present
    papers_on_time: Percent  # of the invited members (not erased) who had all papers by the deadline
    papers_late: int  # invited members whose papers went after the deadline
    papers_missing: int  # invited members who never had them all
    letters_on_time: Percent  # feedback letters sent by the feedback deadline, of those owed
    contributions_answered: Percent  # contributions ("you said") with an answer, of all made
    cards: Mapping[CardKind, int]  # cards shown, by kind (every kind, 0 when none)
    jargon_cards: int  # the jargon alert
    decisions: int
    actions: int
    evaluations: int  # evaluation forms returned
    ground_rules_agreed: bool

    @property
    def cards_shown(self) -> int:
        return sum(self.cards.values())


@dataclass(frozen=True)
class RoleAttendance:
    """Attendance of one role group over the period; counts are person-meetings."""

    role: Role
    people: int  # different members of this role marked present, apologies or absent
    people_present: int  # different members of this role who came at least once
    present: int
    apologies: int
    absent: int


@dataclass(frozen=True)
class ActionCounts:
    """Where the actions from the period's meetings stand at `today`."""

    open: int
    done: int
    dropped: int
    overdue: int  # open and past their due date (counted in `open` as well)


@dataclass(frozen=True)
class QuestionResults:
    """One evaluation question over the forms returned."""

    question: str  # a key of EVALUATION_QUESTIONS
    counts: Mapping[int, int]  # how many chose each answer, 1 to 5 (every answer, 0 when none)
    answered: int  # forms that answered this question (any may be skipped)
    average: float | None  # None when nobody answered


@dataclass(frozen=True)
class EvaluationResults:
    questions: Mapping[str, QuestionResults]  # in the order of EVALUATION_QUESTIONS
    returned: int  # forms returned
    anonymous: int  # returned without a name
    comments: tuple[str, ...]  # the comments' text alone, never who wrote them; meeting order


@dataclass(frozen=True)
class PaymentTotals:
    claimed_pence: int = 0  # claimed and not paid yet
    paid_pence: int = 0

    @property
    def total_pence(self) -> int:
        return self.claimed_pence + self.paid_pence


@dataclass(frozen=True)
class PaymentFigures:
    by_kind: Mapping[PaymentKind, PaymentTotals]  # every kind, 0 when none
    total: PaymentTotals
    people_paid: int  # different members with some money paid to them


@dataclass(frozen=True)
class LongAbsence:
    """An active member who has not come for LONG_ABSENCE_DAYS, or never has."""

    member_id: int
    display_name: str
    role: Role
    last_attended: date | None  # None = never
    days: int | None  # from the last attendance to the end of the period; None = never


@dataclass(frozen=True)
class UsualSuspects:
    """How concentrated involvement is: the same few people every time?"""

    attendances: int  # person-meetings present over the period
    people_attending: int  # different people present at least once
    people_for_half: int  # the fewest people who together make up at least half the attendances
    share: Percent  # people_for_half of people_attending
    gini: float  # of attendances across the people attending (0 = everyone came as often)
    long_absent: tuple[LongAbsence, ...]  # longest absent first; never attended first of all


@dataclass(frozen=True)
class InvolvementFigures:
    """Every figure of the involvement report for the held meetings from `start` to `end`."""

    start: date
    end: date
    today: date  # actions are overdue as of this day
    group_name: str
    involvement_level: InvolvementLevel | None  # None before the group is set up
    meetings: tuple[MeetingFigures, ...]  # in date order: the trends are these values
    attendance: Mapping[Role, RoleAttendance]  # each role group recorded, in Role order
    talk: Mapping[Role, RoleShare]  # over the period; `people` counts person-meetings present
    papers_on_time: Percent
    letters_on_time: Percent
    contributions_answered: Percent
    cards: Mapping[CardKind, int]  # every kind, 0 when none
    decisions: Mapping[HowDecided, int]  # how they were decided: every way, 0 when none
    actions: ActionCounts
    evaluation: EvaluationResults
    payments: PaymentFigures
    usual_suspects: UsualSuspects

    @property
    def meetings_held(self) -> int:
        return len(self.meetings)

    @property
    def cards_per_meeting(self) -> float | None:
        """Cards shown per meeting on average; None when no meeting was held."""
        return sum(self.cards.values()) / len(self.meetings) if self.meetings else None


# -- one meeting --------------------------------------------------------------------------------

def present_roles(attendance: Iterable[Attendance], people: Mapping[int, Member]) -> dict[int, Role]:
    """The people marked present and their roles: whose voices the fairness panel compares."""
    return {a.member_id: people[a.member_id].role for a in attendance
            if a.status is AttendanceStatus.PRESENT and a.member_id in people}


def meeting_figures(held: HeldMeeting, people: Mapping[int, Member], group: Group,
                    now: datetime) -> MeetingFigures:
    """One meeting's figures; `people` holds every member by id (erased ones too)."""
    meeting = held.meeting
    assert meeting.id is not None
    start = meeting.start.replace(tzinfo=None)
    invited = [people[i] for i in held.invited if i in people]
    papers = meeting_papers([m for m in invited if not m.erased], held.paper_ids, held.sent,
                            meeting_start=start, deadline_days=group.papers_deadline_days, now=now)
    papers_by = Counter(p.status for p in papers)
    owed = [m.id for m in invited if m.active and not m.erased and m.id is not None]
    progress = feedback_progress(meeting.id, meeting.end.replace(tzinfo=None), owed,
                                 held.feedback_letters, held.contributions,
                                 deadline_days=group.feedback_deadline_days, now=now)
    fairness = measure(held.turns, present_roles(held.attendance, people))
    came = Counter(a.status for a in held.attendance)
    cards = Counter(c.kind for c in held.cards)
    return MeetingFigures(
        id=meeting.id, day=start.date(), title=meeting.title, invited=len(held.invited),
        present=came[AttendanceStatus.PRESENT], apologies=came[AttendanceStatus.APOLOGIES],
        absent=came[AttendanceStatus.ABSENT], talk=fairness.roles, gini=fairness.gini,
        talk_seconds=sum((s.tally.talk_seconds for s in fairness.roles.values()), 0.0),
        papers_on_time=Percent(papers_by[PapersStatus.ON_TIME], len(papers)),
        papers_late=papers_by[PapersStatus.LATE], papers_missing=papers_by[PapersStatus.MISSING],
        letters_on_time=Percent(progress.sent_on_time, progress.owed),
        contributions_answered=Percent(progress.answered, progress.contributions),
        cards={kind: cards[kind] for kind in CardKind}, jargon_cards=cards[CardKind.JARGON],
        decisions=len(held.decisions), actions=len(held.actions),
        evaluations=len(held.evaluations), ground_rules_agreed=held.ground_rules_agreed,
    )


# -- across the period ------------------------------------------------------------------------

def attendance_by_role(attendance: Iterable[Attendance],
                       people: Mapping[int, Member]) -> dict[Role, RoleAttendance]:
    counts: dict[Role, Counter[AttendanceStatus]] = {}
    recorded: dict[Role, set[int]] = {}
    came: dict[Role, set[int]] = {}
    for a in attendance:
        if a.member_id not in people:
            continue
        role = people[a.member_id].role
        counts.setdefault(role, Counter())[a.status] += 1
        recorded.setdefault(role, set()).add(a.member_id)
        if a.status is AttendanceStatus.PRESENT:
            came.setdefault(role, set()).add(a.member_id)
    return {role: RoleAttendance(role, len(recorded[role]), len(came.get(role, ())),
                                 counts[role][AttendanceStatus.PRESENT],
                                 counts[role][AttendanceStatus.APOLOGIES],
                                 counts[role][AttendanceStatus.ABSENT])
            for role in Role if role in counts}


def period_talk(meetings: Iterable[Mapping[Role, RoleShare]]) -> dict[Role, RoleShare]:
    """Each role's talk over all the meetings (its seconds over all talk by people present)
    against its share of the person-meetings present; RoleShare.people is those
    person-meetings."""
    tallies: dict[Role, Tally] = {}
    person_meetings: Counter[Role] = Counter()
    for roles in meetings:
        for role, share in roles.items():
            had = tallies.get(role, Tally())
            tallies[role] = Tally(had.turns + share.tally.turns,
                                  had.talk_seconds + share.tally.talk_seconds)
            person_meetings[role] += share.people
    talk = sum(t.talk_seconds for t in tallies.values())
    everyone = sum(person_meetings.values())
    shares: dict[Role, RoleShare] = {}
    for role in Role:
        if role not in tallies:
            continue
        people_share = person_meetings[role] / everyone
        talk_share = tallies[role].talk_seconds / talk if talk > 0 else 0.0
        shares[role] = RoleShare(role, person_meetings[role], tallies[role], talk_share,
                                 people_share, talk_share / people_share if talk > 0 else None)
    return shares


def action_counts(actions: Iterable[Action], today: date) -> ActionCounts:
    actions = list(actions)
    by = Counter(a.status for a in actions)
    return ActionCounts(by[ActionStatus.OPEN], by[ActionStatus.DONE], by[ActionStatus.DROPPED],
                        sum(is_overdue(a, today) for a in actions))


def evaluation_results(evaluations: Iterable[Evaluation]) -> EvaluationResults:
    forms = list(evaluations)
    questions: dict[str, QuestionResults] = {}
    for question in EVALUATION_QUESTIONS:
        answers = [form.answers[question] for form in forms if question in form.answers]
        counts = Counter(answers)
        questions[question] = QuestionResults(
            question, {answer: counts[answer] for answer in ANSWERS}, len(answers),
            sum(answers) / len(answers) if answers else None)
    return EvaluationResults(questions, len(forms), sum(f.member_id is None for f in forms),
                             tuple(f.comment.strip() for f in forms if f.comment.strip()))


def payment_figures(payments: Iterable[Payment]) -> PaymentFigures:
    claimed: Counter[PaymentKind] = Counter()
    paid: Counter[PaymentKind] = Counter()
    people_paid: set[int] = set()
    for p in payments:
        if p.status is PaymentStatus.PAID:
            paid[p.kind] += p.amount_pence
            if p.amount_pence > 0:
                people_paid.add(p.member_id)
        else:
            claimed[p.kind] += p.amount_pence
    return PaymentFigures({kind: PaymentTotals(claimed[kind], paid[kind]) for kind in PaymentKind},
                          PaymentTotals(sum(claimed.values()), sum(paid.values())),
                          len(people_paid))


def people_for_half(attendances: Iterable[int]) -> int:
    """The fewest people who together make up at least half of all attendances: the most
    frequent first. 0 when nobody came."""
    counts = sorted((n for n in attendances if n > 0), reverse=True)
    total, running = sum(counts), 0
    for taken, count in enumerate(counts, start=1):
        running += count
        if 2 * running >= total:
            return taken
    return 0


def long_absences(people: Iterable[Member], last_attended: Mapping[int, date],
                  end: date) -> tuple[LongAbsence, ...]:
    """Active, not erased members whose last attendance (up to `end`) is more than
    LONG_ABSENCE_DAYS before `end`, or who never came; never first, then longest absent."""
    found: list[LongAbsence] = []
    for member in people:
        if member.id is None or not member.active or member.erased:
            continue
        last = last_attended.get(member.id)
        days = None if last is None else (end - last).days
        if days is None or days > LONG_ABSENCE_DAYS:
            found.append(LongAbsence(member.id, member.display_name, member.role, last, days))
    return tuple(sorted(found, key=lambda a: (a.last_attended is not None,
                                              a.last_attended or date.min,
                                              a.display_name.casefold(), a.member_id)))


def usual_suspects(attendance: Iterable[Attendance], people: Iterable[Member],
                   last_attended: Mapping[int, date], end: date) -> UsualSuspects:
    came = Counter(a.member_id for a in attendance if a.status is AttendanceStatus.PRESENT)
    counts = list(came.values())
    half = people_for_half(counts)
    return UsualSuspects(sum(counts), len(counts), half, Percent(half, len(counts)),
                         gini([float(n) for n in counts]), long_absences(people, last_attended, end))


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    today: date
    group: Group | None = None
    people: Mapping[int, Member] = field(default_factory=dict)  # every member, erased ones too
    last_attended: Mapping[int, date] = field(default_factory=dict)  # present, up to `end`


def involvement_figures(period: Period, held: Sequence[HeldMeeting]) -> InvolvementFigures:
    """The whole report's figures from the period's held meetings (in any order)."""
    group = period.group or Group(name="")
    now = datetime.combine(period.today, time(23, 59, 59))
    held = sorted(held, key=lambda h: (h.meeting.start.replace(tzinfo=None), h.meeting.id or 0))
    meetings = tuple(meeting_figures(h, period.people, group, now) for h in held)
    attendance = [a for h in held for a in h.attendance]
    cards = Counter(c.kind for h in held for c in h.cards)
    decided = Counter(d.how for h in held for d in h.decisions)
    return InvolvementFigures(
        start=period.start, end=period.end, today=period.today, group_name=group.name,
        involvement_level=period.group.involvement_level if period.group else None,
        meetings=meetings, attendance=attendance_by_role(attendance, period.people),
        talk=period_talk(m.talk for m in meetings),
        papers_on_time=summed(m.papers_on_time for m in meetings),
        letters_on_time=summed(m.letters_on_time for m in meetings),
        contributions_answered=summed(m.contributions_answered for m in meetings),
        cards={kind: cards[kind] for kind in CardKind},
        decisions={how: decided[how] for how in HowDecided},
        actions=action_counts((a for h in held for a in h.actions), period.today),
        evaluation=evaluation_results(e for h in held for e in h.evaluations),
        payments=payment_figures(p for h in held for p in h.payments),
        usual_suspects=usual_suspects(attendance, period.people.values(), period.last_attended,
                                      period.end),
    )
