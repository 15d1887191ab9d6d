"""Right to erasure on one SQLite connection: the live workspace and each backup get the same.

A person is erased by blanking every personal field of their member row (keeping its id and
role, so past attendance, turns, contributions and payments still count them as a "former
member"), deleting their access needs and evaluation comments, and replacing their name,
preferred name and contact details wherever they appear in any text column of any table.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from meetingroom.domain.people import FORMER_MEMBER

# Other people's own names are never rewritten, even if they share a word with the erased one.
_IDENTITY_COLUMNS = frozenset({("member", "name"), ("member", "preferred_name"),
                               ("member", "pronunciation")})
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d ()-]{5,}\d")
_BLANK_MEMBER = (
    "UPDATE member SET name = '', preferred_name = '', pronunciation = '', pronouns = '', "
    "organisation = '', contact_preference = 'email', contact_details = '', "
    "format_kind = 'standard', format_size = NULL, format_language = '', access_notes = '', "
    "payment_preference = '', consent_date = NULL, active = 0, erased = 1 WHERE id = ?"
)


class ErasureError(RuntimeError):
    """The erasure could not be completed; `reason` says why in words a person can act on."""


@dataclass(frozen=True)
class ErasureTerms:
    """What to find and replace: whole phrases (any case) and single name words (exact case)."""

    phrases: tuple[str, ...]
    words: tuple[str, ...]

    def pattern(self) -> re.Pattern[str] | None:
        parts = [f"(?i:{re.escape(p)})" for p in sorted(self.phrases, key=len, reverse=True)]
        parts += [re.escape(w) for w in sorted(self.words, key=len, reverse=True)]
        if not parts:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def _name_words(*names: str) -> set[str]:
    words = set()
    for name in names:
        for raw in name.split():
            word = raw.strip(".,;:()[]\"“”‘’")
            if len(word) >= 2 and not word[0].islower():
                words.add(word)
    return words


def _with_json_escapes(texts: set[str]) -> set[str]:
    """Each text, plus the form json.dumps gives it (é as \\u00e9), for JSON-held columns."""
    escaped = {json.dumps(text)[1:-1] for text in texts}
    return texts | escaped


def terms_for(connection: sqlite3.Connection, member_id: int) -> ErasureTerms:
    """The words that identify a member, worked out from the live workspace before erasing.

    A word of their name that another, not erased, member's name also has is left alone:
    "Aisha" alone could be the other Aisha.
    """
    row = connection.execute(
        "SELECT name, preferred_name, pronunciation, contact_details FROM member WHERE id = ?",
        (member_id,)).fetchone()
    if row is None:
        raise KeyError(f"no member with id {member_id}")
    name, preferred, pronunciation, contact = (str(value) for value in row)
    phrases = {text.strip() for text in (name, preferred, pronunciation, contact) if len(text.strip()) >= 2}
    phrases |= set(_EMAIL.findall(contact)) | {p.strip() for p in _PHONE.findall(contact)}
    others: set[str] = set()
    for other_name, other_preferred in connection.execute(
            "SELECT name, preferred_name FROM member WHERE id != ? AND erased = 0", (member_id,)):
        others |= _name_words(other_name, other_preferred)
    words = _name_words(name, preferred) - others - phrases
    # A name such as "Member" must not match the words that replace it.
    phrases = {p for p in phrases if p.casefold() not in FORMER_MEMBER.casefold()}
    words = {w for w in words if w.casefold() not in FORMER_MEMBER.split()}
    return ErasureTerms(tuple(sorted(_with_json_escapes(phrases))),
                        tuple(sorted(_with_json_escapes(words))))


def text_columns(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, column) for every text column of every table, except others' own names."""
    columns = []
    tables = [r[0] for r in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for table in tables:
        for info in connection.execute(f'PRAGMA table_info("{table}")'):
            column, declared = info[1], str(info[2]).upper()
            if "TEXT" in declared and (table, column) not in _IDENTITY_COLUMNS:
                columns.append((table, column))
    return columns


def erase_in(connection: sqlite3.Connection, member_id: int, terms: ErasureTerms) -> set[str]:
    """Erase one person inside the caller's open transaction; return the tables changed."""
    changed: set[str] = set()
    steps = (
        ("member", _BLANK_MEMBER),
        ("member_access_need", "DELETE FROM member_access_need WHERE member_id = ?"),
        ("evaluation", "UPDATE evaluation SET comment = '' WHERE member_id = ? AND comment != ''"),
        ("group_info", "UPDATE group_info SET contact_member_id = NULL WHERE contact_member_id = ?"),
    )
    for table, sql in steps:
        if connection.execute(sql, (member_id,)).rowcount > 0:
            changed.add(table)
    return changed | _replace_mentions(connection, terms)


def _replace_mentions(connection: sqlite3.Connection, terms: ErasureTerms) -> set[str]:
    pattern = terms.pattern()
    if pattern is None:
        return set()

    def hit(value: object) -> bool:
        return isinstance(value, str) and pattern.search(value) is not None

    def scrub(value: str | None) -> str | None:
        return pattern.sub(FORMER_MEMBER, value) if isinstance(value, str) else value

    connection.create_function("meetingroom_mentions", 1, hit, deterministic=True)
    connection.create_function("meetingroom_scrub", 1, scrub, deterministic=True)
    changed = set()
    try:
        for table, column in text_columns(connection):
            sql = (f'UPDATE OR IGNORE "{table}" SET "{column}" = meetingroom_scrub("{column}") '  # noqa: S608
                   f'WHERE meetingroom_mentions("{column}")')
            if connection.execute(sql).rowcount > 0:
                changed.add(table)
            left = connection.execute(
                f'SELECT count(*) FROM "{table}" WHERE meetingroom_mentions("{column}")').fetchone()[0]  # noqa: S608
            if left:
                # Only a unique column can refuse the new text (a glossary term named after them).
                connection.execute(f'DELETE FROM "{table}" WHERE meetingroom_mentions("{column}")')  # noqa: S608
                changed.add(table)
    finally:
        connection.create_function("meetingroom_mentions", 1, None)
        connection.create_function("meetingroom_scrub", 1, None)
    return changed


def clear_old_copies(connection: sqlite3.Connection, *, wal: bool) -> None:
    """Rebuild the file so no free page or old WAL frame keeps erased bytes."""
    if wal:
        _checkpoint(connection)
    connection.execute("VACUUM")
    if wal:
        _checkpoint(connection)


def _checkpoint(connection: sqlite3.Connection) -> None:
    busy, _log, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise ErasureError(
            "the person's details are removed, but another program has the workspace open, so "
            "old copies could not be cleared from the file yet; close it and try again")
