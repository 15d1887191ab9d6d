"""`meetingroom check FILE [--json]` in a real child process with networking switched off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx

NO_NETWORK = '''
import socket

def _refuse(*args, **kwargs):
    raise OSError("network switched off for this test")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''

DESIGN_KEYS = {"words", "sentences", "average_sentence_words", "long_sentences", "reading_age",
               "flesch_reading_ease", "jargon", "acronyms"}

PAPER = """# Phase 2 update

The ICB will leverage the PCN footprint going forward, with a view to reducing reliance on
secondary care and eliminating arbitrary thresholds between primary and secondary care across
the whole system.

- rollout of the **core offer**
- Mae'r ŵyn yn y cae, Zażółć gęślą jaźń, مرحبا 😀 <b>a & b</b> <script>
"""


def run_check(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    guard = tmp_path / "guard"
    guard.mkdir(exist_ok=True)
    (guard / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(guard), *filter(None, [os.environ.get("PYTHONPATH")])]),
        "MEETINGROOM_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "meetingroom", "check", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


def test_the_guard_really_switches_the_network_off(tmp_path: Path) -> None:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(guard)}, timeout=60)
    assert probe.returncode != 0 and "network switched off" in probe.stderr


def test_check_json_offline(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(PAPER, encoding="utf-8")
    result = run_check(tmp_path, str(path), "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert set(found) >= DESIGN_KEYS
    assert found["words"] > 40 and found["sentences"] == 4
    assert [s["words"] for s in found["long_sentences"]] == [31]
    assert {"ICB", "PCN"} <= {a["term"] for a in found["acronyms"] if not a["explained"]}
    assert {"leverage", "going forward", "core offer"} <= {j["term"] for j in found["jargon"]}
    assert all(set(j) >= {"term", "suggestion", "count"} for j in found["jargon"])
    assert isinstance(found["reading_age"], float) and isinstance(found["flesch_reading_ease"], float)


def test_check_plain_report_for_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "paper.docx"
    document = docx.Document()
    document.add_heading("Update", level=1)
    document.add_paragraph("The CMHT will mobilise the pathway.")
    document.save(str(path))
    result = run_check(tmp_path, str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("paper.docx: 7 words in 2 sentences")
    assert "Reading age about" in result.stdout
    assert "CMHT (community mental health team)" in result.stdout
    assert "pathway (1): try" in result.stdout


def test_bad_files_are_one_line_and_exit_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip file")
    for path in (broken, tmp_path / "missing.md", tmp_path / "slides.pptx"):
        result = run_check(tmp_path, str(path), "--json")
        assert result.returncode == 1, result
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_check_without_a_file_is_bad_usage(tmp_path: Path) -> None:
    result = run_check(tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
