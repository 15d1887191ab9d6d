"""Letters, payments and evaluations.

A member has at most one letter of each kind per meeting: making it again records the new
version (its format and when it was made) and keeps when and how the last one was sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from meetingroom.domain.feedback import FeedbackProgress, feedback_progress
from meetingroom.domain.followup import Evaluation, Letter, LetterKind, Payment
from meetingroom.domain.meeting import Meeting
from meetingroom.domain.people import FormatKind
from meetingroom.store.outcomes import contributions
from meetingroom.store.rows import build, insert, to_sql
from meetingroom.store.workspace import Workspace


@dataclass(frozen=True)
class LetterMade:
    """One member's letter as written: whose, in which format and (large print) size."""

    member_id: int
    format: FormatKind
    size: int | None = None


def add_letter(ws: Workspace, letter: Letter) -> int:
    return insert(ws, "letter", letter)


def letters(ws: Workspace, meeting_id: int, kind: LetterKind | None = None) -> list[Letter]:
    if kind is None:
        return [build(Letter, r) for r in ws.query(
            "SELECT * FROM letter WHERE meeting_id = ? ORDER BY id", (meeting_id,))]
    return [build(Letter, r) for r in ws.query(
        "SELECT * FROM letter WHERE meeting_id = ? AND kind = ? ORDER BY id", (meeting_id, kind.value))]


def record_letters_made(ws: Workspace, meeting_id: int, kind: LetterKind, made: Iterable[LetterMade],
                        made_at: datetime) -> list[Letter]:
    """Record that these letters were written (one transaction); returns them as stored."""
    ids: list[int] = []
    with ws.transaction() as connection:
        for letter in made:
            row = connection.execute(
                "SELECT id FROM letter WHERE meeting_id = ? AND member_id = ? AND kind = ? "
                "ORDER BY id LIMIT 1", (meeting_id, letter.member_id, kind.value)).fetchone()
            values = (letter.format.value, letter.size, to_sql(made_at))
            if row is None:
                cursor = connection.execute(
                    "INSERT INTO letter (meeting_id, member_id, kind, format, size, made_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)", (meeting_id, letter.member_id, kind.value, *values))
                ids.append(int(cursor.lastrowid or 0))
            else:
                connection.execute("UPDATE letter SET format = ?, size = ?, made_at = ? WHERE id = ?",
                                   (*values, row[0]))
                ids.append(int(row[0]))
        ws.touch("letter")
    return [get_letter(ws, letter_id) for letter_id in ids]


def get_letter(ws: Workspace, letter_id: int) -> Letter:
    rows = ws.query("SELECT * FROM letter WHERE id = ?", (letter_id,))
    if not rows:
        raise KeyError(f"no letter {letter_id}")
    return build(Letter, rows[0])


def set_letters_sent(ws: Workspace, sent: Sequence[tuple[int, datetime | None, str]]) -> None:
    """(letter id, sent at or None for not sent, channel) for each letter, in one transaction."""
    with ws.transaction() as connection:
        connection.executemany("UPDATE letter SET sent_at = ?, channel = ? WHERE id = ?",
                               [(to_sql(at), channel, letter_id) for letter_id, at, channel in sent])
        ws.touch("letter")


def meeting_feedback(ws: Workspace, meeting: Meeting, deadline_days: int, now: datetime) -> FeedbackProgress:
    """How far the meeting's follow-up has got: letters owed to the invited members (active,
    not erased), made and sent; its contributions answered."""
    assert meeting.id is not None
    with ws.reading():
        owed = [r[0] for r in ws.query(
            "SELECT i.member_id FROM invitation i JOIN member m ON m.id = i.member_id "
            "WHERE i.meeting_id = ? AND m.active = 1 AND m.erased = 0", (meeting.id,))]
        made = letters(ws, meeting.id, LetterKind.FEEDBACK)
        said = contributions(ws, meeting.id)
    return feedback_progress(meeting.id, meeting.end.replace(tzinfo=None), owed, made, said,
                             deadline_days=deadline_days, now=now)


def add_payment(ws: Workspace, payment: Payment) -> int:
    return insert(ws, "payment", payment)


def payments(ws: Workspace, meeting_id: int) -> list[Payment]:
    return [build(Payment, r) for r in ws.query(
        "SELECT * FROM payment WHERE meeting_id = ? ORDER BY id", (meeting_id,))]


def add_evaluation(ws: Workspace, evaluation: Evaluation) -> int:
    return insert(ws, "evaluation", evaluation)


def evaluations(ws: Workspace, meeting_id: int) -> list[Evaluation]:
    return [build(Evaluation, r) for r in ws.query(
        "SELECT * FROM evaluation WHERE meeting_id = ? ORDER BY id", (meeting_id,))]
