"""What happens at the table: ground rules, cards and speaking turns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class CardKind(StrEnum):
    JARGON = "jargon"
    SLOW_DOWN = "slow-down"
    CANT_HEAR = "cant-hear"
    BREAK_NEEDED = "break-needed"
    WANT_TO_SPEAK = "want-to-speak"


class TurnKind(StrEnum):
    CONTRIBUTION = "contribution"
    POINT_OF_ORDER = "point-of-order"
    REPLY = "reply"


class TurnMode(StrEnum):
    SPOKEN = "spoken"
    BSL = "bsl"
    WRITTEN = "written"
    CARD = "card"


@dataclass
class GroundRule:
    text: str
    easy_read_text: str = ""
    picture: str = ""  # OpenMoji code
    position: int = 0
    group_id: int | None = None
    id: int | None = None


@dataclass
class Card:
    meeting_id: int
    kind: CardKind
    at: datetime
    member_id: int | None = None
    agenda_item_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class Pause:
    paused_at: float  # seconds since the epoch
    resumed_at: float | None = None


@dataclass
class SpeakingTurn:
    """One turn. Times are seconds since the epoch, stored as they happen, never tick counts.

    member_id is who the turn counts for; speaker_id, when set, is the supporter or
    interpreter who spoke on their behalf.
    """

    meeting_id: int
    member_id: int
    queued_at: float
    agenda_item_id: int | None = None
    started_at: float | None = None
    ended_at: float | None = None
    pauses: tuple[Pause, ...] = field(default_factory=tuple)
    kind: TurnKind = TurnKind.CONTRIBUTION
    mode: TurnMode = TurnMode.SPOKEN
    speaker_id: int | None = None
    id: int | None = None

    def talk_seconds(self, now: float | None = None) -> float:
        """Time spent speaking: start to end (or now), less the time paused."""
        if self.started_at is None:
            return 0.0
        end = self.ended_at if self.ended_at is not None else now
        if end is None:
            return 0.0
        paused = 0.0
        for pause in self.pauses:
            resumed = pause.resumed_at if pause.resumed_at is not None else end
            paused += max(0.0, min(resumed, end) - pause.paused_at)
        return max(0.0, end - self.started_at - paused)
