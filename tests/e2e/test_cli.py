"""The command line as a script would use it: real processes, real files."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from meetingroom.cli import main, opened_file_arguments


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meetingroom", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_demo_then_meetings_json_lists_the_two_meetings(tmp_path: Path) -> None:
    path = tmp_path / "x.mr"
    made = run_cli("demo", str(path))
    assert made.returncode == 0, made.stderr
    listed = run_cli("meetings", "--workspace", str(path), "--json")
    assert listed.returncode == 0, listed.stderr
    meetings = json.loads(listed.stdout)
    assert len(meetings) == 2
    assert {tuple(sorted(m)) for m in meetings} == {("id", "start", "status", "title")}
    assert sorted(m["status"] for m in meetings) == ["held", "planning"]
    from datetime import datetime

    for m in meetings:
        datetime.fromisoformat(m["start"])


def test_demo_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "x.mr"
    path.write_text("precious")
    result = run_cli("demo", str(path))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "already exists" in result.stderr
    assert path.read_text() == "precious"


@pytest.mark.parametrize("contents", [b"not a workspace", b"SQLite format 3\x00" + b"\x00" * 50])
def test_bad_workspace_is_one_line_exit_1_and_untouched(tmp_path: Path, contents: bytes) -> None:
    path = tmp_path / "bad.mr"
    path.write_bytes(contents)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = run_cli("meetings", "--workspace", str(path), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_missing_workspace_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meetings", "--workspace", str(tmp_path / "none.mr")]) == 1
    assert "no workspace at this path" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--text-scale", "250"], ["--theme", "purple"], ["frobnicate"],
                                  ["meetings"]])
def test_bad_usage_is_exit_2_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(("argv", "meant"), [
    (["/home/sam/Board.meetingroom"], ["--workspace", "/home/sam/Board.meetingroom"]),
    (["C:\\Users\\Sam\\Board.MEETINGROOM"], ["--workspace", "C:\\Users\\Sam\\Board.MEETINGROOM"]),
    (["meetings", "--workspace", "a.meetingroom"], ["meetings", "--workspace", "a.meetingroom"]),
    (["demo"], ["demo"]),
    ([], []),
])
def test_a_workspace_file_opened_from_the_desktop_means_workspace(argv: list[str],
                                                                  meant: list[str]) -> None:
    assert opened_file_arguments(argv) == meant


def test_opening_a_workspace_file_starts_the_app_with_it(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import meetingroom.cli as cli

    path = tmp_path / "Board.meetingroom"
    started: list[Path | None] = []
    monkeypatch.setattr(cli, "run_app", lambda args: started.append(args.workspace) or 0)
    assert main([str(path)]) == 0
    assert started == [path]
