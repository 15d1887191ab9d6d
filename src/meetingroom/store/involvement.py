"""Reading a period's held meetings for the involvement report, in one consistent read.

Each table is read once for the whole period (a query per table, not per meeting), inside
one read transaction, so a change saved meanwhile is never half seen. The figures themselves
are worked out in domain.involvement.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

from meetingroom.domain.conduct import Card, Pause, SpeakingTurn, TurnKind, TurnMode
from meetingroom.domain.followup import Evaluation, Letter, LetterKind, Payment
from meetingroom.domain.involvement import (
    HeldMeeting,
    InvolvementFigures,
    Period,
    involvement_figures,
)
from meetingroom.domain.meeting import Attendance, Meeting
from meetingroom.domain.outcomes import Action, Contribution, Decision
from meetingroom.domain.papers import Distribution
from meetingroom.store.groups import get_group
from meetingroom.store.members import list_members
from meetingroom.store.rows import build
from meetingroom.store.workspace import Workspace

T = TypeVar("T")
Span = dict[str, object]  # the period, as the parameters :first and :after

# The held meetings (MeetingStatus HELD or FOLLOWED_UP) whose start date is in the period:
# `start` is ISO 8601 text, so comparing it with the first day and the day after the last
# day uses the index on meeting.start.
_HELD = ("SELECT id FROM meeting WHERE status IN ('held', 'followed-up') "
         "AND start >= :first AND start < :after")
_OF_HELD = f"meeting_id IN ({_HELD})"


def read_involvement(ws: Workspace, start: date, end: date, *,
                     today: date | None = None) -> InvolvementFigures:
    """The involvement report's figures for the meetings held (status held or followed up)
    whose start date is from `start` to `end`, both included; actions are overdue as of
    `today` (the computer's date when not given)."""
    if end < start:
        raise ValueError("the period ends before it starts")
    after = (end + timedelta(days=1)).isoformat()
    span: Span = {"first": start.isoformat(), "after": after}
    with ws.reading():
        period = Period(start, end, today or date.today(), get_group(ws),
                        {m.id: m for m in list_members(ws) if m.id is not None},
                        _last_attended(ws, after))
        held = _held_meetings(ws, span)
    return involvement_figures(period, held)


def _last_attended(ws: Workspace, after: str) -> dict[int, date]:
    """Each member's last day marked present at any meeting before `after`."""
    return {r[0]: date.fromisoformat(r[1]) for r in ws.query(
        "SELECT a.member_id, max(substr(m.start, 1, 10)) FROM attendance a "
        "JOIN meeting m ON m.id = a.meeting_id WHERE a.status = 'present' AND m.start < ? "
        "GROUP BY a.member_id", (after,))}


def _by_meeting(ws: Workspace, sql: str, span: Span,
                make: Callable[[sqlite3.Row], T]) -> dict[int, list[T]]:
    """Rows of the period's held meetings, made into things and grouped by meeting id."""
    grouped: dict[int, list[T]] = {}
    for row in ws.query(sql, span):
        grouped.setdefault(row["meeting_id"], []).append(make(row))
    return grouped


def _maker(cls: type[T], **extra: Any) -> Callable[[sqlite3.Row], T]:
    return lambda row: build(cls, row, **extra)


def _turns(ws: Workspace, span: Span) -> dict[int, list[SpeakingTurn]]:
    pauses: dict[int, list[Pause]] = {}
    for r in ws.query(
            "SELECT p.turn_id, p.paused_at, p.resumed_at FROM turn_pause p "  # noqa: S608
            f"JOIN speaking_turn t ON t.id = p.turn_id WHERE t.{_OF_HELD} ORDER BY p.paused_at",
            span):
        pauses.setdefault(r[0], []).append(Pause(r[1], r[2]))
    kinds = {kind.value: kind for kind in TurnKind}
    modes = {mode.value: mode for mode in TurnMode}

    def turn(r: sqlite3.Row) -> SpeakingTurn:
        # Field by field rather than through rows.build: three years hold tens of thousands.
        return SpeakingTurn(r["meeting_id"], r["member_id"], r["queued_at"], r["agenda_item_id"],
                            r["started_at"], r["ended_at"], tuple(pauses.get(r["id"], ())),
                            kinds[r["kind"]], modes[r["mode"]], r["speaker_id"], r["id"])

    return _by_meeting(
        ws, f"SELECT * FROM speaking_turn WHERE {_OF_HELD} ORDER BY queued_at, id", span, turn)  # noqa: S608


def _evaluation(row: sqlite3.Row) -> Evaluation:
    return build(Evaluation, row, answers={k: int(v) for k, v in json.loads(row["answers"]).items()})


def _held_meetings(ws: Workspace, span: Span) -> list[HeldMeeting]:
    def rows_of(table: str, cls: type[T], order: str = "id", where: str = "",
                **extra: Any) -> dict[int, list[T]]:
        sql = f"SELECT * FROM {table} WHERE {_OF_HELD}{where} ORDER BY {order}"  # noqa: S608
        return _by_meeting(ws, sql, span, _maker(cls, **extra))

    invited = _by_meeting(ws, f"SELECT meeting_id, member_id FROM invitation WHERE {_OF_HELD} "  # noqa: S608
                          "ORDER BY member_id", span, lambda r: int(r["member_id"]))
    papers = _by_meeting(
        ws, "SELECT i.meeting_id, p.paper_id FROM agenda_item_paper p "  # noqa: S608
        f"JOIN agenda_item i ON i.id = p.agenda_item_id WHERE i.{_OF_HELD}", span,
        lambda r: int(r["paper_id"]))
    agreed = {r[0] for r in ws.query(
        f"SELECT DISTINCT meeting_id FROM ground_rule_agreed WHERE {_OF_HELD}", span)}  # noqa: S608
    attendance = rows_of("attendance", Attendance, order="member_id")
    turns = _turns(ws, span)
    cards = rows_of("card", Card, order="at, id")
    decisions = rows_of("decision", Decision)
    actions = rows_of("action", Action)
    contributions = rows_of("contribution", Contribution)
    sent = rows_of("distribution", Distribution, order="sent_at, id", files=())
    letters = rows_of("letter", Letter, where=f" AND kind = '{LetterKind.FEEDBACK.value}'")
    payments = rows_of("payment", Payment)
    evaluations = _by_meeting(ws, f"SELECT * FROM evaluation WHERE {_OF_HELD} ORDER BY id",  # noqa: S608
                              span, _evaluation)
    meetings = [build(Meeting, r) for r in ws.query(
        f"SELECT * FROM meeting WHERE id IN ({_HELD}) ORDER BY start, id", span)]  # noqa: S608
    held = []
    for meeting in meetings:
        i = meeting.id or 0
        held.append(HeldMeeting(
            meeting, tuple(invited.get(i, ())), tuple(attendance.get(i, ())),
            tuple(turns.get(i, ())), tuple(cards.get(i, ())), tuple(decisions.get(i, ())),
            tuple(actions.get(i, ())), tuple(contributions.get(i, ())),
            frozenset(papers.get(i, ())), tuple(sent.get(i, ())), tuple(letters.get(i, ())),
            tuple(payments.get(i, ())), tuple(evaluations.get(i, ())), i in agreed))
    return held
