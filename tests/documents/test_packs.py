"""Members' packs, read back from the files: a folder each, in their format at their size, a
covering letter saying what is in it, easy read with a picture per point, manifest.json."""

from __future__ import annotations

import json
import types
import wave
from pathlib import Path

import pdfplumber
import pytest

from meetingroom.documents import packs
from meetingroom.documents.pack_contents import digits, paper_document, short_sentences
from meetingroom.documents.packs import PackCancelled, read_pack_source, write_packs
from meetingroom.domain.papers import EasyReadPoint
from meetingroom.domain.people import FormatKind, FormatNeed, Member
from meetingroom.example import write_example
from meetingroom.store import Workspace
from meetingroom.store.meetings import invited_member_ids, list_meetings, set_invited
from meetingroom.store.members import add_member
from tests.documents.example_meeting import TODAY
from tests.documents.readback import docx_file, pdf_text, squash


@pytest.fixture
def ws(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "example.meetingroom"
    write_example(path, today=TODAY)  # the letters name real dates
    with Workspace.open(path, backup=False) as workspace:
        yield workspace


def _planned(ws: Workspace) -> int:
    meeting = next(m for m in list_meetings(ws) if m.status.value == "planning")
    assert meeting.id is not None
    return meeting.id


def _manifest(folder: Path) -> list[dict[str, object]]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def _entry(manifest: list[dict[str, object]], member: str) -> dict[str, object]:
    return next(e for e in manifest if e["member"] == member)


def _smallest_char(path: Path) -> float:
    with pdfplumber.open(path) as pdf:
        return min(c["size"] for page in pdf.pages for c in page.chars if c["text"].strip())


def test_a_folder_per_member_in_their_format_and_an_exact_manifest(ws: Workspace, tmp_path: Path) -> None:
    meeting_id = _planned(ws)
    folder = tmp_path / "packs"
    entries = write_packs(ws, meeting_id, folder)
    source = read_pack_source(ws, meeting_id)
    manifest = _manifest(folder)
    assert len(manifest) == len(entries) == len(source.snapshot.invited) == 13
    assert all(set(e) == {"member", "format", "size", "files"} for e in manifest)
    assert {e["format"] for e in manifest} <= {"standard", "large-print", "easy-read", "audio"}
    for member in source.snapshot.invited:
        entry = _entry(manifest, member.display_name)
        files = [str(f) for f in entry["files"]]  # type: ignore[attr-defined]
        assert files and all((folder / f).is_file() for f in files)
        assert len({Path(f).parent for f in files}) == 1  # one folder per member
        need = member.format_need
        if need.kind is FormatKind.LARGE_PRINT:
            assert (entry["format"], entry["size"]) == ("large-print", need.size)
            for pdf in (f for f in files if f.endswith(".pdf")):
                assert _smallest_char(folder / pdf) >= need.size - 0.01  # LP2: nothing smaller
        elif need.kind is FormatKind.EASY_READ:
            assert (entry["format"], entry["size"]) == ("easy-read", None)
        elif need.kind is FormatKind.BRAILLE_TEXT:
            assert entry["format"] == "standard" and all(f.endswith(".txt") for f in files)
        else:  # standard; audio falls back to standard print when no speech engine is there
            assert (entry["format"], entry["size"]) == ("standard", None)
            assert sorted(Path(f).suffix for f in files) == sorted([".pdf", ".docx"] * 4)
            assert _smallest_char(folder / files[0]) >= 12
    # Covering letter, agenda, then each paper attached to the agenda.
    first = _entry(manifest, source.snapshot.invited[0].display_name)["files"]
    names = [Path(str(f)).stem for f in first][::2]  # type: ignore[union-attr]
    assert names[:2] == ["01-covering-letter", "02-agenda"]
    assert len(names) == 2 + len(source.papers) == 4


def test_the_covering_letter_says_what_is_in_the_pack_when_and_whom_to_ask(ws: Workspace, tmp_path: Path) -> None:
    meeting_id = _planned(ws)
    write_packs(ws, meeting_id, tmp_path / "packs")
    source = read_pack_source(ws, meeting_id)
    member = source.snapshot.invited[1]
    entry = _entry(_manifest(tmp_path / "packs"), member.display_name)
    letter = tmp_path / "packs" / str(entry["files"][0])  # type: ignore[index]
    text = squash(" ".join(pdf_text(letter)))
    assert f"Dear {member.display_name}," in text
    assert "What is in this pack" in text and "Everything in this pack is in standard print." in text
    for paper in source.papers:
        assert squash(paper.title) in text
    assert "Tuesday 8 December 2026" in text and "10:30 to 12:30" in text
    assert "We send papers at least 7 days before the meeting" in text
    assert "by Tuesday 1 December 2026" in text
    assert source.snapshot.contact is not None and f"please contact {source.snapshot.contact.name}" in text
    docx = docx_file(letter.with_suffix(".docx"))
    assert docx.core_properties.title == f"Your papers for {source.snapshot.title}"


def test_easy_read_has_a_picture_for_every_point_and_the_hand_made_version_wins(
        ws: Workspace, tmp_path: Path) -> None:
    meeting_id = _planned(ws)
    folder = tmp_path / "packs"
    write_packs(ws, meeting_id, folder)
    source = read_pack_source(ws, meeting_id)
    easy = next(m for m in source.snapshot.invited if m.format_need.kind is FormatKind.EASY_READ)
    files = [folder / str(f) for f in _entry(_manifest(folder), easy.display_name)["files"]]  # type: ignore[attr-defined]
    hand_made = next(p for p in source.papers if p.easy_read is not None)
    automatic = next(p for p in source.papers if p.easy_read is None)
    for paper in (hand_made, automatic):
        document = paper_document(paper)
        points = [p for p in document.easy_read if isinstance(p, EasyReadPoint)]
        pdf = files[2 * (2 + source.papers.index(paper))]
        assert pdf.suffix == ".pdf" and pdf.stem.startswith(f"0{3 + source.papers.index(paper)}-paper-")
        with pdfplumber.open(pdf) as opened:
            pictures = sum(len(page.images) for page in opened.pages)
            sizes = [round(c["size"]) for page in opened.pages for c in page.chars if c["text"].strip()]
            assert max(set(sizes), key=sizes.count) >= 16  # ER1: the body text
        assert pictures == len(points) > 3
        docx = docx_file(pdf.with_suffix(".docx"))
        described = [d for d in docx.element.body.iter() if d.tag.endswith("}docPr")]
        assert len(described) == len(points) and all(d.get("descr") for d in described)
    text = squash(" ".join(pdf_text(next(f for f in files if f.suffix == ".pdf" and "Paying" in f.stem))))
    for point in hand_made.easy_read or ():
        assert squash(point.text) in text  # the author's own easy read, word for word
    assert "Hard words" in squash(" ".join(pdf_text(next(
        f for f in files if f.suffix == ".pdf" and "Community" in f.stem))))


def test_automatic_easy_read_sentences_are_short_and_use_digits() -> None:
    long = ("The Integrated Care Board will deliver a place-based, integrated model of care for "
            "adults with serious mental illness; every month we will check it with people who use "
            "services, and we will tell the Network what changed.")
    parts = short_sentences(long)
    assert len(parts) >= 2 and all(p.endswith(".") and p[0].isupper() for p in parts)
    assert "place-based, integrated model" in parts[0]  # never split inside a list of words
    assert short_sentences("- one thing\n- two things") == ["One thing.", "Two things."]
    assert digits("We meet for seven days, no one is late, twelve people came") == \
        "We meet for 7 days, no one is late, 12 people came"


def test_braille_text_is_plain_utf8_with_every_word(ws: Workspace, tmp_path: Path) -> None:
    meeting_id = _planned(ws)
    folder = tmp_path / "packs"
    write_packs(ws, meeting_id, folder)
    source = read_pack_source(ws, meeting_id)
    reader = next(m for m in source.snapshot.invited if m.format_need.kind is FormatKind.BRAILLE_TEXT)
    files = [folder / str(f) for f in _entry(_manifest(folder), reader.display_name)["files"]]  # type: ignore[attr-defined]
    paper = source.papers[0]
    text = next(f for f in files if "Community" in f.stem).read_text(encoding="utf-8")
    for word in paper.plain_text().split():
        assert word in text


def _fake_audio(fail: bool) -> types.ModuleType:
    module = types.ModuleType("fake_audio")

    class AudioUnavailable(Exception):
        pass

    def write_audio(document: object, path: Path, *, speech: object) -> Path:
        assert speech == "engine"
        if fail:
            raise AudioUnavailable("no speech engine")
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(8000)
            out.writeframes(b"\0\0" * 800)
        return path

    module.AudioUnavailable = AudioUnavailable  # type: ignore[attr-defined]
    module.write_audio = write_audio  # type: ignore[attr-defined]
    return module


def test_audio_members_get_recordings_when_speech_works(ws: Workspace, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packs, "_audio_module", lambda: _fake_audio(fail=False))
    folder = tmp_path / "packs"
    entries = write_packs(ws, _planned(ws), folder, speech="engine")
    listener = next(e for e in entries if e.format == "audio")
    assert len(listener.files) == 4 and all(f.endswith(".wav") for f in listener.files)
    with wave.open(str(folder / listener.files[0])) as recording:
        assert recording.getnframes() == 800


def test_audio_falls_back_to_print_and_the_letter_says_why(ws: Workspace, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packs, "_audio_module", lambda: _fake_audio(fail=True))
    folder = tmp_path / "packs"
    entries = write_packs(ws, _planned(ws), folder, speech="engine")
    fallback = next(e for e in entries if e.note)
    assert fallback.format == "standard" and not any(f.endswith(".wav") for f in fallback.files)
    assert not list(folder.rglob("*.wav"))
    letter = squash(" ".join(pdf_text(folder / fallback.files[0])))
    assert "You asked for audio. We could not make sound recordings this time" in letter


def test_without_a_speech_engine_audio_members_get_print(ws: Workspace, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packs, "_audio_module", lambda: _fake_audio(fail=False))
    entries = write_packs(ws, _planned(ws), tmp_path / "packs")  # no speech= given
    assert not any(e.format == "audio" for e in entries)
    assert sum(bool(e.note) for e in entries) == 1


def test_same_names_get_their_own_folders_and_odd_text_survives(ws: Workspace, tmp_path: Path) -> None:
    meeting_id = _planned(ws)
    name = 'Zoë <b>&"\' 😀 مرحبا'
    ids = [add_member(ws, Member(name, format_need=FormatNeed(FormatKind.LARGE_PRINT, 20)))
           for _ in range(2)]
    set_invited(ws, meeting_id, [*invited_member_ids(ws, meeting_id), *ids])
    entries = write_packs(ws, meeting_id, tmp_path / "packs")
    mine = [e for e in entries if e.member == name]
    assert len({Path(e.files[0]).parent for e in mine}) == 2
    letter = squash(" ".join(pdf_text(tmp_path / "packs" / mine[0].files[0])))
    assert squash(f"Dear {name},") in letter


def test_cancelling_stops_between_files_and_writes_no_manifest(ws: Workspace, tmp_path: Path) -> None:
    calls: list[str] = []
    seen: list[str] = []

    def cancelled() -> bool:
        calls.append("asked")
        return len(calls) > 3

    with pytest.raises(PackCancelled) as stopped:
        write_packs(ws, _planned(ws), tmp_path / "packs", progress=lambda d, t, w: seen.append(w),
                    cancelled=cancelled)
    assert 0 < len(stopped.value.written) <= 6
    assert not (tmp_path / "packs" / "manifest.json").exists()
    assert seen and all(w.startswith("Pack 1 of 13") for w in seen)  # no names in progress


def test_no_such_meeting_is_a_key_error(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        write_packs(ws, 999, tmp_path / "packs")
