"""`meetingroom members import|export` as a script would run it: real processes, real files."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from meetingroom.store import Workspace
from meetingroom.store.member_csv import current_members

pytestmark = pytest.mark.slow


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meetingroom", *args], capture_output=True,
                          text=True, timeout=120)


def names(path: Path) -> list[str]:
    with Workspace.open(path, backup=False) as ws:
        return [m.name for m in current_members(ws)]


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "group.meetingroom"
    assert run_cli("demo", str(path)).returncode == 0
    return path


def test_a_bad_file_lists_every_bad_row_imports_nothing_and_exits_1(demo: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "new people.csv"
    sheet.write_bytes((
        "Name;Role;Large print size;Format;Consent date\r\n"
        "Zoë Ó Briain;carer;18;large print;07/03/2024\r\n"
        "José;boss;;standard;\r\n"
        "Ann;chair;15;large print;\r\n"
        "Bob;carer;;;31/02/2024\r\n"
    ).encode("cp1252"))
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    result = run_cli("members", "import", str(sheet), "--workspace", str(demo))
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("meetingroom: new people.csv: row 3: role 'boss' is not one of")
    assert lines[1] == ("meetingroom: new people.csv: row 4: large print size 15 is not one of "
                        "16, 18, 20, 24, 28")
    assert lines[2] == "meetingroom: new people.csv: row 5: consent date '31/02/2024' is not a real date"
    assert lines[3] == "meetingroom: nothing imported: 3 of 4 rows have problems"
    assert len(lines) == 4
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before
    assert "Zoë Ó Briain" not in names(demo)


def test_a_good_file_is_imported_and_a_second_run_changes_nothing(demo: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_bytes("name;role;contact details;access needs\r\nZoë Ó Briain;carer;z@example.org;"
                      "\"hearing loop; quiet space\"\r\nJosé;chair;;\r\n".encode("cp1252"))
    first = run_cli("members", "import", str(sheet), "--workspace", str(demo))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "Imported people.csv: 2 added, 0 updated, 0 unchanged"
    assert names(demo)[-2:] == ["Zoë Ó Briain", "José"]
    second = run_cli("--workspace", str(demo), "members", "import", str(sheet))
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == "Imported people.csv: 0 added, 0 updated, 2 unchanged"
    assert len(names(demo)) == 15


def test_export_then_import_gives_no_duplicates(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "members.csv"
    exported = run_cli("members", "export", str(out), "--workspace", str(demo))
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == f"Exported 13 members to {out}"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    before = names(demo)
    again = run_cli("members", "import", str(out), "--workspace", str(demo))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "Imported members.csv: 0 added, 0 updated, 13 unchanged"
    assert names(demo) == before
    fresh = tmp_path / "fresh.meetingroom"
    Workspace.create(fresh).close()
    into_fresh = run_cli("members", "import", str(out), "--workspace", str(fresh))
    assert into_fresh.returncode == 0, into_fresh.stderr
    assert names(fresh) == before


@pytest.mark.parametrize(("contents", "says"), [
    (b"", "the file is empty"),
    (b"name,shoe size\nAnn,5\n", "does not know: 'shoe size'"),
    (None, "the file cannot be read"),
])
def test_an_unreadable_file_is_one_line_and_exit_1(demo: Path, tmp_path: Path,
                                                  contents: bytes | None, says: str) -> None:
    sheet = tmp_path / "x.csv"
    if contents is not None:
        sheet.write_bytes(contents)
    result = run_cli("members", "import", str(sheet), "--workspace", str(demo))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and says in result.stderr and "Traceback" not in result.stderr


def test_bad_usage_is_exit_2(demo: Path) -> None:
    for argv in (["members"], ["members", "merge", "x.csv", "--workspace", str(demo)],
                 ["members", "import"]):
        result = run_cli(*argv)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, argv
