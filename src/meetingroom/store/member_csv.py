"""Members in a spreadsheet: read a CSV file of people, check every row, import or export them.

Reading never writes: `read_member_sheet` turns bytes into good and bad rows, `plan_import`
matches the good rows to the people already in the workspace, and only `apply_import` writes,
in one transaction. `undo_import` takes an applied plan back out. Spreadsheet formulas are
neutralised on export with a leading apostrophe, which import removes again.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import re
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from meetingroom.domain.people import (
    LARGE_PRINT_SIZES,
    AccessNeed,
    ContactPreference,
    FormatKind,
    FormatNeed,
    Member,
    Role,
)
from meetingroom.store.rows import build, to_sql
from meetingroom.store.workspace import Workspace

COLUMNS: tuple[str, ...] = (
    "id", "name", "preferred_name", "pronunciation", "pronouns", "role", "organisation",
    "contact_preference", "contact_details", "format", "large_print_size", "language",
    "access_needs", "access_notes", "payment_preference", "consent_date", "active",
)
TEXT_COLUMNS = ("name", "preferred_name", "pronunciation", "pronouns", "organisation",
                "contact_details", "language", "access_notes", "payment_preference")
NEEDS_SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_FILE_BYTES = 20_000_000
MAX_CELL_CHARACTERS = 10_000

# Plain words people write for values, besides the values themselves.
_ALIASES: dict[str, Enum] = {
    "supporter or interpreter": Role.SUPPORTER, "interpreter": Role.SUPPORTER,
    "plain text for braille": FormatKind.BRAILLE_TEXT, "braille": FormatKind.BRAILLE_TEXT,
    "another language": FormatKind.OTHER_LANGUAGE,
    "spoken language interpreter": AccessNeed.LANGUAGE_INTERPRETER,
    "transport or parking help": AccessNeed.TRANSPORT, "parking help": AccessNeed.TRANSPORT,
    "text message": ContactPreference.TEXT, "phone call": ContactPreference.PHONE,
    "letter by post": ContactPreference.LETTER, "post": ContactPreference.LETTER,
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_YES = {"yes": True, "y": True, "true": True, "1": True, "no": False, "n": False, "false": False, "0": False}


class MemberCsvError(Exception):
    """The file as a whole cannot be read. `reason` is one line a person can act on."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class BadRow:
    row: int  # as a spreadsheet counts: the header is row 1
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


@dataclass(frozen=True)
class SheetRow:
    """A row whose every cell made sense: column -> value, for the columns the file has."""

    row: int
    values: Mapping[str, object]


@dataclass
class MemberSheet:
    columns: tuple[str, ...]
    good: list[SheetRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)


@dataclass
class ImportPlan:
    """What importing a sheet would do. Nothing is written until `apply_import`."""

    to_add: list[Member]
    to_update: list[tuple[Member, Member]]  # (before, after)
    unchanged: int
    good_rows: list[int]
    bad: list[BadRow]


# -- spreadsheet formulas --------------------------------------------------------------------

def _needs_guard(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) or (text.startswith("'") and _needs_guard(text[1:]))


def guard_formula(text: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + text if _needs_guard(text) else text


def unguard_formula(text: str) -> str:
    """The inverse of `guard_formula`, for every string."""
    return text[1:] if text.startswith("'") and _needs_guard(text[1:]) else text


# -- reading cells ---------------------------------------------------------------------------

def _plain(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())


E = TypeVar("E", bound=Enum)


def _choice(kind: type[E], what: str) -> Callable[[str], object]:
    words = {_plain(str(v.value)): v for v in kind}
    words.update({w: v for w, v in _ALIASES.items() if isinstance(v, kind)})
    allowed = ", ".join(str(v.value) for v in kind)

    def parse(text: str) -> object:
        if not text:
            return None
        try:
            return words[_plain(text)]
        except KeyError:
            raise ValueError(f"{what} {_quoted(text)} is not one of {allowed}") from None
    return parse


def _quoted(text: str) -> str:
    return "'" + (text if len(text) <= 40 else text[:37] + "...") + "'"


def _whole_number(text: str) -> object:
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise ValueError(f"id {_quoted(text)} is not a whole number MeetingRoom gave")
    return int(text)


def _size(text: str) -> object:
    if not text:
        return None
    number = text.lower().removesuffix("pt").strip()
    if not number.isascii() or not number.isdigit() or len(number) > 9:
        raise ValueError(f"large print size {_quoted(text)} is not a number")
    if int(number) not in LARGE_PRINT_SIZES:
        raise ValueError(f"large print size {int(number)} is not one of "
                         f"{', '.join(map(str, LARGE_PRINT_SIZES))}")
    return int(number)


_need = _choice(AccessNeed, "access need")


def _needs(text: str) -> object:
    return frozenset(_need(part.strip()) for part in text.split(NEEDS_SEPARATOR) if part.strip())


def _date(text: str) -> object:
    if not text:
        return None
    uk = _UK_DATE.fullmatch(text)
    try:
        if uk:
            return date(int(uk[3]), int(uk[2]), int(uk[1]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"consent date {_quoted(text)} is not a real date") from None
    raise ValueError(f"consent date {_quoted(text)} is not a date: write YYYY-MM-DD or DD/MM/YYYY")


def _active(text: str) -> object:
    if not text:
        return True
    try:
        return _YES[text.lower()]
    except KeyError:
        raise ValueError(f"active {_quoted(text)} is not yes or no") from None


def _text(text: str) -> object:
    return text


_PARSERS: dict[str, Callable[[str], object]] = {
    **{column: _text for column in TEXT_COLUMNS},
    "id": _whole_number, "role": _choice(Role, "role"),
    "contact_preference": _choice(ContactPreference, "contact preference"),
    "format": _choice(FormatKind, "format"), "large_print_size": _size,
    "access_needs": _needs, "consent_date": _date, "active": _active,
}


def _parse_cell(column: str, raw: str) -> object:
    text = unguard_formula(raw.strip())
    label = column.replace("_", " ")
    if len(text) > MAX_CELL_CHARACTERS:
        raise ValueError(f"the {label} is longer than {MAX_CELL_CHARACTERS:,} characters")
    if _CONTROL.search(text):
        raise ValueError(f"the {label} contains a control character (is the file damaged?)")
    return _PARSERS[column](text)


# -- reading a file --------------------------------------------------------------------------

def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise MemberCsvError("this file is saved as UTF-16 (\"Unicode text\"): save it as "
                             "\"CSV UTF-8\" or \"CSV (comma delimited)\" instead")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("cp1252")
    except UnicodeDecodeError:
        raise MemberCsvError("this file is not text in UTF-8 or Windows-1252: "
                             "save it from your spreadsheet as CSV") from None


def _separator(text: str) -> str:
    """Comma or semicolon: whichever the header line (outside quotes) has more of."""
    counts = {",": 0, ";": 0}
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    return ";" if counts[";"] > counts[","] else ","


def _header(cells: list[str]) -> list[str | None]:
    by_key = {column.replace("_", ""): column for column in COLUMNS}
    names: list[str | None] = []
    unknown: list[str] = []
    for cell in cells:
        text = unguard_formula(cell.strip())
        column = by_key.get(re.sub(r"[\s_\-]+", "", text.casefold())) if text else None
        if text and column is None:
            unknown.append(_quoted(text))
        elif column is not None and column in names:
            raise MemberCsvError(f"the column {column} appears twice in row 1")
        names.append(column)
    if unknown:
        raise MemberCsvError(
            f"row 1 has {'a column' if len(unknown) == 1 else 'columns'} MeetingRoom does not know: "
            f"{', '.join(unknown[:5])}{' and more' if len(unknown) > 5 else ''}; "
            f"the columns it reads are {', '.join(COLUMNS)}")
    if "name" not in names:
        raise MemberCsvError("row 1 has no name column: the first row must name the columns, "
                             "for example name, role, contact_details")
    while names and names[-1] is None:
        names.pop()
    return names


def _explain(error: csv.Error) -> str:
    message = str(error)
    if "unexpected end of data" in message:
        return "a quote mark opens a cell that is never closed"
    if "expected after" in message:
        return "a quote mark in the middle of a cell (quote the whole cell, and double quote marks inside it)"
    if "field larger than" in message:
        return "a cell is far too long"
    return message


def read_member_sheet(data: bytes) -> MemberSheet:
    """Check every row of a CSV file of members. Raises MemberCsvError for a file it cannot read."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_big()
    text = _decode(data)
    if not text.strip():
        raise MemberCsvError("the file is empty")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text), strict=True)
    row = 0
    try:
        names = _header(next(reader, []))
        sheet = MemberSheet(tuple(n for n in names if n is not None))
        row = 1
        for row, cells in enumerate(reader, start=2):
            while len(cells) > len(names) and not cells[-1].strip():
                cells.pop()
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(names):
                sheet.bad.append(BadRow(row, f"this row has {len(cells)} cells but row 1 has {len(names)} columns"))
                continue
            _check_row(sheet, row, names, cells)
    except csv.Error as error:
        raise MemberCsvError(f"row {row + 1}: {_explain(error)}") from None
    return sheet


def _check_row(sheet: MemberSheet, row: int, names: list[str | None], cells: list[str]) -> None:
    values: dict[str, object] = {}
    problems: list[str] = []
    for position, (column, cell) in enumerate(zip(names, cells, strict=True), start=1):
        if column is None:
            if cell.strip():
                problems.append(f"column {position} has a value but no heading in row 1")
            continue
        try:
            values[column] = _parse_cell(column, cell)
        except ValueError as error:
            problems.append(str(error))
    if "name" in values and not values["name"]:
        problems.insert(0, "the name is empty")
    if problems:
        sheet.bad.append(BadRow(row, "; ".join(problems)))
    else:
        sheet.good.append(SheetRow(row, values))


def _too_big() -> MemberCsvError:
    return MemberCsvError(f"this file is too big for a list of members "
                          f"(over {MAX_FILE_BYTES // 1_000_000} MB)")


def read_member_file(path: Path) -> MemberSheet:
    """`read_member_sheet` on a file; a file that cannot be read is a MemberCsvError too."""
    try:
        if Path(path).stat().st_size > MAX_FILE_BYTES:
            raise _too_big()
        data = Path(path).read_bytes()
    except OSError as error:
        raise MemberCsvError(f"the file cannot be read ({error.strerror or error})") from None
    return read_member_sheet(data)


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
    path = Path(path)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count
