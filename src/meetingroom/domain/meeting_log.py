"""The meeting's event log, and what it says about the agenda now: replayed after a restart.

Every action at the table is one `MeetingEvent`, stored as it happens. Speaking turns keep
their own rows (the queue is rebuilt from them); the log is what tells which agenda item is
running and since when, whether the meeting is on a break, and which cards are on show.
Replaying the same events always gives the same `RunState`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    ITEM = "item"  # detail: {"item": id} — this item starts now (the one before ends)
    AGENDA_DONE = "agenda-done"  # the last item has ended
    BREAK = "break"  # detail: {"minutes": n} — a break starts now
    BREAK_OVER = "break-over"
    CARD = "card"  # detail: {"card": id, "kind": ...} — a card was held up (and is on show)
    CARD_CLEARED = "card-cleared"  # detail: {"card": id}
    HAND_UP = "hand-up"  # detail: {"turn": id}
    HAND_DOWN = "hand-down"
    TURN_START = "turn-start"
    TURN_PAUSE = "turn-pause"
    TURN_RESUME = "turn-resume"
    TURN_END = "turn-end"


# The kinds `replay` reads: turns keep their own rows, so their log lines are a record only.
AGENDA_EVENTS = frozenset({EventKind.ITEM, EventKind.AGENDA_DONE, EventKind.BREAK, EventKind.BREAK_OVER,
                           EventKind.CARD, EventKind.CARD_CLEARED})


@dataclass(frozen=True)
class MeetingEvent:
    meeting_id: int
    at: float  # seconds since the epoch
    kind: EventKind
    detail: Mapping[str, Any] = field(default_factory=dict)
    id: int | None = None


@dataclass(frozen=True)
class Stretch:
    """A span of time; `end` None while it is still going."""

    start: float
    end: float | None = None

    def seconds(self, now: float) -> float:
        end = self.end if self.end is not None else now
        return max(0.0, end - self.start)

    def overlap(self, other: Stretch, now: float) -> float:
        end = min(self.end if self.end is not None else now, other.end if other.end is not None else now)
        return max(0.0, end - max(self.start, other.start))


@dataclass(frozen=True)
class Break:
    stretch: Stretch
    minutes: int

    def seconds_left(self, now: float) -> float:
        return self.minutes * 60 - self.stretch.seconds(now)


@dataclass(frozen=True)
class RunState:
    current_item_id: int | None = None
    item_stretches: Mapping[int, tuple[Stretch, ...]] = field(default_factory=dict)
    breaks: tuple[Break, ...] = ()
    cards_on_show: tuple[int, ...] = ()  # card ids, oldest first
    agenda_done: bool = False
    last_at: float = 0.0

    @property
    def on_break(self) -> Break | None:
        if self.breaks and self.breaks[-1].stretch.end is None:
            return self.breaks[-1]
        return None

    def item_seconds(self, item_id: int, now: float) -> float:
        """Time spent on an item, breaks taken during it not counted."""
        total = 0.0
        for stretch in self.item_stretches.get(item_id, ()):
            total += stretch.seconds(now)
            total -= sum(stretch.overlap(b.stretch, now) for b in self.breaks)
        return max(0.0, total)

    def started(self, item_id: int) -> bool:
        return item_id in self.item_stretches


def replay(events: Iterable[MeetingEvent]) -> RunState:
    """What the log adds up to. Events are taken in the order given (stored order)."""
    current: int | None = None
    stretches: dict[int, list[Stretch]] = {}
    breaks: list[Break] = []
    cards: dict[int, None] = {}
    done = False
    last_at = 0.0

    def close_item(at: float) -> None:
        if current is not None:
            spans = stretches[current]
            spans[-1] = Stretch(spans[-1].start, at)

    def close_break(at: float) -> None:
        if breaks and breaks[-1].stretch.end is None:
            breaks[-1] = Break(Stretch(breaks[-1].stretch.start, at), breaks[-1].minutes)

    for event in events:
        at = max(event.at, last_at)
        last_at = at
        kind = event.kind
        if kind is EventKind.ITEM:
            close_item(at)
            current = int(event.detail["item"])
            stretches.setdefault(current, []).append(Stretch(at))
            done = False
        elif kind is EventKind.AGENDA_DONE:
            close_item(at)
            close_break(at)
            current = None
            done = True
        elif kind is EventKind.BREAK:
            close_break(at)
            breaks.append(Break(Stretch(at), int(event.detail.get("minutes", 10))))
        elif kind is EventKind.BREAK_OVER:
            close_break(at)
        elif kind is EventKind.CARD:
            cards[int(event.detail["card"])] = None
        elif kind is EventKind.CARD_CLEARED:
            cards.pop(int(event.detail["card"]), None)
    return RunState(
        current_item_id=current,
        item_stretches={k: tuple(v) for k, v in stretches.items()},
        breaks=tuple(breaks),
        cards_on_show=tuple(cards),
        agenda_done=done,
        last_at=last_at,
    )
