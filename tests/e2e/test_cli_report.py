"""`meetingroom report` as a script would run it: the PDF and DOCX it writes read back with
the hand-worked figures; bad dates, a backwards period and a wrong suffix say so in one line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from meetingroom.cli import main
from meetingroom.example import write_example
from tests.documents.readback import docx_file, pdf_text, squash

TODAY = date(2025, 6, 3)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "example.meetingroom"
    write_example(path, today=TODAY)
    return path


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_report_writes_the_period(example: Path, tmp_path: Path, suffix: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"report{suffix}"
    assert main(["report", "--workspace", str(example), "--from", "2025-01-01", "--to", "2025-06-30",
                 "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.strip() == (f"Wrote the involvement report for 1 January 2025 to 30 June 2025 "
                            f"(1 meeting held) to {out}")
    if suffix == ".pdf":
        text = squash(" ".join(pdf_text(out)))
    else:
        text = squash(" ".join(p.text for p in docx_file(out).paragraphs))
    assert "Papers reached members on time: 77% (10 of 13)." in text
    assert "Contributions answered: 67% (4 of 6)." in text


@pytest.mark.parametrize(("argv", "code", "words"), [
    (["--from", "2025-02-30", "--to", "2025-06-30"], 2, "'2025-02-30' is not a date"),
    (["--from", "2025-06-30", "--to", "2025-01-01"], 1, "the period ends (2025-01-01) before it starts"),
    (["--to", "2025-06-30"], 2, "--from"),
])
def test_bad_input_says_what_is_wrong_in_one_line(example: Path, tmp_path: Path, argv: list[str], code: int,
                                                  words: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.pdf"
    assert main(["report", "--workspace", str(example), *argv, "-o", str(out)]) == code
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1
    assert not out.exists()


def test_the_output_must_be_a_pdf_or_docx(example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--workspace", str(example), "--from", "2025-01-01", "--to", "2025-06-30",
                 "-o", str(tmp_path / "report.txt")]) == 2
    assert "must end .pdf or .docx" in capsys.readouterr().err
    assert main(["report", "--workspace", str(example), "--from", "2025-01-01", "--to", "2025-06-30",
                 "-o", str(tmp_path / "missing" / "report.pdf")]) == 1
    assert "no folder" in capsys.readouterr().err
    assert main(["report", "--workspace", str(tmp_path / "none.meetingroom"), "--from", "2025-01-01",
                 "--to", "2025-06-30", "-o", str(tmp_path / "r.pdf")]) == 1
