"""What every renderer takes: a document built from the store, and the format to write it in.

Content builders (agenda, invitation, papers, minutes, letters) turn a snapshot of the
workspace into a `Document`; renderers turn a `Document` and a `FormatProfile` into files.
Neither knows about the other's details.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Document:
    """A document ready to render.

    `blocks` are what standard and large print show (headings level 1-3, paragraphs, lists,
    bold runs). `easy_read` is what easy read shows: points (one short sentence and a
    picture each), with heading blocks between them to group the points; `hard_words` are
    listed at the end. Text is exactly as the person typed it: renderers
    escape it, builders never do.
    """

    title: str
    blocks: tuple[Block, ...] = ()
    easy_read: tuple[EasyReadPoint | Block, ...] = ()
    hard_words: tuple[HardWord, ...] = ()
    author: str = ""  # shown in file properties: the group's name
    language: str = "en-GB"
