"""An invitation letter to one member: when and where, how to get there, joining online, the
access arrangements made for them, payment and expenses, what we will talk about, and whom
to ask; with an easy-read version that has a picture beside every point.
"""

from __future__ import annotations

import re

from meetingroom.documents.agenda import (
    COMPUTER,
    TEA,
    EasyWords,
    bullets,
    easy_item,
    easy_when_and_where,
    heading,
    item_heading,
    labelled,
    paragraph,
    point,
    when_and_where_blocks,
)
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.snapshot import MeetingSnapshot, clock
from meetingroom.domain.arrangements import BSL_SOLO_LIMIT_MINUTES, Arrangement
from meetingroom.domain.meeting import MeetingMode
from meetingroom.domain.papers import Block, EasyReadPoint
from meetingroom.domain.people import FormatKind, Member
from meetingroom.language.glossary import Glossary
from meetingroom.language.pictures import DEFAULT_PICTURE, choose_picture

HELLO = "1F44B"
ENVELOPE = "2709"
MAP = "1F5FA"
PHONE = "1F4DE"
MONEY = "1F4B7"
RECEIPT = "1F9FE"
LISTEN = "1F442"
TICK = "2705"

_PICTURES = {
    "bsl-interpreter": "1F9CF",  # deaf person
    "language-interpreter": "1F4AC",  # speech balloon
    "hearing-loop": "1F9BB",  # ear with hearing aid
    "step-free-access": "267F",  # wheelchair symbol
    "quiet-room": "1F6CB",  # couch and lamp
    "dietary-list": "1F37D",  # plate with knife and fork
    "transport-help": "1F695",  # taxi
    "personal-assistant": "1F9D1-200D-1F91D-200D-1F9D1",  # people holding hands
    "breaks": TEA,
}

# What each arrangement means for the person invited: (made, being made). `{bsl}` is the
# interpreter wording, spelled out differently in standard print and in easy read.
_MADE: dict[str, tuple[str, str]] = {
    "language-interpreter": ("We have booked an interpreter for you.",
                             "We are booking an interpreter for you."),
    "dietary-list": ("We have told the people making the food what you can eat.",
                     "We are telling the people making the food what you can eat."),
    "transport-help": ("We have booked transport or parking help for you.",
                       "We are arranging transport or parking help for you."),
    "other-needs": ("We have arranged the other things you told us you need.",
                    "We are arranging the other things you told us you need."),
}
_AT_VENUE: dict[str, tuple[str, str]] = {  # the venue has it
    "hearing-loop": ("The room has a hearing loop. We have checked that it works.",
                     "The room has a hearing loop. We will check that it works."),
    "step-free-access": ("The venue has step-free access. We have checked the way to the room is clear.",
                         "The venue has step-free access. We will check the way to the room is clear."),
    "quiet-room": ("We have booked a quiet room you can use during the meeting.",
                   "We are booking a quiet room you can use during the meeting."),
    "dietary-list": ("We have told the people making the food what you can eat.",
                     "We are telling the people making the food what you can eat."),
    "transport-help": ("We have booked transport or parking help for you. The venue has accessible parking.",
                       "We are arranging transport or parking help for you. The venue has accessible parking."),
}
_NOT_AT_VENUE: dict[str, tuple[str, str]] = {  # the venue lacks it, or none is chosen yet
    "hearing-loop": ("We have arranged a portable hearing loop.",
                     "We are arranging a hearing loop."),
    "step-free-access": ("We have arranged step-free access to the room.",
                         "We are arranging step-free access to the room."),
    "quiet-room": ("We have found a quiet room you can use during the meeting.",
                   "We are arranging a quiet room you can use during the meeting."),
}


def arrangement_sentence(snapshot: MeetingSnapshot, arrangement: Arrangement, *, easy: bool) -> str:
    """What an arrangement means for the person it is for: "we have booked" once ticked off,
    "we are arranging" before."""
    done = snapshot.is_done(arrangement)
    key = arrangement.key
    if key == "bsl-interpreter":
        language = "British Sign Language" if easy else "British Sign Language (BSL)"
        if snapshot.minutes > BSL_SOLO_LIMIT_MINUTES:
            who = f"2 {language} interpreters for you. They take turns."
        else:
            who = f"a {language} interpreter for you."
        return f"We have booked {who}" if done else f"We are booking {who}"
    if key == "personal-assistant":
        if snapshot.mode is MeetingMode.ONLINE:
            return "Your personal assistant can join the call with you, free of charge."
        seat = "We have kept" if done else "We are keeping"
        return f"{seat} a seat for your personal assistant. They come free of charge."
    if key == "breaks":
        breaks = [item for item in snapshot.items if item.is_break]
        said = "We have planned regular breaks." if done else "We are planning regular breaks."
        if breaks:
            said += " " + " ".join(f"There is a break at {clock(item.start)}." for item in breaks)
        return said
    table = _AT_VENUE if arrangement.venue_has_it else _NOT_AT_VENUE
    words = table.get(key) or _MADE.get(key)
    if words is None:
        need = (arrangement.need.value if arrangement.need else key).replace("-", " ")
        words = (f"We have arranged {need} for you.", f"We are arranging {need} for you.")
    return words[0] if done else words[1]


def invitation_profile(member: Member) -> FormatProfile:
    """The member's own printed format; audio comes in a later version, so standard print."""
    profile = FormatProfile.for_need(member.format_need)
    return FormatProfile(FormatKind.STANDARD) if profile.kind is FormatKind.AUDIO else profile


def _mine(snapshot: MeetingSnapshot, member: Member) -> list[Arrangement]:
    return [a for a in snapshot.arrangements if member.id in a.member_ids]


def _directions(snapshot: MeetingSnapshot) -> list[str]:
    """The venue's directions, a sentence each ("Bus 7; the stop is near." is two)."""
    if not snapshot.in_person or snapshot.venue is None:
        return []
    parts = re.split(r"(?<=[.!?;])\s+|\n+", snapshot.venue.directions.strip())
    sentences = []
    for part in parts:
        part = part.strip().rstrip(";").strip()
        if part:
            sentences.append(part[:1].upper() + part[1:] + ("" if part.endswith((".", "?", "!")) else "."))
    return sentences


def _online_words(snapshot: MeetingSnapshot) -> str:
    who = snapshot.contact.name if snapshot.contact is not None else "We"
    sends = f"{who} will send you the link to join before the meeting."
    if snapshot.mode is MeetingMode.ONLINE:
        return f"This meeting is online. You can join by computer, tablet or phone. {sends}"
    return f"You can come to the venue, or join online by computer, tablet or phone. {sends}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def format_note(member: Member, snapshot: MeetingSnapshot) -> str:
    """For a member whose own format is not made yet (audio comes in a later version): what
    this letter is instead, and whom to ask to read it."""
    kind = member.format_need.kind
    asked = {FormatKind.AUDIO: "audio", FormatKind.BRAILLE_TEXT: "plain text for braille",
             FormatKind.OTHER_LANGUAGE: "papers in another language"}.get(kind)
    if asked is None:
        return ""
    who = snapshot.contact.name if snapshot.contact is not None else "us"
    return (f"You asked for {asked}. We cannot make {asked} yet, so this letter is in print. "
            f"Please contact {who} if you would like someone to read it to you.")


def _contact_blocks(snapshot: MeetingSnapshot) -> list[Block]:
    blocks = [heading("Questions", 2)]
    contact = snapshot.contact
    if contact is None:
        blocks.append(paragraph("If you have a question, or need anything else to take part, "
                                "please contact the person who sent you this letter."))
        return blocks
    blocks.append(paragraph(f"If you have a question, or need anything else to take part, "
                            f"please contact {contact.name}."))
    if contact.details:
        blocks.append(labelled("Contact details", contact.details))
    return blocks


_PAYMENT = ("If you are paid for taking part, you can claim your involvement payment for this "
            "meeting. You can also claim your travel expenses: please keep your tickets and receipts.")


def invitation_document(snapshot: MeetingSnapshot, member: Member,
                        glossary: Glossary | None = None) -> Document:
    """The invitation for one member, in words for print and for easy read."""
    name = member.display_name
    blocks: list[Block] = [
        heading(f"Invitation: {snapshot.title}", 1),
        paragraph(f"Dear {name},"),
        paragraph(f"You are invited to a meeting of {snapshot.group_name}."
                  if snapshot.group_name else "You are invited to a meeting."),
    ]
    note = format_note(member, snapshot)
    if note:
        blocks.append(paragraph(note))
    blocks.extend(when_and_where_blocks(snapshot))
    directions = _directions(snapshot)
    if directions:
        blocks.extend([heading("How to get there", 3), paragraph(" ".join(directions))])
    if snapshot.mode is not MeetingMode.IN_PERSON:
        blocks.extend([heading("Joining online", 3), paragraph(_online_words(snapshot))])
    mine = _mine(snapshot, member)
    blocks.append(heading("Access arrangements for you", 2))
    if mine:
        blocks.append(bullets(arrangement_sentence(snapshot, a, easy=False) for a in mine))
    else:
        blocks.append(paragraph("You have not told us about any access needs."))
    blocks.append(paragraph("If you need anything else to take part, please tell us."))
    blocks.extend([heading("Payment and expenses", 2), paragraph(_PAYMENT)])
    if member.payment_preference.strip():
        blocks.append(labelled("How you asked to be paid", member.payment_preference.strip()))
    if snapshot.items:
        blocks.append(heading("What we will talk about", 2))
        blocks.append(bullets(item_heading(item) for item in snapshot.items))
        blocks.append(paragraph("The agenda says more about each part."))
    blocks.extend(_contact_blocks(snapshot))
    blocks.append(paragraph("We look forward to seeing you."))

    words = EasyWords(glossary if glossary is not None else Glossary.load(snapshot.glossary_terms))
    return Document(
        title=f"Invitation: {snapshot.title}",
        blocks=tuple(blocks),
        easy_read=tuple(_easy(snapshot, member, words)),
        hard_words=words.hard_words(),
        author=snapshot.group_name,
    )


def _easy(snapshot: MeetingSnapshot, member: Member, words: EasyWords) -> list[EasyReadPoint | Block]:
    easy: list[EasyReadPoint | Block] = [
        heading(f"Invitation: {snapshot.title}", 1),
        point(f"Hello {member.display_name}.", picture=HELLO),
    ]
    if snapshot.group_name:
        group, explain = words.plain(snapshot.group_name)
        easy.append(point(f"You are invited to a meeting of {group.rstrip('.')}.", *explain,
                          picture=ENVELOPE))
    else:
        easy.append(point("You are invited to a meeting.", picture=ENVELOPE))
    note = format_note(member, snapshot)
    if note:
        easy.append(point(note, picture=LISTEN))
    easy.extend(easy_when_and_where(snapshot, words))
    if snapshot.mode is not MeetingMode.IN_PERSON:
        who = snapshot.contact.name if snapshot.contact is not None else "We"
        easy.append(point(f"{who} will send you the link to join.", picture=COMPUTER))
    directions = _directions(snapshot)
    if directions:
        easy.append(heading("How to get there", 2))
        for sentence in directions:
            plain, explain = words.plain(sentence)
            chosen = choose_picture(plain)
            easy.append(point(plain, *explain, picture=MAP if chosen == DEFAULT_PICTURE else chosen))
    mine = _mine(snapshot, member)
    easy.append(heading("Help for you at the meeting", 2))
    for arrangement in mine:
        easy.append(point(arrangement_sentence(snapshot, arrangement, easy=True),
                          picture=_PICTURES.get(arrangement.key, TICK)))
    easy.append(point("Tell us if you need anything else.", picture=TICK))
    easy.append(heading("Money", 2))
    easy.append(point("If you are paid for taking part, you can claim money for this meeting.",
                      picture=MONEY))
    easy.append(point("You can get your travel money back.", "Keep your tickets and receipts.",
                      picture=RECEIPT))
    if member.payment_preference.strip():
        plain, explain = words.plain(member.payment_preference.strip())
        easy.append(point("You told us how you want to be paid.", _capital(plain.rstrip(".")) + ".",
                          *explain, picture=MONEY))
    if snapshot.items:
        easy.append(heading("What we talk about", 2))
        easy.extend(easy_item(item, words) for item in snapshot.items)
    easy.append(heading("Questions", 2))
    contact = snapshot.contact
    if contact is None:
        easy.append(point("If you have a question, ask the person who sent you this letter.",
                          picture=PHONE))
    else:
        easy.append(point(f"If you have a question, contact {contact.name}.", picture=PHONE))
        if contact.details:
            easy.append(point(f"You can contact {contact.name} at: {contact.details}.", picture=PHONE))
    return easy
