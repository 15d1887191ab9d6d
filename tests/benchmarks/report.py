"""Benchmark: the involvement report over three years of fortnightly meetings.

Run: `.venv/bin/python tests/benchmarks/report.py`

Writes a large workspace (with `large_workspace.generate`: 2,000 members, 90 fortnightly
meetings of which the last tenth are still to come, 20,000 speaking turns, and each held
meeting's follow-up), checks that its held meetings span three years, then times each stage
of making the report for the three years up to the generator's "today", best of three runs,
and prints each figure next to its target. The whole report has to be made in under 5 s;
reading its figures (`read_involvement`) is given 1 s of that. It is a report: the exit
status is 0 even when a target is missed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from large_workspace import TODAY, generate  # noqa: E402

from meetingroom.documents.involvement_report import report_document, write_report  # noqa: E402
from meetingroom.example import write_example  # noqa: E402
from meetingroom.store import Workspace  # noqa: E402
from meetingroom.store.involvement import read_involvement  # noqa: E402

MEMBERS, MEETINGS, TURNS = 2000, 90, 20000
RUNS = 3
TARGETS = {"read_involvement": 1.0}  # seconds for each stage
TARGET_WHOLE = 5.0  # seconds for the whole report: every stage together


def three_years_to(end: date) -> tuple[date, date]:
    """The three years ending on `end`: from the day after the same date three years before."""
    day = 28 if (end.month, end.day) == (2, 29) else end.day
    return date(end.year - 3, end.month, day) + timedelta(days=1), end


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return best


def time_report(path: Path, start: date, end: date) -> dict[str, float]:
    """Seconds for each stage of making the report for `start` to `end`, best of RUNS each,
    in the order they run. Writing the PDF and the DOCX from the figures are stages too."""
    with Workspace.open(path, backup=False) as ws:
        times = {"read_involvement": best_of(RUNS, lambda: read_involvement(ws, start, end, today=TODAY))}
        figures = read_involvement(ws, start, end, today=TODAY)
    times["report_document"] = best_of(RUNS, lambda: report_document(figures))
    for suffix in (".pdf", ".docx"):
        out = path.with_name(f"report{suffix}")
        times[f"write {suffix[1:].upper()}"] = best_of(RUNS, lambda out=out: write_report(figures, out))
    return times


def example_report(folder: Path) -> float:
    """The reference: the whole report (read, PDF and DOCX) for the example workspace's one meeting."""
    path = folder / "example.meetingroom"
    write_example(path, today=TODAY)

    def whole() -> None:
        with Workspace.open(path, backup=False) as ws:
            figures = read_involvement(ws, date(2000, 1, 1), TODAY, today=TODAY)
        write_report(figures, folder / "example.pdf")
        write_report(figures, folder / "example.docx")

    return best_of(RUNS, whole)


def held_days(path: Path, start: date, end: date) -> list[date]:
    """The days of the held meetings in the period, read the report's way."""
    with Workspace.open(path, backup=False) as ws:
        return [m.day for m in read_involvement(ws, start, end, today=TODAY).meetings]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="meetingroom-report-bench-") as folder:
        path = Path(folder) / "large.meetingroom"
        began = time.perf_counter()
        generate(path, members=MEMBERS, meetings=MEETINGS, turns=TURNS)
        print(f"Wrote {MEMBERS} members, {MEETINGS} meetings, {TURNS} turns and their follow-up "
              f"in {time.perf_counter() - began:.1f} s ({path.stat().st_size / 1e6:.1f} MB)")
        start, end = three_years_to(TODAY)
        days = held_days(path, start, end)
        if not days or (days[-1] - days[0]).days < 3 * 365 - 31:
            print(f"FAIL: the held meetings do not span three years: {days[:1]} to {days[-1:]}")
            return 0
        print(f"Period {start} to {end}: {len(days)} held meetings, the first on {days[0]}, "
              f"the last on {days[-1]}")
        times = time_report(path, start, end)
        pages = len(__import__("pypdf").PdfReader(path.with_name("report.pdf")).pages)
        reference = example_report(Path(folder))
    for stage, seconds in times.items():
        target = TARGETS.get(stage)
        verdict = "" if target is None else f", target < {target:g} s: " + \
            ("PASS" if seconds < target else "FAIL")
        print(f"{stage} (3 years, {len(days)} meetings): {seconds:.3f} s "
              f"(target < {TARGET_WHOLE:g} s for the whole report{verdict})")
    whole = sum(times.values())
    print(f"The whole report ({', '.join(times)}; the PDF has {pages} pages): {whole:.3f} s, "
          f"target < {TARGET_WHOLE:g} s: " + ("PASS" if whole < TARGET_WHOLE else "FAIL"))
    print(f"Reference: the example workspace's report (1 meeting, PDF and DOCX) takes {reference:.3f} s; "
          f"3 years take {whole / reference:.1f}× as long")
    return 0


if __name__ == "__main__":
    sys.exit(main())
