"""Letters and minutes in every format, read back as a reader's software would, against
ACCESSIBILITY.md: LP1-LP3 and CP1 (sizes, Atkinson, no italics), AD1 (DOCX headings, title,
en-GB, alt text), AD2 (embedded fonts, /Lang, title, bookmarks), ER1-ER5 (a picture per point,
16 pt, short sentences, no acronyms, digits), AD3 (a real WAV, the name said as asked); and
manifest.json, progress and stopping, nothing personal in the log."""

from __future__ import annotations

import json
import re
import wave
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from docx.oxml.ns import qn

from meetingroom.documents.feedback_letter import letter_text
from meetingroom.documents.layout import PICTURES_CREDIT
from meetingroom.documents.letters import (
    MANIFEST,
    LetterEntry,
    PackCancelled,
    member_letter,
    write_letters,
    write_minutes,
)
from meetingroom.documents.meeting_record import MeetingRecord, read_meeting_record
from meetingroom.documents.minutes import minutes_document
from meetingroom.documents.model import Document
from meetingroom.domain.papers import EasyReadPoint
from meetingroom.domain.people import FormatKind
from meetingroom.language.easy_read_check import Problem, check_sentence
from meetingroom.language.glossary import Glossary
from meetingroom.language.plain_check import split_sentences
from meetingroom.logs import close_log, log_file, set_up_logging
from meetingroom.speech.process import SpeechProcess
from meetingroom.store import Workspace
from tests.documents.held_meeting import held_id, write_held
from tests.documents.readback import docx_file, outline_titles, pdf_reader

POSTCODE = re.compile(r"[A-Z]{1,2}\d")  # "RV1 2AB": an address, not an acronym


@dataclass
class Written:
    record: MeetingRecord
    folder: Path
    entries: list[LetterEntry]
    minutes: list[Path]

    def member(self, entry: LetterEntry):  # type: ignore[no-untyped-def]
        return next(m for m in self.record.snapshot.invited if m.id == entry.member_id)

    def documents(self) -> list[tuple[Path, Document, float, bool]]:
        """(file, the document in it, body size, easy read) for every PDF and DOCX written."""
        found = []
        minutes = minutes_document(self.record)
        for path in self.minutes:
            size = float(re.search(r"(\d+)pt", path.stem).group(1)) if "large" in path.stem else (  # type: ignore[union-attr]
                16.0 if "easy" in path.stem else 14.0)
            found.append((path, minutes, size, "easy" in path.stem))
        for entry in self.entries:
            document, profile = member_letter(self.record, self.member(entry), audio=False)
            for name in entry.files:
                if name.endswith((".pdf", ".docx")):
                    found.append((self.folder / name, document, float(profile.body_pt),
                                  profile.kind is FormatKind.EASY_READ))
        return found


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Written:
    base = tmp_path_factory.mktemp("formats")
    path = write_held(base / "example.meetingroom")
    with Workspace.open(path, backup=False) as ws:
        record = read_meeting_record(ws, held_id(ws))
    entries = write_letters(record, record.meeting_id, base / "letters")
    minutes = write_minutes(record, record.meeting_id, base / "minutes")
    return Written(record, base / "letters", entries, minutes)


def _pdfs(written: Written) -> list[tuple[Path, Document, float, bool]]:
    return [d for d in written.documents() if d[0].suffix == ".pdf"]


def _docxs(written: Written) -> list[tuple[Path, Document, float, bool]]:
    return [d for d in written.documents() if d[0].suffix == ".docx"]


def test_every_format_is_there(written: Written) -> None:
    kinds = {(e.format, e.size) for e in written.entries}
    assert kinds == {("standard", None), ("large-print", 18), ("large-print", 24), ("easy-read", None)}
    assert len(_pdfs(written)) == len(_docxs(written)) == 4 + 13  # 13 printed letters, 1 braille


def test_nothing_is_smaller_than_the_body_size_and_the_font_is_atkinson(written: Written) -> None:
    """CP1, LP1, LP2, ER1; LP3: Atkinson Hyperlegible, headings in bold, no italics."""
    for path, _document, body, _easy in _pdfs(written):
        with pdfplumber.open(path) as pdf:
            chars = [c for page in pdf.pages for c in page.chars if c["text"].strip()]
        assert min(c["size"] for c in chars) >= body - 0.01, path
        fonts = {c["fontname"].split("+")[-1] for c in chars}
        assert not any("Italic" in f or "Oblique" in f for f in fonts), path
        latin = {c["fontname"].split("+")[-1] for c in chars if c["text"].isascii() and c["text"].isalpha()}
        assert latin <= {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"}, (path, latin)
        headings = [c for c in chars if c["size"] > body + 1 and c["text"].isalpha()]
        assert headings and all(c["fontname"].endswith("AtkinsonHyperlegible-Bold") for c in headings)


def test_pdfs_embed_their_fonts_and_say_language_title_and_bookmarks(written: Written) -> None:
    """AD2."""
    for path, document, _body, _easy in _pdfs(written):
        reader = pdf_reader(path)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "en-GB" and bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
        assert reader.metadata is not None and reader.metadata.title == document.title
        outline = outline_titles(reader)
        assert outline[0] == (0, document.title) and len(outline) >= 4, path
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert "/FontFile2" in font["/FontDescriptor"], (path, font["/BaseFont"])


def test_docx_headings_title_language_and_alt_text(written: Written) -> None:
    """AD1: real headings with no level skipped, the title set, en-GB in the style defaults,
    alt text on every picture; LP3: no italics, no underlining."""
    for path, document, _body, easy in _docxs(written):
        opened = docx_file(path)
        assert opened.core_properties.title == document.title
        levels = [int(p.style.name.split()[-1]) for p in opened.paragraphs if p.style.name.startswith("Heading")]
        assert levels[0] == 1 and levels.count(1) == 1, path
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (path, levels)
        lang = opened.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
        assert lang.get(qn("w:val")) == "en-GB"
        xml = opened.element.xml
        assert "<w:i/>" not in xml and "<w:u " not in xml
        pictures = opened.element.body.findall(".//" + qn("wp:docPr"))
        assert all(p.get("descr", "").startswith("Picture: ") and p.get("title") == p.get("descr")
                   for p in pictures)
        points = [p for p in document.easy_read if isinstance(p, EasyReadPoint)]
        assert len(pictures) == (len(points) if easy else 0), path


def test_easy_read_has_a_big_picture_beside_every_point(written: Written) -> None:
    """ER1, ER3: 16 pt text, a picture (at least 70 pt square) for every point, on the left."""
    easy = [d for d in _pdfs(written) if d[3]]
    assert len(easy) == 2  # Daz's letter and the minutes
    for path, document, _body, _easy in easy:
        points = [p for p in document.easy_read if isinstance(p, EasyReadPoint)]
        with pdfplumber.open(path) as pdf:
            images = [image for page in pdf.pages for image in page.images]
        pictures = [image for image in images if image["width"] >= 70 and image["height"] >= 70]
        assert len(pictures) == len(points) > 10, path
        assert all(image["x0"] < 100 for image in pictures)  # on the left
        assert len(images) - len(pictures) in (0, 3)  # TRICKY's 3 emoji, drawn in the text


def _easy_sentences(path: Path) -> list[str]:
    """The sentences an easy-read DOCX shows (points, lists, hard words), read back from it."""
    body = docx_file(path).element.body
    sentences = []
    for paragraph in body.iter(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        if (style is not None and style.get(qn("w:val")).startswith("Heading")) or text in (PICTURES_CREDIT, ""):
            continue
        sentences.extend(s.text for s in split_sentences(text))
    return sentences


def test_easy_read_sentences_are_short_with_digits_and_no_acronyms(written: Written) -> None:
    """ER2: 15 words or fewer; ER4: no acronyms (a postcode is an address); ER5: digits."""
    easy = [d for d in _docxs(written) if d[3]]
    glossary = Glossary.load()
    for path, document, _body, _easy in easy:
        sentences = _easy_sentences(path)
        assert len(sentences) > 20
        for sentence in sentences:
            flags = check_sentence(sentence)
            assert not [f for f in flags if f.problem in (Problem.TOO_LONG, Problem.NUMBER_WORD)], sentence
            for flag in (f for f in flags if f.problem is Problem.ACRONYM):
                assert POSTCODE.match(flag.text) and glossary.lookup(flag.text) is None, sentence
        listed = " ".join(sentences)
        assert all(word.meaning in listed for word in document.hard_words)  # ER4: the word list


def test_daz_hears_that_bsl_means_british_sign_language_nowhere_else(written: Written) -> None:
    """Grace's "no BSL video relay" is hers: spelled out in easy read, absent from Daz's letter."""
    daz = next(e for e in written.entries if e.format == "easy-read")
    text = " ".join(_easy_sentences(written.folder / daz.files[1]))
    assert "BSL" not in text and "video relay" not in text


def test_manifest_lists_every_member_exactly(written: Written) -> None:
    manifest = json.loads((written.folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest == [e.manifest() for e in written.entries]
    assert all(list(row) == ["member", "format", "size", "files"] for row in manifest)
    by_name = {row["member"]: row for row in manifest}
    assert by_name["Siobhan Kelly"] == {"member": "Siobhan Kelly", "format": "large-print", "size": 18,
                                        "files": ["Siobhan-Kelly/feedback-letter.pdf",
                                                  "Siobhan-Kelly/feedback-letter.docx"]}
    assert by_name["Eileen Foster"]["size"] == 24 and by_name["Daz"]["format"] == "easy-read"
    assert by_name["Kwame Asante"] == {"member": "Kwame Asante", "format": "standard", "size": None,
                                       "files": ["Kwame-Asante/feedback-letter.txt"]}
    assert by_name["Nnamdi Okafor"]["format"] == "standard"  # no speech engine: print, with a note
    for row in manifest:
        assert all((written.folder / f).is_file() and not Path(f).is_absolute() for f in row["files"])


def test_progress_counts_every_letter_and_stopping_ends_between_files(tmp_path: Path) -> None:
    path = write_held(tmp_path / "example.meetingroom", tricky=False)
    with Workspace.open(path, backup=False) as ws:
        record = read_meeting_record(ws, held_id(ws))
    seen: list[tuple[int, int, str]] = []
    write_letters(record, record.meeting_id, tmp_path / "all", progress=lambda *step: seen.append(step))
    assert seen == [(n, 13, f"Letter {n + 1} of 13") for n in range(13)] + [(13, 13, "Done")]
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(PackCancelled) as stopped:
        write_letters(record, record.meeting_id, tmp_path / "some", cancelled=cancelled)
    assert [p.relative_to(tmp_path / "some").as_posix() for p in stopped.value.written] == [
        "Siobhan-Kelly/feedback-letter.pdf", "Siobhan-Kelly/feedback-letter.docx",
        "Rhiannon-Llywelyn/feedback-letter.pdf", "Rhiannon-Llywelyn/feedback-letter.docx",
        "Nnamdi-Okafor/feedback-letter.pdf", "Nnamdi-Okafor/feedback-letter.docx"]
    assert not (tmp_path / "some" / MANIFEST).exists()
    minutes_seen: list[str] = []
    with pytest.raises(PackCancelled) as stopped:
        write_minutes(record, record.meeting_id, tmp_path / "minutes",
                      progress=lambda d, t, what: minutes_seen.append(what),
                      cancelled=lambda: len(minutes_seen) >= 2)
    assert minutes_seen == ["Minutes: Standard print", "Minutes: Large print, 18 pt"]
    assert [p.name for p in stopped.value.written] == [
        "minutes-standard.pdf", "minutes-standard.docx", "minutes-large-print-18pt.pdf",
        "minutes-large-print-18pt.docx"]


def test_no_names_reach_the_log(tmp_path: Path) -> None:
    path = write_held(tmp_path / "example.meetingroom", tricky=False)
    set_up_logging()
    try:
        with Workspace.open(path, backup=False) as ws:
            record = read_meeting_record(ws, held_id(ws))
        with SpeechProcess(library="/nonexistent/libespeak-ng.so.1") as broken:
            write_letters(record, record.meeting_id, tmp_path / "letters", speech=broken)
        with pytest.raises(PackCancelled):
            write_letters(record, record.meeting_id, tmp_path / "stopped", cancelled=lambda: True)
        write_minutes(record, record.meeting_id, tmp_path / "minutes")
    finally:
        close_log()
    logged = log_file().read_text(encoding="utf-8")
    assert "letters written" in logged and "stopped after" in logged and "minutes written" in logged
    assert "audio unavailable" in logged
    for member in record.snapshot.invited:
        for part in member.name.split():
            assert part not in logged, part


@pytest.mark.slow
def test_audio_letter_is_a_real_recording_that_says_the_name_as_asked(tmp_path: Path) -> None:
    """AD3, through a real speech worker; and a broken engine means print with a note."""
    path = write_held(tmp_path / "example.meetingroom", tricky=False)
    with Workspace.open(path, backup=False) as ws:
        record = read_meeting_record(ws, held_id(ws))
    nnamdi = next(m for m in record.snapshot.invited if m.format_need.kind is FormatKind.AUDIO)
    assert nnamdi.id is not None
    with SpeechProcess() as speech:
        entries = write_letters(record, record.meeting_id, tmp_path / "letters", members=[nnamdi.id],
                                speech=speech)
    assert [(e.format, e.kind, e.files, e.note) for e in entries] == [
        ("audio", FormatKind.AUDIO, ("Nnamdi-Okafor/feedback-letter.wav",), "")]
    with wave.open(str(tmp_path / "letters" / entries[0].files[0]), "rb") as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
        seconds = sound.getnframes() / sound.getframerate()
    assert seconds > 30  # the whole letter, read aloud
    script = letter_text(*member_letter(record, nnamdi))
    assert "Dear NAHM-dee oh-KAH-for," in script and nnamdi.display_name not in script
    assert "You said: Nnamdi said that when he rang the crisis line" in script
    with SpeechProcess(library="/nonexistent/libespeak-ng.so.1") as broken:
        entries = write_letters(record, record.meeting_id, tmp_path / "again", members=[nnamdi.id],
                                speech=broken)
    assert entries[0].format == "standard" and entries[0].note.startswith("You asked for audio.")
    assert sorted(Path(f).suffix for f in entries[0].files) == [".docx", ".pdf"]
