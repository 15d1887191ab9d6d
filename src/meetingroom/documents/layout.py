"""Sizes and spacing every printed format shares, from its `FormatProfile` (CP, LP, ER rules).

Both writers read these numbers, so a PDF and a DOCX in the same format look alike: body
size, headings bold and larger, line spacing 1.5, a blank line between paragraphs, A4
portrait with the same margins whatever the size (the characters per line fall as the
size grows: about 70 at 14 pt, 60 at 16 pt, 35 at 28 pt).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from meetingroom.documents.model import DataTable, FormatProfile
from meetingroom.domain.papers import Block, BlockKind, Run
from meetingroom.domain.people import FormatKind

MM = 72 / 25.4
PAGE_WIDTH = 210 * MM  # A4 portrait (LP7)
PAGE_HEIGHT = 297 * MM
MARGIN = 25 * MM
LINE_SPACING = 1.5  # LP5
PICTURE_PT = 80  # ER3: at least 70 pt square
HARD_WORDS_HEADING = "Hard words"
PICTURES_CREDIT = "Pictures: OpenMoji, the open-source emoji and icon project. Licence: CC BY-SA 4.0."


@dataclass(frozen=True)
class Layout:
    """The numbers a format is printed with, in points."""

    body: float
    headings: tuple[float, float, float]  # levels 1, 2, 3
    easy_read: bool

    @classmethod
    def for_profile(cls, profile: FormatProfile) -> Layout:
        body = float(profile.body_pt)
        # LP2: headings bigger than the body, bold, and at least 2 pt apart from it.
        headings = (round(body * 1.5), round(max(body * 1.3, body + 4)), round(body + 2))
        return cls(body, (float(headings[0]), float(headings[1]), float(headings[2])),
                   profile.kind is FormatKind.EASY_READ)

    @property
    def leading(self) -> float:
        return self.body * LINE_SPACING

    @property
    def paragraph_gap(self) -> float:
        """A blank line of body text between paragraphs (LP5)."""
        return self.leading

    def heading_size(self, level: int) -> float:
        return self.headings[min(max(level, 1), 3) - 1]

    @property
    def text_width(self) -> float:
        return PAGE_WIDTH - 2 * MARGIN


def heading_levels(blocks: Iterable[object], start: int = 1) -> Iterator[int]:
    """The level each heading is written at, so that no level is skipped (AD1): a heading
    may go at most one level deeper than the one before it. `start` is the level already
    open (the document title is level 1)."""
    current = start
    for block in blocks:
        if isinstance(block, Block) and block.kind is BlockKind.HEADING:
            level = min(max(block.level, 1), 3, current + 1)
            current = level
            yield level


_Item = TypeVar("_Item")


def without_repeated_title(title: str, blocks: tuple[_Item, ...]) -> tuple[_Item, ...]:
    """Drop a first level-1 heading that only repeats the document title (written already)."""
    if blocks:
        first = blocks[0]
        if (isinstance(first, Block) and first.kind is BlockKind.HEADING and first.level == 1
                and first.plain_text().strip() == title.strip()):
            return blocks[1:]
    return blocks


def clean_text(text: str) -> str:
    """User text made safe for any file format, otherwise exactly as typed: control
    characters XML cannot hold are dropped, tabs become spaces, line ends become "\\n", and
    soft hyphens go (they would let a word split across lines, LP4)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").replace("\xad", "")
    return "".join(
        char for char in text
        if char == "\n" or not (unicodedata.category(char) == "Cc" or 0xD800 <= ord(char) <= 0xDFFF
                                or char in "\ufffe\uffff"))


def runs_text(runs: Iterable[Run]) -> str:
    return "".join(run.text for run in runs)


# Words measured by a painter: `measure(text, size)` is the width of `text` at `size`.
Measure = Callable[[str, float], float]
ASCENT = 0.95  # Atkinson Hyperlegible's ascent and descent, as shares of the font size
DESCENT = 0.29
_NO_BREAK_BEFORE = {"Mn", "Me", "Mc", "Sk"}
_JOINING = frozenset({"\u200d", "\ufe0e", "\ufe0f", "\u20e3"})


def _break_points(word: str) -> list[int]:
    """Where a word too long for its line may be cut: never inside a character sequence
    (an accent, an emoji with a skin tone or a joiner)."""
    return [index for index in range(1, len(word))
            if word[index] not in _JOINING and word[index - 1] != "\u200d"
            and unicodedata.category(word[index]) not in _NO_BREAK_BEFORE
            and not 0x1F3FB <= ord(word[index]) <= 0x1F3FF]


def _cut_word(word: str, width: float, size: float, measure: Measure) -> list[str]:
    pieces: list[str] = []
    while word and measure(word, size) > width:
        cuts = [cut for cut in _break_points(word) if measure(word[:cut], size) <= width]
        cut = cuts[-1] if cuts else (_break_points(word) or [len(word)])[0]
        pieces.append(word[:cut])
        word = word[cut:]
    return [*pieces, word] if word else pieces


def shorten(text: str, width: float, size: float, measure: Measure) -> str:
    """`text` cut at the end with "…" so that it fits `width` (at least "…")."""
    if measure(text, size) <= width:
        return text
    cuts = [0, *_break_points(text)]
    for cut in reversed(cuts):
        candidate = text[:cut].rstrip() + "…"
        if measure(candidate, size) <= width:
            return candidate
    return "…"


def wrap_text(text: str, width: float, size: float, measure: Measure, *,
              max_lines: int = 0) -> list[str]:
    """`text` (made one line) wrapped at spaces into lines no wider than `width`; a word
    wider than a line is cut; past `max_lines` (0: no limit) the last line ends in "…"."""
    words = " ".join(clean_text(text).split()).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if measure(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        pieces = _cut_word(word, width, size, measure) if measure(word, size) > width else [word]
        lines.extend(pieces[:-1])
        current = pieces[-1] if pieces else ""
    if current:
        lines.append(current)
    if max_lines and len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:])
        lines = [*lines[:max_lines - 1], shorten(rest, width, size, measure)]
    return lines


def column_widths(natural: Sequence[float], minimum: Sequence[float], total: float) -> list[float]:
    """Widths for a table's columns: each as wide as its widest cell when they all fit in
    `total`; else each at least as wide as its longest word, and the room left shared out
    fairly: the columns that need least more get all they need, the rest share the
    remainder evenly (if even the longest words do not fit, in proportion to them)."""
    if sum(natural) <= total:
        return list(natural)
    least = sum(minimum)
    if least >= total:
        return [width * total / least for width in minimum]
    widths = list(minimum)
    spare = total - least
    wanting = sorted(range(len(widths)), key=lambda column: natural[column] - minimum[column])
    for place, column in enumerate(wanting):
        given = min(max(natural[column] - minimum[column], 0.0), spare / (len(wanting) - place))
        widths[column] += given
        spare -= given
    return widths


def _cell_widths(text: str, size: float, measure: Measure) -> tuple[float, float]:
    """(widest line, longest word) of a cell's words."""
    lines = clean_text(text).split("\n")
    words = [word for line in lines for word in line.split()]
    return (max((measure(line, size) for line in lines), default=0.0),
            max((measure(word, size) for word in words), default=0.0))


def _column_needs(table: DataTable, body: float, padding: float, measure: Measure,
                  bold_measure: Measure, *, header: bool = True) -> tuple[list[float], list[float]]:
    """(widest cell, longest word) of each column, padding included (the header in bold;
    left out when `header` is False)."""
    natural, minimum = [2 * padding + 1] * len(table.header), [2 * padding + 1] * len(table.header)
    rows = (table.header, *table.rows) if header else table.rows
    for number, row in enumerate(rows):
        bold = header and number == 0
        for column, cell in enumerate(row):
            line, word = _cell_widths(cell, body, bold_measure if bold else measure)
            natural[column] = max(natural[column], line + 2 * padding + 1)
            minimum[column] = max(minimum[column], word + 2 * padding + 1)
    return natural, minimum


def table_widths(table: DataTable, body: float, padding: float, total: float,
                 measure: Measure, bold_measure: Measure) -> list[float] | None:
    """Column widths for a data table within `total`: every column as wide as its longest
    word when they all fit; else, if the figures' longest words fit, a long word in the
    header may have to break; else None: the table is written stacked, each row as
    (column name, words) pairs (`stacked_widths`)."""
    natural, minimum = _column_needs(table, body, padding, measure, bold_measure)
    if sum(minimum) <= total:
        return column_widths(natural, minimum, total)
    lines, words = _column_needs(table, body, padding, measure, bold_measure, header=False)
    if sum(words) > total:
        return None
    # Each column wants its figures on one line and its header's words whole.
    wanted = [max(line, word) for line, word in zip(lines, minimum, strict=True)]
    return column_widths(wanted, words, total)


def stacked_widths(table: DataTable, body: float, padding: float, total: float,
                   bold_measure: Measure) -> list[float]:
    """The two columns of a stacked table: the column names (bold, on one line if they fit
    in half the width), then the words."""
    names = max((bold_measure(name, body) + 2 * padding + 1 for name in table.header), default=0.0)
    first = min(names, total * 0.5)
    return [first, total - first]


def scale_rows(choices: int, widest_word: float, body: float, total: float) -> tuple[float, int]:
    """(cell width, choices per row) for a picture scale: a picture and its longest word fit
    a cell; as few rows as fit, with the choices shared out evenly between them."""
    cell = max(PICTURE_PT, widest_word) + body * 0.3
    per_row = max(1, min(choices, int(total // cell)))
    rows = -(-choices // per_row) if choices else 1
    return cell, -(-choices // rows) if choices else 1
