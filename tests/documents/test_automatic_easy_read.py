"""The easy read made from a paper's own text, when nobody has written one by hand."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from meetingroom.documents.model import FormatProfile
from meetingroom.documents.pack_contents import paper_document
from meetingroom.documents.pdf import write_pdf
from meetingroom.domain.papers import EasyReadPoint, Paper
from meetingroom.domain.people import FormatKind
from meetingroom.language.glossary import Glossary
from tests.documents.readback import LONG_SENTENCE, heading, paragraph


def test_each_hard_word_is_explained_in_its_own_point_after_the_sentence() -> None:
    paper = Paper("Update", body=(paragraph("The ICB will mobilise the new pathway with the NHS."),))
    points = [p for p in paper_document(paper, Glossary.load()).easy_read if isinstance(p, EasyReadPoint)]
    first = points[0].text
    assert "ICB" not in first and "Integrated Care Board" in first  # ER4: no acronyms
    meanings = [p.text for p in points[1:]]
    assert any(m.startswith("Mobilise means") for m in meanings)
    assert all(len(m.split(". ")) == 1 for m in meanings), "one sentence per point"
    assert not any("Most people know" in m or "means the National Health Service" in m for m in meanings)


# One long sentence with nowhere to split it: its point is tall.
UNBROKEN = " ".join(["the network asked the board about the plan for the new service in the area"] * 4) + "."


def test_an_easy_read_heading_is_never_alone_at_the_foot_of_a_page(tmp_path: Path) -> None:
    for filler in range(1, 16):
        body = (*(paragraph(f"Point {n}. " + LONG_SENTENCE) for n in range(filler)),
                heading("Background", 2), paragraph(UNBROKEN))
        document = paper_document(Paper("Stranding", body=body))
        path = tmp_path / f"er-{filler}.pdf"
        write_pdf(document, FormatProfile(FormatKind.EASY_READ), path)
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                lines = [line["text"] for line in page.extract_text_lines()]
                if "Background" in lines:
                    after = lines[lines.index("Background") + 1:]
                    assert any(not line.startswith("Page ") for line in after), \
                        f"'Background' ends page {page.page_number} with {filler} points before it"
