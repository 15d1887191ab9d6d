"""`meetingroom agenda` as a script would use it: real processes on the example workspace."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from docx import Document as open_docx


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meetingroom", *args], capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("cli") / "x.mr"
    made = run_cli("demo", str(path))
    assert made.returncode == 0, made.stderr
    listed = json.loads(run_cli("meetings", "--workspace", str(path), "--json").stdout)
    upcoming = next(m for m in listed if m["status"] == "planning")
    return path, upcoming["id"]


def _one_line_error(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert result.returncode == code, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert words in result.stderr


def test_agenda_to_a_pdf_in_large_print(example: tuple[Path, int], tmp_path: Path) -> None:
    path, meeting = example
    out = tmp_path / "made" / "x.pdf"
    result = run_cli("agenda", "--workspace", str(path), "--meeting", str(meeting),
                     "--format", "large-print", "--size", "24", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"Agenda written to {out}" in result.stdout
    with pdfplumber.open(out) as pdf:
        assert min(c["size"] for page in pdf.pages for c in page.chars) >= 24 - 0.01
        text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Network meeting: community mental health services" in " ".join(text.split())
    assert sorted(p.name for p in out.parent.iterdir()) == ["x.pdf"]


def test_agenda_to_a_docx_in_easy_read(example: tuple[Path, int], tmp_path: Path) -> None:
    path, meeting = example
    out = tmp_path / "easy.docx"
    result = run_cli("agenda", "--workspace", str(path), "--meeting", str(meeting),
                     "--format", "easy-read", "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = open_docx(str(out))
    assert len(document.inline_shapes) == 16
    assert any(p.text.startswith("At 11:15 we have a break") for p in document.paragraphs) or any(
        "At 11:15 we have a break" in cell.text for table in document.tables
        for row in table.rows for cell in row.cells)


def test_agenda_to_a_folder_writes_everything(example: tuple[Path, int], tmp_path: Path) -> None:
    path, meeting = example
    out = tmp_path / "pack"
    result = run_cli("agenda", "--workspace", str(path), "--meeting", str(meeting), "-o", f"{out}/")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert f"Wrote {len(names)} files to {out}/" in result.stdout
    assert "Note: 1 member asked for audio" in result.stdout
    assert {"agenda-standard.pdf", "agenda-large-print-18pt.docx", "agenda-large-print-24pt.pdf",
            "agenda-easy-read.pdf", "invitation-Daz-easy-read.pdf", "manifest.json"} <= set(names)
    assert sum(name.endswith(".ics") for name in names) == 1
    assert sum(name.startswith("invitation-") for name in names) == 26


def test_one_format_to_a_folder(example: tuple[Path, int], tmp_path: Path) -> None:
    path, meeting = example
    out = tmp_path / "only-standard"
    result = run_cli("agenda", "--workspace", str(path), "--meeting", str(meeting),
                     "--format", "standard", "-o", str(out))
    assert result.returncode == 0, result.stderr
    agendas = sorted(p.name for p in out.iterdir() if p.name.startswith("agenda-"))
    assert agendas == ["agenda-standard.docx", "agenda-standard.pdf"]


@pytest.mark.parametrize(("extra", "code", "words"), [
    (["--meeting", "999"], 1, "there is no meeting 999"),
    (["--meeting", "two"], 1, "the meeting must be a number"),
    (["--format", "braille"], 1, "unknown format 'braille'"),
    (["--format", "large-print", "--size", "17"], 1, "large print size must be one of"),
    (["--format", "standard", "--size", "18"], 1, "only large print has a point size"),
])
def test_bad_input_is_one_line_and_exit_1(example: tuple[Path, int], tmp_path: Path,
                                          extra: list[str], code: int, words: str) -> None:
    path, meeting = example
    args = ["agenda", "--workspace", str(path), "--meeting", str(meeting), "-o", str(tmp_path / "a.pdf")]
    # A repeated option takes its last value, so `extra` replaces the good meeting id.
    result = run_cli(*args, *extra)
    _one_line_error(result, code, words)
    assert not (tmp_path / "a.pdf").exists()


def test_bad_output_name_and_bad_usage(example: tuple[Path, int], tmp_path: Path) -> None:
    path, meeting = example
    result = run_cli("agenda", "--workspace", str(path), "--meeting", str(meeting),
                     "-o", str(tmp_path / "a.txt"))
    _one_line_error(result, 1, "OUT must end .pdf or .docx")
    _one_line_error(run_cli("agenda", "--workspace", str(path), "--meeting", str(meeting)), 2,
                    "-o/--output")
    _one_line_error(run_cli("agenda", "--meeting", str(meeting), "-o", str(tmp_path / "a.pdf")),
                    2, "--workspace PATH is needed")


def test_missing_workspace_is_exit_1(tmp_path: Path) -> None:
    result = run_cli("agenda", "--workspace", str(tmp_path / "none.mr"), "--meeting", "1",
                     "-o", str(tmp_path / "a.pdf"))
    _one_line_error(result, 1, "there is no workspace")
