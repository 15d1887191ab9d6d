"""Decisions, actions and contributions ("you said, we did"), and what follows a meeting for
each member: payments and evaluation forms.

Each kind can be added, changed, removed and put back with its old id (so undo restores the
very record a letter or an answer refers to).
"""

from __future__ import annotations

from meetingroom.domain.followup import Evaluation, Payment
from meetingroom.domain.outcomes import Action, Contribution, Decision
from meetingroom.store.rows import build, insert, insert_keeping_id, update
from meetingroom.store.workspace import Workspace

Record = Decision | Action | Contribution | Payment | Evaluation
_TABLES: dict[type, str] = {Decision: "decision", Action: "action", Contribution: "contribution",
                            Payment: "payment", Evaluation: "evaluation"}


def table_of(record: Record) -> str:
    return _TABLES[type(record)]


def add_outcome(ws: Workspace, record: Record) -> int:
    """Save a new decision, action, contribution, payment or evaluation; sets and returns its id."""
    return insert(ws, table_of(record), record)


def save_outcome(ws: Workspace, record: Record) -> None:
    """Write a saved record back as it is now."""
    update(ws, table_of(record), record)


def remove_outcome(ws: Workspace, record: Record) -> None:
    table = table_of(record)
    with ws.transaction() as connection:
        connection.execute(f"DELETE FROM {table} WHERE id = ?", (record.id,))  # noqa: S608
        ws.touch(table)


def restore_outcome(ws: Workspace, record: Record) -> None:
    """Put a removed record back with the id it had."""
    table = table_of(record)
    with ws.transaction() as connection:
        insert_keeping_id(connection, table, record)
        ws.touch(table)


def add_decision(ws: Workspace, decision: Decision) -> int:
    return insert(ws, "decision", decision)


def decisions(ws: Workspace, meeting_id: int) -> list[Decision]:
    return [build(Decision, r) for r in ws.query(
        "SELECT * FROM decision WHERE meeting_id = ? ORDER BY id", (meeting_id,))]


def add_action(ws: Workspace, action: Action) -> int:
    return insert(ws, "action", action)


def actions(ws: Workspace, meeting_id: int | None = None) -> list[Action]:
    if meeting_id is None:
        return [build(Action, r) for r in ws.query("SELECT * FROM action ORDER BY id")]
    return [build(Action, r) for r in ws.query(
        "SELECT * FROM action WHERE meeting_id = ? ORDER BY id", (meeting_id,))]


def add_contribution(ws: Workspace, contribution: Contribution) -> int:
    return insert(ws, "contribution", contribution)


def contributions(ws: Workspace, meeting_id: int | None = None) -> list[Contribution]:
    """One meeting's contributions, or (with None) every meeting's."""
    if meeting_id is None:
        return [build(Contribution, r) for r in ws.query("SELECT * FROM contribution ORDER BY id")]
    return [build(Contribution, r) for r in ws.query(
        "SELECT * FROM contribution WHERE meeting_id = ? ORDER BY id", (meeting_id,))]
