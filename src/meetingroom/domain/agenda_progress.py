"""How the agenda is going: the current item against its minutes, and the rest re-estimated.

Items that have started show the time spent on them (breaks taken during an item do not
count). Items still to come are expected to start after the current item has had the rest
of its minutes (or now, if it has run over) and after any break under way, in agenda order;
so the expected finish says how late (or early) the meeting will end if the rest runs to time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.meeting_log import RunState


class ItemState(StrEnum):
    DONE = "done"
    CURRENT = "current"
    TO_COME = "to-come"


@dataclass(frozen=True)
class ItemProgress:
    item: AgendaItem
    number: int  # 1-based place on the agenda
    state: ItemState
    spent: float  # seconds spent so far
    expected_start: float | None  # for items to come; seconds since the epoch

    @property
    def allowed(self) -> float:
        return self.item.minutes * 60.0

    @property
    def seconds_left(self) -> float:
        """Negative once the item has run over its minutes."""
        return self.allowed - self.spent


@dataclass(frozen=True)
class AgendaProgress:
    items: tuple[ItemProgress, ...]
    current: ItemProgress | None
    expected_finish: float
    planned_finish: float

    @property
    def running_late(self) -> float:
        """Seconds the meeting is expected to run over its planned end; negative if early."""
        return self.expected_finish - self.planned_finish

    def next_item(self) -> AgendaItem | None:
        """The first item still to come, in agenda order."""
        return next((p.item for p in self.items if p.state is ItemState.TO_COME), None)


def progress(items: Sequence[AgendaItem], state: RunState, planned_finish: float,
             now: float) -> AgendaProgress:
    ordered = sorted(items, key=lambda i: (i.position, i.id or 0))
    at = now
    on_break = state.on_break
    if on_break is not None:
        at += max(0.0, on_break.seconds_left(now))
    current_id = state.current_item_id
    if current_id is not None:
        current_item = next((i for i in ordered if i.id == current_id), None)
        if current_item is not None:
            at += max(0.0, current_item.minutes * 60.0 - state.item_seconds(current_id, now))
    rows: list[ItemProgress] = []
    current: ItemProgress | None = None
    for number, item in enumerate(ordered, start=1):
        item_id = item.id if item.id is not None else -number
        spent = state.item_seconds(item_id, now)
        if item_id == current_id:
            row = ItemProgress(item, number, ItemState.CURRENT, spent, None)
            current = row
        elif state.started(item_id):
            row = ItemProgress(item, number, ItemState.DONE, spent, None)
        else:
            row = ItemProgress(item, number, ItemState.TO_COME, 0.0, at)
            at += item.minutes * 60.0
        rows.append(row)
    return AgendaProgress(tuple(rows), current, at, planned_finish)
