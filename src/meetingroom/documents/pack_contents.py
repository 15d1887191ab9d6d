"""What goes into a member's pack besides the agenda: each paper as a document (with its
hand-made easy-read version, or one made from its text), a covering letter, and the plain
text that braille is made from.

Automatic easy read follows ER2-ER5: one short sentence per point (long ones split at their
commas and semicolons), a picture chosen for each, acronyms spelled out and hard words
explained from the glossary, number words as digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from meetingroom.documents.agenda import (
    CLIPBOARD,
    EasyWords,
    bullets,
    easy_when_and_where,
    heading,
    labelled,
    paragraph,
    point,
    when_and_where_blocks,
)
from meetingroom.documents.content_words import content_words
from meetingroom.documents.model import Content, Document
from meetingroom.documents.snapshot import MeetingSnapshot, long_date
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Paper
from meetingroom.language.glossary import Glossary
from meetingroom.language.pictures import choose_picture

EASY_SENTENCE_WORDS = 15  # ER2
ENVELOPE = "2709"
PHONE = "1F4DE"
PAGE = "1F4C4"  # page facing up
MEANING = "1F4A1"  # light bulb: what a hard word means
HOURGLASS = "231B"

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+")
_CLAUSE = re.compile(r"(?<=[;:])\s+|,\s+(?=(?:but|so|which|and)\s)")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30,
                 "fifty": 50, "hundred": 100}
_NUMBER = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b(?=\s+[a-z])", re.IGNORECASE)


def digits(text: str) -> str:
    """"seven days" -> "7 days" (ER5); "one" is left alone ("no one", "one of us")."""
    return _NUMBER.sub(lambda m: str(_NUMBER_WORDS[m.group(1).lower()]), text)


def short_sentences(text: str, limit: int = EASY_SENTENCE_WORDS) -> list[str]:
    """The sentences of `text`. One over `limit` words is split where a new clause starts
    (after a semicolon or colon, or before ", but", ", so", ", which", ", and") when each
    part keeps at least 4 words; splitting at every comma would break lists of words apart."""
    out: list[str] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        sentence = sentence.strip().lstrip("-•*").strip()
        if not sentence:
            continue
        parts = [sentence]
        if len(sentence.split()) > limit:
            parts = _clauses(sentence)
        out.extend(_as_sentence(part) for part in parts)
    return out


def _clauses(sentence: str) -> list[str]:
    parts: list[str] = []
    for piece in _CLAUSE.split(sentence):
        piece = piece.removeprefix("and ")
        if parts and (len(piece.split()) < 4 or len(parts[-1].split()) < 4):
            parts[-1] = f"{parts[-1]}, {piece}" if not parts[-1].endswith((";", ":")) \
                else f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts


def _as_sentence(text: str) -> str:
    text = text.strip().rstrip(",;:").strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _easy_points(text: str, words: EasyWords) -> list[EasyReadPoint]:
    """One point per sentence; each hard word's meaning is the next point (ER2, ER4)."""
    points = []
    for sentence in short_sentences(text):
        plain, explain = words.plain(digits(sentence))
        points.append(point(plain, picture=choose_picture(plain)))
        points.extend(point(meaning, picture=MEANING) for meaning in explain)
    return points


def automatic_easy_read(paper: Paper, words: EasyWords) -> list[EasyReadPoint | Block]:
    """Easy read made from the paper's blocks: its headings kept, a point per sentence."""
    easy: list[EasyReadPoint | Block] = [heading(paper.title, 1)]
    for block in paper.body:
        if block.kind is BlockKind.HEADING:
            plain, _ = words.plain(block.plain_text())
            easy.append(heading(plain, 2))
        elif block.kind is BlockKind.PARAGRAPH:
            easy.extend(_easy_points(block.plain_text(), words))
        else:
            for item in block.items:
                easy.extend(_easy_points("".join(run.text for run in item), words))
    if len(easy) == 1:
        easy.append(point("This paper has no words yet.", picture=PAGE))
    return easy


def paper_document(paper: Paper, glossary: Glossary | None = None, author: str = "") -> Document:
    """A paper ready to render: its blocks under its title (heading levels moved down one so
    the title is the only level 1), and its easy read: hand-made when it has one."""
    blocks = [heading(paper.title, 1)]
    for block in paper.body:
        if block.kind is BlockKind.HEADING:
            blocks.append(Block(BlockKind.HEADING, block.runs, min(block.level + 1, 3)))
        else:
            blocks.append(block)
    words = EasyWords(glossary)
    for term in paper.glossary_terms:
        entry = words.glossary.lookup(term)
        if entry is not None:
            words.plain(entry.term)
    if paper.easy_read is not None:
        easy: list[EasyReadPoint | Block] = [heading(paper.title, 1), *paper.easy_read]
        for made in paper.easy_read:
            words.plain(made.text)  # the author's words stay as written; hard words are listed
    else:
        easy = automatic_easy_read(paper, words)
    return Document(paper.title, tuple(blocks), tuple(easy), words.hard_words(), author=author)


def covering_letter(snapshot: MeetingSnapshot, name: str, contents: Sequence[str], *,
                    format_said: str, deadline_note: str, note: str = "",
                    glossary: Glossary | None = None) -> Document:
    """The letter on top of a member's pack: what is in it, when and where, the deadline,
    and whom to ask. `contents` are the titles of the documents in the pack."""
    title = f"Your papers for {snapshot.title}"
    group = f"the meeting of {snapshot.group_name}" if snapshot.group_name else "our meeting"
    contact = snapshot.contact
    blocks: list[Block] = [
        heading(title, 1),
        paragraph(f"Dear {name},"),
        paragraph(f"Here are your papers for {group} on {long_date(snapshot.start)}."),
    ]
    if note:
        blocks.append(paragraph(note))
    blocks.extend([heading("What is in this pack", 2), paragraph(format_said),
                   bullets(["This letter", *contents])])
    blocks.extend(when_and_where_blocks(snapshot))
    blocks.extend([heading("When papers go out", 2), paragraph(deadline_note)])
    blocks.append(heading("Questions", 2))
    if contact is None:
        blocks.append(paragraph("If you have a question about the papers, please contact the "
                                "person who sent you this pack."))
    else:
        blocks.append(paragraph(f"If you have a question about the papers, or need them in "
                                f"another way, please contact {contact.name}."))
        if contact.details:
            blocks.append(labelled("Contact details", contact.details))

    words = EasyWords(glossary if glossary is not None else Glossary.load(snapshot.glossary_terms))
    easy: list[EasyReadPoint | Block] = [
        heading(title, 1),
        point(f"Hello {name}.", "These are your papers for our meeting.", picture=ENVELOPE),
    ]
    if note:
        easy.append(point(note, picture=ENVELOPE))
    easy.append(heading("What is in this pack", 2))
    easy.append(point("This letter.", picture=ENVELOPE))
    easy.extend(_contents_point(title_) for title_ in contents)
    easy.append(heading("The meeting", 2))
    easy.extend(easy_when_and_where(snapshot, words))
    easy.append(point(deadline_note, picture=HOURGLASS))
    easy.append(heading("Questions", 2))
    if contact is None:
        easy.append(point("If you have a question, ask the person who sent you this pack.",
                          picture=PHONE))
    else:
        easy.append(point(f"If you have a question, contact {contact.name}.", picture=PHONE))
        if contact.details:
            easy.append(point(f"You can contact {contact.name} at: {contact.details}.", picture=PHONE))
    return Document(title, tuple(blocks), tuple(easy), words.hard_words(),
                    author=snapshot.group_name)


def _contents_point(title: str) -> EasyReadPoint:
    picture = CLIPBOARD if title.startswith("Agenda") else PAGE
    return point(f"{title.rstrip('.')}.", picture=picture)


def plain_text(document: Document) -> str:
    """The document as plain UTF-8 text, for braille transcription: headings on their own
    lines, list items with "-" or their number, bold as plain words."""
    lines: list[str] = []
    for block in document.blocks:
        lines.extend(_block_lines(block))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _block_lines(block: Content) -> Iterable[str]:
    if not isinstance(block, Block):
        return content_words(block)
    if block.kind is BlockKind.BULLETS:
        return [f"- {''.join(r.text for r in item)}" for item in block.items]
    if block.kind is BlockKind.NUMBERED:
        return [f"{n}. {''.join(r.text for r in item)}" for n, item in enumerate(block.items, 1)]
    return [block.plain_text()]
