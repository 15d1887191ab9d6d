"""What every renderer takes: a document built from the store, and the format to write it in.

Content builders (agenda, invitation, papers, minutes, letters) turn a snapshot of the
workspace into a `Document`; renderers turn a `Document` and a `FormatProfile` into files.
Neither knows about the other's details. Besides text blocks and easy-read points a document
can hold charts, data tables, picture scales (the tick-box faces of an evaluation form) and
page breaks, in any order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from meetingroom.domain.papers import Block, EasyReadPoint
from meetingroom.domain.people import (
    DEFAULT_LARGE_PRINT_SIZE,
    LARGE_PRINT_SIZES,
    FormatKind,
    FormatNeed,
)

STANDARD_BODY_PT = 14  # CP1: at least 12 pt, 14 preferred
EASY_READ_BODY_PT = 16  # ER1: MeetingRoom uses 16 pt


@dataclass(frozen=True)
class FormatProfile:
    """A format to write in: standard, large print at a size, easy read, or audio."""

    kind: FormatKind = FormatKind.STANDARD
    size: int | None = None  # large print only

    def __post_init__(self) -> None:
        if self.kind is FormatKind.LARGE_PRINT:
            if self.size is None:
                object.__setattr__(self, "size", DEFAULT_LARGE_PRINT_SIZE)
            elif self.size not in LARGE_PRINT_SIZES:
                raise ValueError(
                    f"large print size must be one of {', '.join(map(str, LARGE_PRINT_SIZES))} pt")
        elif self.size is not None:
            raise ValueError("only large print has a point size")

    @classmethod
    def for_need(cls, need: FormatNeed) -> FormatProfile:
        """The printed format closest to a member's need (braille text and other languages
        get standard print here; their own outputs come from their own writers)."""
        if need.kind in (FormatKind.LARGE_PRINT, FormatKind.EASY_READ, FormatKind.AUDIO):
            return cls(need.kind, need.size)
        return cls(FormatKind.STANDARD)

    @property
    def body_pt(self) -> int:
        if self.kind is FormatKind.LARGE_PRINT:
            assert self.size is not None
            return self.size
        if self.kind is FormatKind.EASY_READ:
            return EASY_READ_BODY_PT
        return STANDARD_BODY_PT

    @property
    def name(self) -> str:
        """As manifest.json writes it: standard, large-print, easy-read or audio."""
        return self.kind.value


@dataclass(frozen=True)
class HardWord:
    """A word an easy-read reader may not know, and what it means, for the "Hard words" list."""

    word: str
    meaning: str


class ChartKind(StrEnum):
    BARS = "bars"    # horizontal bars: one group per category, one bar per series, value at the bar's end
    LINES = "lines"  # one line per series across the categories (in time order), a marker at each point


@dataclass(frozen=True)
class Series:
    """One set of figures in a chart, one per category (None = no figure: a gap)."""

    name: str
    values: tuple[float | None, ...]


_CHART_NAMES = {ChartKind.BARS: "Bar chart", ChartKind.LINES: "Line chart"}


@dataclass(frozen=True)
class Chart:
    """A chart of figures by category, drawn the same in the PDF, the DOCX and the app.

    `unit` is "%", "£", "" (a count) or "×" (a ratio, 1.0 = fair). `maximum` is the top of
    the axis (100 for %), or None to take it from the data, rounded up. `reference` draws a
    dashed line across the chart at that value, named by `reference_label`. `description`
    is the alt text; when empty `alt_text()` words one from the figures.
    """

    title: str
    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""
    maximum: float | None = None
    reference: float | None = None
    reference_label: str = ""
    description: str = ""

    def value_text(self, value: float | None) -> str:
        """A figure as the chart writes it: "45%", "£1,250.00", "12", "0.8×", "no figure"."""
        if value is None or not math.isfinite(value):
            return "no figure"
        sign = "-" if value < 0 else ""
        size = abs(value)
        if self.unit == "£":
            return f"{sign}£{size:,.2f}"
        if self.unit == "×":
            return f"{sign}{size:,.1f}×"
        number = f"{size:,.0f}" if round(size, 1) == round(size) else f"{size:,.1f}"
        return f"{sign}{number}{self.unit}"

    def alt_text(self) -> str:
        """The description, or one worded from the figures, e.g. "Bar chart: Attendance by
        role. Expert by experience 12, Carer 5."."""
        if self.description.strip():
            return self.description
        parts = [f"{_CHART_NAMES[self.kind]}: {self.title.strip().rstrip('.')}."]
        if not self.categories or not self.series:
            parts.append("No figures.")
        for series in self.series:
            figures = ", ".join(
                f"{category} {self.value_text(series.values[index] if index < len(series.values) else None)}"
                for index, category in enumerate(self.categories))
            if len(self.series) > 1:
                parts.append(f"{series.name}: {figures}." if figures else f"{series.name}: no figures.")
            elif figures:
                parts.append(f"{figures}.")
        if self.reference is not None:
            label = f" ({self.reference_label})" if self.reference_label.strip() else ""
            parts.append(f"Dashed line at {self.value_text(self.reference)}{label}.")
        return " ".join(parts)


@dataclass(frozen=True)
class DataTable:
    """A table of figures with a caption; cells already worded, every row as long as the header."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        if any(len(row) != len(self.header) for row in self.rows):
            raise ValueError("every row of a data table must be as long as its header")

    def lines(self) -> tuple[str, ...]:
        """The table as plain lines, for audio and plain text: the caption, then each row
        as "Column: words; Column: words"."""
        return (self.caption, *("; ".join(f"{name}: {cell}" for name, cell in zip(self.header, row, strict=True))
                                for row in self.rows))


@dataclass(frozen=True)
class PictureScale:
    """A row of tick-box choices with a picture and words under each, e.g. the five faces of an
    easy-read evaluation form. `question` is shown above the row (bold)."""

    question: str
    choices: tuple[EasyReadPoint, ...]  # picture (OpenMoji code) + words, left to right
    picture: str = ""  # optional picture for the question itself, on the left

    def lines(self) -> tuple[str, ...]:
        """The question and its choices as plain lines, for audio and plain text."""
        choices = ", ".join(choice.text for choice in self.choices)
        return (self.question, f"Choose one: {choices}.") if choices else (self.question,)


@dataclass(frozen=True)
class PageBreak:
    """What follows starts on a new page (e.g. a report's easy-read summary page)."""


Content: TypeAlias = Block | EasyReadPoint | Chart | DataTable | PictureScale | PageBreak


@dataclass(frozen=True)
class Document:
    """A document ready to render.

    `blocks` are what standard and large print show (headings level 1-3, paragraphs, lists,
    bold runs). `easy_read` is what easy read shows: points (one short sentence and a
    picture each), with heading blocks between them to group the points; `hard_words` are
    listed at the end. Either may also hold charts, data tables, picture scales and page
    breaks; an easy-read point among `blocks` is drawn the easy-read way (picture left,
    sentence right), e.g. for a report's easy-read summary page. Text is exactly as the
    person typed it: renderers escape it, builders never do.
    """

    title: str
    blocks: tuple[Content, ...] = ()
    easy_read: tuple[Content, ...] = ()
    hard_words: tuple[HardWord, ...] = ()
    author: str = ""  # shown in file properties: the group's name
    language: str = "en-GB"
