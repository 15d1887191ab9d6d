"""`meetingroom paper` as a person runs it: a real process, each format read back from the file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import wave
from pathlib import Path

import pdfplumber
import pytest
from docx import Document as open_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

# Every word of this paper must come through: markup-like text, an ampersand, emoji, Arabic,
# Welsh and Polish. As .txt nothing in it is markup, so `<b>` and `<script>` are words too.
TRICKY = """\
Budget <b>plans</b> & more

Why this matters

We need a & b to agree before the board meets. <script>alert(1)</script> stays as text 😀.
Croeso: Mae'r ŵyn yn y cae.
Polish members wrote: Zażółć gęślą jaźń.
Arabic members wrote: مرحبا بكم في الاجتماع

- Tea and coffee are free
- Please bring your own <u>cup</u>
"""
EMOJI = "😀"
FORMATS = [("standard", None, 14), ("large-print", "24", 24), ("large-print", None, 18),
           ("easy-read", None, 16)]


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meetingroom", *args], capture_output=True,
                          text=True, timeout=300, check=False, env=env, encoding="utf-8")


def words(text: str) -> set[str]:
    """The words of a text: runs of letters, digits and apostrophes, and each run of other
    marks (`<b>`, `&`, `</script>`) as it stands, with sentence punctuation at the ends dropped."""
    found: set[str] = set()
    for token in unicodedata.normalize("NFC", text).split():
        token = token.strip(".,:;!?")
        found.update(re.findall(r"[\w']+|[<>&/()]+", token))
    found.discard(EMOJI)
    return found


@pytest.fixture
def tricky(tmp_path: Path) -> Path:
    path = tmp_path / "tricky.txt"
    path.write_text(TRICKY, encoding="utf-8")
    return path


def _pdf(path: Path) -> tuple[str, list[float], list[tuple[float, float]]]:
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        sizes = [c["size"] for page in pdf.pages for c in page.chars if c["text"].strip()]
        pages = [(round(page.width), round(page.height)) for page in pdf.pages]
    return text, sizes, pages


def _docx_text(document) -> str:  # type: ignore[no-untyped-def]
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


@pytest.mark.parametrize(("name", "size", "body"), FORMATS)
def test_every_printed_format_keeps_every_word(tmp_path: Path, tricky: Path, name: str,
                                               size: str | None, body: int) -> None:
    expected = words(TRICKY)
    assert {"<", "b", "&", "script", "Mae'r", "ŵyn", "Zażółć", "jaźń", "مرحبا", "cup"} <= expected
    for ending in ("pdf", "docx"):
        out = tmp_path / f"{name}-{size}.{ending}"
        args = ["paper", str(tricky), "--format", name, "-o", str(out)]
        done = _run(*args, *(["--size", size] if size else []))
        assert done.returncode == 0, done.stderr
        assert done.stderr == "" and str(out) in done.stdout
        if ending == "pdf":
            text, sizes, pages = _pdf(out)
            assert set(pages) == {(595, 842)}  # A4 portrait
            assert min(sizes) >= body - 0.01  # nothing smaller than the body, page numbers included
        else:
            document = open_docx(str(out))
            text = _docx_text(document)
            styles = [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")]
            assert styles[:1] == ["Heading 1"]  # the title: a .txt file's name
            assert document.core_properties.title == "tricky"
            defaults = document.styles.element.find(qn("w:docDefaults"))
            lang = defaults.find(f".//{qn('w:lang')}")
            assert lang is not None and lang.get(qn("w:val")) == "en-GB"
            normal = document.styles["Normal"]
            assert normal.type == WD_STYLE_TYPE.PARAGRAPH and normal.font.size.pt >= body
        assert words(text) >= expected, sorted(expected - words(text))
        squashed = " ".join(text.split())
        for exact in ("<b>plans</b> & more", "a & b", "<script>alert(1)</script>", EMOJI,
                      "Mae'r ŵyn yn y cae", "Zażółć gęślą jaźń", "مرحبا بكم في الاجتماع"):
            assert exact in squashed, exact


def test_markdown_and_word_papers_keep_headings_and_bold(tmp_path: Path) -> None:
    source = tmp_path / "source.md"
    source.write_text("# Day centres\n\nWe **must** decide.\n\n## Next steps\n\n1. Write\n2. Meet\n",
                      encoding="utf-8")
    made = tmp_path / "made.docx"
    assert _run("paper", str(source), "-o", str(made)).returncode == 0  # standard by default
    document = open_docx(str(made))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "Day centres"), ("Heading 2", "Next steps")]
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert "must" in bold
    # The Word file made is itself a paper the command reads.
    again = tmp_path / "again.pdf"
    done = _run("paper", str(made), "--size", "20", "-o", str(again))  # large print by --size
    assert done.returncode == 0, done.stderr
    text, sizes, _ = _pdf(again)
    assert min(sizes) >= 20 - 0.01
    assert {"Day", "centres", "must", "decide", "Next", "steps", "Write", "Meet"} <= words(text)


@pytest.mark.slow
def test_audio_is_a_wav_read_by_the_speech_engine(tmp_path: Path, tricky: Path) -> None:
    out = tmp_path / "tricky.wav"
    done = _run("paper", str(tricky), "--format", "audio", "-o", str(out))
    assert done.returncode == 0, done.stderr
    with wave.open(str(out), "rb") as sound:
        assert sound.getnchannels() == 1 and sound.getsampwidth() == 2
        seconds = sound.getnframes() / sound.getframerate()
    assert seconds > 5  # a paper of some 60 words, read aloud


def test_audio_with_no_speech_engine_says_why(tmp_path: Path, tricky: Path) -> None:
    env = {**os.environ, "MEETINGROOM_ESPEAK_LIBRARY": str(tmp_path / "missing" / "libespeak-ng.so.1")}
    out = tmp_path / "tricky.wav"
    done = _run("paper", str(tricky), "-o", str(out), env=env)
    assert done.returncode == 1 and not out.exists()
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("meetingroom: no audio can be made on this computer: ")


@pytest.mark.parametrize(("args", "says"), [
    (["--format", "audio", "-o", "out.pdf"], "audio cannot be written as a PDF"),
    (["--format", "standard", "-o", "out.wav"], "standard cannot be written as audio"),
    (["--format", "easy-read", "-o", "out.odt"], "OUT must end .pdf, .docx or .wav"),
    (["--format", "braille", "-o", "out.pdf"], "unknown format 'braille'"),
    (["--format", "large-print", "--size", "17", "-o", "out.pdf"], "large print size must be one of"),
    (["--format", "large-print", "--size", "big", "-o", "out.pdf"], "size must be a number"),
    (["--format", "standard", "--size", "18", "-o", "out.pdf"], "only large print has a point size"),
    (["-o", "no-such-folder/out.pdf"], "does not exist"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, tricky: Path, args: list[str], says: str) -> None:
    args = [str(tmp_path / a) if a.startswith(("out.", "no-such")) else a for a in args]
    done = _run("paper", str(tricky), *args)
    assert done.returncode == 1, done.stdout
    assert len(done.stderr.strip().splitlines()) == 1 and says in done.stderr, done.stderr
    assert list(tmp_path.glob("out.*")) == []


def test_a_paper_that_cannot_be_read_is_exit_1(tmp_path: Path) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n")
    for path in (picture, tmp_path / "missing.md"):
        done = _run("paper", str(path), "-o", str(tmp_path / "out.pdf"))
        assert done.returncode == 1 and done.stderr.startswith(f"meetingroom: {path.name}: ")
        assert "Traceback" not in done.stderr


def test_bad_usage_is_exit_2(tricky: Path) -> None:
    for args in (["paper"], ["paper", str(tricky)], ["paper", str(tricky), "-o", "x.pdf", "--colour", "red"]):
        done = _run(*args)
        assert done.returncode == 2 and "Traceback" not in done.stderr, args
