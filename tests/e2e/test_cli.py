"""The command line as a script would use it: real processes, real files."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from meetingroom.cli import main


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
