"""Write a document in one format as both a PDF (for printing) and a DOCX (the digital master)."""

from __future__ import annotations

from pathlib import Path

from meetingroom.documents.docx import write_docx
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.pdf import write_pdf
from meetingroom.domain.people import FormatKind

PRINTED_FORMATS = (FormatKind.STANDARD, FormatKind.LARGE_PRINT, FormatKind.EASY_READ)


def render(document: Document, profile: FormatProfile, folder: Path, stem: str) -> list[Path]:
    """Write `folder/stem.pdf` and `folder/stem.docx`; return their paths.

    Audio has its own writer: asking for it here is a mistake, and says so.
    """
    if profile.kind not in PRINTED_FORMATS:
        raise ValueError(f"{profile.name} is not a printed format")
    if not stem or Path(stem).name != stem:
        raise ValueError("the file stem must be a plain file name")
    folder.mkdir(parents=True, exist_ok=True)
    pdf, docx = folder / f"{stem}.pdf", folder / f"{stem}.docx"
    write_pdf(document, profile, pdf)
    write_docx(document, profile, docx)
    return [pdf, docx]
