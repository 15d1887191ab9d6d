"""The agenda as a document: when and where, then each item with its time, who presents it
and who asked for it; and an easy-read version with a picture and a short line per item.

The easy-read words follow ER2-ER5: short sentences, digits for numbers, acronyms spelled
out from the glossary, hard words explained in the next sentence and listed at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from meetingroom.documents.model import Document, HardWord
from meetingroom.documents.snapshot import ItemSnapshot, MeetingSnapshot, clock, long_date
from meetingroom.domain.agenda import ItemPurpose
from meetingroom.domain.meeting import MeetingMode
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Run
from meetingroom.language.glossary import Glossary
from meetingroom.language.pictures import DEFAULT_PICTURE, choose_picture

# OpenMoji codes for the points every agenda and letter has.
CALENDAR = "1F4C5"
CLOCK = "1F552"
BUILDING = "1F3E2"
PIN = "1F4CD"
COMPUTER = "1F4BB"
CLIPBOARD = "1F4CB"
GROUP = "1F91D"
TEA = "2615"
GOODBYE = "1F44B"
_PURPOSE_PICTURES = {
    ItemPurpose.INFORMATION: "2139",  # information
    ItemPurpose.DISCUSSION: "1F5E3",  # speaking head
    ItemPurpose.DECISION: "1F5F3",  # ballot box
}

PURPOSE_WORDS = {
    ItemPurpose.INFORMATION: "For information: we hear about this and can ask questions.",
    ItemPurpose.DISCUSSION: "For discussion: we talk about this and share our views.",
    ItemPurpose.DECISION: "For decision: we talk about this and decide together.",
}
_EASY_PURPOSE = {
    ItemPurpose.INFORMATION: "We hear about it.",
    ItemPurpose.DISCUSSION: "We all talk about it.",
    ItemPurpose.DECISION: "We decide together.",
}
AGENDA_WORD = HardWord("agenda", "A list of what we talk about at a meeting, and when.")


# -- blocks ----------------------------------------------------------------------------------

def heading(text: str, level: int = 1) -> Block:
    return Block(BlockKind.HEADING, (Run(text),), level=level)


def paragraph(*parts: str | Run) -> Block:
    return Block(BlockKind.PARAGRAPH, tuple(Run(p) if isinstance(p, str) else p for p in parts))


def labelled(label: str, value: str) -> Block:
    """"Date: Tuesday 8 December 2026", the label in bold (LP3: emphasis in bold)."""
    return paragraph(Run(f"{label}: ", bold=True), value)


def bullets(lines: Iterable[str]) -> Block:
    return Block(BlockKind.BULLETS, items=tuple((Run(line),) for line in lines))


# -- words -----------------------------------------------------------------------------------

def time_span(snapshot: MeetingSnapshot) -> str:
    """"10:30 to 12:30"."""
    return f"{clock(snapshot.start)} to {clock(snapshot.end)}"


def place_lines(snapshot: MeetingSnapshot) -> list[str]:
    """Where the meeting is, one line each: the venue and its address, or online."""
    if snapshot.mode is MeetingMode.ONLINE:
        return ["Online"]
    if snapshot.venue is None:
        return ["The place is not chosen yet"]
    lines = [", ".join(part for part in (snapshot.venue.name.strip(), snapshot.venue.address.strip()) if part)]
    if snapshot.mode is MeetingMode.HYBRID:
        lines.append("You can also join online")
    return lines


def item_heading(item: ItemSnapshot) -> str:
    return f"{clock(item.start)} – {item.title}"


def minutes_words(minutes: int) -> str:
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def _sentence(text: str) -> str:
    """Text ending as a sentence does: a full stop added unless it has its own ending."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


# -- easy read -------------------------------------------------------------------------------

class EasyWords:
    """Turns typed text into easy-read text: acronyms spelled out, hard words collected.

    One per document, so each hard word is listed once at the end, in the order it came.
    """

    def __init__(self, glossary: Glossary | None = None) -> None:
        self.glossary = glossary if glossary is not None else Glossary.load()
        self._hard: dict[str, HardWord] = {}

    def plain(self, text: str) -> tuple[str, list[str]]:
        """`text` with every glossary acronym replaced by its words (ER4: no acronyms), and
        the sentences explaining each hard word it still has, to follow it (first use only)."""
        out: list[str] = []
        explain: list[str] = []
        at = 0
        for hit in self.glossary.find_jargon(text):
            entry = hit.entry
            out.append(text[at:hit.start])
            at = hit.end
            words = hit.text
            if entry.is_acronym and (entry.expansion or entry.plain):
                words = _without_second_article(text[:hit.start], entry.expansion or entry.plain)
            out.append(words)
            if words.casefold() in self._hard:
                continue
            meaning = self.expand(entry.plain.rstrip(".")) if entry.plain else ""
            if meaning and _bare(meaning) != _bare(words):
                explain.append(f"{_capital(words)} means {meaning}.")
                self.add(HardWord(words, _sentence(_capital(meaning))))
            elif entry.explanation and not entry.well_known:  # their note is for authors
                meaning = _sentence(self.expand(entry.explanation))
                explain.append(meaning)
                self.add(HardWord(words, meaning))
        out.append(text[at:])
        return "".join(out), explain

    def expand(self, text: str) -> str:
        """`text` with its acronyms spelled out, and nothing else changed or collected."""
        out: list[str] = []
        at = 0
        for hit in self.glossary.find_jargon(text):
            if hit.entry.is_acronym and (hit.entry.expansion or hit.entry.plain):
                out.append(text[at:hit.start])
                out.append(_without_second_article(
                    text[:hit.start], hit.entry.expansion or hit.entry.plain))
                at = hit.end
        out.append(text[at:])
        return "".join(out)

    def add(self, word: HardWord) -> None:
        self._hard.setdefault(word.word.casefold(), word)

    def hard_words(self) -> tuple[HardWord, ...]:
        return tuple(self._hard.values())


_ARTICLE = re.compile(r"(?i)\b(the|a|an)\s+$")


def _without_second_article(before: str, words: str) -> str:
    """"the the Riverside exchange" reads badly: drop the replacement's own article when
    the text already has one just before it."""
    if _ARTICLE.search(before):
        return re.sub(r"(?i)^(the|a|an)\s+", "", words)
    return words


def _bare(text: str) -> str:
    """For comparing meanings: no article, no case, no full stop."""
    return re.sub(r"(?i)^(the|a|an)\s+", "", text.strip().rstrip(".")).casefold()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


_SPACES = re.compile(r"\s+")


def point(*sentences: str, picture: str = "") -> EasyReadPoint:
    return EasyReadPoint(_SPACES.sub(" ", " ".join(s for s in sentences if s)).strip(), picture)


def easy_when_and_where(snapshot: MeetingSnapshot, words: EasyWords) -> list[EasyReadPoint]:
    """The points saying when and where: shared by the agenda and the invitation."""
    points = [
        point(f"The meeting is on {long_date(snapshot.start)}.", picture=CALENDAR),
        point(f"It starts at {clock(snapshot.start)}.", f"It ends at {clock(snapshot.end)}.",
              picture=CLOCK),
    ]
    if snapshot.mode is MeetingMode.ONLINE:
        points.append(point("The meeting is online.", "You join on a computer, tablet or phone.",
                            picture=COMPUTER))
        return points
    if snapshot.venue is None:
        points.append(point("We will tell you where the meeting is.", picture=BUILDING))
    else:
        name, explain = words.plain(snapshot.venue.name.strip())
        points.append(point(f"The meeting is at {name.rstrip('.')}.", *explain, picture=BUILDING))
        if snapshot.venue.address.strip():
            address, explain = words.plain(snapshot.venue.address.strip())
            points.append(point(f"The address is {address.rstrip('.')}.", *explain, picture=PIN))
    if snapshot.mode is MeetingMode.HYBRID:
        points.append(point("You can come to the room.",
                            "Or you can join on a computer, tablet or phone.", picture=COMPUTER))
    return points


def easy_item(item: ItemSnapshot, words: EasyWords) -> EasyReadPoint:
    """One agenda item as one point: when, what, who leads it, and what we do."""
    if item.is_break:
        return point(f"At {clock(item.start)} we have a break for {minutes_words(item.minutes)}.",
                     picture=TEA)
    title, explain = words.plain(item.title)
    sentences = [f"At {clock(item.start)}: {_sentence(title)}", *explain]
    if item.presenter:
        sentences.append(f"{item.presenter} leads this part.")
    sentences.append(_EASY_PURPOSE[item.purpose])
    return point(*sentences, picture=item_picture(item, title))


def item_picture(item: ItemSnapshot, plain_title: str = "") -> str:
    """A picture for what the item is about; failing that, for what we do with it."""
    if item.is_break:
        return TEA
    for text in (plain_title or item.title, f"{item.title} {item.plain_summary}"):
        chosen = choose_picture(text)
        if chosen != DEFAULT_PICTURE:
            return chosen
    return _PURPOSE_PICTURES[item.purpose]


# -- the agenda ------------------------------------------------------------------------------

def _item_blocks(item: ItemSnapshot) -> list[Block]:
    blocks = [heading(item_heading(item), 3)]
    if item.plain_summary:
        blocks.append(paragraph(item.plain_summary))
    details = [] if item.is_break else [PURPOSE_WORDS[item.purpose]]
    if not item.is_break and item.presenter:
        details.append(f"Presented by {item.presenter}")
    if not item.is_break and item.proposed_by:
        details.append(f"Proposed by {item.proposed_by}")
    details.append(minutes_words(item.minutes))
    blocks.append(bullets(details))
    return blocks


def when_and_where_blocks(snapshot: MeetingSnapshot, level: int = 2) -> list[Block]:
    places = place_lines(snapshot)
    blocks = [
        heading("When and where", level),
        labelled("Date", long_date(snapshot.start)),
        labelled("Time", time_span(snapshot)),
        labelled("Place", places[0]),
    ]
    blocks.extend(paragraph(line + ".") for line in places[1:])
    return blocks


def agenda_document(snapshot: MeetingSnapshot, glossary: Glossary | None = None) -> Document:
    """The meeting's agenda, for standard and large print (`blocks`) and easy read."""
    blocks = [heading(f"Agenda: {snapshot.title}", 1)]
    if snapshot.group_name:
        blocks.append(paragraph(snapshot.group_name))
    blocks.extend(when_and_where_blocks(snapshot))
    blocks.append(heading("What we will talk about", 2))
    for item in snapshot.items:
        blocks.extend(_item_blocks(item))
    if not snapshot.items:
        blocks.append(paragraph("The items are not chosen yet."))
    blocks.append(paragraph(f"The meeting ends at {clock(snapshot.end)}."))

    words = EasyWords(glossary if glossary is not None else Glossary.load(snapshot.glossary_terms))
    words.add(AGENDA_WORD)
    easy: list[EasyReadPoint | Block] = [
        heading(f"Agenda: {snapshot.title}", 1),
        point("This is the agenda for our meeting.",
              "An agenda is a list of what we talk about.", picture=CLIPBOARD),
    ]
    if snapshot.group_name:
        group, explain = words.plain(snapshot.group_name)
        easy.append(point(f"The meeting is for {group.rstrip('.')}.", *explain, picture=GROUP))
    easy.extend(easy_when_and_where(snapshot, words))
    easy.append(heading("What we talk about", 2))
    easy.extend(easy_item(item, words) for item in snapshot.items)
    if not snapshot.items:
        easy.append(point("We have not chosen what we talk about yet.", picture=CLIPBOARD))
    easy.append(point(f"The meeting ends at {clock(snapshot.end)}.", picture=GOODBYE))
    return Document(
        title=f"Agenda: {snapshot.title}",
        blocks=tuple(blocks),
        easy_read=tuple(easy),
        hard_words=words.hard_words(),
        author=snapshot.group_name,
    )
