"""The meeting's documents written to a folder and read back as a reader's software would:
the agenda in every format the members need, the calendar file, and each invitation in its
member's format (LP1-LP2, ER1, ER3, AD1, AD2); progress, stopping, file names, no names in logs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from meetingroom.documents.agenda import agenda_document
from meetingroom.documents.invitation import invitation_document
from meetingroom.documents.meeting_pack import (
    MANIFEST,
    PackCancelled,
    agenda_profiles,
    file_safe,
    pack_notes,
    write_agenda_documents,
    write_agenda_file,
    write_meeting_documents,
)
from meetingroom.documents.model import FormatProfile
from meetingroom.domain.papers import EasyReadPoint
from meetingroom.domain.people import FormatKind
from meetingroom.logs import close_log, log_file, set_up_logging
from meetingroom.store import Workspace
from tests.documents.example_meeting import member_named, snapshot_of, upcoming_id, write

AGENDA_FILES = {
    "agenda-standard": 14, "agenda-large-print-18pt": 18, "agenda-large-print-24pt": 24,
    "agenda-easy-read": 16,
}


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """The example's upcoming meeting written once for the whole module (it takes seconds)."""
    base = tmp_path_factory.mktemp("pack")
    example = write(base / "example.meetingroom")
    with Workspace.open(example, backup=False) as ws:
        files = write_agenda_documents(ws, upcoming_id(ws), base / "out")
    return example, files


def _min_size(path: Path) -> float:
    with pdfplumber.open(path) as pdf:
        return min(char["size"] for page in pdf.pages for char in page.chars)


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def _images(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return sum(len(page.images) for page in pdf.pages)


def _docx_language(path: Path) -> str:
    document = open_docx(str(path))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(".//" + qn("w:lang"))
    return str(lang.get(qn("w:val")))


def test_every_file_is_written_and_listed(pack: tuple[Path, list[Path]]) -> None:
    _example, files = pack
    folder = files[0].parent
    names = {path.name for path in files}
    for stem in AGENDA_FILES:
        assert {f"{stem}.pdf", f"{stem}.docx"} <= names
    assert "calendar-2026-12-08.ics" in names and MANIFEST in names
    invitations = sorted(name for name in names if name.startswith("invitation-"))
    assert len(invitations) == 13 * 2
    assert "invitation-Daz-easy-read.pdf" in invitations  # preferred name, own format
    assert "invitation-Eileen-Foster-large-print-24pt.pdf" in invitations
    assert "invitation-Siobhan-Kelly-large-print-18pt.docx" in invitations
    assert "invitation-Nnamdi-Okafor-standard.pdf" in invitations  # audio: print for now
    assert "invitation-Renée-O-Connell-standard.pdf" in invitations
    assert all(path.exists() and path.stat().st_size > 0 for path in files)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    listed = {name for entry in manifest for name in entry["files"]}
    assert listed == names - {MANIFEST}
    nnamdi = next(e for e in manifest if e["member"] == "Nnamdi Okafor")
    assert nnamdi["format"] == "standard" and "audio" in nnamdi["note"]
    eileen = next(e for e in manifest if e["member"] == "Eileen Foster")
    assert (eileen["format"], eileen["size"]) == ("large-print", 24)


@pytest.mark.parametrize("stem", sorted(AGENDA_FILES))
def test_agenda_pdf_is_never_smaller_than_its_body_size(pack: tuple[Path, list[Path]], stem: str) -> None:
    _example, files = pack
    pdf = files[0].parent / f"{stem}.pdf"
    assert _min_size(pdf) >= AGENDA_FILES[stem] - 0.01  # LP2, CP1, ER1
    reader = pypdf.PdfReader(pdf)
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"  # AD2
    assert str(reader.metadata.title).startswith("Agenda: Network meeting")
    text = _pdf_text(pdf)
    assert "Tuesday 8 December 2026" in text
    if stem != "agenda-easy-read":
        assert "Presented by Daz" in text and "12:25 – Close, and how today went" in text


@pytest.mark.parametrize("stem", sorted(AGENDA_FILES))
def test_agenda_docx_has_title_language_and_real_headings(pack: tuple[Path, list[Path]], stem: str) -> None:
    _example, files = pack
    path = files[0].parent / f"{stem}.docx"
    document = open_docx(str(path))
    assert document.core_properties.title.startswith("Agenda: Network meeting")
    assert _docx_language(path) == "en-GB"  # AD1
    levels = [int(p.style.name.split()[-1]) for p in document.paragraphs
              if p.style.name.startswith("Heading")]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_easy_read_agenda_has_a_picture_with_alt_text_for_every_point(pack: tuple[Path, list[Path]]) -> None:
    example, files = pack
    folder = files[0].parent
    document = agenda_document(snapshot_of(example))
    count = sum(isinstance(item, EasyReadPoint) for item in document.easy_read)
    assert count == 16
    assert _images(folder / "agenda-easy-read.pdf") == count  # ER3
    docx = open_docx(str(folder / "agenda-easy-read.docx"))
    described = [shape for shape in docx.inline_shapes
                 if shape._inline.docPr.get("descr")]  # AD1: alt text
    assert len(docx.inline_shapes) == len(described) == count
    text = _pdf_text(folder / "agenda-easy-read.pdf")
    assert "At 11:15 we have a break for 15 minutes." in text
    assert "Hard words" in text and "accident and emergency" in text


def test_invitations_are_in_each_members_format_and_size(pack: tuple[Path, list[Path]]) -> None:
    example, files = pack
    folder = files[0].parent
    eileen = folder / "invitation-Eileen-Foster-large-print-24pt.pdf"
    assert _min_size(eileen) >= 24 - 0.01
    assert "Dear Eileen Foster," in _pdf_text(eileen)
    assert _min_size(folder / "invitation-Siobhan-Kelly-large-print-18pt.pdf") >= 18 - 0.01
    standard = folder / "invitation-Nnamdi-Okafor-standard.pdf"
    assert _min_size(standard) >= 14 - 0.01
    assert "You asked for audio. We cannot make audio yet" in _pdf_text(standard)
    daz = folder / "invitation-Daz-easy-read.pdf"
    snapshot = snapshot_of(example)
    letter = invitation_document(snapshot, member_named(snapshot, "Darren Hughes"))
    points = sum(isinstance(item, EasyReadPoint) for item in letter.easy_read)
    assert _images(daz) == points
    assert _min_size(daz) >= 16 - 0.01
    text = _pdf_text(daz)
    assert "Hello Daz." in text and "We are keeping a seat for your personal assistant." in text
    docx = open_docx(str(folder / "invitation-Daz-easy-read.docx"))
    assert docx.core_properties.title.startswith("Invitation: Network meeting")
    assert len(docx.inline_shapes) == points


def test_agenda_sizes_follow_the_invited_members() -> None:
    from meetingroom.domain.people import FormatNeed, Member

    people = [Member("A", format_need=FormatNeed(FormatKind.LARGE_PRINT, 28)),
              Member("B", format_need=FormatNeed(FormatKind.LARGE_PRINT, 16)),
              Member("C", format_need=FormatNeed(FormatKind.LARGE_PRINT, 28))]
    assert [(p.kind, p.size) for p in agenda_profiles(people)] == [
        (FormatKind.STANDARD, None), (FormatKind.LARGE_PRINT, 16), (FormatKind.LARGE_PRINT, 28),
        (FormatKind.EASY_READ, None)]
    assert [p.size for p in agenda_profiles([Member("D")])] == [None, 18, None]


def test_progress_counts_every_step_then_says_done(tmp_path: Path) -> None:
    example = write(tmp_path / "example.meetingroom")
    snapshot = snapshot_of(example)
    seen: list[tuple[int, int, str]] = []
    files = write_meeting_documents(snapshot, tmp_path / "out", formats=[FormatProfile()],
                                    progress=lambda done, total, what: seen.append((done, total, what)))
    total = 1 + 1 + 13
    assert [s[0] for s in seen] == list(range(total + 1))
    assert {s[1] for s in seen} == {total}
    assert seen[0][2] == "Agenda: Standard print" and seen[1][2] == "Calendar file"
    assert seen[2][2] == "Invitation 1 of 13" and seen[-1][2] == "Done"
    names = [member.name for member in snapshot.invited]
    assert not any(name in what for _d, _t, what in seen for name in names)  # no names
    assert len(files) == 2 + 1 + 26 + 1


def test_stopping_ends_between_files_and_says_what_was_written(tmp_path: Path) -> None:
    example = write(tmp_path / "example.meetingroom")
    snapshot = snapshot_of(example)
    steps: list[str] = []
    with pytest.raises(PackCancelled) as stopped:
        write_meeting_documents(snapshot, tmp_path / "out", formats=[FormatProfile()],
                                progress=lambda d, t, what: steps.append(what),
                                cancelled=lambda: len(steps) >= 3)
    written = stopped.value.written
    assert [p.name for p in written] == [
        "agenda-standard.pdf", "agenda-standard.docx", "calendar-2026-12-08.ics",
        "invitation-Siobhan-Kelly-large-print-18pt.pdf", "invitation-Siobhan-Kelly-large-print-18pt.docx"]
    assert not (tmp_path / "out" / MANIFEST).exists()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in written)


def test_file_names_are_safe_and_never_shared() -> None:
    assert file_safe("Renée O'Connell", "x") == "Renée-O-Connell"
    assert file_safe("../../etc/passwd", "x") == "etc-passwd"
    assert file_safe("\u202eevil\u202c.exe", "x") == "evil-exe"  # no right-to-left override
    assert file_safe("مريم", "x") == "مريم"
    assert file_safe("<>:|?*", "member-4") == "member-4"
    assert file_safe("Zoe\u0308", "x") == "Zoë"
    assert len(file_safe("a" * 300, "x")) == 60


def test_two_people_with_one_name_get_two_files(tmp_path: Path) -> None:
    import dataclasses

    example = write(tmp_path / "example.meetingroom")
    snapshot = snapshot_of(example)
    twin = dataclasses.replace(snapshot.invited[1], id=999)  # same name and format
    doubled = dataclasses.replace(snapshot, invited=(snapshot.invited[1], twin))
    files = write_meeting_documents(doubled, tmp_path / "out", formats=[])
    invitations = sorted(p.name for p in files if p.name.startswith("invitation-"))
    assert invitations == ["invitation-Rhiannon-Llywelyn-standard-2.docx",
                           "invitation-Rhiannon-Llywelyn-standard-2.pdf",
                           "invitation-Rhiannon-Llywelyn-standard.docx",
                           "invitation-Rhiannon-Llywelyn-standard.pdf"]


def test_notes_count_formats_not_made_yet_without_names(tmp_path: Path) -> None:
    notes = pack_notes(snapshot_of(write(tmp_path / "example.meetingroom")))
    assert notes == [
        "1 member asked for audio, which MeetingRoom cannot make yet (audio comes in a later "
        "version): their invitation is in standard print, with a note saying so.",
        "1 member asked for plain text for braille, which MeetingRoom cannot make yet: their "
        "invitation is in standard print, with a note saying so."]


def test_one_agenda_file_in_the_format_asked_for(tmp_path: Path) -> None:
    example = write(tmp_path / "example.meetingroom")
    with Workspace.open(example, backup=False) as ws:
        meeting_id = upcoming_id(ws)
        pdf = write_agenda_file(ws, meeting_id, FormatProfile(FormatKind.LARGE_PRINT, 20), tmp_path / "a.pdf")
        docx = write_agenda_file(ws, meeting_id, FormatProfile(FormatKind.EASY_READ), tmp_path / "b.docx")
        with pytest.raises(ValueError):
            write_agenda_file(ws, meeting_id, FormatProfile(), tmp_path / "c.txt")
        with pytest.raises(ValueError):
            write_agenda_file(ws, meeting_id, FormatProfile(FormatKind.AUDIO), tmp_path / "d.pdf")
        with pytest.raises(KeyError):
            write_agenda_file(ws, 999, FormatProfile(), tmp_path / "e.pdf")
    assert _min_size(pdf) >= 20 - 0.01
    assert len(open_docx(str(docx)).inline_shapes) == 16
    assert not (tmp_path / "c.txt").exists() and not (tmp_path / "e.pdf").exists()


def test_no_names_reach_the_log(tmp_path: Path) -> None:
    example = write(tmp_path / "example.meetingroom")
    set_up_logging()
    try:
        snapshot = snapshot_of(example)
        with pytest.raises(PackCancelled):
            write_meeting_documents(snapshot, tmp_path / "out", formats=[],
                                    cancelled=lambda: len(list((tmp_path / "out").glob("inv*"))) >= 2)
        write_meeting_documents(snapshot, tmp_path / "out2", formats=[])
    finally:
        close_log()
    logged = log_file().read_text(encoding="utf-8")
    assert "meeting documents written" in logged and "stopped after" in logged
    for member in snapshot.invited:
        for part in re.split(r"\s+", member.name):
            assert part not in logged
