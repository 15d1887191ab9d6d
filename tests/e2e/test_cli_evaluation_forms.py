"""`meetingroom evaluation-forms` as a person runs it: a real process over the example workspace,
with a real speech worker for the member who asked for audio."""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from meetingroom.example import write_example
from tests.documents.held_meeting import file_words

pytestmark = pytest.mark.slow


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meetingroom", *args], capture_output=True,
                          text=True, timeout=300, check=False)


def test_evaluation_forms_writes_a_folder_per_member_blank_forms_and_the_manifest(tmp_path: Path) -> None:
    workspace = tmp_path / "example.meetingroom"
    write_example(workspace)
    out = tmp_path / "forms"
    done = _run("evaluation-forms", "--workspace", str(workspace), "--meeting", "1", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Wrote 13 evaluation forms (") and str(out / "blank") in done.stdout
    assert done.stdout.count("\n") == 1 and done.stderr == ""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest) == 13
    for entry in manifest:
        assert list(entry) == ["member", "format", "size", "files"]
        assert all((out / f).is_file() and not Path(f).is_absolute() for f in entry["files"])
    audio = [e for e in manifest if e["format"] == "audio"]
    assert [e["files"] for e in audio] == [["Nnamdi-Okafor/evaluation-form.wav"]]
    with wave.open(str(out / audio[0]["files"][0]), "rb") as sound:
        assert sound.getnframes() / sound.getframerate() > 60
    assert sorted(e["size"] for e in manifest if e["format"] == "large-print") == [18, 24]
    braille = next(e for e in manifest if e["member"] == "Kwame Asante")
    assert braille["files"] == ["Kwame-Asante/evaluation-form.txt"]
    blank = file_words(out / "blank" / "evaluation-form-easy-read.pdf")
    assert "How was the meeting on" in blank and "Yes, very" in blank and "Dear" not in blank
    assert (out / "blank" / "evaluation-form-standard.docx").is_file()


def test_a_bad_meeting_or_output_is_one_line_and_exit_1(tmp_path: Path) -> None:
    workspace = tmp_path / "example.meetingroom"
    write_example(workspace)
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    for meeting, out in (("99", "f"), ("one", "f"), ("1", "a-file")):
        done = _run("evaluation-forms", "--workspace", str(workspace), "--meeting", meeting,
                    "-o", str(tmp_path / out))
        assert done.returncode == 1, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("meetingroom: ")
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "f").exists()
    done = _run("evaluation-forms", "--workspace", str(tmp_path / "missing.meetingroom"), "--meeting", "1",
                "-o", str(tmp_path / "f"))
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1


def test_evaluation_forms_without_an_output_or_workspace_is_a_usage_error(tmp_path: Path) -> None:
    for args in (("evaluation-forms", "--meeting", "1"),
                 ("evaluation-forms", "--meeting", "1", "-o", str(tmp_path))):
        done = _run(*args)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
