"""Members: saving, listing, deactivating and erasing people."""

from __future__ import annotations

import sqlite3

from meetingroom.domain.people import AccessNeed, FormatKind, FormatNeed, Member
from meetingroom.store.rows import build, to_sql
from meetingroom.store.workspace import Workspace

_COLUMNS = (
    "name", "preferred_name", "pronunciation", "pronouns", "role", "organisation",
    "contact_preference", "contact_details", "access_notes", "payment_preference",
    "consent_date", "active", "erased",
)


def _values(member: Member) -> dict[str, object]:
    values = {name: to_sql(getattr(member, name)) for name in _COLUMNS}
    values["format_kind"] = member.format_need.kind.value
    values["format_size"] = member.format_need.size
    values["format_language"] = member.format_need.language
    return values


def _save_needs(connection: sqlite3.Connection, member: Member) -> None:
    connection.execute("DELETE FROM member_access_need WHERE member_id = ?", (member.id,))
    connection.executemany(
        "INSERT INTO member_access_need (member_id, need) VALUES (?, ?)",
        [(member.id, need.value) for need in sorted(member.access_needs)],
    )


def add_member(ws: Workspace, member: Member) -> int:
    values = _values(member)
    columns = ", ".join(values)
    marks = ", ".join(f":{c}" for c in values)
    with ws.transaction() as connection:
        cursor = connection.execute(f"INSERT INTO member ({columns}) VALUES ({marks})", values)  # noqa: S608
        member.id = int(cursor.lastrowid or 0)
        _save_needs(connection, member)
        ws.touch("member")
    return member.id


def update_member(ws: Workspace, member: Member) -> None:
    values = _values(member)
    values["id"] = member.id
    assignments = ", ".join(f"{c} = :{c}" for c in values if c != "id")
    with ws.transaction() as connection:
        connection.execute(f"UPDATE member SET {assignments} WHERE id = :id", values)  # noqa: S608
        _save_needs(connection, member)
        ws.touch("member")


def _from_row(row: sqlite3.Row, needs: frozenset[AccessNeed]) -> Member:
    need = FormatNeed(FormatKind(row["format_kind"]), row["format_size"], row["format_language"])
    return build(Member, row, format_need=need, access_needs=needs)


def _needs_by_member(ws: Workspace) -> dict[int, set[AccessNeed]]:
    needs: dict[int, set[AccessNeed]] = {}
    for row in ws.query("SELECT member_id, need FROM member_access_need"):
        needs.setdefault(row["member_id"], set()).add(AccessNeed(row["need"]))
    return needs


def list_members(ws: Workspace, *, active_only: bool = False) -> list[Member]:
    sql = "SELECT * FROM member WHERE active >= ? ORDER BY id"
    needs = _needs_by_member(ws)
    return [_from_row(row, frozenset(needs.get(row["id"], ()))) for row in ws.query(sql, (int(active_only),))]


def get_member(ws: Workspace, member_id: int) -> Member:
    rows = ws.query("SELECT * FROM member WHERE id = ?", (member_id,))
    if not rows:
        raise KeyError(f"no member with id {member_id}")
    needs = {AccessNeed(r["need"]) for r in ws.query(
        "SELECT need FROM member_access_need WHERE member_id = ?", (member_id,))}
    return _from_row(rows[0], frozenset(needs))


def set_active(ws: Workspace, member_id: int, active: bool) -> None:
    with ws.transaction() as connection:
        connection.execute("UPDATE member SET active = ? WHERE id = ?", (int(active), member_id))
        ws.touch("member")
