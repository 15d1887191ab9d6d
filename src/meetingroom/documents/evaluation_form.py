"""The easy-read evaluation form of a meeting: "How was the meeting on 20 October?", five
questions each answered on a five-point picture scale (five faces, from very unhappy to very
happy, with the same words under them for every question), room to write anything else, and
how to give it back, by when, with or without a name.

It is an easy-read form for everyone: standard and large print show the same faces and
words as easy read, at their own sizes. A member's form starts with a short note to them on a
page of its own, so the pages they give back do not carry their name; a blank form (for
anyone, e.g. spare copies at the venue) has no name at all. Audio and braille get the words
alone: each question and its five answers numbered 1 to 5.
"""

from __future__ import annotations

from datetime import datetime

from meetingroom.documents.agenda import CALENDAR, heading, labelled, paragraph, point
from meetingroom.documents.feedback_letter import (
    ENVELOPE,
    HELLO,
    LISTEN,
    PHONE,
    THANKS,
    TICK,
    contact_words,
)
from meetingroom.documents.layout import PICTURES_CREDIT
from meetingroom.documents.meeting_record import MeetingRecord
from meetingroom.documents.model import Content, DataTable, Document, PageBreak, PictureScale
from meetingroom.documents.snapshot import long_date
from meetingroom.domain.feedback import feedback_deadline
from meetingroom.domain.followup import ANSWER_WORDS, EVALUATION_QUESTIONS, QUESTION_WORDS
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Run
from meetingroom.domain.people import Member

# Five faces, very unhappy to very happy (OpenMoji), and the words under them: answers 1 to 5.
FACES: tuple[str, ...] = ("1F61E", "1F641", "1F610", "1F642", "1F600")
QUESTION_PICTURES: dict[str, str] = {
    "listened_to": LISTEN,  # ear
    "papers_in_time": "1F4E8",  # incoming envelope
    "understood_papers": "1F4C4",  # page facing up
    "venue_access": "1F3E2",  # building
    "would_come_again": "1F501",  # repeat: again
}
COMMENT_QUESTION = "Anything else you want to tell us?"
PENCIL = "270F"
NO_NAME = "1F464"  # bust in silhouette: nobody in particular
HELPER = "1F91D"  # handshake: someone helps
COMMENT_LINES = 6  # rows of the box to write in

assert tuple(QUESTION_WORDS) == EVALUATION_QUESTIONS == tuple(QUESTION_PICTURES)

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def form_title(record: MeetingRecord) -> str:
    """"How was the meeting on 20 October?"."""
    start = record.snapshot.start
    return f"How was the meeting on {start.day} {_MONTHS[start.month - 1]}?"


def give_back_by(record: MeetingRecord) -> datetime:
    """The day to give the form back by: the group's feedback deadline after the meeting."""
    return feedback_deadline(record.snapshot.end, record.feedback_deadline_days)


def answer_scale(question: str) -> PictureScale:
    """One question (a key of EVALUATION_QUESTIONS) with its five faces and their words."""
    return PictureScale(QUESTION_WORDS[question],
                        tuple(EasyReadPoint(words, face) for face, words in zip(FACES, ANSWER_WORDS, strict=True)),
                        QUESTION_PICTURES[question])


# Room to write is a one-column table: the words over it are long enough to make it as wide
# as the page, and each row holds a no-break space, one line high (a cell to type in, in DOCX).
COMMENT_BOX = ("Write here, or ask someone to write it for you. You can use more paper if you "
               "need to.")
NAME_BOX = "Your name, if you want to tell us. You can leave this box empty: that is fine."
_EMPTY_LINE = "\u00a0"


def _box(words: str, lines: int) -> DataTable:
    return DataTable("", (words,), tuple((_EMPTY_LINE,) for _ in range(lines)))


def _name(member: Member | None, spoken: bool) -> str:
    if member is None:
        return ""
    return member.spoken_name if spoken else member.display_name


def evaluation_form(record: MeetingRecord, member: Member | None, *, spoken: bool = False,
                    note: str = "") -> Document:
    """The evaluation form for `member` (None: a blank form for anyone, with no name on it).
    `spoken` gives the audio script: each question and its five answers, and how to tell the
    contact person the answers. `note` says why the form is not in the member's own format."""
    if spoken:
        return evaluation_form_words(record, member, spoken=True, note=note)
    title = form_title(record)
    contact, details = contact_words(record, spoken=False)
    by = long_date(give_back_by(record))
    when = long_date(record.snapshot.start)
    give = f"Please give this form back to {contact} by {by}." if contact else \
        f"Please give this form back to the person who gave it to you, by {by}."
    blocks: list[Content] = [heading(title, 1)]
    easy: list[Content] = [heading(title, 1)]
    name = _name(member, spoken=False)
    if member is not None:
        group = f"the meeting of {record.snapshot.group_name}" if record.snapshot.group_name else "our meeting"
        blocks.extend([paragraph(f"Dear {name},"),
                       paragraph(f"Please tell us what you thought of {group} on {when}. "
                                 f"Your answers help us make our meetings better."),
                       *([paragraph(note)] if note else []),
                       paragraph("The form is on the next page. You do not have to write your "
                                 "name on it."),
                       paragraph(give), PageBreak()])
        easy.extend([point(f"Hello {name}.", picture=HELLO),
                     point("We want to know what you thought of our meeting.", picture=LISTEN),
                     *([point(note, picture=LISTEN)] if note else []),
                     point("The form is on the next page.", picture=PENCIL),
                     point("You do not have to write your name on it.", picture=NO_NAME),
                     point(give, picture=ENVELOPE), PageBreak()])
    blocks.extend([heading("Your answers", 2),
                   labelled("Meeting", f"{record.snapshot.title}, {when}"),
                   paragraph("Tick 1 box for each question."),
                   *(answer_scale(q) for q in EVALUATION_QUESTIONS)])
    easy.extend([heading("Your answers", 2),
                 point(f"This form is about our meeting on {when}.", picture=CALENDAR),
                 point("Tick 1 box for each question.", picture=TICK),
                 *(answer_scale(q) for q in EVALUATION_QUESTIONS)])
    # The box to write in starts a page, so that it is never split across two.
    blocks.extend([PageBreak(), heading(COMMENT_QUESTION, 2), _box(COMMENT_BOX, COMMENT_LINES),
                   heading("Your name", 2), _box(NAME_BOX, 1),
                   heading("Giving the form back", 2), paragraph(give)])
    easy.extend([PageBreak(), heading(COMMENT_QUESTION, 2),
                 point("You can ask someone to help you write.", picture=HELPER),
                 _box(COMMENT_BOX, COMMENT_LINES),
                 heading("Your name", 2),
                 point("You do not have to write your name.", picture=NO_NAME),
                 _box(NAME_BOX, 1),
                 heading("Give the form back", 2),
                 point(give, picture=ENVELOPE)])
    if details:
        blocks.append(labelled("Contact details", details))
        easy.append(point(f"You can contact {contact} at: {details}.", picture=PHONE))
    # Easy read credits the pictures by itself; print shows the same pictures, so says so too.
    blocks.extend([paragraph("Thank you for telling us what you think."), paragraph(PICTURES_CREDIT)])
    easy.append(point("Thank you for telling us what you think.", picture=THANKS))
    return Document(title, tuple(blocks), tuple(easy), author=record.snapshot.group_name)


def evaluation_form_words(record: MeetingRecord, member: Member | None, *, spoken: bool = False,
                          note: str = "") -> Document:
    """The form in words alone, for audio (`spoken`: names said as their owners asked, the
    title read once) and for braille (plain text, the answers numbered 1 to 5)."""
    title = form_title(record)
    contact, details = contact_words(record, spoken=spoken)
    by = long_date(give_back_by(record))
    group = f"the meeting of {record.snapshot.group_name}" if record.snapshot.group_name else "our meeting"
    blocks: list[Block] = [] if spoken else [heading(title, 1)]
    if member is not None:
        blocks.append(paragraph(f"Hello {_name(member, spoken)}."))
    blocks.append(paragraph(f"Please tell us what you thought of {group} on "
                            f"{long_date(record.snapshot.start)}."))
    if note:
        blocks.append(paragraph(note))
    count = len(EVALUATION_QUESTIONS)
    blocks.append(paragraph(f"There are {count} questions, and then a space for anything else. "
                            f"For each question, choose 1 answer from 1 to 5."))
    if spoken:
        blocks.append(paragraph("You can stop this recording after each question, to think "
                                "about your answer."))
    for number, question in enumerate(EVALUATION_QUESTIONS, start=1):
        blocks.append(heading(f"Question {number}: {QUESTION_WORDS[question]}", 2))
        if spoken:
            blocks.append(paragraph("The answers are:"))
            blocks.extend(paragraph(f"Answer {n}: {words}.") for n, words in enumerate(ANSWER_WORDS, start=1))
        else:
            blocks.append(Block(BlockKind.NUMBERED, items=tuple((Run(words),) for words in ANSWER_WORDS)))
    blocks.append(heading(f"Question {count + 1}: {COMMENT_QUESTION}", 2))
    blocks.append(paragraph("Tell us anything else about the meeting, in your own words."))
    blocks.append(heading("Giving us your answers", 2))
    who = contact or "the person who sent you this form"
    if spoken:
        blocks.append(paragraph(f"Please tell {who} your answers, by phone or in person, by {by}."))
    else:
        blocks.append(paragraph(f"Please send your answers to {who} by {by}. You can write "
                                f"them, or tell {who} by phone or in person."))
    if details:
        blocks.append(labelled("Contact details", details))
    blocks.append(paragraph("You do not have to give your name: someone else can pass on your "
                            "answers for you." if spoken else "You do not have to give your name."))
    blocks.append(paragraph("Thank you for telling us what you think."))
    return Document(title, tuple(blocks), author=record.snapshot.group_name)
