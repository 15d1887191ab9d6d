"""Reading a spreadsheet (CSV) of members: every row checked, nothing written.

`read_member_sheet` turns bytes (UTF-8 with or without BOM, or Windows-1252; comma or
semicolon separated) into good rows and bad rows with their row numbers and reasons.
`member_csv` matches good rows to people and imports them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TypeVar

from meetingroom.domain.people import (
    LARGE_PRINT_SIZES,
    AccessNeed,
    ContactPreference,
    FormatKind,
    Role,
)

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
    """The text in quotes, cut short, on one line (a quoted CSV cell may hold line breaks)."""
    text = " ".join(text.split())
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


