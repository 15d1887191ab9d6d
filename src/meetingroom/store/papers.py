"""Papers (their structured body kept as JSON) and the record of who was sent what."""

from __future__ import annotations

import json
from dataclasses import dataclass
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


def update_paper(ws: Workspace, paper: Paper) -> None:
    """Save every field of a saved paper (its title, body, easy-read version and terms)."""
    if paper.id is None:
        raise ValueError("only a saved paper can be updated")
    with ws.transaction() as connection:
        cursor = connection.execute(
            "UPDATE paper SET group_id = ?, title = ?, body = ?, easy_read = ?, glossary_terms = ? WHERE id = ?",
            (paper.group_id, paper.title, body_to_json(paper.body), _easy_read_json(paper.easy_read),
             json.dumps(list(paper.glossary_terms), ensure_ascii=False), paper.id),
        )
        if cursor.rowcount == 0:
            raise KeyError(f"no paper with id {paper.id}")
        ws.touch("paper")


def rename_paper(ws: Workspace, paper_id: int, title: str) -> None:
    with ws.transaction() as connection:
        cursor = connection.execute("UPDATE paper SET title = ? WHERE id = ?", (title, paper_id))
        if cursor.rowcount == 0:
            raise KeyError(f"no paper with id {paper_id}")
        ws.touch("paper")


def set_paper_body(ws: Workspace, paper_id: int, body: tuple[Block, ...]) -> None:
    with ws.transaction() as connection:
        cursor = connection.execute("UPDATE paper SET body = ? WHERE id = ?", (body_to_json(body), paper_id))
        if cursor.rowcount == 0:
            raise KeyError(f"no paper with id {paper_id}")
        ws.touch("paper")


def set_easy_read(ws: Workspace, paper_id: int, points: tuple[EasyReadPoint, ...] | None) -> None:
    """Save a paper's hand-made easy-read version, or clear it (None) so the automatic one
    is used again. An empty tuple is a hand-made version with no points yet."""
    with ws.transaction() as connection:
        cursor = connection.execute("UPDATE paper SET easy_read = ? WHERE id = ?",
                                    (_easy_read_json(points), paper_id))
        if cursor.rowcount == 0:
            raise KeyError(f"no paper with id {paper_id}")
        ws.touch("paper")


@dataclass(frozen=True)
class DeletedPaper:
    """All that deleting a paper took away, so that undo can put it back exactly."""

    paper: Paper
    agenda_item_ids: tuple[int, ...]
    distribution_ids: tuple[int, ...]


def delete_paper(ws: Workspace, paper_id: int) -> DeletedPaper:
    """Delete a paper. It comes off every agenda item; records of it being sent stay, as a
    record of a pack (their paper is cleared). Returns what `restore_paper` needs."""
    with ws.transaction() as connection:
        paper = get_paper(ws, paper_id)
        items = tuple(r["agenda_item_id"] for r in ws.query(
            "SELECT agenda_item_id FROM agenda_item_paper WHERE paper_id = ? ORDER BY agenda_item_id",
            (paper_id,)))
        sent = tuple(r["id"] for r in ws.query(
            "SELECT id FROM distribution WHERE paper_id = ? ORDER BY id", (paper_id,)))
        connection.execute("DELETE FROM paper WHERE id = ?", (paper_id,))
        ws.touch("paper", *(("agenda_item_paper",) if items else ()), *(("distribution",) if sent else ()))
    return DeletedPaper(paper, items, sent)


def restore_paper(ws: Workspace, deleted: DeletedPaper) -> None:
    """Put a deleted paper back with its id, on the agenda items and sent records it had
    (those that are still there)."""
    paper = deleted.paper
    with ws.transaction() as connection:
        connection.execute(
            "INSERT INTO paper (id, group_id, title, body, easy_read, glossary_terms) VALUES (?, ?, ?, ?, ?, ?)",
            (paper.id, paper.group_id, paper.title, body_to_json(paper.body), _easy_read_json(paper.easy_read),
             json.dumps(list(paper.glossary_terms), ensure_ascii=False)),
        )
        for item_id in deleted.agenda_item_ids:
            connection.execute(
                "INSERT OR IGNORE INTO agenda_item_paper (agenda_item_id, paper_id) "
                "SELECT id, ? FROM agenda_item WHERE id = ?", (paper.id, item_id))
        for sent_id in deleted.distribution_ids:
            connection.execute("UPDATE distribution SET paper_id = ? WHERE id = ? AND paper_id IS NULL",
                               (paper.id, sent_id))
        ws.touch("paper", *(("agenda_item_paper",) if deleted.agenda_item_ids else ()),
                 *(("distribution",) if deleted.distribution_ids else ()))


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


