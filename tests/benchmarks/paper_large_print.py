"""Benchmark: a 10,000-word paper to a large-print PDF, next to LibreOffice converting the
same content.

Run: `.venv/bin/python tests/benchmarks/paper_large_print.py`

Builds a paper of 10,000 words (headings, paragraphs, bulleted and numbered lists, bold),
times MeetingRoom writing it as an 18 pt large-print PDF (median of 3), and when `soffice`
or `libreoffice` is on PATH writes the same paper as a large-print DOCX and times
`soffice --headless --convert-to pdf` on it (median of 3, a fresh profile folder, first run
included in nothing), printing both and the ratio. Always exits 0.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from meetingroom.documents.docx import write_docx
from meetingroom.documents.model import FormatProfile
from meetingroom.documents.pack_contents import paper_document
from meetingroom.documents.pdf import write_pdf
from meetingroom.domain.papers import Block, BlockKind, Paper, Run
from meetingroom.domain.people import FormatKind

WORDS = 10_000
RUNS = 3
_SENTENCES = (
    "People who use services told us the bus to the day centre is often late.",
    "We will check the new timetable with the transport team before March.",
    "Carers said they want to know who to phone when a visit is cancelled.",
    "The board agreed to pay people for their time at the new rate from April.",
    "Some papers arrived only two days before the meeting, which was too late.",
    "Zoë asked whether the hearing loop in the main hall has been fixed.",
)


def ten_thousand_words() -> Paper:
    """A paper of at least WORDS words, in the shapes real papers have."""
    blocks: list[Block] = []
    words = 0
    n = 0
    while words < WORDS:
        n += 1
        if n % 12 == 1:
            text = f"Part {n // 12 + 1}: what we heard"
            blocks.append(Block(BlockKind.HEADING, (Run(text),), level=1 + (n // 12) % 2))
        elif n % 5 == 0:
            items = tuple((Run(_SENTENCES[(n + i) % len(_SENTENCES)]),) for i in range(3))
            blocks.append(Block(BlockKind.BULLETS if n % 10 else BlockKind.NUMBERED, items=items))
        else:
            text = " ".join(_SENTENCES[(n + i) % len(_SENTENCES)] for i in range(4))
            blocks.append(Block(BlockKind.PARAGRAPH, (Run("Key point: ", bold=True), Run(text))))
        words = sum(len(b.plain_text().split()) for b in blocks)
    return Paper("A long paper for the benchmark", body=tuple(blocks))


def _median(times: list[float]) -> float:
    return statistics.median(times)


def main() -> int:
    paper = ten_thousand_words()
    document = paper_document(paper)
    profile = FormatProfile(FormatKind.LARGE_PRINT, 18)
    words = len(paper.plain_text().split())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours = []
        for run in range(RUNS):
            started = time.perf_counter()
            write_pdf(document, profile, folder / f"ours-{run}.pdf")
            ours.append(time.perf_counter() - started)
        print(f"Paper of {words} words to large print (18 pt) PDF:")
        print(f"  MeetingRoom (reportlab)      {_median(ours):6.2f} s  (median of {RUNS})")
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office is None:
            print("  LibreOffice not installed: no reference")
            return 0
        docx = folder / "paper.docx"
        write_docx(document, profile, docx)
        theirs = []
        for run in range(RUNS):
            out = folder / f"lo-{run}"
            started = time.perf_counter()
            subprocess.run([office, f"-env:UserInstallation=file://{folder}/lo-profile",
                            "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                           capture_output=True, timeout=600, check=False)
            theirs.append(time.perf_counter() - started)
            if not (out / "paper.pdf").exists():
                print("  LibreOffice did not write a PDF: no reference")
                return 0
        ratio = _median(ours) / _median(theirs)
        print(f"  LibreOffice --convert-to pdf {_median(theirs):6.2f} s  (median of {RUNS}, of the same content as DOCX)")
        print(f"  ratio MeetingRoom / LibreOffice: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
