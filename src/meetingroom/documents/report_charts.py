"""The involvement report's charts and tables, from its figures: the same ones in the PDF, the
DOCX and the app's Reports view, so what the chair sees is what the report prints.

Every chart has a table of the same figures (the words a screen reader or a large-print
reader uses), and every percentage says what it is of: "83% (10 of 12)".
"""

from __future__ import annotations

from collections.abc import Mapping

from meetingroom.documents.model import Chart, ChartKind, DataTable, Series
from meetingroom.domain.conduct import CardKind
from meetingroom.domain.fairness import RoleShare
from meetingroom.domain.followup import EVALUATION_QUESTIONS, QUESTION_WORDS, PaymentKind
from meetingroom.domain.involvement import InvolvementFigures, MeetingFigures, Percent
from meetingroom.domain.minutes_words import PAYMENT_WORDS, money
from meetingroom.domain.people import Role

ROLE_GROUPS: dict[Role, str] = {
    Role.EXPERT_BY_EXPERIENCE: "Experts by experience",
    Role.CARER: "Carers",
    Role.PROFESSIONAL: "Professionals",
    Role.CHAIR: "Chairs",
    Role.FACILITATOR: "Facilitators",
    Role.MINUTE_TAKER: "Minute takers",
    Role.SUPPORTER: "Supporters and interpreters",
}
CARD_WORDS: dict[CardKind, str] = {
    CardKind.JARGON: "Jargon",
    CardKind.SLOW_DOWN: "Slow down",
    CardKind.CANT_HEAR: "Can't hear",
    CardKind.BREAK_NEEDED: "Break needed",
    CardKind.WANT_TO_SPEAK: "Want to speak",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def percent_words(share: Percent) -> str:
    """"83% (10 of 12)", or "no figure (none to count)"."""
    value = share.value
    if value is None:
        return "no figure (none to count)"
    return f"{value:.0f}% ({share.part} of {share.whole})"


def meeting_label(meeting: MeetingFigures) -> str:
    """"3 Nov 2026": a meeting on a chart's axis and in a table."""
    day = meeting.day
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _shares(talk: Mapping[Role, RoleShare]) -> list[Role]:
    return [role for role in Role if role in talk]


# -- presence -----------------------------------------------------------------------------------

def attendance_chart(figures: InvolvementFigures) -> Chart:
    """How many times people of each role came (apologies and absences are in the table)."""
    roles = list(figures.attendance)
    return Chart(
        "Attendance by role: times people came", ChartKind.BARS, tuple(ROLE_GROUPS[r] for r in roles),
        (Series("Times came", tuple(float(figures.attendance[r].present) for r in roles)),))


def attendance_table(figures: InvolvementFigures) -> DataTable:
    return DataTable(
        "Attendance by role, over all the meetings in the period",
        ("Role", "People", "Came at least once", "Times came", "Apologies", "Absent"),
        tuple((ROLE_GROUPS[role], str(a.people), str(a.people_present), str(a.present),
               str(a.apologies), str(a.absent)) for role, a in figures.attendance.items()))


def talk_chart(figures: InvolvementFigures) -> Chart:
    roles = _shares(figures.talk)
    return Chart(
        "Share of talk time and share of people, by role", ChartKind.BARS,
        tuple(ROLE_GROUPS[r] for r in roles),
        (Series("Share of talk time", tuple(figures.talk[r].talk_share * 100 for r in roles)),
         Series("Share of people there", tuple(figures.talk[r].people_share * 100 for r in roles))),
        unit="%", maximum=100)


def talk_table(figures: InvolvementFigures) -> DataTable:
    def ratio(share: RoleShare) -> str:
        return "no talk timed" if share.ratio is None else f"{share.ratio:.1f}"

    return DataTable(
        "Talk time against people there, by role (1.0 is a fair share)",
        ("Role", "Share of talk time", "Share of people there", "Talk for their share"),
        tuple((ROLE_GROUPS[r], f"{figures.talk[r].talk_share * 100:.0f}%",
               f"{figures.talk[r].people_share * 100:.0f}%", ratio(figures.talk[r]))
              for r in _shares(figures.talk)))


def talk_trend_chart(figures: InvolvementFigures) -> Chart:
    """Each role group's talk for its share of people, meeting by meeting (1.0 = fair)."""
    roles = [r for r in Role if any(r in m.talk for m in figures.meetings)]
    series = []
    for role in roles:
        values = []
        for meeting in figures.meetings:
            share = meeting.talk.get(role)
            values.append(None if share is None else share.ratio)
        series.append(Series(ROLE_GROUPS[role], tuple(values)))
    return Chart(
        "Talk for each group's share of people, meeting by meeting", ChartKind.LINES,
        tuple(meeting_label(m) for m in figures.meetings), tuple(series), unit="×",
        reference=1.0, reference_label="a fair share")


def long_absence_table(figures: InvolvementFigures, most: int) -> DataTable:
    """The first `most` members not involved for a long time: never, then longest ago."""
    def last(day: object) -> str:
        return "Never came" if day is None else f"{day:%-d %B %Y}"

    return DataTable(
        "Members not involved for a long time (more than 6 months, or never)",
        ("Member", "Role", "Last came"),
        tuple((a.display_name, ROLE_GROUPS[a.role], last(a.last_attended))
              for a in figures.usual_suspects.long_absent[:most]))


# -- process ------------------------------------------------------------------------------------

def on_time_chart(figures: InvolvementFigures) -> Chart:
    return Chart(
        "Papers on time, letters on time and contributions answered", ChartKind.BARS,
        ("Papers on time", "Letters on time", "Contributions answered"),
        (Series("Over the period", (figures.papers_on_time.value, figures.letters_on_time.value,
                                    figures.contributions_answered.value)),),
        unit="%", maximum=100)


def on_time_trend_chart(figures: InvolvementFigures) -> Chart:
    meetings = figures.meetings
    return Chart(
        "Papers and letters on time, and contributions answered, meeting by meeting",
        ChartKind.LINES, tuple(meeting_label(m) for m in meetings),
        (Series("Papers on time", tuple(m.papers_on_time.value for m in meetings)),
         Series("Letters on time", tuple(m.letters_on_time.value for m in meetings)),
         Series("Contributions answered", tuple(m.contributions_answered.value for m in meetings))),
        unit="%", maximum=100)


def cards_trend_chart(figures: InvolvementFigures) -> Chart:
    """The jargon alert: cards shown per meeting, and how many of them said "jargon"."""
    meetings = figures.meetings
    return Chart(
        "Cards shown at each meeting", ChartKind.LINES, tuple(meeting_label(m) for m in meetings),
        (Series("All cards", tuple(float(m.cards_shown) for m in meetings)),
         Series("Jargon cards", tuple(float(m.jargon_cards) for m in meetings))))


def cards_table(figures: InvolvementFigures) -> DataTable:
    return DataTable(
        "Cards shown over the period, by kind", ("Card", "Times shown"),
        tuple((CARD_WORDS[kind], str(count)) for kind, count in figures.cards.items()))


def meetings_table(figures: InvolvementFigures) -> DataTable:
    return DataTable(
        "Each meeting in the period: who came of those invited, papers and letters on time, "
        "contributions answered, and cards shown (jargon cards in brackets)",
        ("Date", "Meeting", "Came", "Papers on time", "Letters on time", "Answered", "Cards"),
        tuple((meeting_label(m), m.title, f"{m.present} of {m.invited}", percent_words(m.papers_on_time),
               percent_words(m.letters_on_time), percent_words(m.contributions_answered),
               f"{m.cards_shown} ({m.jargon_cards})") for m in figures.meetings))


def evaluation_chart(figures: InvolvementFigures) -> Chart:
    questions = [figures.evaluation.questions[q] for q in EVALUATION_QUESTIONS
                 if q in figures.evaluation.questions]
    return Chart(
        "Evaluation: the average answer to each question, out of 5", ChartKind.BARS,
        tuple(QUESTION_WORDS[q.question] for q in questions),
        (Series("Average answer", tuple(q.average for q in questions)),), maximum=5)


def evaluation_table(figures: InvolvementFigures) -> DataTable:
    rows = []
    for key in EVALUATION_QUESTIONS:
        result = figures.evaluation.questions.get(key)
        if result is None:
            continue
        average = "no answers" if result.average is None else f"{result.average:.1f}"
        rows.append((QUESTION_WORDS[key], *(str(result.counts.get(n, 0)) for n in range(1, 6)),
                     str(result.answered), average))
    return DataTable(
        "Evaluation answers: how many chose each face, from 1 (no, not at all) to 5 (yes, very much)",
        ("Question", "1", "2", "3", "4", "5", "Answered", "Average"), tuple(rows))


def payments_chart(figures: InvolvementFigures) -> Chart:
    kinds = list(PaymentKind)
    by_kind = figures.payments.by_kind
    return Chart(
        "Payments and expenses, by kind", ChartKind.BARS, tuple(PAYMENT_WORDS[k] for k in kinds),
        (Series("Paid", tuple(by_kind[k].paid_pence / 100 for k in kinds)),
         Series("Claimed, not paid yet", tuple(by_kind[k].claimed_pence / 100 for k in kinds))),
        unit="£")


def payments_table(figures: InvolvementFigures) -> DataTable:
    by_kind = figures.payments.by_kind
    rows = [(PAYMENT_WORDS[k], money(by_kind[k].paid_pence), money(by_kind[k].claimed_pence),
             money(by_kind[k].total_pence)) for k in PaymentKind]
    total = figures.payments.total
    rows.append(("All payments", money(total.paid_pence), money(total.claimed_pence), money(total.total_pence)))
    return DataTable("Payments and expenses over the period",
                     ("What for", "Paid", "Claimed, not paid yet", "In all"), tuple(rows))
