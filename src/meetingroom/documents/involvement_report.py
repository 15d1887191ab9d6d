"""The involvement report for a period, arranged under the 4Pi National Involvement Standards
(principles, purpose, presence, process, impact), with an easy-read summary page.

`report_document` words the figures (domain.involvement, read by store.involvement) as a
`Document` of headings, sentences, charts and their tables; `write_report` writes it as a PDF
or a DOCX (by the file's suffix); `make_report` reads and writes in one call, for the command
line and the app's background run. Names appear only where the report must say who: the
members not involved for a long time, so someone can get back in touch.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from meetingroom.documents.agenda import CALENDAR, bullets, heading, labelled, paragraph, point
from meetingroom.documents.docx import write_docx
from meetingroom.documents.feedback_letter import MONEY, SPEECH, TICK
from meetingroom.documents.minutes import PEOPLE
from meetingroom.documents.model import Content, Document, FormatProfile, PageBreak
from meetingroom.documents.pdf import write_pdf
from meetingroom.documents.report_charts import (
    attendance_chart,
    attendance_table,
    cards_table,
    cards_trend_chart,
    evaluation_chart,
    evaluation_table,
    long_absence_table,
    meetings_table,
    on_time_chart,
    on_time_trend_chart,
    payments_chart,
    payments_table,
    percent_words,
    talk_chart,
    talk_table,
    talk_trend_chart,
)
from meetingroom.domain.conduct import CardKind
from meetingroom.domain.involvement import InvolvementFigures, Percent
from meetingroom.domain.minutes_words import money
from meetingroom.domain.outcomes import HowDecided
from meetingroom.domain.people import Role
from meetingroom.store import Workspace
from meetingroom.store.involvement import read_involvement

REPORT_SUFFIXES = (".pdf", ".docx")
LISTED = 40  # names of long-absent members, and comments, listed at most: the rest are counted
CHART = "1F4CA"
ENVELOPE = "1F4E8"
CARDS = "1F7E8"  # a yellow square: the cards people hold up
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_HOW = {HowDecided.CONSENSUS: "everyone agreed", HowDecided.VOTE: "by a vote",
        HowDecided.CHAIR: "the chair decided", HowDecided.DEFERRED: "put off to a later meeting"}


def day_words(day: date) -> str:
    """"3 November 2026"."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def report_title(figures: InvolvementFigures) -> str:
    return f"Involvement report: {day_words(figures.start)} to {day_words(figures.end)}"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _whole(share: Percent) -> str:
    """"83%", or "no figure"."""
    return "no figure" if share.value is None else f"{share.value:.0f}%"


def _lived_experience(figures: InvolvementFigures) -> str:
    """What share of the talk was by experts by experience and carers, against their share of people."""
    shares = [figures.talk[r] for r in (Role.EXPERT_BY_EXPERIENCE, Role.CARER) if r in figures.talk]
    if not shares or all(s.ratio is None for s in shares):
        return "No talk time was recorded, so there is no figure for who was heard."
    talk = sum(s.talk_share for s in shares) * 100
    people = sum(s.people_share for s in shares) * 100
    return (f"Experts by experience and carers were {people:.0f}% of the people there and had "
            f"{talk:.0f}% of the talk time.")


# -- the five standards -------------------------------------------------------------------------

def _principles(f: InvolvementFigures) -> list[Content]:
    agreed = sum(m.ground_rules_agreed for m in f.meetings)
    listened = f.evaluation.questions.get("listened_to")
    blocks: list[Content] = [
        heading("Principles: are we working in line with our values?", 2),
        paragraph(f"The group's ground rules were agreed at {agreed} of {f.meetings_held} meetings."),
    ]
    if f.involvement_level is not None:
        blocks.append(labelled("Level of involvement", f.involvement_level.value))
    if listened is not None and listened.average is not None:
        blocks.append(paragraph(f"On the evaluation forms, \"I was listened to\" scored "
                                f"{listened.average:.1f} out of 5 on average ({listened.answered} answers)."))
    return blocks


def _purpose(f: InvolvementFigures) -> list[Content]:
    decided = sum(f.decisions.values())
    ways = [f"{count} {_HOW[how]}" for how, count in f.decisions.items() if count]
    a = f.actions
    return [
        heading("Purpose: why are we involving people?", 2),
        paragraph(f"{_count(f.meetings_held, 'meeting was', 'meetings were')} held. "
                  f"They made {_count(decided, 'decision', 'decisions')}"
                  + (f": {', '.join(ways)}." if ways else ".")),
        paragraph(f"Actions agreed: {a.open + a.done + a.dropped}. {a.done} done, {a.open} still open "
                  f"({a.overdue} of them overdue), {a.dropped} dropped."),
    ]


def _presence(f: InvolvementFigures) -> list[Content]:
    u = f.usual_suspects
    blocks: list[Content] = [
        heading("Presence: who is involved?", 2),
        paragraph(_lived_experience(f)),
        attendance_chart(f), attendance_table(f),
        heading("Who is heard", 3),
        paragraph("Each role group's share of the talk time, against its share of the people there. "
                  "When the two are about the same, that group had a fair share of the time."),
        talk_chart(f), talk_table(f),
    ]
    if len(f.meetings) > 1:
        blocks.append(talk_trend_chart(f))
    blocks.append(heading("The same few people?", 3))
    if u.attendances:
        blocks.append(paragraph(
            f"{u.attendances} attendances by {_count(u.people_attending, 'person', 'people')}. "
            f"Half of all attendances were by {_count(u.people_for_half, 'person', 'people')} "
            f"({_whole(u.share)} of the people who came)."))
    else:
        blocks.append(paragraph("Nobody was marked as coming to a meeting in this period."))
    if u.long_absent:
        never = sum(a.last_attended is None for a in u.long_absent)
        blocks.append(paragraph(f"{_count(len(u.long_absent), 'member has', 'members have')} not been "
                                f"involved for more than 6 months ({never} of them have never come). "
                                "Someone could get back in touch with them."))
        if len(u.long_absent) > LISTED:
            blocks.append(paragraph(f"The first {LISTED} are listed here; the Members list in the app "
                                    "has everyone."))
        blocks.append(long_absence_table(f, LISTED))
    return blocks


def _process(f: InvolvementFigures) -> list[Content]:
    e = f.evaluation
    per_meeting = f.cards_per_meeting
    blocks: list[Content] = [
        heading("Process: how are people involved?", 2),
        bullets([f"Papers reached members on time: {percent_words(f.papers_on_time)}.",
                 f"Feedback letters went out on time: {percent_words(f.letters_on_time)}.",
                 f"Contributions answered: {percent_words(f.contributions_answered)}."]),
        on_time_chart(f),
    ]
    if len(f.meetings) > 1:
        blocks.append(on_time_trend_chart(f))
    blocks.append(heading("Cards: the jargon alert", 3))
    jargon = f.cards.get(CardKind.JARGON, 0)
    blocks.append(paragraph(
        "No meeting was held, so no cards were shown." if per_meeting is None else
        f"{per_meeting:.1f} cards were shown per meeting on average; {jargon} of all cards said "
        "\"jargon\". Fewer jargon cards over time means the meetings are getting easier to follow."))
    if f.meetings:
        blocks.append(cards_trend_chart(f))
    blocks.append(cards_table(f))
    blocks.append(heading("What members said about the meetings", 3))
    if e.returned:
        blocks.append(paragraph(f"{_count(e.returned, 'evaluation form came', 'evaluation forms came')} "
                                f"back ({e.anonymous} without a name)."))
        blocks.extend([evaluation_chart(f), evaluation_table(f)])
        if e.comments:
            shown = e.comments[-LISTED:]
            blocks.append(paragraph("What people wrote:" if len(shown) == len(e.comments) else
                                    f"What people wrote: the latest {len(shown)} of {len(e.comments)} "
                                    "comments (each meeting's are in the Follow-up view)."))
            blocks.append(bullets(shown))
    else:
        blocks.append(paragraph("No evaluation forms came back in this period."))
    blocks.append(heading("Payments and expenses", 3))
    p = f.payments
    blocks.append(paragraph(f"{money(p.total.total_pence)} in all: {money(p.total.paid_pence)} paid to "
                            f"{_count(p.people_paid, 'person', 'people')}, and {money(p.total.claimed_pence)} "
                            "claimed and not paid yet."))
    if p.total.total_pence:
        blocks.append(payments_chart(f))
    blocks.append(payments_table(f))
    return blocks


def _impact(f: InvolvementFigures) -> list[Content]:
    answered = f.contributions_answered
    return [
        heading("Impact: what difference has involvement made?", 2),
        paragraph(f"Members made {_count(answered.whole, 'contribution', 'contributions')} that asked for "
                  f"something to happen; {answered.part} have had an answer ({_whole(answered)})."),
        paragraph(f"{f.actions.done} of the {f.actions.open + f.actions.done + f.actions.dropped} actions "
                  "agreed have been done."),
        heading("Each meeting", 3),
        meetings_table(f),
    ]


def _easy_read_page(f: InvolvementFigures) -> list[Content]:
    share = f.usual_suspects.share
    return [
        PageBreak(),
        heading("This report in easy read", 2),
        point(f"This report is about our meetings from {day_words(f.start)} to {day_words(f.end)}.",
              picture=CALENDAR),
        point(f"We had {_count(f.meetings_held, 'meeting', 'meetings')}.", picture=PEOPLE),
        point(f"{f.usual_suspects.people_attending} people came to at least 1 meeting."
              + ("" if share.value is None else
                 f" Half of the places were taken by {f.usual_suspects.people_for_half} people."),
              picture=PEOPLE),
        point(f"Papers came on time: {_whole(f.papers_on_time)}.", picture=ENVELOPE),
        point(f"We answered {_whole(f.contributions_answered)} of the things you asked for.", picture=TICK),
        point(f"People showed {sum(f.cards.values())} cards. "
              "A card means: please say that again in plain words.", picture=CARDS),
        point(f"{f.evaluation.returned} people filled in a form to tell us how it went.", picture=SPEECH),
        point(f"We paid people {money(f.payments.total.paid_pence)} for their time and costs.", picture=MONEY),
        point("The rest of this report has the numbers and charts.", picture=CHART),
    ]


def report_document(figures: InvolvementFigures) -> Document:
    f = figures
    intro: list[Content] = [
        labelled("Group", f.group_name or "Not set up yet"),
        labelled("Period", f"{day_words(f.start)} to {day_words(f.end)}"),
        labelled("Meetings held", str(f.meetings_held)),
        paragraph("The report follows the 4Pi National Involvement Standards: principles, purpose, "
                  "presence, process and impact. Each chart has a table of the same figures."),
    ]
    if not f.meetings:
        intro.append(paragraph("No meeting was held in this period, so most figures are empty."))
    blocks = [*intro, *_principles(f), *_purpose(f), *_presence(f), *_process(f), *_impact(f),
              *_easy_read_page(f)]
    return Document(report_title(f), tuple(blocks), author=f.group_name)


def write_report(figures: InvolvementFigures, path: Path) -> Path:
    """Write the report to `path`: a PDF for printing or a DOCX (the accessible master)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise ValueError("the report is written as a .pdf or a .docx file")
    document = report_document(figures)
    profile = FormatProfile()
    (write_pdf if suffix == ".pdf" else write_docx)(document, profile, path)
    return path


def make_report(ws: Workspace, start: date, end: date, paths: list[Path], *,
                today: date | None = None) -> InvolvementFigures:
    """Read the period's figures once and write the report to each of `paths`."""
    figures = read_involvement(ws, start, end, today=today)
    for path in paths:
        write_report(figures, path)
    return figures

