"""A feedback letter to one member after a meeting ("you said, we did"): thanks, or sorry we
missed you; what the meeting decided; what *they* said and what happened or will happen
because of it; their actions; the next meeting; whom to ask; their payments and expenses.
With an easy-read version, and words for the on-screen review (`letter_text`).

Only this member's own contributions, actions and payments are in their letter: what others
said stays out.
"""

from __future__ import annotations

from collections.abc import Iterable

from meetingroom.documents.agenda import (
    CALENDAR,
    EasyWords,
    bullets,
    heading,
    labelled,
    paragraph,
    point,
)
from meetingroom.documents.audio import audio_script
from meetingroom.documents.layout import HARD_WORDS_HEADING
from meetingroom.documents.meeting_record import MeetingRecord
from meetingroom.documents.minutes import (
    JOB,
    SORRY,
    decision_blocks,
    easy_decision,
    easy_next_meeting,
    easy_sentences,
    long_date_of,
    next_meeting_blocks,
)
from meetingroom.documents.model import (
    Chart,
    Content,
    DataTable,
    Document,
    FormatProfile,
    PageBreak,
    PictureScale,
)
from meetingroom.documents.pack_contents import plain_text
from meetingroom.documents.snapshot import long_date
from meetingroom.domain.meeting import AttendanceStatus
from meetingroom.domain.minutes_words import (
    PAYMENT_WORDS,
    easy_payment,
    money,
    payment_status_words,
)
from meetingroom.domain.outcomes import (
    Action,
    ActionStatus,
    Contribution,
    ContributionStatus,
    Decision,
)
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint
from meetingroom.domain.people import FormatKind, Member
from meetingroom.language.glossary import Glossary

HELLO = "1F44B"
THANKS = "1F64F"
ENVELOPE = "2709"
SPEECH = "1F5E3"
TICK = "2705"
CROSS = "274C"
HOURGLASS = "231B"
MONEY = "1F4B7"
PHONE = "1F4DE"
LISTEN = "1F442"
RECEIPT = "1F9FE"
STILL_WORKING = "We are still working on this; we will tell you what happens."


def letter_title(record: MeetingRecord) -> str:
    return f"Feedback: {record.snapshot.title}"


def contact_words(record: MeetingRecord, spoken: bool) -> tuple[str, str]:
    """(name, details) of whom to ask; the name as they asked it to be said, when spoken."""
    contact = record.snapshot.contact
    if contact is None:
        return "", ""
    name = contact.name
    if spoken and contact.member_id is not None:
        for person in record.snapshot.invited:
            if person.id == contact.member_id:
                name = person.spoken_name
    return name, contact.details


def _in_agenda_order(record: MeetingRecord, decisions: Iterable[Decision]) -> list[Decision]:
    order = {item_id: n for n, item_id in enumerate(record.item_titles)}
    return sorted(decisions, key=lambda d: (order.get(d.agenda_item_id or -1, len(order)), d.id or 0))


def _greeting(record: MeetingRecord, member: Member) -> list[str]:
    snapshot = record.snapshot
    group = f"the meeting of {snapshot.group_name}" if snapshot.group_name else "our meeting"
    when = long_date(snapshot.start)
    status = record.status_of(member.id or 0)
    if status is AttendanceStatus.PRESENT:
        return [f"Thank you for coming to {group} on {when}.",
                "This letter tells you what we decided, what happened because of what you said, "
                "and what comes next."]
    sorry = [f"We are sorry we missed you at {group} on {when}."]
    if status is AttendanceStatus.APOLOGIES:
        sorry.append("Thank you for letting us know you could not come.")
    return [*sorry, "This letter tells you what we decided and what comes next."]


def _answer(contribution: Contribution) -> Block:
    response = contribution.response.strip()
    if contribution.status is ContributionStatus.ACTED_ON:
        return labelled("We did", response or "We acted on what you said.")
    if contribution.status is ContributionStatus.NOT_POSSIBLE:
        return labelled("We could not do this, because", response or "We will tell you why.")
    return paragraph(STILL_WORKING)


def _action_state(action: Action) -> str:
    if action.status is ActionStatus.DONE:
        return f"Done. {action.result.strip()}".strip()
    if action.status is ActionStatus.DROPPED:
        return "No longer needed."
    return "Still to do."


def _said_blocks(record: MeetingRecord, member: Member, ask: str) -> list[Block]:
    mine = record.contributions_of(member.id or 0)
    if not mine:
        if record.status_of(member.id or 0) is not AttendanceStatus.PRESENT:
            return []
        return [heading("You said, we did", 2),
                paragraph(f"We did not write down anything you said at this meeting. If you said "
                          f"something you would like us to follow up, please tell {ask}.")]
    blocks = [heading("You said, we did", 2)]
    shown_item: int | None | str = "none yet"
    for contribution in mine:
        if contribution.agenda_item_id != shown_item:
            shown_item = contribution.agenda_item_id
            title = record.item_title(contribution.agenda_item_id)
            if title:
                blocks.append(labelled("About", title))
        blocks.append(labelled("You said", contribution.summary.strip()))
        blocks.append(_answer(contribution))
    return blocks


def payment_days_words(days: int) -> str:
    """"Payment takes up to 10 days." in digits (ER5); "" when the group has not said (0)."""
    if days <= 0:
        return ""
    return f"Payment takes up to {days} {'day' if days == 1 else 'days'}."


def _money_blocks(record: MeetingRecord, member: Member, ask: str, spoken: bool) -> list[Block]:
    blocks = [heading("Payment and expenses", 2)]
    mine = record.payments_of(member.id or 0)
    if mine:
        blocks.append(bullets(f"{PAYMENT_WORDS[p.kind]}: {money(p.amount_pence, spoken=spoken)} "
                              f"({payment_status_words(p.status)})" for p in mine))
    else:
        blocks.append(paragraph("We have no payment or expenses claim from you for this meeting."))
    if record.payment_how_to_claim.strip():  # the group's policy, exactly as typed (AD4)
        blocks.append(labelled("How to claim", record.payment_how_to_claim.strip()))
    if record.payment_days > 0:
        blocks.append(paragraph(payment_days_words(record.payment_days)))
    if member.payment_preference.strip():
        blocks.append(labelled("How you asked to be paid", member.payment_preference.strip()))
    blocks.append(paragraph(f"If you have a question about payment, or want to claim expenses, "
                            f"please contact {ask}."))
    return blocks


def feedback_letter(record: MeetingRecord, member: Member, *, spoken: bool = False, note: str = "",
                    glossary: Glossary | None = None) -> Document:
    """The feedback letter for one member, in words for print and easy read. `spoken` (for
    audio) says names as their owners asked; `note` says why the letter is not in the
    member's own format, when it is not."""
    name = member.spoken_name if spoken else member.display_name
    contact, details = contact_words(record, spoken)
    ask = contact or "the person who sent you this letter"
    title = letter_title(record)
    blocks: list[Block] = [heading(title, 1), paragraph(f"Dear {name},"),
                           *(paragraph(line) for line in _greeting(record, member))]
    if note:
        blocks.append(paragraph(note))
    blocks.append(heading("What the meeting decided", 2))
    decisions = _in_agenda_order(record, record.decisions)
    for decision in decisions:
        blocks.extend(decision_blocks(decision))
    if not decisions:
        blocks.append(paragraph("The meeting did not make any decisions this time."))
    blocks.extend(_said_blocks(record, member, ask))
    actions = record.actions_of(member.id or 0)
    if actions:
        blocks.append(heading("Your actions", 2))
        for action in actions:
            blocks.append(paragraph(action.text.strip()))
            blocks.append(bullets([f"By when: {long_date_of(action)}", _action_state(action)]))
    blocks.extend(next_meeting_blocks(record.next_meeting))
    blocks.extend(_money_blocks(record, member, ask, spoken))
    blocks.append(heading("Questions", 2))
    blocks.append(paragraph(f"If you have a question about this letter, or need it in another "
                            f"way, please contact {ask}."))
    if details:
        blocks.append(labelled("Contact details", details))
    blocks.append(paragraph("Thank you for taking part."))

    words = EasyWords(glossary if glossary is not None else Glossary.load(record.snapshot.glossary_terms))
    easy = _easy(record, member, name, note, (contact, details), words, spoken)
    if spoken:  # the title is read once, from the document's title, not again as a heading
        blocks = blocks[1:]
    return Document(title, tuple(blocks), tuple(easy), words.hard_words(),
                    author=record.snapshot.group_name)


# -- easy read -------------------------------------------------------------------------------

def _easy_answer(contribution: Contribution, words: EasyWords) -> EasyReadPoint:
    response = contribution.response.strip()
    if contribution.status is ContributionStatus.ACTED_ON:
        return point("This is what we did.", *easy_sentences(response or "We acted on what you said.", words),
                     picture=TICK)
    if contribution.status is ContributionStatus.NOT_POSSIBLE:
        return point("We could not do this.", "This is why.",
                     *easy_sentences(response or "We will tell you why.", words), picture=CROSS)
    return point("We are still working on this.", "We will tell you what happens.", picture=HOURGLASS)


def _easy_action(action: Action, words: EasyWords) -> EasyReadPoint:
    if action.status is ActionStatus.DONE:
        after = ["You have done this.", "Thank you."]
    elif action.status is ActionStatus.DROPPED:
        after = ["We do not need this now."]
    else:
        after = [f"Please do this by {long_date_of(action)}." if action.due else "Please do this."]
    return point("This is a job for you.", *easy_sentences(action.text, words), *after, picture=JOB)


def _easy(record: MeetingRecord, member: Member, name: str, note: str, contact: tuple[str, str],
          words: EasyWords, spoken: bool) -> list[EasyReadPoint | Block]:
    member_id = member.id or 0
    when = f"It was on {long_date(record.snapshot.start)}."
    status = record.status_of(member_id)
    easy: list[EasyReadPoint | Block] = [heading(letter_title(record), 1),
                                         point(f"Hello {name}.", picture=HELLO)]
    if status is AttendanceStatus.PRESENT:
        easy.append(point("Thank you for coming to our meeting.", when, picture=THANKS))
    else:
        told = ["Thank you for telling us."] if status is AttendanceStatus.APOLOGIES else []
        easy.append(point("We are sorry you could not come to our meeting.", when, *told, picture=SORRY))
    easy.append(point("This letter tells you what happened.", picture=ENVELOPE))
    if note:
        easy.append(point(*easy_sentences(note, words), picture=LISTEN))
    easy.append(heading("What we decided", 2))
    decisions = _in_agenda_order(record, record.decisions)
    for decision in decisions:
        easy.extend(easy_decision(decision, words))
    if not decisions:
        easy.append(point("We did not decide anything this time.", picture=CALENDAR))
    mine = record.contributions_of(member_id)
    if mine or status is AttendanceStatus.PRESENT:
        easy.append(heading("You said, we did", 2))
    for contribution in mine:
        easy.append(point("This is what you said.", *easy_sentences(contribution.summary, words), picture=SPEECH))
        easy.append(_easy_answer(contribution, words))
    if not mine and status is AttendanceStatus.PRESENT:
        easy.append(point("We did not write down anything you said.",
                          "Tell us if you want us to follow something up.", picture=SPEECH))
    actions = record.actions_of(member_id)
    if actions:
        easy.append(heading("Jobs for you", 2))
        easy.extend(_easy_action(action, words) for action in actions)
    easy.append(heading("Our next meeting", 2))
    easy.extend(easy_next_meeting(record.next_meeting, words))
    easy.append(heading("Money", 2))
    payments = record.payments_of(member_id)
    for payment in payments:
        easy.append(point(easy_payment(payment.kind, payment.status,
                                       money(payment.amount_pence, spoken=spoken)), picture=MONEY))
    if not payments:
        easy.append(point("You have not asked us for money for this meeting.", picture=MONEY))
    if record.payment_how_to_claim.strip():
        easy.append(point("This is how to claim money.",
                          *easy_sentences(record.payment_how_to_claim, words), picture=RECEIPT))
    if record.payment_days > 0:
        easy.append(point(payment_days_words(record.payment_days), picture=HOURGLASS))
    if member.payment_preference.strip():
        easy.append(point("You told us how you want to be paid.",
                          *easy_sentences(member.payment_preference, words), picture=MONEY))
    easy.append(heading("Questions", 2))
    name_, details = contact
    if name_:
        easy.append(point(f"If you have a question, contact {name_}.", picture=PHONE))
        if details:
            easy.append(point(f"You can contact {name_} at: {details}.", picture=PHONE))
    else:
        easy.append(point("If you have a question, ask the person who sent you this letter.",
                          picture=PHONE))
    return easy


def _lines(entry: Content) -> list[str]:
    """What one piece of a document says, as lines of text."""
    if isinstance(entry, EasyReadPoint):
        return [entry.text]
    if isinstance(entry, PictureScale):
        return [entry.question, *(f"[ ] {choice.text}" for choice in entry.choices)]
    if isinstance(entry, DataTable):
        lines = [entry.caption] if entry.caption.strip() else []
        lines.append(" | ".join(entry.header))
        rows = [" | ".join(row) for row in entry.rows if any(cell.strip() for cell in row)]
        return [*lines, *rows] if rows else [*lines, "_" * 40]  # an empty table is room to write
    if isinstance(entry, Chart):
        return [entry.alt_text()]
    if isinstance(entry, PageBreak):
        return []
    if entry.kind is BlockKind.BULLETS:
        return [f"- {''.join(run.text for run in item)}" for item in entry.items]
    if entry.kind is BlockKind.NUMBERED:
        return [f"{n}. {''.join(run.text for run in item)}" for n, item in enumerate(entry.items, 1)]
    return [entry.plain_text()]


def letter_text(document: Document, profile: FormatProfile) -> str:
    """The words exactly as this format shows them, for reviewing a letter (or a form) on
    screen: the easy-read points and hard words for easy read, what is spoken for audio, the
    text otherwise (braille's plain text when it is all text)."""
    if profile.kind is FormatKind.AUDIO:
        return audio_script(document) + "\n"
    if profile.kind is not FormatKind.EASY_READ and all(isinstance(b, Block) for b in document.blocks):
        return plain_text(document)
    lines: list[str] = []
    easy = profile.kind is FormatKind.EASY_READ
    for entry in document.easy_read if easy else document.blocks:
        found = _lines(entry)
        if found:
            lines.extend([*found, ""])
    if easy and document.hard_words:
        lines.extend([HARD_WORDS_HEADING, ""])
        for word in document.hard_words:
            lines.extend([f"{word.word}: {word.meaning}", ""])
    return "\n".join(lines).rstrip() + "\n"
