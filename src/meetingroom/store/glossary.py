"""A group's own glossary terms, which extend (and win over) the glossary MeetingRoom ships.

Terms are unique whatever their case. `GroupTerm` has the term, plain words and explanation
that `meetingroom.language.glossary.Glossary.load` takes.
"""

from __future__ import annotations

from dataclasses import dataclass

from meetingroom.store.workspace import Workspace


@dataclass(frozen=True)
class GroupTerm:
    term: str
    plain: str
    explanation: str = ""


def group_terms(ws: Workspace) -> list[GroupTerm]:
    """The group's terms, in alphabetical order."""
    return [
        GroupTerm(r["term"], r["plain"], r["explanation"])
        for r in ws.query("SELECT term, plain, explanation FROM glossary_term ORDER BY term COLLATE NOCASE")
    ]


def get_group_term(ws: Workspace, term: str) -> GroupTerm | None:
    rows = ws.query("SELECT term, plain, explanation FROM glossary_term WHERE term = ?", (term.strip(),))
    return GroupTerm(rows[0]["term"], rows[0]["plain"], rows[0]["explanation"]) if rows else None


def add_group_term(ws: Workspace, term: GroupTerm) -> GroupTerm | None:
    """Add a term, or replace the one with the same name; return the one it replaced, if any."""
    name, plain = term.term.strip(), term.plain.strip()
    if not name or not plain:
        raise ValueError("a glossary term needs the term and the plain words to use instead")
    with ws.transaction() as connection:
        previous = get_group_term(ws, name)
        connection.execute(
            "INSERT INTO glossary_term (term, plain, explanation) VALUES (?, ?, ?) "
            "ON CONFLICT (term) DO UPDATE SET term = excluded.term, plain = excluded.plain, "
            "explanation = excluded.explanation",
            (name, plain, term.explanation.strip()),
        )
        ws.touch("glossary_term")
    return previous


def remove_group_term(ws: Workspace, term: str) -> GroupTerm | None:
    """Remove a term (whatever its case); return what was removed, so it can be put back."""
    with ws.transaction() as connection:
        previous = get_group_term(ws, term)
        if previous is not None:
            connection.execute("DELETE FROM glossary_term WHERE term = ?", (term.strip(),))
            ws.touch("glossary_term")
    return previous
