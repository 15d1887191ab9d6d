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


def report_like() -> Document:
    """A report with every kind of content: bar and line charts (1-3 series, %, £, a ratio
    with a fair-share line, a missing figure), a long data table, a picture scale, and an
    easy-read summary page after a page break; easy read has a chart and a table too."""
    from meetingroom.documents.model import (
        Chart,
        ChartKind,
        DataTable,
        PageBreak,
        PictureScale,
        Series,
    )

    roles = ("Expert by experience", "Carer", "Professional", "Commissioner <&> 🧑‍⚕️ from the council")
    attendance = Chart("Attendance by role", ChartKind.BARS, roles, (Series("People", (12, 5, 7, None)),))
    talk = Chart("Share of talk against share of people", ChartKind.BARS, roles[:3],
                 (Series("Share of talk", (30.5, 20, 49.5)), Series("Share of people", (45, 25, 30)),
                  Series("Last year", (20, 30, 50))), unit="%", maximum=100)
    payments = Chart("Payments", ChartKind.BARS, ("Involvement", "Travel", "Care"),
                     (Series("Claimed", (1250, 312.5, 80)), Series("Paid", (1000, 300, None))), unit="£")
    meetings = tuple(f"{day:02d}/{month:02d}" for month in range(1, 11) for day in (3, 17, 24, 30))
    cards = Chart("Jargon cards per meeting", ChartKind.LINES, meetings,
                  (Series("Cards", tuple(None if n == 6 else float(n % 7) for n in range(40))),))
    fair = Chart("Talk share against fair share", ChartKind.LINES, ("Jan", "Mar", "May", "Jul"),
                 (Series("Experts by experience", (0.6, 0.8, 0.9, 1.1)),
                  Series("Carers", (1.2, 1.0, None, 0.9))), unit="×", reference=1.0,
                 reference_label="fair share")
    held = DataTable("Meetings held", ("Date", "Meeting", "Present", "Papers on time"),
                     tuple((f"{n:02d}/03/2025", f"Partnership Board {n} <&>", str(10 + n % 5), f"{50 + n}%")
                           for n in range(1, 61)))
    faces = PictureScale("I was listened to", tuple(EasyReadPoint(words, code) for words, code in (
        ("Yes", "1F600"), ("A bit", "1F610"), ("No", "1F641"))), picture="1F442")
    return Document(
        title="Involvement report 2025", author="Learning Disability Partnership Board",
        blocks=(
            heading("Involvement report 2025"),
            paragraph("How people were involved this year."),
            heading("Presence", 2), attendance, talk, payments,
            heading("Process", 2), cards, fair, held,
            heading("What people told us", 3), faces,
            PageBreak(),
            heading("This report in easy read", 2),
            EasyReadPoint("We held 60 meetings.", "1F4C5"),
            EasyReadPoint("Most papers came on time.", "1F4C4"),
        ),
        easy_read=(
            heading("Our report"), EasyReadPoint("We held 60 meetings.", "1F4C5"),
            heading("Who came", 2), attendance, faces, held,
        ),
        hard_words=(HardWord("Involvement", "Taking part in planning services."),),
    )


def pdf_chars(path: Path) -> list[tuple[int, dict[str, object], tuple[float, float]]]:
    """(page number, character, page size) for every character in the PDF."""
    found: list[tuple[int, dict[str, object], tuple[float, float]]] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            found.extend((number, char, (float(page.width), float(page.height))) for char in page.chars)
    return found
