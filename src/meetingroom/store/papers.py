"""Papers (their structured body kept as JSON) and the record of who was sent what."""

from __future__ import annotations

import json
from typing import Any

from meetingroom.domain.papers import Block, BlockKind, Distribution, EasyReadPoint, Paper, Run
from meetingroom.store.rows import build, insert
from meetingroom.store.workspace import Workspace


def _runs_json(runs: tuple[Run, ...]) -> list[dict[str, Any]]:
    return [{"text": r.text, "bold": r.bold} for r in runs]


def _runs(data: list[dict[str, Any]]) -> tuple[Run, ...]:
    return tuple(Run(str(r["text"]), bool(r.get("bold", False))) for r in data)


def body_to_json(body: tuple[Block, ...]) -> str:
    return json.dumps(
        [
            {"kind": b.kind.value, "level": b.level, "runs": _runs_json(b.runs),
             "items": [_runs_json(item) for item in b.items]}
            for b in body
        ],
        ensure_ascii=False,
    )


def body_from_json(text: str) -> tuple[Block, ...]:
    return tuple(
        Block(BlockKind(b["kind"]), _runs(b.get("runs", [])), int(b.get("level", 1)),
              tuple(_runs(item) for item in b.get("items", [])))
        for b in json.loads(text)
    )


def _easy_read_json(points: tuple[EasyReadPoint, ...] | None) -> str | None:
    if points is None:
        return None
    return json.dumps([{"text": p.text, "picture": p.picture} for p in points], ensure_ascii=False)


def add_paper(ws: Workspace, paper: Paper) -> int:
    with ws.transaction() as connection:
        cursor = connection.execute(
            "INSERT INTO paper (group_id, title, body, easy_read, glossary_terms) VALUES (?, ?, ?, ?, ?)",
            (paper.group_id, paper.title, body_to_json(paper.body), _easy_read_json(paper.easy_read),
             json.dumps(list(paper.glossary_terms), ensure_ascii=False)),
        )
        ws.touch("paper")
    paper.id = int(cursor.lastrowid or 0)
    return paper.id


def _paper(row: Any) -> Paper:
    easy = row["easy_read"]
    return Paper(
        title=row["title"], group_id=row["group_id"], id=row["id"],
        body=body_from_json(row["body"]),
        easy_read=None if easy is None else tuple(
            EasyReadPoint(p["text"], p.get("picture", "")) for p in json.loads(easy)),
        glossary_terms=tuple(json.loads(row["glossary_terms"])),
    )


def get_paper(ws: Workspace, paper_id: int) -> Paper:
    rows = ws.query("SELECT * FROM paper WHERE id = ?", (paper_id,))
    if not rows:
        raise KeyError(f"no paper with id {paper_id}")
    return _paper(rows[0])


def list_papers(ws: Workspace) -> list[Paper]:
    return [_paper(r) for r in ws.query("SELECT * FROM paper ORDER BY id")]


def add_distribution(ws: Workspace, sent: Distribution) -> int:
    with ws.transaction() as connection:
        new_id = insert(ws, "distribution", sent, skip=("files",))
        connection.execute("UPDATE distribution SET files = ? WHERE id = ?",
                           (json.dumps(list(sent.files)), new_id))
    return new_id


def distributions(ws: Workspace, meeting_id: int) -> list[Distribution]:
    return [
        build(Distribution, r, files=tuple(json.loads(r["files"])))
        for r in ws.query("SELECT * FROM distribution WHERE meeting_id = ? ORDER BY id", (meeting_id,))
    ]


