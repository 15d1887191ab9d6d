"""Agenda items and the schedule they add up to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum


class ItemPurpose(StrEnum):
    INFORMATION = "information"
    DISCUSSION = "discussion"
    DECISION = "decision"


@dataclass
class AgendaItem:
    meeting_id: int
    title: str
    position: int = 0
    id: int | None = None
    plain_summary: str = ""
    purpose: ItemPurpose = ItemPurpose.DISCUSSION
    presenter_id: int | None = None
    proposed_by_id: int | None = None
    minutes: int = 15
    is_break: bool = False
    paper_ids: tuple[int, ...] = field(default_factory=tuple)


def start_times(meeting_start: datetime, items: list[AgendaItem]) -> list[datetime]:
    """When each item starts if the agenda runs to time, in agenda order."""
    times = []
    at = meeting_start
    for item in sorted(items, key=lambda i: i.position):
        times.append(at)
        at += timedelta(minutes=item.minutes)
    return times


def total_minutes(items: list[AgendaItem]) -> int:
    return sum(item.minutes for item in items)
