"""render(): both files of a format, in the folder asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingroom.documents.model import FormatProfile
from meetingroom.documents.render import render
from meetingroom.domain.people import FormatKind
from tests.documents.readback import agenda_like, docx_file, pdf_text


def test_writes_pdf_and_docx(tmp_path: Path) -> None:
    folder = tmp_path / "pack" / "zoe"
    paths = render(agenda_like(), FormatProfile(FormatKind.LARGE_PRINT, 24), folder, "agenda")
    assert paths == [folder / "agenda.pdf", folder / "agenda.docx"]
    assert "Partnership Board: agenda" in pdf_text(paths[0])[0]
    assert docx_file(paths[1]).core_properties.title == "Partnership Board: agenda"


def test_refuses_audio_and_paths_as_stems(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="printed"):
        render(agenda_like(), FormatProfile(FormatKind.AUDIO), tmp_path, "agenda")
    with pytest.raises(ValueError, match="file name"):
        render(agenda_like(), FormatProfile(), tmp_path, "../agenda")
    assert not list(tmp_path.iterdir())
