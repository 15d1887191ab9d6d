"""Decisions, actions and contributions ("you said, we did")."""

from __future__ import annotations

from meetingroom.domain.outcomes import Action, Contribution, Decision
from meetingroom.store.rows import build, insert, update
from meetingroom.store.workspace import Workspace


def add_decision(ws: Workspace, decision: Decision) -> int:
    return insert(ws, "decision", decision)


def decisions(ws: Workspace, meeting_id: int) -> list[Decision]:
    return [build(Decision, r) for r in ws.query(
        "SELECT * FROM decision WHERE meeting_id = ? ORDER BY id", (meeting_id,))]


def add_action(ws: Workspace, action: Action) -> int:
    return insert(ws, "action", action)


def update_action(ws: Workspace, action: Action) -> None:
    update(ws, "action", action)


def actions(ws: Workspace, meeting_id: int | None = None) -> list[Action]:
    if meeting_id is None:
        return [build(Action, r) for r in ws.query("SELECT * FROM action ORDER BY id")]
    return [build(Action, r) for r in ws.query(
        "SELECT * FROM action WHERE meeting_id = ? ORDER BY id", (meeting_id,))]


def add_contribution(ws: Workspace, contribution: Contribution) -> int:
    return insert(ws, "contribution", contribution)


def update_contribution(ws: Workspace, contribution: Contribution) -> None:
    update(ws, "contribution", contribution)


def contributions(ws: Workspace, meeting_id: int) -> list[Contribution]:
    return [build(Contribution, r) for r in ws.query(
        "SELECT * FROM contribution WHERE meeting_id = ? ORDER BY id", (meeting_id,))]
