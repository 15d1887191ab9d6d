"""Ground rules, cards, speaking turns and the meeting's event log, each stored as it happens."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from meetingroom.domain.conduct import Card, GroundRule, Pause, SpeakingTurn
from meetingroom.domain.meeting_log import EventKind, MeetingEvent
from meetingroom.store.rows import build, insert, update
from meetingroom.store.workspace import Workspace


def add_ground_rule(ws: Workspace, rule: GroundRule) -> int:
    return insert(ws, "ground_rule", rule)


def ground_rules(ws: Workspace) -> list[GroundRule]:
    return [build(GroundRule, r) for r in ws.query("SELECT * FROM ground_rule ORDER BY position, id")]


def agree_ground_rule(ws: Workspace, meeting_id: int, rule_id: int, at: datetime) -> None:
    with ws.transaction() as connection:
        connection.execute(
            "INSERT OR REPLACE INTO ground_rule_agreed (meeting_id, ground_rule_id, agreed_at) "
            "VALUES (?, ?, ?)", (meeting_id, rule_id, at.isoformat()))
        ws.touch("ground_rule_agreed")


def agreed_ground_rules(ws: Workspace, meeting_id: int) -> dict[int, datetime]:
    return {r[0]: datetime.fromisoformat(r[1]) for r in ws.query(
        "SELECT ground_rule_id, agreed_at FROM ground_rule_agreed WHERE meeting_id = ?", (meeting_id,))}


def add_card(ws: Workspace, card: Card) -> int:
    return insert(ws, "card", card)


def cards(ws: Workspace, meeting_id: int) -> list[Card]:
    return [build(Card, r) for r in ws.query(
        "SELECT * FROM card WHERE meeting_id = ? ORDER BY at, id", (meeting_id,))]


def add_turn(ws: Workspace, turn: SpeakingTurn) -> int:
    with ws.transaction() as connection:
        turn_id = insert(ws, "speaking_turn", turn, skip=("pauses",))
        connection.executemany(
            "INSERT INTO turn_pause (turn_id, paused_at, resumed_at) VALUES (?, ?, ?)",
            [(turn_id, p.paused_at, p.resumed_at) for p in turn.pauses],
        )
    return turn_id


def turns(ws: Workspace, meeting_id: int) -> list[SpeakingTurn]:
    pauses: dict[int, list[Pause]] = {}
    for r in ws.query(
        "SELECT turn_id, paused_at, resumed_at FROM turn_pause JOIN speaking_turn "
        "ON speaking_turn.id = turn_id WHERE meeting_id = ? ORDER BY paused_at", (meeting_id,)
    ):
        pauses.setdefault(r[0], []).append(Pause(r[1], r[2]))
    return [
        build(SpeakingTurn, r, pauses=tuple(pauses.get(r["id"], ())))
        for r in ws.query(
            "SELECT * FROM speaking_turn WHERE meeting_id = ? ORDER BY queued_at, id", (meeting_id,))
    ]


def update_turn(ws: Workspace, turn: SpeakingTurn) -> None:
    """Save a stored turn's times, kind, mode and speaker, and its pauses."""
    with ws.transaction() as connection:
        update(ws, "speaking_turn", turn, skip=("pauses",))
        connection.execute("DELETE FROM turn_pause WHERE turn_id = ?", (turn.id,))
        connection.executemany(
            "INSERT INTO turn_pause (turn_id, paused_at, resumed_at) VALUES (?, ?, ?)",
            [(turn.id, p.paused_at, p.resumed_at) for p in turn.pauses],
        )
        ws.touch("turn_pause")


def delete_turn(ws: Workspace, turn_id: int) -> None:
    with ws.transaction() as connection:
        connection.execute("DELETE FROM speaking_turn WHERE id = ?", (turn_id,))
        ws.touch("speaking_turn", "turn_pause")


def log_event(ws: Workspace, meeting_id: int, at: float, kind: str, detail: dict[str, Any]) -> int:
    with ws.transaction() as connection:
        cursor = connection.execute(
            "INSERT INTO meeting_event (meeting_id, at, kind, detail) VALUES (?, ?, ?, ?)",
            (meeting_id, at, kind, json.dumps(detail, ensure_ascii=False)))
        ws.touch("meeting_event")
    return int(cursor.lastrowid or 0)


def events(ws: Workspace, meeting_id: int, kinds: Iterable[EventKind] = EventKind) -> list[MeetingEvent]:
    """The meeting's log of these kinds, in the order it was written; unknown kinds are left out."""
    wanted = sorted(k.value for k in kinds)
    marks = ", ".join("?" for _ in wanted)
    return [
        MeetingEvent(meeting_id, r["at"], EventKind(r["kind"]), json.loads(r["detail"]), r["id"])
        for r in ws.query(
            f"SELECT id, at, kind, detail FROM meeting_event WHERE meeting_id = ? AND kind IN ({marks}) "  # noqa: S608
            "ORDER BY id", (meeting_id, *wanted))
    ]


def latest_time(ws: Workspace, meeting_id: int) -> float:
    """The latest time stored for the meeting, so a reopened clock never reads earlier."""
    row = ws.query(
        "SELECT max(coalesce((SELECT max(at) FROM meeting_event WHERE meeting_id = :m), 0), "
        "coalesce((SELECT max(max(queued_at, coalesce(started_at, 0), coalesce(ended_at, 0))) "
        "FROM speaking_turn WHERE meeting_id = :m), 0))", {"m": meeting_id})
    return float(row[0][0] or 0.0)


