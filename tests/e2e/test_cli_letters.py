"""`meetingroom letters` as a person runs it: a real process over the example workspace, with a
real speech worker for the member who asked for audio."""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from meetingroom.domain.followup import LetterKind
from meetingroom.domain.people import FormatKind
from meetingroom.example import write_example
from meetingroom.store import Workspace
from meetingroom.store.followup import letters
from meetingroom.store.members import list_members

pytestmark = pytest.mark.slow


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meetingroom", *args], capture_output=True,
                          text=True, timeout=300, check=False, cwd=cwd)


def test_letters_writes_a_folder_per_member_the_manifest_and_records_them(tmp_path: Path) -> None:
    workspace = tmp_path / "example.meetingroom"
    write_example(workspace)
    out = tmp_path / "letters"
    done = _run("letters", "--workspace", str(workspace), "--meeting", "1", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Wrote 13 feedback letters (") and str(out) in done.stdout
    assert done.stdout.count("\n") == 1 and done.stderr == ""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest) == 13
    for entry in manifest:
        assert list(entry) == ["member", "format", "size", "files"]
        assert entry["format"] in {"standard", "large-print", "easy-read", "audio"}
        assert (entry["size"] is None) == (entry["format"] != "large-print")
        assert all((out / f).is_file() and not Path(f).is_absolute() for f in entry["files"])
    audio = [e for e in manifest if e["format"] == "audio"]
    assert [e["files"] for e in audio] == [["Nnamdi-Okafor/feedback-letter.wav"]]
    with wave.open(str(out / audio[0]["files"][0]), "rb") as sound:
        assert sound.getnframes() > 0
    assert sorted(e["size"] for e in manifest if e["format"] == "large-print") == [18, 24]
    with Workspace.open(workspace, backup=False) as ws:
        made = letters(ws, 1, LetterKind.FEEDBACK)
        people = {m.id: m for m in list_members(ws)}
    assert len(made) == 13 and len({letter.member_id for letter in made}) == 13
    formats = {people[letter.member_id].name: (letter.format, letter.size) for letter in made}
    assert formats["Eileen Foster"] == (FormatKind.LARGE_PRINT, 24)
    assert formats["Kwame Asante"] == (FormatKind.BRAILLE_TEXT, None)
    assert formats["Nnamdi Okafor"] == (FormatKind.AUDIO, None)
    # The example had already sent Grace's letter: making it again keeps when it was sent.
    grace = next(letter for letter in made if people[letter.member_id].name == "Grace Mensah")
    assert grace.sent_at is not None


def test_a_bad_meeting_or_output_is_one_line_and_exit_1(tmp_path: Path) -> None:
    workspace = tmp_path / "example.meetingroom"
    write_example(workspace)
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    for meeting, out in (("99", "l"), ("one", "l"), ("1", "a-file")):
        done = _run("letters", "--workspace", str(workspace), "--meeting", meeting, "-o", str(tmp_path / out))
        assert done.returncode == 1, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("meetingroom: ")
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "l").exists()
    with Workspace.open(workspace, backup=False) as ws:
        assert len(letters(ws, 1, LetterKind.FEEDBACK)) == 3  # only the example's own


def test_letters_without_an_output_or_workspace_is_a_usage_error(tmp_path: Path) -> None:
    for args in (("letters", "--meeting", "1"), ("letters", "--meeting", "1", "-o", str(tmp_path))):
        done = _run(*args)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
