"""A paper's hand-made easy read is what the easy-read PDF shows: its sentences, one picture
each, and nothing of the automatic version made from the paper's text."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from meetingroom.documents.model import FormatProfile
from meetingroom.documents.pack_contents import paper_document
from meetingroom.documents.pdf import write_pdf
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Paper, Run
from meetingroom.domain.people import FormatKind
from tests.documents.readback import squash

EASY_READ = FormatProfile(FormatKind.EASY_READ)
BODY = (Block(BlockKind.PARAGRAPH, (Run("The committee will deliberate on the proposal."),)),)
HAND_MADE = (
    EasyReadPoint("We will go to the meeting by bus.", "1F68C"),
    EasyReadPoint("We talk about money & <b>tea</b>.", "1F4B7"),
    EasyReadPoint("Zażółć gęślą jaźń: we say what we think.", ""),
)


def _pdf(paper: Paper, path: Path) -> tuple[str, int]:
    write_pdf(paper_document(paper), EASY_READ, path)
    with pdfplumber.open(path) as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
        pictures = sum(len(page.images) for page in pdf.pages)
    return squash(text), pictures


def test_the_hand_made_version_wins_with_a_picture_for_every_point(tmp_path: Path) -> None:
    text, pictures = _pdf(Paper("Our plans", body=BODY, easy_read=HAND_MADE), tmp_path / "hand.pdf")
    for point in HAND_MADE:
        assert squash(point.text) in text
    assert "deliberate" not in text
    assert pictures == len(HAND_MADE)


def test_without_one_the_automatic_version_is_made_from_the_text(tmp_path: Path) -> None:
    text, pictures = _pdf(Paper("Our plans", body=BODY), tmp_path / "auto.pdf")
    assert "proposal" in text
    assert "by bus" not in text
    assert pictures >= 1
