"""Changing the group's ground rules: add (one or the usual set), edit, remove and put back,
move; and taking back a rule's "agreed" at a meeting.

Adding a rule and reading them all are in `store.conduct` (`add_ground_rule`, `ground_rules`,
`agree_ground_rule`, `agreed_ground_rules`). Positions are kept dense, 0 to n-1 within the
group, after every change here. A rule keeps its id through removal and putting back, with
the meetings that had agreed it, so undo and redo find the same rule.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from meetingroom.domain.conduct import GroundRule
from meetingroom.store.conduct import agree_ground_rule, agreed_ground_rules
from meetingroom.store.rows import build
from meetingroom.store.workspace import Workspace

_TEXT_FIELDS = ("text", "easy_read_text", "picture")


@dataclass(frozen=True)
class RemovedRule:
    """A rule as it was before removal (`rule.position` is its place), and when each meeting
    had agreed it."""

    rule: GroundRule
    agreed: tuple[tuple[int, datetime], ...] = ()


def get_ground_rule(ws: Workspace, rule_id: int) -> GroundRule:
    rows = ws.query("SELECT * FROM ground_rule WHERE id = ?", (rule_id,))
    if not rows:
        raise KeyError(f"no ground rule with id {rule_id}")
    return build(GroundRule, rows[0])


def _order(connection: sqlite3.Connection, group_id: int | None) -> list[int]:
    return [r[0] for r in connection.execute(
        "SELECT id FROM ground_rule WHERE group_id IS ? ORDER BY position, id", (group_id,))]


def _renumber(connection: sqlite3.Connection, order: list[int]) -> None:
    connection.executemany(
        "UPDATE ground_rule SET position = ? WHERE id = ? AND position != ?",
        [(position, rule_id, position) for position, rule_id in enumerate(order)],
    )


def put_ground_rule(ws: Workspace, rule: GroundRule) -> int:
    """Put a rule into its group's list at `rule.position` (0 = first; past the end = last),
    moving later rules down. A rule that has an id keeps it (putting back, redoing)."""
    values = {name: getattr(rule, name) for name in _TEXT_FIELDS}
    values.update(group_id=rule.group_id, position=-1)
    if rule.id is not None:
        values["id"] = rule.id
    columns = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    with ws.transaction() as connection:
        order = [i for i in _order(connection, rule.group_id) if i != rule.id]
        cursor = connection.execute(f"INSERT INTO ground_rule ({columns}) VALUES ({marks})", values)  # noqa: S608
        rule_id = rule.id if rule.id is not None else int(cursor.lastrowid or 0)
        order.insert(max(0, min(rule.position, len(order))), rule_id)
        _renumber(connection, order)
        ws.touch("ground_rule")
    return rule_id


def add_ground_rules(ws: Workspace, rules: Iterable[GroundRule]) -> list[int]:
    """Add rules after the group's others, in the order given, in one transaction (the usual
    ground rules at once). Returns their ids; rules that have ids keep them."""
    with ws.transaction():
        return [put_ground_rule(ws, replace(rule, position=1 << 30)) for rule in rules]


def update_ground_rule(ws: Workspace, rule: GroundRule) -> None:
    """Save a rule's text, easy-read text and picture; its place and group stay as they are."""
    if rule.id is None:
        raise ValueError("only a saved ground rule can be updated")
    get_ground_rule(ws, rule.id)
    values: dict[str, object] = {name: getattr(rule, name) for name in _TEXT_FIELDS}
    values["id"] = rule.id
    assignments = ", ".join(f"{name} = :{name}" for name in _TEXT_FIELDS)
    with ws.transaction() as connection:
        connection.execute(f"UPDATE ground_rule SET {assignments} WHERE id = :id", values)  # noqa: S608
        ws.touch("ground_rule")


def remove_ground_rule(ws: Workspace, rule_id: int) -> RemovedRule:
    """Remove a rule (and its "agreed" records); return what `restore_ground_rule` needs."""
    rule = get_ground_rule(ws, rule_id)
    with ws.transaction() as connection:
        agreed = tuple((r[0], datetime.fromisoformat(r[1])) for r in connection.execute(
            "SELECT meeting_id, agreed_at FROM ground_rule_agreed WHERE ground_rule_id = ? "
            "ORDER BY meeting_id", (rule_id,)))
        order = _order(connection, rule.group_id)
        connection.execute("DELETE FROM ground_rule_agreed WHERE ground_rule_id = ?", (rule_id,))
        connection.execute("DELETE FROM ground_rule WHERE id = ?", (rule_id,))
        was = order.index(rule_id)
        order.remove(rule_id)
        _renumber(connection, order)
        ws.touch("ground_rule", "ground_rule_agreed")
    return RemovedRule(replace(rule, position=was), agreed)


def remove_ground_rules(ws: Workspace, rule_ids: Iterable[int]) -> list[RemovedRule]:
    """Remove several rules in one transaction (taking back the usual set); put them back with
    `restore_ground_rules`."""
    with ws.transaction():
        return [remove_ground_rule(ws, rule_id) for rule_id in rule_ids]


def restore_ground_rules(ws: Workspace, removed: list[RemovedRule]) -> list[int]:
    """Put back rules removed together, as `remove_ground_rules` returned them: last removed
    first, so each goes back to the very place it had."""
    with ws.transaction():
        return [restore_ground_rule(ws, r) for r in reversed(removed)][::-1]


def restore_ground_rule(ws: Workspace, removed: RemovedRule) -> int:
    """Put a removed rule back in its place, with its id and the meetings that agreed it."""
    with ws.transaction():
        rule_id = put_ground_rule(ws, removed.rule)
        for meeting_id, at in removed.agreed:
            agree_ground_rule(ws, meeting_id, rule_id, at)
        ws.touch("ground_rule_agreed")
    return rule_id


def move_ground_rule(ws: Workspace, rule_id: int, to: int) -> int:
    """Move a rule to place `to` in its group's order (clamped); return the place it had."""
    rule = get_ground_rule(ws, rule_id)
    with ws.transaction() as connection:
        order = _order(connection, rule.group_id)
        was = order.index(rule_id)
        order.remove(rule_id)
        order.insert(max(0, min(to, len(order))), rule_id)
        _renumber(connection, order)
        ws.touch("ground_rule")
    return was


def agree_ground_rules(ws: Workspace, meeting_id: int, rule_ids: Iterable[int], at: datetime) -> None:
    """Record that the meeting agreed these rules at `at`, in one transaction."""
    with ws.transaction():
        for rule_id in rule_ids:
            agree_ground_rule(ws, meeting_id, rule_id, at)
        ws.touch("ground_rule_agreed")


def unagree_ground_rules(ws: Workspace, meeting_id: int, rule_ids: Iterable[int]) -> None:
    """Take back that the meeting agreed these rules."""
    with ws.transaction() as connection:
        connection.executemany(
            "DELETE FROM ground_rule_agreed WHERE meeting_id = ? AND ground_rule_id = ?",
            [(meeting_id, rule_id) for rule_id in rule_ids])
        ws.touch("ground_rule_agreed")


def unagree_ground_rule(ws: Workspace, meeting_id: int, rule_id: int) -> None:
    unagree_ground_rules(ws, meeting_id, [rule_id])


def put_agreement(ws: Workspace, meeting_id: int, rule_id: int, at: datetime | None) -> None:
    """Make a rule's "agreed" at the meeting exactly `at` (None: not agreed), to put it back."""
    if at is None:
        unagree_ground_rule(ws, meeting_id, rule_id)
    else:
        agree_ground_rule(ws, meeting_id, rule_id, at)


def agreed_at(ws: Workspace, meeting_id: int, rule_id: int) -> datetime | None:
    return agreed_ground_rules(ws, meeting_id).get(rule_id)
