"""Members: saving, listing, deactivating and erasing people."""

from __future__ import annotations

import sqlite3
from datetime import date

from meetingroom.domain.people import (
    AccessNeed,
    ContactPreference,
    FormatKind,
    FormatNeed,
    Member,
    Role,
)
from meetingroom.store import backups
from meetingroom.store.rows import to_sql
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
    """Save a new member and return their id; a member that already has an id keeps it (redo)."""
    values = _values(member)
    if member.id is not None:
        values["id"] = member.id
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


_ROLES = {role.value: role for role in Role}
_CONTACTS = {way.value: way for way in ContactPreference}
_KINDS = {kind.value: kind for kind in FormatKind}
_NEEDS = {need.value: need for need in AccessNeed}
_NO_NEEDS: frozenset[AccessNeed] = frozenset()


def _from_row(row: sqlite3.Row, needs: frozenset[AccessNeed]) -> Member:
    """Field by field rather than through `rows.build`: 5,000 members load in a blink."""
    consent = row["consent_date"]
    return Member(
        name=row["name"], role=_ROLES[row["role"]], id=row["id"],
        preferred_name=row["preferred_name"], pronunciation=row["pronunciation"],
        pronouns=row["pronouns"], organisation=row["organisation"],
        contact_preference=_CONTACTS[row["contact_preference"]],
        contact_details=row["contact_details"],
        format_need=FormatNeed(_KINDS[row["format_kind"]], row["format_size"], row["format_language"]),
        access_needs=needs, access_notes=row["access_notes"],
        payment_preference=row["payment_preference"],
        consent_date=date.fromisoformat(consent) if consent else None,
        active=bool(row["active"]), erased=bool(row["erased"]),
    )


def _needs_by_member(ws: Workspace) -> dict[int, frozenset[AccessNeed]]:
    needs: dict[int, set[AccessNeed]] = {}
    for member_id, need in ws.connection.execute("SELECT member_id, need FROM member_access_need"):
        needs.setdefault(member_id, set()).add(_NEEDS[need])
    return {member_id: frozenset(held) for member_id, held in needs.items()}


def list_members(ws: Workspace, *, active_only: bool = False) -> list[Member]:
    sql = "SELECT * FROM member WHERE active >= ? ORDER BY id"
    needs = _needs_by_member(ws)
    return [_from_row(row, needs.get(row["id"], _NO_NEEDS)) for row in ws.query(sql, (int(active_only),))]


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


class MemberHasRecords(ValueError):
    """Refused: the person appears in the group's records, which must be kept."""


def _references(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, column) of every foreign key that points at a member, read from the schema."""
    found = []
    tables = [r[0] for r in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        for key in connection.execute(f'PRAGMA foreign_key_list("{table}")'):
            if key["table"] == "member" and table != "member_access_need":
                found.append((table, key["from"]))
    return found


def records_of(ws: Workspace, member_id: int) -> list[str]:
    """The tables that mention this member, such as attendance or payment."""
    return sorted({
        table for table, column in _references(ws.connection)
        if ws.query(f'SELECT 1 FROM "{table}" WHERE "{column}" = ? LIMIT 1', (member_id,))  # noqa: S608
    })


def delete_member(ws: Workspace, member_id: int) -> None:
    """Delete a member who is in no record at all (undoing their addition).

    Anyone who appears in a record (invited, attended, spoke, was paid, is the group's
    contact...) is refused with MemberHasRecords: deactivate them, or erase their details.
    """
    with ws.transaction() as connection:
        tables = records_of(ws, member_id)
        if tables:
            raise MemberHasRecords(
                "this person cannot be deleted because they appear in the group's records ("
                + ", ".join(t.replace("_", " ") for t in tables)
                + "); deactivate them instead, or remove their personal details")
        connection.execute("DELETE FROM member_access_need WHERE member_id = ?", (member_id,))
        if connection.execute("DELETE FROM member WHERE id = ?", (member_id,)).rowcount == 0:
            raise KeyError(f"no member with id {member_id}")
        ws.touch("member", "member_access_need")


def erase_member(ws: Workspace, member_id: int) -> None:
    """Right to erasure: remove a person's details here and in every backup, for good.

    Their row keeps its id and role, so past records still count a "former member". The
    change is written with secure_delete on, then the WAL is checkpointed and the file
    vacuumed so no old copy of a page survives; each backup gets the same erasure.
    """
    from meetingroom.store import erasure  # rarely used: loaded when needed

    if ws.connection.in_transaction:
        raise erasure.ErasureError("a person can only be erased outside another change")
    ws.wait_for_backup()  # a backup still being written must be erased too
    connection = ws.connection
    terms = erasure.terms_for(connection, member_id)
    secure = connection.execute("PRAGMA secure_delete").fetchone()[0]
    connection.execute("PRAGMA secure_delete = ON")
    try:
        with ws.transaction():
            ws.touch("member", *erasure.erase_in(connection, member_id, terms))
        erasure.clear_old_copies(connection, wal=True)
    finally:
        connection.execute(f"PRAGMA secure_delete = {int(secure)}")
    backups.erase_from_backups(ws.path, member_id, terms)
