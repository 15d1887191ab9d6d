"""Papers in the store: add, rename, change the body, delete and put back with their links."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Paper, Run
from meetingroom.example import write_example
from meetingroom.store import Workspace
from meetingroom.store.papers import (
    add_paper,
    delete_paper,
    distributions,
    get_paper,
    list_papers,
    rename_paper,
    restore_paper,
    set_paper_body,
    update_paper,
)

BODY = (
    Block(BlockKind.HEADING, (Run("Why <b> & 🙂"),), level=2),
    Block(BlockKind.PARAGRAPH, (Run("مرحبا "), Run("Zażółć gęślą jaźń", bold=True))),
    Block(BlockKind.BULLETS, items=((Run("one"),), (Run("two "), Run("bold", True)))),
)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace.create(tmp_path / "w.meetingroom")


def test_body_title_and_whole_paper_are_saved_exactly(ws: Workspace) -> None:
    paper_id = add_paper(ws, Paper("Draft"))
    changed: list[frozenset[str]] = []
    ws.on_change(changed.append)
    set_paper_body(ws, paper_id, BODY)
    rename_paper(ws, paper_id, "Pwyllgor & <board>")
    got = get_paper(ws, paper_id)
    assert got.body == BODY and got.title == "Pwyllgor & <board>"
    assert changed == [frozenset({"paper"}), frozenset({"paper"})]
    got.easy_read = (EasyReadPoint("We meet.", "1F68C"),)
    got.glossary_terms = ("ICB",)
    update_paper(ws, got)
    assert get_paper(ws, paper_id) == got


def test_changing_a_paper_that_is_not_there_says_so(ws: Workspace) -> None:
    with pytest.raises(KeyError):
        rename_paper(ws, 99, "x")
    with pytest.raises(KeyError):
        set_paper_body(ws, 99, BODY)
    with pytest.raises(KeyError):
        update_paper(ws, Paper("x", id=99))


def test_delete_and_restore_keeps_id_agenda_links_and_sent_records(tmp_path: Path) -> None:
    path = tmp_path / "example.meetingroom"
    write_example(path)
    with Workspace.open(path, backup=False) as ws:
        linked = ws.query("SELECT agenda_item_id, paper_id FROM agenda_item_paper ORDER BY 1")
        assert linked, "the example links papers to agenda items"
        paper_id = linked[0]["paper_id"]
        items = [r["agenda_item_id"] for r in linked if r["paper_id"] == paper_id]
        sent_before = {d.id: d.paper_id for m in ws.query("SELECT id FROM meeting")
                       for d in distributions(ws, m["id"])}
        before = get_paper(ws, paper_id)
        deleted = delete_paper(ws, paper_id)
        assert paper_id not in [p.id for p in list_papers(ws)]
        assert deleted.agenda_item_ids == tuple(items)
        assert not ws.query("SELECT 1 FROM agenda_item_paper WHERE paper_id = ?", (paper_id,))
        restore_paper(ws, deleted)
        assert get_paper(ws, paper_id) == before
        assert [r["agenda_item_id"] for r in ws.query(
            "SELECT agenda_item_id FROM agenda_item_paper WHERE paper_id = ? ORDER BY 1", (paper_id,))] == items
        sent_after = {d.id: d.paper_id for m in ws.query("SELECT id FROM meeting")
                      for d in distributions(ws, m["id"])}
        assert sent_after == sent_before
