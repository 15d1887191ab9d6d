"""The minutes of a held meeting: who came and who sent apologies, then each agenda item in
order with its decisions (how decided, and their limits) and actions (who, by when) in plain
language, then anything not tied to an item, and the next meeting; with an easy-read version
(a picture per point, sentences of 15 words or fewer, digits, hard words explained).

`easy_sentences` is the easy-read wording every document after a meeting shares.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from meetingroom.documents.agenda import (
    CALENDAR,
    CLOCK,
    EasyWords,
    bullets,
    heading,
    item_picture,
    labelled,
    paragraph,
    point,
    when_and_where_blocks,
)
from meetingroom.documents.meeting_record import MeetingRecord, NextMeeting
from meetingroom.documents.model import Document, HardWord
from meetingroom.documents.pack_contents import short_sentences
from meetingroom.documents.snapshot import ItemSnapshot, clock, long_date
from meetingroom.domain.meeting import AttendanceStatus, MeetingMode
from meetingroom.domain.minutes_words import easy_how_decided, how_decided, split_long
from meetingroom.domain.outcomes import Action, Decision, HowDecided
from meetingroom.domain.papers import Block, EasyReadPoint, Run
from meetingroom.language.easy_read_check import NUMBER_WORDS
from meetingroom.language.glossary import Glossary
from meetingroom.language.plain_check import words_in

# OpenMoji codes for the points of the documents after a meeting.
MINUTES = "1F4DD"
PEOPLE = "1F465"
SORRY = "1F64F"
VOTE = "1F5F3"
AGREE_TOO = "1F91D"
FIXED = "1F512"
JOB = "1F4CB"
BUILDING = "1F3E2"
COMPUTER = "1F4BB"

MINUTES_WORD = HardWord("minutes", "Notes of what a meeting talked about and decided.")
_NUMBER_WORD = re.compile(r"(?<![\w-])(" + "|".join(NUMBER_WORDS) + r")(?![\w-])", re.IGNORECASE)


def easy_digits(text: str) -> str:
    """Number words as digits (ER5): "five people" -> "5 people"; "one" is left alone."""
    return _NUMBER_WORD.sub(lambda m: str(NUMBER_WORDS[m.group(1).lower()]), text)


def easy_sentences(text: str, words: EasyWords) -> list[str]:
    """Typed text as easy-read sentences: acronyms spelled out and hard words explained
    (ER4), number words as digits (ER5), and no sentence over 15 words (ER2)."""
    out: list[str] = []
    for sentence in short_sentences(text):
        plain, explain = words.plain(easy_digits(sentence))
        for part in (plain, *explain):
            out.extend(split_long(part, count=lambda piece: len(words_in(piece))))
    return out


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def next_meeting_blocks(next_meeting: NextMeeting | None) -> list[Block]:
    blocks = [heading("Our next meeting", 2)]
    if next_meeting is None:
        blocks.append(paragraph("The date of our next meeting is not set yet. We will tell you "
                                "when it is."))
        return blocks
    blocks.extend([
        labelled("Date", long_date(next_meeting.start)),
        labelled("Time", f"{clock(next_meeting.start)} to {clock(next_meeting.end)}"),
        labelled("Place", next_meeting.place or "We will tell you where the meeting is."),
    ])
    if next_meeting.mode is MeetingMode.HYBRID:
        blocks.append(paragraph("You can also join online."))
    return blocks


def easy_next_meeting(next_meeting: NextMeeting | None, words: EasyWords) -> list[EasyReadPoint]:
    if next_meeting is None:
        return [point("We have not set the date of our next meeting yet.",
                      "We will tell you when we do.", picture=CALENDAR)]
    points = [point(f"Our next meeting is on {long_date(next_meeting.start)}.", picture=CALENDAR),
              point(f"It starts at {clock(next_meeting.start)}.", picture=CLOCK)]
    if next_meeting.mode is MeetingMode.ONLINE:
        points.append(point("The meeting is online.", picture=COMPUTER))
        return points
    if next_meeting.place:
        points.append(point(*easy_sentences(f"The meeting is at {next_meeting.place.rstrip('.')}.",
                                            words), picture=BUILDING))
    else:
        points.append(point("We will tell you where the meeting is.", picture=BUILDING))
    if next_meeting.mode is MeetingMode.HYBRID:
        points.append(point("You can come to the room.",
                            "Or you can join on a computer, tablet or phone.", picture=COMPUTER))
    return points


# -- standard and large print ----------------------------------------------------------------

def decision_blocks(decision: Decision) -> list[Block]:
    """A decision in plain words, how it was made, and its limits."""
    details = [f"{how_decided(decision)}."]
    if decision.must_also_agree.strip():
        details.append(f"Who else must agree: {decision.must_also_agree.strip()}")
    if decision.cannot_change.strip():
        details.append(f"What cannot change: {decision.cannot_change.strip()}")
    said = decision.plain_text.strip() or decision.text.strip()
    return [paragraph(Run("Decision: ", bold=True), said), bullets(details)]


def _action_blocks(record: MeetingRecord, action: Action) -> list[Block]:
    details = [f"Who: {record.name(action.owner_id) or 'Not given yet'}"]
    details.append(f"By when: {long_date_of(action)}")
    return [paragraph(Run("Action: ", bold=True), action.text.strip()), bullets(details)]


def long_date_of(action: Action) -> str:
    """When an action is due, spelled out: "Tuesday 3 November 2026"."""
    if action.due is None:
        return "No date set"
    return long_date(datetime.combine(action.due, datetime.min.time()))


def _items(record: MeetingRecord) -> list[tuple[int, ItemSnapshot]]:
    """(item id, item) in agenda order: the snapshot and the titles are read in one order."""
    return list(zip(record.item_titles, record.snapshot.items, strict=False))


def _loose(record: MeetingRecord) -> tuple[list[Decision], list[Action]]:
    """Decisions and actions not tied to an item on this agenda."""
    known = set(record.item_titles)
    return ([d for d in record.decisions if d.agenda_item_id not in known],
            [a for a in record.actions if a.agenda_item_id not in known])


def _names(record: MeetingRecord, status: AttendanceStatus) -> list[str]:
    return [record.name(i) for i in record.with_status(status)]


def _outcome_blocks(record: MeetingRecord, decisions: Iterable[Decision],
                    actions: Iterable[Action]) -> list[Block]:
    blocks: list[Block] = []
    for decision in decisions:
        blocks.extend(decision_blocks(decision))
    for action in actions:
        blocks.extend(_action_blocks(record, action))
    return blocks


def minutes_document(record: MeetingRecord, glossary: Glossary | None = None) -> Document:
    """The minutes, for standard and large print (`blocks`) and easy read."""
    snapshot = record.snapshot
    title = f"Minutes: {snapshot.title}"
    blocks: list[Block] = [heading(title, 1)]
    if snapshot.group_name:
        blocks.append(paragraph(snapshot.group_name))
    blocks.extend(when_and_where_blocks(snapshot))
    present, sorry = _names(record, AttendanceStatus.PRESENT), _names(record, AttendanceStatus.APOLOGIES)
    blocks.append(heading("Who came", 2))
    blocks.append(labelled("Present", ", ".join(present) + "." if present else "Not recorded."))
    blocks.append(labelled("Apologies", ", ".join(sorry) + "." if sorry else "None."))
    blocks.append(heading("What we talked about and decided", 2))
    for item_id, item in _items(record):
        decisions = [d for d in record.decisions if d.agenda_item_id == item_id]
        actions = [a for a in record.actions if a.agenda_item_id == item_id]
        if item.is_break and not decisions and not actions:
            continue
        blocks.append(heading(item.title, 3))
        blocks.extend(_outcome_blocks(record, decisions, actions)
                      or [paragraph("No decisions or actions.")])
    loose_decisions, loose_actions = _loose(record)
    if loose_decisions or loose_actions:
        blocks.append(heading("Other decisions and actions", 2))
        blocks.extend(_outcome_blocks(record, loose_decisions, loose_actions))
    blocks.extend(next_meeting_blocks(record.next_meeting))

    words = EasyWords(glossary if glossary is not None else Glossary.load(snapshot.glossary_terms))
    words.add(MINUTES_WORD)
    return Document(title, tuple(blocks), tuple(_easy(record, title, words)), words.hard_words(),
                    author=snapshot.group_name)


# -- easy read -------------------------------------------------------------------------------

def easy_decision(decision: Decision, words: EasyWords) -> list[EasyReadPoint]:
    said = decision.plain_text.strip() or decision.text.strip()
    how = [] if _says_how(said, decision.how) else easy_how_decided(decision)
    points = [point(*easy_sentences(said, words), *how, picture=VOTE)]
    if decision.must_also_agree.strip():
        points.append(point(*easy_sentences(
            f"These people must agree too: {decision.must_also_agree.strip()}", words), picture=AGREE_TOO))
    if decision.cannot_change.strip():
        points.append(point(*easy_sentences(
            f"This cannot change: {decision.cannot_change.strip()}", words), picture=FIXED))
    return points


_HOW_WORDS = {HowDecided.CONSENSUS: "agreed", HowDecided.VOTE: "vote",
              HowDecided.CHAIR: "chair", HowDecided.DEFERRED: "later"}


def _says_how(said: str, how: HowDecided) -> bool:
    """Whether the decision's own words already say how it was made ("We voted to...")."""
    return _HOW_WORDS[how] in said.casefold()


def _easy_action(record: MeetingRecord, action: Action, words: EasyWords) -> EasyReadPoint:
    owner = record.name(action.owner_id)
    who = f"{capital(owner)} will do this" if owner else "Someone will do this"
    when = f" by {long_date_of(action)}." if action.due is not None else "."
    return point(*easy_sentences(action.text, words), who + when, picture=JOB)


def _easy_outcomes(record: MeetingRecord, decisions: Iterable[Decision], actions: Iterable[Action],
                   words: EasyWords) -> list[EasyReadPoint | Block]:
    found: list[EasyReadPoint | Block] = []
    for decision in decisions:
        found.extend(easy_decision(decision, words))
    found.extend(_easy_action(record, action, words) for action in actions)
    return found


def _easy(record: MeetingRecord, title: str, words: EasyWords) -> list[EasyReadPoint | Block]:
    snapshot = record.snapshot
    easy: list[EasyReadPoint | Block] = [
        heading(title, 1),
        point("These are the minutes of our meeting.",
              "Minutes are notes of what we talked about and decided.", picture=MINUTES),
        point(f"The meeting was on {long_date(snapshot.start)}.", picture=CALENDAR),
    ]
    if snapshot.mode is MeetingMode.ONLINE:
        easy.append(point("The meeting was online.", picture=COMPUTER))
    elif snapshot.venue is not None:
        easy.append(point(*easy_sentences(f"The meeting was at {snapshot.venue.name}.", words),
                          picture=BUILDING))
    present, sorry = _names(record, AttendanceStatus.PRESENT), _names(record, AttendanceStatus.APOLOGIES)
    easy.append(heading("Who came", 2))
    if present:
        count = "1 person" if len(present) == 1 else f"{len(present)} people"
        easy.append(point(f"{count} came to the meeting:", picture=PEOPLE))
        easy.append(bullets(present))
    if sorry:
        count = "1 person" if len(sorry) == 1 else f"{len(sorry)} people"
        easy.append(point(f"{count} could not come and said sorry:", picture=SORRY))
        easy.append(bullets(sorry))
    if not present and not sorry:
        easy.append(point("We did not write down who came.", picture=PEOPLE))
    easy.append(heading("What we talked about and decided", 2))
    for item_id, item in _items(record):
        decisions = [d for d in record.decisions if d.agenda_item_id == item_id]
        actions = [a for a in record.actions if a.agenda_item_id == item_id]
        if item.is_break and not decisions and not actions:
            continue
        plain_title, _ = words.plain(item.title)
        easy.append(heading(plain_title, 3))
        outcomes = _easy_outcomes(record, decisions, actions, words)
        easy.extend(outcomes or [point("We talked about this.", "We did not decide anything.",
                                       picture=item_picture(item, plain_title))])
    loose_decisions, loose_actions = _loose(record)
    if loose_decisions or loose_actions:
        easy.append(heading("Other things we decided", 2))
        easy.extend(_easy_outcomes(record, loose_decisions, loose_actions, words))
    easy.append(heading("Our next meeting", 2))
    easy.extend(easy_next_meeting(record.next_meeting, words))
    return easy
