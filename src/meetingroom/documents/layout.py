"""Sizes and spacing every printed format shares, from its `FormatProfile` (CP, LP, ER rules).

Both writers read these numbers, so a PDF and a DOCX in the same format look alike: body
size, headings bold and larger, line spacing 1.5, a blank line between paragraphs, A4
portrait with the same margins whatever the size (the characters per line fall as the
size grows: about 70 at 14 pt, 60 at 16 pt, 35 at 28 pt).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from meetingroom.documents.model import FormatProfile
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


def heading_levels(blocks: Iterable[Block], start: int = 1) -> Iterator[int]:
    """The level each heading is written at, so that no level is skipped (AD1): a heading
    may go at most one level deeper than the one before it. `start` is the level already
    open (the document title is level 1)."""
    current = start
    for block in blocks:
        if block.kind is BlockKind.HEADING:
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
