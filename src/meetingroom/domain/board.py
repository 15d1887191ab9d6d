"""What the room sees now: one plain snapshot of the running meeting for screens to show.

The console builds a `Board` from the stored meeting after every action and once a second
while a clock runs; the projector view and the console's own summary only draw it. Names
are preferred names (never job titles), and every time is in seconds, negative once it has
run over, so each screen can say it in words as well as colour (UI6).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from meetingroom.domain.conduct import CardKind, GroundRule, TurnMode


@dataclass(frozen=True)
class Speaker:
    """The person whose turn it is. `on_behalf_of` is set when a supporter speaks for them."""

    name: str
    seconds_left: float  # of the group's turn length; negative when over
    paused: bool = False
    mode: TurnMode = TurnMode.SPOKEN
    spoken_by: str = ""  # the supporter's or interpreter's name, when someone speaks for them


@dataclass(frozen=True)
class ShownCard:
    kind: CardKind
    at: float  # seconds since the epoch
    name: str = ""  # who held it up, when the facilitator noted it


@dataclass(frozen=True)
class Board:
    meeting_title: str
    item_title: str = ""  # empty before the first item starts
    item_number: int = 0  # 1-based place on the agenda; 0 before the first item
    item_count: int = 0
    item_seconds_left: float | None = None  # None when no item is running
    break_seconds_left: float | None = None  # set only while the meeting is on a break
    speaker: Speaker | None = None
    next_names: tuple[str, ...] = ()  # the next three in the queue, first first
    cards: tuple[ShownCard, ...] = ()  # cards on show, newest first
    ground_rules: tuple[GroundRule, ...] = field(default_factory=tuple)  # shown on request
    show_ground_rules: bool = False
