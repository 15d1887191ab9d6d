"""Benchmark: importing a 5,000-row member spreadsheet takes at most 2 seconds.

Writes a realistic CSV (every column, Windows-1252, semicolon-separated, some UK dates and
quoted notes with line breaks), then times reading, checking, matching and importing it into
a fresh workspace: the median of 5 runs. For reference it times Python's csv module merely
reading the same file. Prints PASS or FAIL and exits 0 either way.

    .venv/bin/python tests/benchmarks/csv_import.py [--rows N] [--runs N]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from meetingroom.domain.people import LARGE_PRINT_SIZES, AccessNeed, ContactPreference, Role
from meetingroom.store import Workspace
from meetingroom.store.member_csv import (
    COLUMNS,
    apply_import,
    current_members,
    plan_import,
    read_member_file,
)

TARGET_SECONDS = 2.0
FIRST = ("Aisha", "Ben", "Carys", "Dafydd", "Eilidh", "Farah", "José", "Siân", "Tomasz", "Zoë")
LAST = ("Ahmed", "Brown", "Davies", "Ó Briain", "O'Brien", "Patel", "Núñez", "Singh", "Williams")


def write_sheet(path: Path, rows: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.replace("_", " ").capitalize() for column in COLUMNS])
    for number in range(rows):
        large = rng.random() < 0.2
        consent = (f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2025)}"
                   if rng.random() < 0.5 else f"{rng.randint(2019, 2025)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
        writer.writerow([
            "", f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(("", "Jo", "Sam")), "",
            rng.choice(("", "she/her", "he/him", "they/them")), rng.choice(list(Role)).value,
            rng.choice(("", "Carers' Café", "NHS Trust")), rng.choice(list(ContactPreference)).value,
            f"person{number}@example.org", "large print" if large else rng.choice(("standard", "easy read", "audio")),
            str(rng.choice(LARGE_PRINT_SIZES)) if large else "", "",
            "; ".join(n.value for n in rng.sample(list(AccessNeed), rng.choice((0, 1, 2)))),
            rng.choice(("", "Taxi up to £15", "Needs a break\r\nevery hour")), rng.choice(("", "Bank transfer")),
            consent, rng.choice(("yes", "yes", "no")),
        ])
    path.write_bytes(out.getvalue().encode("cp1252"))


def time_import(sheet: Path, folder: Path, run: int, rows: int) -> float:
    with Workspace.create(folder / f"run{run}.meetingroom") as ws:
        started = time.perf_counter()
        plan = plan_import(ws, read_member_file(sheet))
        apply_import(ws, plan)
        seconds = time.perf_counter() - started
        if plan.bad or len(current_members(ws)) != rows:
            raise SystemExit(f"the import went wrong: {len(plan.bad)} bad rows")
    return seconds


def time_reading(sheet: Path) -> float:
    started = time.perf_counter()
    with sheet.open(encoding="cp1252", newline="") as handle:
        for _ in csv.reader(handle, delimiter=";"):
            pass
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="meetingroom-csv-bench-") as name:
        folder = Path(name)
        sheet = folder / "members.csv"
        write_sheet(sheet, args.rows)
        imports = [time_import(sheet, folder, run, args.rows) for run in range(args.runs)]
        readings = [time_reading(sheet) for _ in range(args.runs)]
        size_kib = sheet.stat().st_size / 1024
    median = statistics.median(imports)
    print(f"Member CSV import: {args.rows:,} rows ({size_kib:,.0f} KiB, Windows-1252, semicolons), "
          f"median of {args.runs} runs")
    print(f"  read + check + match + import into a fresh workspace: {median:.3f} s "
          f"(target <= {TARGET_SECONDS:.1f} s)  {'PASS' if median <= TARGET_SECONDS else 'FAIL'}")
    print(f"  reference, Python's csv module only reading the file:  {statistics.median(readings):.3f} s")
    print(f"  runs: {', '.join(f'{s:.3f}' for s in imports)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
