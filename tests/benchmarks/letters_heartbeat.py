"""Benchmark: while 100 members' feedback letters build in the background, the GUI never stalls.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/letters_heartbeat.py`

Writes the example workspace and invites 100 members to its held meeting (standard, large
print at several sizes, easy read, plain text for braille and a few audio), gives several of
them contributions with answers, and makes every letter through the app's own background run
(`ui.letters_run.LettersRun`, a child process) while a 10 ms QTimer on the GUI thread records
the longest gap between its ticks. The stall is that gap less the timer's own interval.
Then a second run is stopped after its first progress report: how long Stop takes to end it,
and the stall meanwhile.

Prints each figure next to the 50 ms target with PASS or FAIL. Always exits 0.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from heartbeat import TARGET_MS, beat_through  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from meetingroom.domain.outcomes import Contribution, ContributionStatus  # noqa: E402
from meetingroom.domain.people import FormatKind, FormatNeed, Member, Role  # noqa: E402
from meetingroom.example import write_example  # noqa: E402
from meetingroom.store import Workspace  # noqa: E402
from meetingroom.store.meetings import invited_member_ids, list_meetings, set_invited  # noqa: E402
from meetingroom.store.members import add_member  # noqa: E402
from meetingroom.store.outcomes import add_contribution  # noqa: E402
from meetingroom.ui.letters_run import LettersRun  # noqa: E402
from meetingroom.ui.session import WorkspaceSession  # noqa: E402

MEMBERS = 100
_NEEDS = [FormatNeed(), FormatNeed(FormatKind.LARGE_PRINT, 16), FormatNeed(FormatKind.LARGE_PRINT, 20),
          FormatNeed(FormatKind.LARGE_PRINT, 28), FormatNeed(FormatKind.EASY_READ),
          FormatNeed(FormatKind.BRAILLE_TEXT), FormatNeed(), FormatNeed(FormatKind.LARGE_PRINT, 18)]
AUDIO_EVERY = 20  # 5 of the 100 listen to their letter


def prepare(path: Path) -> int:
    """The example workspace with 100 members invited to its held meeting; its id."""
    write_example(path)
    with Workspace.open(path, backup=False) as ws:
        meeting = next(m for m in list_meetings(ws) if m.status.value == "held")
        assert meeting.id is not None
        invited = list(invited_member_ids(ws, meeting.id))
        n = 0
        while len(invited) < MEMBERS:
            n += 1
            need = FormatNeed(FormatKind.AUDIO) if n % AUDIO_EVERY == 0 else _NEEDS[n % len(_NEEDS)]
            member_id = add_member(ws, Member(f"Bench Person {n}", Role.EXPERT_BY_EXPERIENCE, format_need=need))
            invited.append(member_id)
            if n % 3 == 0:
                add_contribution(ws, Contribution(
                    meeting.id, member_id, f"Bench Person {n} asked for the minutes {n} days sooner.",
                    status=ContributionStatus.ACTED_ON, response="We now send them within a week."))
        set_invited(ws, meeting.id, invited[:MEMBERS])
        return meeting.id


def one_run(session: WorkspaceSession, parent: QWidget, meeting_id: int, folder: Path,
            stop_early: bool = False) -> tuple[float, float, bool, float]:
    """(longest stall in ms, seconds taken, finished, seconds from Stop to the end)."""
    stopped_at: list[float] = []

    def watch(run: LettersRun) -> None:
        def on_progress(done: int, _total: int, _what: str) -> None:
            if stop_early and done >= 3 and not stopped_at:
                stopped_at.append(time.perf_counter())
                run.cancel()

        run.job.progress.connect(on_progress)

    beat = beat_through(lambda: LettersRun(parent, session, meeting_id, folder), watch)
    return beat.stall_ms, beat.seconds, beat.finished, beat.ended - stopped_at[0] if stopped_at else 0.0


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.mrw"
        meeting_id = prepare(path)
        ws = Workspace.open(path, backup=False)
        session = WorkspaceSession(ws)
        parent = QWidget()
        parent.show()
        print("== 100 letters, to the end")
        full = one_run(session, parent, meeting_id, Path(tmp) / "letters")
        written = sum(1 for p in (Path(tmp) / "letters").rglob("*") if p.is_file())
        print("== a second run, stopped after its third step")
        stopped = one_run(session, parent, meeting_id, Path(tmp) / "stopped", stop_early=True)
        session.close()
        del app
    stall, seconds, finished, _ = full
    verdict = "PASS" if stall <= TARGET_MS and finished else "FAIL"
    print(f"\nFeedback letters for {MEMBERS} members (mixed formats, 5 audio), built in the background:")
    print(f"  full run          longest stall {stall:6.1f} ms (target {TARGET_MS:.0f} ms)  {seconds:5.1f} s  "
          f"{written} files  {'finished' if finished else 'DID NOT FINISH'}  {verdict}")
    stall, seconds, finished, to_stop = stopped
    verdict = "PASS" if stall <= TARGET_MS and not finished else "FAIL"
    print(f"  stopped run       longest stall {stall:6.1f} ms (target {TARGET_MS:.0f} ms)  "
          f"Stop took {to_stop:4.1f} s  {'stopped' if not finished else 'DID NOT STOP'}  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
