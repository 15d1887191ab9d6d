"""The group a workspace belongs to, with its defaults and the times it avoids."""

from __future__ import annotations

from meetingroom.domain.group import AvoidTime, Group
from meetingroom.store.rows import build, insert, update
from meetingroom.store.workspace import Workspace


def get_group(ws: Workspace) -> Group | None:
    """The workspace's group (a workspace holds one group), or None before set-up."""
    rows = ws.query("SELECT * FROM group_info ORDER BY id LIMIT 1")
    if not rows:
        return None
    avoid = tuple(
        AvoidTime(r["label"], r["weekday"], r["start"], r["end"])
        for r in ws.query("SELECT * FROM avoid_time WHERE group_id = ? ORDER BY id", (rows[0]["id"],))
    )
    return build(Group, rows[0], times_to_avoid=avoid)


def save_group(ws: Workspace, group: Group) -> int:
    with ws.transaction() as connection:
        if group.id is None:
            insert(ws, "group_info", group, skip=("times_to_avoid",))
        else:
            update(ws, "group_info", group, skip=("times_to_avoid",))
        connection.execute("DELETE FROM avoid_time WHERE group_id = ?", (group.id,))
        connection.executemany(
            "INSERT INTO avoid_time (group_id, label, weekday, start, end) VALUES (?, ?, ?, ?, ?)",
            [(group.id, a.label, a.weekday, a.start, a.end) for a in group.times_to_avoid],
        )
        ws.touch("group_info", "avoid_time")
    assert group.id is not None
    return group.id
