"""The record of what was sent to whom: a paper, or a whole pack, to a member, in a format,
when, and by which channel. Adding keeps a given id, so undo and redo put back the same row."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from meetingroom.domain.papers import Channel, Distribution
from meetingroom.domain.people import FormatKind
from meetingroom.store.workspace import Workspace

_TABLE = "distribution"


def _distribution(row: sqlite3.Row) -> Distribution:
    return Distribution(
        meeting_id=row["meeting_id"], member_id=row["member_id"], format=FormatKind(row["format"]),
        sent_at=datetime.fromisoformat(row["sent_at"]), channel=Channel(row["channel"]), paper_id=row["paper_id"],
        size=row["size"], id=row["id"], files=tuple(json.loads(row["files"] or "[]")),
    )


def list_distributions(ws: Workspace, meeting_id: int) -> list[Distribution]:
    """Everything recorded as sent for a meeting, oldest record first."""
    return [_distribution(r) for r in ws.query(
        "SELECT * FROM distribution WHERE meeting_id = ? ORDER BY sent_at, id", (meeting_id,))]


def add_distributions(ws: Workspace, sent: list[Distribution]) -> list[int]:
    """Record several sendings in one transaction; each gets (or keeps) its id."""
    ids: list[int] = []
    with ws.transaction() as connection:
        for record in sent:
            cursor = connection.execute(
                "INSERT INTO distribution (id, meeting_id, member_id, paper_id, format, size, "
                "sent_at, channel, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record.id, record.meeting_id, record.member_id, record.paper_id,
                 record.format.value, record.size, record.sent_at.isoformat(),
                 record.channel.value, json.dumps(list(record.files), ensure_ascii=False)),
            )
            record.id = int(cursor.lastrowid or 0)
            ids.append(record.id)
        ws.touch(_TABLE)
    return ids


def add_distribution(ws: Workspace, sent: Distribution) -> int:
    """Record one sending; returns its id (the one it had, when it had one)."""
    return add_distributions(ws, [sent])[0]


def remove_distributions(ws: Workspace, ids: list[int]) -> None:
    """Forget these records (undoing a "marked as sent")."""
    with ws.transaction() as connection:
        connection.executemany("DELETE FROM distribution WHERE id = ?", [(i,) for i in ids])
        ws.touch(_TABLE)
