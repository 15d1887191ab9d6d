"""Papers: a structured body that every format is rendered from, and who got which."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from meetingroom.domain.people import FormatKind


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLETS = "bullets"
    NUMBERED = "numbered"


@dataclass(frozen=True)
class Run:
    """A stretch of text, bold or not, exactly as the author typed it."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Block:
    """A heading (level 1-3), a paragraph, or a list whose items are each a line of runs."""

    kind: BlockKind
    runs: tuple[Run, ...] = ()
    level: int = 1
    items: tuple[tuple[Run, ...], ...] = ()

    def plain_text(self) -> str:
        if self.kind in (BlockKind.BULLETS, BlockKind.NUMBERED):
            return "\n".join("".join(r.text for r in item) for item in self.items)
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class EasyReadPoint:
    """One short sentence with the picture that goes beside it (an OpenMoji code)."""

    text: str
    picture: str = ""


@dataclass
class Paper:
    title: str
    group_id: int | None = None
    id: int | None = None
    body: tuple[Block, ...] = ()
    easy_read: tuple[EasyReadPoint, ...] | None = None  # hand-made version wins when present
    glossary_terms: tuple[str, ...] = ()

    def plain_text(self) -> str:
        return "\n".join(block.plain_text() for block in self.body)


class Channel(StrEnum):
    EMAIL = "email"
    POST = "post"
    BY_HAND = "by-hand"
    TEXT = "text"
    PHONE = "phone"


@dataclass
class Distribution:
    """A paper (or a whole pack when paper_id is None) sent to a member in a format."""

    meeting_id: int
    member_id: int
    format: FormatKind
    sent_at: datetime
    channel: Channel
    paper_id: int | None = None
    size: int | None = None
    id: int | None = None
    files: tuple[str, ...] = field(default_factory=tuple)
