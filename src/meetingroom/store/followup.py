"""Letters, payments and evaluations."""

from __future__ import annotations

import json

from meetingroom.domain.followup import Evaluation, Letter, Payment
from meetingroom.store.rows import build, insert
from meetingroom.store.workspace import Workspace


def add_letter(ws: Workspace, letter: Letter) -> int:
    return insert(ws, "letter", letter)


def letters(ws: Workspace, meeting_id: int) -> list[Letter]:
    return [build(Letter, r) for r in ws.query(
        "SELECT * FROM letter WHERE meeting_id = ? ORDER BY id", (meeting_id,))]


def add_payment(ws: Workspace, payment: Payment) -> int:
    return insert(ws, "payment", payment)


def payments(ws: Workspace, meeting_id: int) -> list[Payment]:
    return [build(Payment, r) for r in ws.query(
        "SELECT * FROM payment WHERE meeting_id = ? ORDER BY id", (meeting_id,))]


def add_evaluation(ws: Workspace, evaluation: Evaluation) -> int:
    with ws.transaction() as connection:
        new_id = insert(ws, "evaluation", evaluation, skip=("answers",))
        connection.execute("UPDATE evaluation SET answers = ? WHERE id = ?",
                           (json.dumps(evaluation.answers), new_id))
    return new_id


def evaluations(ws: Workspace, meeting_id: int) -> list[Evaluation]:
    return [build(Evaluation, r, answers=json.loads(r["answers"])) for r in ws.query(
        "SELECT * FROM evaluation WHERE meeting_id = ? ORDER BY id", (meeting_id,))]
