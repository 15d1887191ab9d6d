"""`meetingroom pack` as a person runs it: a real process over the example workspace."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from meetingroom.example import write_example


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meetingroom", *args], capture_output=True,
                          text=True, timeout=300, check=False, cwd=cwd)


def test_pack_writes_a_folder_per_member_and_the_manifest(tmp_path: Path) -> None:
    workspace = tmp_path / "example.meetingroom"
    write_example(workspace)
    out = tmp_path / "packs"
    done = _run("pack", "--workspace", str(workspace), "--meeting", "2", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Wrote 13 packs (") and str(out) in done.stdout
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest) == 13
    for entry in manifest:
        assert set(entry) == {"member", "format", "size", "files"}
        assert entry["format"] in {"standard", "large-print", "easy-read", "audio"}
        assert (entry["size"] is None) == (entry["format"] != "large-print")
        assert all((out / f).is_file() and not Path(f).is_absolute() for f in entry["files"])
    sizes = sorted(e["size"] for e in manifest if e["format"] == "large-print")
    assert sizes == [18, 24]
    assert sum(e["format"] == "easy-read" for e in manifest) == 1


def test_a_bad_meeting_is_one_line_and_exit_1(tmp_path: Path) -> None:
    workspace = tmp_path / "example.meetingroom"
    write_example(workspace)
    for meeting in ("99", "two"):
        done = _run("pack", "--workspace", str(workspace), "--meeting", meeting, "-o", str(tmp_path / "p"))
        assert done.returncode == 1
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
        assert done.stderr.startswith("meetingroom: ")
    assert not (tmp_path / "p" / "manifest.json").exists()


def test_pack_without_an_output_is_a_usage_error(tmp_path: Path) -> None:
    done = _run("pack", "--meeting", "1")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_pack_into_a_relative_folder_lists_relative_files(tmp_path: Path) -> None:
    """As typed at a prompt: `-o packs/`, with audio members among the invited."""
    write_example(tmp_path / "example.meetingroom")
    done = _run("pack", "--workspace", "example.meetingroom", "--meeting", "2", "-o", "packs/", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    manifest = json.loads((tmp_path / "packs" / "manifest.json").read_text(encoding="utf-8"))
    files = [f for entry in manifest for f in entry["files"]]
    assert files and all((tmp_path / "packs" / f).is_file() and not Path(f).is_absolute() for f in files)
