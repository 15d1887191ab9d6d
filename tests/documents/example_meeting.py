"""The example workspace on a fixed day, and its upcoming meeting, for the document tests.

With today = Tuesday 17 November 2026 the upcoming meeting is Tuesday 8 December 2026 at
10:30, for 120 minutes, hybrid, at Riverside Community Hub.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from meetingroom.documents.snapshot import MeetingSnapshot, take_snapshot
from meetingroom.domain.meeting import MeetingStatus
from meetingroom.domain.papers import Block, EasyReadPoint
from meetingroom.example import write_example
from meetingroom.store import Workspace
from meetingroom.store.meetings import list_meetings

TODAY = date(2026, 11, 17)
MEETING_DAY = "Tuesday 8 December 2026"
ITEM_TIMES = ["10:30", "10:40", "10:50", "11:15", "11:30", "11:55", "12:15", "12:25"]


def write(path: Path) -> Path:
    write_example(path, today=TODAY)
    return path


def upcoming_id(ws: Workspace) -> int:
    meeting = next(m for m in list_meetings(ws) if m.status is MeetingStatus.PLANNING)
    assert meeting.id is not None
    return meeting.id


def snapshot_of(path: Path) -> MeetingSnapshot:
    with Workspace.open(path, backup=False) as ws:
        return take_snapshot(ws, upcoming_id(ws))


def member_named(snapshot: MeetingSnapshot, name: str):  # type: ignore[no-untyped-def]
    return next(m for m in snapshot.invited if m.name == name)


def texts(blocks: Iterable[Block | EasyReadPoint]) -> list[str]:
    return [b.text if isinstance(b, EasyReadPoint) else b.plain_text() for b in blocks]


def points(items: Iterable[Block | EasyReadPoint]) -> list[EasyReadPoint]:
    return [item for item in items if isinstance(item, EasyReadPoint)]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]


def words(sentence: str) -> int:
    return len(sentence.split())
