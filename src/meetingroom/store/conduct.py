"""Ground rules, cards, speaking turns and the meeting's event log, each stored as it happens."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from meetingroom.domain.conduct import Card, GroundRule, Pause, SpeakingTurn
from meetingroom.store.rows import build, insert
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


def log_event(ws: Workspace, meeting_id: int, at: float, kind: str, detail: dict[str, Any]) -> int:
    with ws.transaction() as connection:
        cursor = connection.execute(
            "INSERT INTO meeting_event (meeting_id, at, kind, detail) VALUES (?, ?, ?, ?)",
            (meeting_id, at, kind, json.dumps(detail, ensure_ascii=False)))
        ws.touch("meeting_event")
    return int(cursor.lastrowid or 0)


