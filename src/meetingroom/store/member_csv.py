"""Members in a spreadsheet: match a checked sheet to the people in a workspace, import it in
one transaction, or export everyone.

Reading never writes: `member_sheet.read_member_sheet` turns bytes into good and bad rows,
`plan_import` matches the good rows to the people already in the workspace, and only
`apply_import` writes, in one transaction. `undo_import` takes an applied plan back out.
Spreadsheet formulas are neutralised on export with a leading apostrophe, which import
removes again.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meetingroom.domain.people import (
    AccessNeed,
    ContactPreference,
    FormatKind,
    FormatNeed,
    Member,
    Role,
)
from meetingroom.store.member_sheet import (
    COLUMNS,
    FORMULA_STARTS,
    NEEDS_SEPARATOR,
    TEXT_COLUMNS,
    BadRow,
    MemberCsvError,
    MemberSheet,
    SheetRow,
    guard_formula,
    read_member_file,
    read_member_sheet,
    unguard_formula,
)
from meetingroom.store.private_file import write_private
from meetingroom.store.rows import build, to_sql
from meetingroom.store.workspace import Workspace

__all__ = [  # reading a sheet lives in member_sheet; callers may take it from here too
    "COLUMNS", "FORMULA_STARTS", "BadRow", "ImportPlan", "MemberCsvError", "MemberSheet",
    "SheetRow", "apply_import", "current_members", "export_member_sheet", "guard_formula",
    "plan_import", "read_member_file", "read_member_sheet", "undo_import", "unguard_formula",
    "write_member_file",
]

@dataclass
class ImportPlan:
    """What importing a sheet would do. Nothing is written until `apply_import`."""

    to_add: list[Member]
    to_update: list[tuple[Member, Member]]  # (before, after)
    unchanged: int
    good_rows: list[int]
    bad: list[BadRow]


# -- matching rows to people -----------------------------------------------------------------

def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def current_members(ws: Workspace) -> list[Member]:
    """Everyone not erased, with their access needs, in id order."""
    needs: dict[int, set[AccessNeed]] = {}
    for row in ws.query("SELECT member_id, need FROM member_access_need"):
        needs.setdefault(row["member_id"], set()).add(AccessNeed(row["need"]))
    return [
        build(Member, row, access_needs=frozenset(needs.get(row["id"], ())),
              format_need=FormatNeed(FormatKind(row["format_kind"]), row["format_size"],
                                     row["format_language"]))
        for row in ws.query("SELECT * FROM member WHERE erased = 0 ORDER BY id")
    ]


class _People:
    """The workspace's people, looked up by id, by name and contact details, or by name."""

    def __init__(self, people: list[Member]) -> None:
        self.by_id = {m.id: m for m in people}
        self.by_key: dict[tuple[str, str], Member] = {}
        self.by_name: dict[str, list[Member]] = {}
        for m in people:
            self.by_key.setdefault((_key(m.name), _key(m.contact_details)), m)
            self.by_name.setdefault(_key(m.name), []).append(m)

    def find(self, values: Mapping[str, object]) -> Member | None:
        given_id = values.get("id")
        if isinstance(given_id, int) and given_id in self.by_id:
            return self.by_id[given_id]
        name = _key(str(values["name"]))
        if "contact_details" in values:
            return self.by_key.get((name, _key(str(values["contact_details"]))))
        same_name = self.by_name.get(name, [])
        if len(same_name) > 1:
            raise ValueError(f"{len(same_name)} members have this name: add a contact_details "
                             "or id column to say which one")
        return same_name[0] if same_name else None


_FIELDS = {c: c for c in TEXT_COLUMNS if c != "language"} | {
    "role": "role", "contact_preference": "contact_preference", "access_needs": "access_needs",
    "consent_date": "consent_date", "active": "active"}


def _merge(base: Member, values: Mapping[str, object]) -> Member:
    """`base` with the values the file gives; columns the file lacks keep what `base` had."""
    changes: dict[str, Any] = {name: values[column] for column, name in _FIELDS.items() if column in values}
    for column, default in (("role", Role.EXPERT_BY_EXPERIENCE),
                            ("contact_preference", ContactPreference.EMAIL)):
        if column in values and values[column] is None:
            changes[column] = default
    old = base.format_need
    given_kind, given_size = values.get("format"), values.get("large_print_size")
    kind = given_kind if isinstance(given_kind, FormatKind) else (
        FormatKind.STANDARD if "format" in values else old.kind)
    size = given_size if isinstance(given_size, int) else None
    if size is not None and kind is not FormatKind.LARGE_PRINT:
        raise ValueError(f"a large print size is given but the format is {kind}")
    if "large_print_size" not in values and kind is old.kind:
        size = old.size
    need = FormatNeed(kind, size, str(values.get("language", old.language)))
    return dataclasses.replace(base, **changes, format_need=need)


def plan_import(ws: Workspace, sheet: MemberSheet) -> ImportPlan:
    """Match each good row to a person (by id, else by name and contact details)."""
    people = _People(current_members(ws))
    plan = ImportPlan([], [], 0, [], list(sheet.bad))
    seen: dict[object, int] = {}  # existing id or new person's key -> the row that has them
    for sheet_row in sheet.good:
        values = sheet_row.values
        try:
            existing = people.find(values)
            merged = _merge(existing or Member(""), values)
        except ValueError as error:
            plan.bad.append(BadRow(sheet_row.row, str(error)))
            continue
        who: object = existing.id if existing else (_key(merged.name), _key(merged.contact_details))
        if who in seen:
            plan.bad.append(BadRow(sheet_row.row, f"this is the same person as row {seen[who]}"))
            continue
        seen[who] = sheet_row.row
        plan.good_rows.append(sheet_row.row)
        if existing is None:
            plan.to_add.append(merged)
        elif merged == existing:
            plan.unchanged += 1
        else:
            plan.to_update.append((existing, merged))
    plan.bad.sort(key=lambda bad: bad.row)
    return plan


# -- writing ---------------------------------------------------------------------------------

_SQL = ("name", "preferred_name", "pronunciation", "pronouns", "role", "organisation",
        "contact_preference", "contact_details", "format_kind", "format_size", "format_language",
        "access_notes", "payment_preference", "consent_date", "active", "erased", "id")
_INSERT = f"INSERT INTO member ({', '.join(_SQL)}) VALUES ({', '.join('?' * len(_SQL))})"  # noqa: S608
_UPDATE = f"UPDATE member SET {', '.join(f'{c} = ?' for c in _SQL[:-1])} WHERE id = ?"  # noqa: S608


def _sql_row(m: Member) -> tuple[object, ...]:
    need = m.format_need
    values = {name: to_sql(getattr(m, name)) for name in _SQL if hasattr(m, name)}
    values.update(format_kind=need.kind.value, format_size=need.size, format_language=need.language)
    return tuple(values[name] for name in _SQL)


def _write(connection: sqlite3.Connection, added: list[Member], changed: list[Member],
           removed: list[Member]) -> None:
    ids = [(m.id,) for m in [*changed, *removed]]
    connection.executemany("DELETE FROM member_access_need WHERE member_id = ?", ids)
    connection.executemany("DELETE FROM member WHERE id = ?", [(m.id,) for m in removed])
    connection.executemany(_INSERT, [_sql_row(m) for m in added])
    connection.executemany(_UPDATE, [_sql_row(m) for m in changed])
    connection.executemany("INSERT INTO member_access_need (member_id, need) VALUES (?, ?)",
                           [(m.id, n.value) for m in [*added, *changed] for n in sorted(m.access_needs)])


def apply_import(ws: Workspace, plan: ImportPlan) -> None:
    """All the plan's changes in one transaction; new people get (and keep) their ids."""
    with ws.transaction() as connection:
        next_id = int(connection.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM member").fetchone()[0])
        for member in plan.to_add:
            if member.id is None:
                member.id, next_id = next_id, next_id + 1
        _write(connection, plan.to_add, [after for _, after in plan.to_update], [])
        ws.touch("member", "member_access_need")


def undo_import(ws: Workspace, plan: ImportPlan) -> None:
    """Remove the people an applied plan added and give the people it updated their old values."""
    with ws.transaction() as connection:
        _write(connection, [], [before for before, _ in plan.to_update], plan.to_add)
        ws.touch("member", "member_access_need")


def _cells(m: Member) -> list[str]:
    need = m.format_need
    values: dict[str, object] = {column: getattr(m, column) for column in _FIELDS}
    values.update(
        id=m.id, format=need.kind, large_print_size=need.size, language=need.language,
        access_needs=f"{NEEDS_SEPARATOR} ".join(sorted(n.value for n in m.access_needs)),
        consent_date=m.consent_date.isoformat() if m.consent_date else None,
        active="yes" if m.active else "no")
    return [guard_formula("" if values[c] is None else str(to_sql(values[c]))) for c in COLUMNS]


def export_member_sheet(ws: Workspace) -> tuple[bytes, int]:
    """Every member not erased, as UTF-8 CSV with a byte-order mark (so Excel reads it right)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    people = current_members(ws)
    writer.writerows(_cells(m) for m in people)
    return ("\ufeff" + out.getvalue()).encode("utf-8"), len(people)


def write_member_file(ws: Workspace, path: Path) -> int:
    """Write the export to `path` (owner-only, replaced in one step); return how many people."""
    data, count = export_member_sheet(ws)
    write_private(path, data)
    return count
