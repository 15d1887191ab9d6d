"""A paper's hand-made easy-read version in the store: saved exactly, cleared back to automatic."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingroom.domain.papers import EasyReadPoint, Paper
from meetingroom.store import Workspace
from meetingroom.store.papers import add_paper, get_paper, set_easy_read

POINTS = (
    EasyReadPoint("We meet on 7 May <b>& talk</b> 🙂.", "1F68C"),
    EasyReadPoint("Croeso — Zażółć gęślą jaźń, مرحبا.", ""),
)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace.create(tmp_path / "w.meetingroom")


def test_hand_made_points_are_saved_exactly_and_say_what_changed(ws: Workspace) -> None:
    paper_id = add_paper(ws, Paper("Draft"))
    other = add_paper(ws, Paper("Other"))
    changed: list[frozenset[str]] = []
    ws.on_change(changed.append)
    set_easy_read(ws, paper_id, POINTS)
    assert get_paper(ws, paper_id).easy_read == POINTS
    assert get_paper(ws, other).easy_read is None
    assert changed == [frozenset({"paper"})]


def test_clearing_goes_back_to_automatic_and_empty_is_not_cleared(ws: Workspace) -> None:
    paper_id = add_paper(ws, Paper("Draft", easy_read=POINTS))
    set_easy_read(ws, paper_id, ())
    assert get_paper(ws, paper_id).easy_read == ()
    set_easy_read(ws, paper_id, None)
    assert get_paper(ws, paper_id).easy_read is None


def test_a_paper_that_is_not_there_says_so(ws: Workspace) -> None:
    with pytest.raises(KeyError):
        set_easy_read(ws, 99, POINTS)
