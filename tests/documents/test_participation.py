"""Records of participation, read back from the files: the meetings a member came to, the
roles they took and what they said, over a chosen period, in their own format."""

from __future__ import annotations

import wave
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from meetingroom.documents.audio import audio_script
from meetingroom.documents.participation import (
    participation_document,
    read_participation,
    write_participation,
)
from meetingroom.domain.papers import EasyReadPoint
from meetingroom.language.easy_read_check import Problem, check_sentence
from meetingroom.language.plain_check import split_sentences
from meetingroom.speech.process import SpeechProcess
from meetingroom.store import Workspace
from meetingroom.store.members import erase_member
from tests.documents.held_meeting import HELD_DAY, file_words, member_id, write_held
from tests.documents.readback import TRICKY, docx_file, squash

YEAR = (date(2026, 1, 1), date(2026, 12, 31))  # the held meeting and the one being planned
ISSUED = date(2026, 11, 17)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return write_held(tmp_path / "example.meetingroom")


def test_meetings_attended_roles_taken_and_contributions_made(example: Path) -> None:
    with Workspace.open(example, backup=False) as ws:
        nnamdi = read_participation(ws, member_id(ws, "Nnamdi Okafor"), *YEAR)
        rhiannon = read_participation(ws, member_id(ws, "Rhiannon Llywelyn"), *YEAR)
        tomasz = read_participation(ws, member_id(ws, "Tomasz Nowak"), *YEAR)
        before = read_participation(ws, member_id(ws, "Nnamdi Okafor"), date(2026, 1, 1), date(2026, 10, 19))
    assert [title.split(":")[0] for _day, title in nnamdi.attended] == ["Network meeting"]
    assert nnamdi.attended[0][0] == date(2026, 10, 20)
    # The planned meeting has him presenting and proposing an item too: it was not held yet.
    assert [(i.title, i.presented, i.proposed) for i in nnamdi.items] == [
        ("Calling the crisis line: what it is really like", True, True)]
    assert nnamdi.actions == () and len(nnamdi.said) == 1
    assert [a.text.split(",")[0] for _day, a in rhiannon.actions] == [
        "Find out why Kwame's booked taxi did not arrive", "Book Riverside Community Hub for the next 12 months"]
    assert {i.title for i in rhiannon.items} >= {"Since last time: what happened to our actions"}
    assert tomasz.attended == () and tomasz.said == ()  # sent apologies
    assert before.attended == () and before.items == () and before.said == ()


def test_the_record_in_print_says_it_all_and_only_theirs(example: Path, tmp_path: Path) -> None:
    with Workspace.open(example, backup=False) as ws:
        renee = member_id(ws, "Renée O'Connell")
        files = write_participation(ws, renee, *YEAR, tmp_path / "out", issued=ISSUED)
    assert [f.name for f in files] == [
        "record-of-participation-Renée-O-Connell-2026-01-01-to-2026-12-31.pdf",
        "record-of-participation-Renée-O-Connell-2026-01-01-to-2026-12-31.docx"]
    for path in files:
        text = file_words(path).replace("• ", "")  # the PDF's bullets are characters too
        assert "Record of participation: Renée O'Connell" in text
        assert ("This is a record of how Renée O'Connell took part in Riverside Mental Health "
                "Co-production Network from Thursday 1 January 2026 to Thursday 31 December 2026.") in text
        assert "Role in the group: Carer" in text
        assert f"Renée O'Connell came to 1 meeting: {HELD_DAY}: Network meeting: the crisis line" in text
        assert ("Asked for the item “Recovery College: a new course about hearing voices” at the "
                f"meeting on {HELD_DAY}") in text
        assert "2 contributions were written down:" in text
        assert ("Renée said carers should be able to come to Recovery College courses, with or "
                "without the person they care for.") in text
        assert "Renée asked whether carers could claim for replacement care during travel time too." in text
        assert "Eileen" not in text and "Nnamdi said" not in text
        assert "Date: Tuesday 17 November 2026" in text
        assert "Signed for Riverside Mental Health Co-production Network: Rhiannon Llywelyn" in text
    with pdfplumber.open(files[0]) as pdf:
        assert min(c["size"] for p in pdf.pages for c in p.chars if c["text"].strip()) >= 14 - 0.01
    assert docx_file(files[1]).core_properties.title == "Record of participation: Renée O'Connell"


def test_large_print_easy_read_and_braille_are_their_own_formats(example: Path, tmp_path: Path) -> None:
    with Workspace.open(example, backup=False) as ws:
        eileen = write_participation(ws, member_id(ws, "Eileen Foster"), *YEAR, tmp_path / "e")
        daz_id = member_id(ws, "Darren Hughes")
        daz = write_participation(ws, daz_id, *YEAR, tmp_path / "d")
        kwame = write_participation(ws, member_id(ws, "Kwame Asante"), *YEAR, tmp_path / "k")
        document = participation_document(ws, daz_id, *YEAR)
    with pdfplumber.open(eileen[0]) as pdf:  # LP2: 24 pt, nothing smaller
        assert min(c["size"] for p in pdf.pages for c in p.chars if c["text"].strip()) >= 24 - 0.01
    points = [p for p in document.easy_read if isinstance(p, EasyReadPoint)]
    with pdfplumber.open(daz[0]) as pdf:
        pictures = [i for p in pdf.pages for i in p.images if i["width"] >= 70]
        assert min(c["size"] for p in pdf.pages for c in p.chars if c["text"].strip()) >= 16 - 0.01
    assert len(pictures) == len(points) > 5  # ER3
    text = file_words(daz[0])
    assert "This is a record of what Daz did in Riverside Mental Health Co-production Network." in text
    assert "We wrote down 2 things Daz said." in text
    for point in points:
        for sentence in split_sentences(point.text):
            assert not any(f.problem is Problem.TOO_LONG for f in check_sentence(sentence.text)), sentence.text
    assert [f.suffix for f in kwame] == [".txt"]
    braille = kwame[0].read_text(encoding="utf-8")
    assert "Kwame did not come to a meeting" not in braille and "No meetings attended in this period." in braille
    assert "Kwame sent a message asking for the crisis line number in braille." in braille


def test_audio_is_spoken_with_their_name_as_asked_or_print_with_a_note(example: Path, tmp_path: Path) -> None:
    with Workspace.open(example, backup=False) as ws:
        nnamdi = member_id(ws, "Nnamdi Okafor")
        printed = write_participation(ws, nnamdi, *YEAR, tmp_path / "print")  # no speech engine
        spoken = participation_document(ws, nnamdi, *YEAR, spoken=True)
        with SpeechProcess(library="/nonexistent/libespeak-ng.so.1") as broken:
            fallback = write_participation(ws, nnamdi, *YEAR, tmp_path / "broken", speech=broken)
    assert [f.suffix for f in printed] == [".pdf", ".docx"] == [f.suffix for f in fallback]
    assert "You asked for audio. We could not make a sound recording this time" in file_words(printed[0])
    script = audio_script(spoken)
    assert "NAHM-dee oh-KAH-for took part" in script and "Nnamdi Okafor took part" not in script
    assert script.count("Record of participation") == 1


@pytest.mark.slow
def test_audio_record_is_a_real_recording(example: Path, tmp_path: Path) -> None:
    with Workspace.open(example, backup=False) as ws, SpeechProcess() as speech:
        files = write_participation(ws, member_id(ws, "Nnamdi Okafor"), *YEAR, tmp_path, speech=speech)
    assert [f.suffix for f in files] == [".wav"]
    with wave.open(str(files[0]), "rb") as sound:
        assert sound.getnframes() / sound.getframerate() > 10


def test_a_tricky_name_comes_out_as_typed_and_bad_requests_are_refused(example: Path, tmp_path: Path) -> None:
    with Workspace.open(example, backup=False) as ws:
        tricky = member_id(ws, TRICKY)
        files = write_participation(ws, tricky, *YEAR, tmp_path / "t")
        text = file_words(files[0])
        assert squash(f"Record of participation: {TRICKY}") in text
        assert squash(f"{TRICKY} asked for a ramp at the side door.") in text
        with pytest.raises(ValueError):
            read_participation(ws, tricky, date(2026, 12, 31), date(2026, 1, 1))
        with pytest.raises(KeyError):
            read_participation(ws, 9999, *YEAR)
        erase_member(ws, tricky)
        with pytest.raises(ValueError):
            write_participation(ws, tricky, *YEAR, tmp_path / "erased")
        record = read_participation(ws, member_id(ws, "Grace Mensah"), *YEAR)
        with pytest.raises(ValueError):
            participation_document(record, member_id(ws, "Grace Mensah"), date(2026, 2, 1), YEAR[1])
