"""Documents to render, and readers that look at the written files as a reader would."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdf
from docx import Document as open_docx

from meetingroom.documents.model import Document, FormatProfile, HardWord
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Run
from meetingroom.domain.people import FormatKind

TRICKY = "Zoë <b>&\"' 😀 مرحبا שלום اردو £12.50 🧑‍⚕️ 👍🏽 Zoe\u0308 </b>"
LONG_SENTENCE = (
    "People who use services told us that the bus to the day centre is often late, that the "
    "timetable is hard to read, and that nobody tells them when a journey is cancelled. ")

PROFILES = [
    FormatProfile(),
    *(FormatProfile(FormatKind.LARGE_PRINT, size) for size in (16, 18, 20, 24, 28)),
    FormatProfile(FormatKind.EASY_READ),
]


def heading(text: str, level: int = 1) -> Block:
    return Block(BlockKind.HEADING, (Run(text),), level=level)


def paragraph(*runs: str | tuple[str, bool]) -> Block:
    return Block(BlockKind.PARAGRAPH, tuple(
        Run(run) if isinstance(run, str) else Run(run[0], run[1]) for run in runs))


def listing(kind: BlockKind, *items: str) -> Block:
    return Block(kind, items=tuple((Run(item),) for item in items))


def agenda_like() -> Document:
    """A document with every kind of block, headings on three levels, and a skipped level."""
    return Document(
        title="Partnership Board: agenda",
        author="Learning Disability Partnership Board",
        blocks=(
            heading("Partnership Board: agenda"),
            paragraph("The meeting is at ", ("Riverside Community Centre", True), ", Mill Lane."),
            heading("Items", 2),
            listing(BlockKind.NUMBERED, "Welcome", "Day services review", "Break", "Transport"),
            heading("Who is coming", 3),
            listing(BlockKind.BULLETS, "Zoë Ahmed, chair", "Sam Okafor, carer"),
            heading("Papers", 2),
            paragraph(LONG_SENTENCE * 6),
            heading("Getting there", 1),
            heading("By bus", 3),  # skips level 2: written as level 2
            paragraph("The 42 bus stops outside."),
        ),
        easy_read=(
            heading("The meeting"),
            EasyReadPoint("The meeting is on Friday 14 March."),
            EasyReadPoint("Come by bus or taxi."),
            heading("What we will talk about", 2),
            EasyReadPoint("We will talk about day services."),
            EasyReadPoint("You can come in a wheelchair.", "267F"),
        ),
        hard_words=(HardWord("Partnership Board", "A group that plans services together."),),
    )


def many_points(count: int) -> Document:
    points: list[EasyReadPoint | Block] = [heading("Our plan")]
    for number in range(1, count + 1):
        if number % 15 == 0:
            points.append(heading(f"Part {number // 15 + 1}", 2))
        points.append(EasyReadPoint(f"Point {number} is about the bus to the meeting."))
    return Document(title="Many points", easy_read=tuple(points),
                    hard_words=(HardWord("Transport", "How you get to places."),))


def squash(text: str) -> str:
    """Text with line breaks and runs of spaces made single spaces, in NFC form."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


@dataclass
class PdfLine:
    page: int
    text: str
    x0: float
    x1: float
    top: float


def pdf_lines(path: Path) -> list[PdfLine]:
    lines: list[PdfLine] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for line in page.extract_text_lines(strip=True):
                lines.append(PdfLine(number, line["text"], line["x0"], line["x1"], line["top"]))
    return lines


def pdf_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def pdf_reader(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(path)


def outline_titles(reader: pypdf.PdfReader) -> list[tuple[int, str]]:
    """(depth, title) of every bookmark, in order."""
    found: list[tuple[int, str]] = []

    def walk(entries: list[object], depth: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((depth, str(entry.title)))  # type: ignore[attr-defined]

    walk(reader.outline, 0)
    return found


def docx_file(path: Path):  # noqa: ANN201 - python-docx has no type hints
    return open_docx(str(path))
