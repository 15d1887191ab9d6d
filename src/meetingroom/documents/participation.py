"""A record of participation (a certificate) for one member over a chosen period: the
meetings they came to, the roles they took (their role in the group, items they presented or
asked for, actions they took on) and what they said, in their own format.

`read_participation` reads it once; `participation_document` words it for print and easy
read; `write_participation` writes it as PDF and DOCX, a WAV, or plain text for braille.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from meetingroom.documents.agenda import (
    CALENDAR,
    EasyWords,
    bullets,
    heading,
    labelled,
    paragraph,
    point,
)
from meetingroom.documents.audio import AudioFailed, AudioUnavailable, write_audio
from meetingroom.documents.meeting_pack import file_safe
from meetingroom.documents.minutes import JOB, PEOPLE, capital, easy_sentences, long_date_of
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.pack_contents import plain_text
from meetingroom.documents.render import render
from meetingroom.documents.snapshot import ContactPerson, _contact, long_date
from meetingroom.domain.meeting import AttendanceStatus, MeetingStatus
from meetingroom.domain.minutes_words import ROLE_WORDS
from meetingroom.domain.outcomes import Action, ActionStatus
from meetingroom.domain.papers import Block, EasyReadPoint
from meetingroom.domain.people import FormatKind, Member
from meetingroom.language.glossary import Glossary
from meetingroom.store import Workspace
from meetingroom.store.glossary import GroupTerm, group_terms
from meetingroom.store.groups import get_group
from meetingroom.store.meetings import agenda_items, attendance, list_meetings
from meetingroom.store.members import get_member, list_members
from meetingroom.store.outcomes import actions, contributions

AWARD = "1F3C6"
TALK = "1F5E3"
HAND_UP = "270B"
THANKS = "1F64F"
_HELD = (MeetingStatus.HELD, MeetingStatus.FOLLOWED_UP)


@dataclass(frozen=True)
class ItemTaken:
    """An agenda item the member presented or asked for, at a meeting on `day`."""

    day: date
    title: str
    presented: bool
    proposed: bool


@dataclass(frozen=True)
class Participation:
    """How one member took part in the group between `start` and `end` (both included)."""

    member: Member
    start: date
    end: date
    group_name: str = ""
    attended: tuple[tuple[date, str], ...] = ()  # (day, meeting title)
    items: tuple[ItemTaken, ...] = ()
    actions: tuple[tuple[date, Action], ...] = ()  # (day of the meeting, action owned)
    said: tuple[tuple[date, str], ...] = ()  # (day, summary of a contribution)
    contact: ContactPerson | None = None
    glossary_terms: tuple[GroupTerm, ...] = ()


def read_participation(ws: Workspace, member_id: int, start: date, end: date) -> Participation:
    """One consistent read of a member's part in the meetings held from `start` to `end`.
    KeyError for no such member; ValueError when the period ends before it starts, or the
    member's details have been erased."""
    if end < start:
        raise ValueError("the period ends before it starts")
    with ws.reading():
        member = get_member(ws, member_id)
        if member.erased:
            raise ValueError("this member's details have been erased")
        group = get_group(ws)
        people = {m.id: m for m in list_members(ws) if m.id is not None}
        active = tuple(m for m in people.values() if m.active and not m.erased)
        attended: list[tuple[date, str]] = []
        items: list[ItemTaken] = []
        days: dict[int, date] = {}
        for meeting in list_meetings(ws):
            day = meeting.start.date()
            if meeting.id is None or not start <= day <= end:
                continue
            present = {a.member_id: a.status for a in attendance(ws, meeting.id)}
            if meeting.status not in _HELD and not present:
                continue  # not held (yet): nothing anyone did there
            days[meeting.id] = day
            if present.get(member_id) is AttendanceStatus.PRESENT:
                attended.append((day, meeting.title))
            items.extend(ItemTaken(day, item.title, item.presenter_id == member_id,
                                   item.proposed_by_id == member_id)
                         for item in agenda_items(ws, meeting.id)
                         if member_id in (item.presenter_id, item.proposed_by_id) and not item.is_break)
        owned = tuple((days[a.meeting_id], a) for a in actions(ws)
                      if a.owner_id == member_id and a.meeting_id in days)
        said = tuple((days[c.meeting_id], c.summary) for c in contributions(ws)
                     if c.member_id == member_id and c.meeting_id in days)
        return Participation(member, start, end, group.name if group is not None else "",
                             tuple(attended), tuple(items), owned, said,
                             _contact(group, people, active), tuple(group_terms(ws)))


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _item_line(item: ItemTaken) -> str:
    did = ("Presented and asked for" if item.presented and item.proposed
           else "Presented" if item.presented else "Asked for")
    return f"{did} the item \u201c{item.title}\u201d at the meeting on {long_date(_at(item.day))}"


def _at(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


def _action_line(day: date, action: Action) -> str:
    state = {ActionStatus.DONE: "done", ActionStatus.DROPPED: "no longer needed"}.get(
        action.status, f"due {long_date_of(action)}" if action.due else "still to do")
    return f"{action.text.strip().rstrip('.')} (from the meeting on {long_date(_at(day))}; {state})"


def participation_document(source: Workspace | Participation, member_id: int, start: date, end: date,
                           spoken: bool = False, *, note: str = "", glossary: Glossary | None = None,
                           issued: date | None = None) -> Document:
    """The record of participation, for print and easy read. `source` is an open workspace
    (read here) or a Participation already read for this member and period. `spoken` (for
    audio) says the member's name as they asked; `issued` is the date it is signed (today)."""
    record = source if isinstance(source, Participation) else read_participation(source, member_id, start, end)
    if (record.member.id, record.start, record.end) != (member_id, start, end):
        raise ValueError("the participation record is for another member or period")
    name = record.member.spoken_name if spoken else record.member.display_name
    group = record.group_name or "our group"
    period = f"from {long_date(_at(start))} to {long_date(_at(end))}"
    title = f"Record of participation: {record.member.display_name}"
    blocks: list[Block] = [
        heading(title, 1),
        paragraph(f"This is a record of how {name} took part in {group} {period}."),
    ]
    if note:
        blocks.append(paragraph(note))
    blocks.append(labelled("Role in the group", capital(ROLE_WORDS[record.member.role].split(" ", 1)[1])))
    blocks.append(heading("Meetings attended", 2))
    if record.attended:
        blocks.append(paragraph(f"{name} came to {_count(len(record.attended), 'meeting', 'meetings')}:"))
        blocks.append(bullets(f"{long_date(_at(day))}: {title_}" for day, title_ in record.attended))
    else:
        blocks.append(paragraph("No meetings attended in this period."))
    if record.items or record.actions:
        blocks.append(heading("Roles taken", 2))
    if record.items:
        blocks.extend([heading("Agenda items", 3), bullets(_item_line(item) for item in record.items)])
    if record.actions:
        blocks.extend([heading("Actions taken on", 3),
                       bullets(_action_line(day, action) for day, action in record.actions)])
    blocks.append(heading("Contributions made", 2))
    if record.said:
        blocks.append(paragraph(f"{_count(len(record.said), 'contribution was', 'contributions were')} "
                                f"written down:"))
        blocks.append(bullets(f"{long_date(_at(day))}: {summary.strip()}" for day, summary in record.said))
    else:
        blocks.append(paragraph("No contributions were written down in this period."))
    signed = record.contact.name if record.contact is not None else ""
    blocks.append(heading("Thank you", 2))
    blocks.append(paragraph(f"Thank you for your time, your experience and your ideas. They make "
                            f"{group} better."))
    blocks.append(labelled("Date", long_date(_at(issued or date.today()))))
    if signed:
        blocks.append(labelled(f"Signed for {group}", signed))
    words = EasyWords(glossary if glossary is not None else Glossary.load(record.glossary_terms))
    easy = _easy(record, title, name, group, period, note, words)
    if spoken:  # the title is read once, from the document's title
        blocks = blocks[1:]
    return Document(title, tuple(blocks), tuple(easy), words.hard_words(), author=record.group_name)


def _easy(record: Participation, title: str, name: str, group: str, period: str, note: str,
          words: EasyWords) -> list[EasyReadPoint | Block]:
    easy: list[EasyReadPoint | Block] = [
        heading(title, 1),
        point(*easy_sentences(f"This is a record of what {name} did in {group}.", words), picture=AWARD),
        point(f"It is {period}.", picture=CALENDAR),
        point(*easy_sentences(f"{name} took part as {ROLE_WORDS[record.member.role]}.", words),
              picture=PEOPLE),
    ]
    if note:
        easy.append(point(*easy_sentences(note, words), picture=AWARD))
    easy.append(heading("Meetings", 2))
    if record.attended:
        easy.append(point(f"{name} came to {_count(len(record.attended), 'meeting', 'meetings')}:",
                          picture=CALENDAR))
        easy.append(bullets(f"{long_date(_at(day))}: {words.plain(title_)[0]}"
                            for day, title_ in record.attended))
    else:
        easy.append(point(f"{name} did not come to a meeting in this time.", picture=CALENDAR))
    if record.items or record.actions:
        easy.append(heading(f"What {name} did", 2))
    for item in record.items:
        if item.presented:
            easy.append(point(f"{name} led a part of the meeting.", *easy_sentences(item.title, words),
                              picture=TALK))
        if item.proposed:
            easy.append(point(f"{name} asked us to talk about this.", *easy_sentences(item.title, words),
                              picture=HAND_UP))
    for _day, action in record.actions:
        easy.append(point(f"{name} did a job for the group.", *easy_sentences(action.text, words),
                          picture=JOB))
    easy.append(heading(f"What {name} said", 2))
    if record.said:
        easy.append(point(f"We wrote down {_count(len(record.said), 'thing', 'things')} {name} said.",
                          picture=TALK))
        easy.extend(point(*easy_sentences(summary, words), picture=TALK) for _day, summary in record.said)
    else:
        easy.append(point(f"We did not write down anything {name} said in this time.", picture=TALK))
    easy.append(heading("Thank you", 2))
    easy.append(point(f"Thank you, {name}.", "You help make our group better.", picture=THANKS))
    return easy


def write_participation(ws: Workspace, member_id: int, start: date, end: date, folder: Path, *,
                        speech: Any = None, issued: date | None = None) -> list[Path]:
    """Write the record in the member's own format into `folder`: PDF and DOCX (standard,
    large print at their size, easy read), a WAV for audio (standard print, with a note,
    when no sound can be made), or `.txt` for braille. Returns the files written."""
    record = read_participation(ws, member_id, start, end)
    member = record.member
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = (f"record-of-participation-{file_safe(member.display_name, f'member-{member_id}')}"
            f"-{start:%Y-%m-%d}-to-{end:%Y-%m-%d}")
    kind = member.format_need.kind
    if kind is FormatKind.AUDIO and speech is not None:
        spoken = participation_document(record, member_id, start, end, spoken=True, issued=issued)
        try:
            return [Path(write_audio(spoken, folder / f"{stem}.wav", speech=speech))]
        except (AudioUnavailable, AudioFailed):
            pass
    note = ""
    if kind is FormatKind.AUDIO:
        who = record.contact.name if record.contact is not None else "us"
        note = (f"You asked for audio. We could not make a sound recording this time, so this "
                f"record is in print. Please contact {who} if you would like someone to read it to you.")
    document = participation_document(record, member_id, start, end, note=note, issued=issued)
    if kind is FormatKind.BRAILLE_TEXT:
        path = folder / f"{stem}.txt"
        path.write_text(plain_text(document), encoding="utf-8")
        return [path]
    profile = FormatProfile.for_need(member.format_need) if kind is not FormatKind.AUDIO \
        else FormatProfile(FormatKind.STANDARD)
    return render(document, profile, folder, stem)
