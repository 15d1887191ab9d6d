"""Benchmark: while packs for 30 members build in the background, the GUI never stalls.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/pack_heartbeat.py`

Writes the example workspace, invites 30 members to its planned meeting (standard, large
print at several sizes, easy read, audio, plain text for braille), and makes their packs
through the app's own background run (`ui.pack_run.make_packs`) while a 10 ms QTimer on the
GUI thread records the longest gap between its ticks. The stall is that gap less the
timer's own interval.

How the work is isolated: reportlab and Pillow are pure Python and hold the interpreter lock,
so a worker thread stalled the GUI (120 ms on a first run). The run now goes through
`ui.document_job.DocumentJob`: the packs are written in a child process ("spawn", at a lower
priority) with its own workspace connection and its own speech process for audio; the GUI
thread only polls a queue every 50 ms for progress and the result. Each run starts a fresh
child, which loads fonts and pictures itself.

Prints the longest stall next to the 50 ms target with PASS or FAIL, for the first run of
this process and a second one. Always exits 0.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from heartbeat import TARGET_MS, beat_through  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from meetingroom.domain.people import FormatKind, FormatNeed, Member, Role  # noqa: E402
from meetingroom.example import write_example  # noqa: E402
from meetingroom.store import Workspace  # noqa: E402
from meetingroom.store.meetings import invited_member_ids, list_meetings, set_invited  # noqa: E402
from meetingroom.store.members import add_member  # noqa: E402
from meetingroom.ui import pack_run  # noqa: E402
from meetingroom.ui.session import WorkspaceSession  # noqa: E402

MEMBERS = 30
_NEEDS = [FormatNeed(), FormatNeed(FormatKind.LARGE_PRINT, 16), FormatNeed(FormatKind.LARGE_PRINT, 20),
          FormatNeed(FormatKind.LARGE_PRINT, 28), FormatNeed(FormatKind.EASY_READ),
          FormatNeed(FormatKind.AUDIO), FormatNeed(FormatKind.BRAILLE_TEXT), FormatNeed()]


def prepare(path: Path) -> int:
    """The example workspace with 30 members invited to its planned meeting; its id."""
    write_example(path)
    with Workspace.open(path, backup=False) as ws:
        meeting = next(m for m in list_meetings(ws) if m.status.value == "planning")
        assert meeting.id is not None
        invited = list(invited_member_ids(ws, meeting.id))
        n = 0
        while len(invited) < MEMBERS:
            n += 1
            member = Member(f"Bench Person {n}", Role.EXPERT_BY_EXPERIENCE,
                            format_need=_NEEDS[n % len(_NEEDS)])
            invited.append(add_member(ws, member))
        set_invited(ws, meeting.id, invited[:MEMBERS])
        return meeting.id


def one_run(session: WorkspaceSession, parent: QWidget, meeting_id: int, folder: Path) -> tuple[float, float, bool]:
    """(longest stall in ms, seconds taken, finished) for one background run."""
    beat = beat_through(lambda: pack_run.make_packs(parent, session, meeting_id, folder))
    return beat.stall_ms, beat.seconds, beat.finished


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.mrw"
        meeting_id = prepare(path)
        ws = Workspace.open(path, backup=False)
        session = WorkspaceSession(ws)
        parent = QWidget()
        parent.show()
        results = []
        for number, label in enumerate(("first run (fresh app process)", "second run")):
            print(f"== {label}")
            stall, seconds, finished = one_run(session, parent, meeting_id, Path(tmp) / f"packs-{number}")
            results.append((label, stall, seconds, finished))
        session.close()
        del app
    print(f"\nPacks for {MEMBERS} members (mixed formats), built in the background:")
    for label, stall, seconds, finished in results:
        verdict = "PASS" if stall <= TARGET_MS and finished else "FAIL"
        print(f"  {label:42s} longest stall {stall:6.1f} ms (target {TARGET_MS:.0f} ms)  "
              f"{seconds:5.1f} s  {'finished' if finished else 'DID NOT FINISH'}  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
