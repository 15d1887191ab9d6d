"""`meetingroom report`: the involvement report for a period, as a PDF or a DOCX.

    meetingroom report --workspace PATH --from DATE --to DATE -o OUT.pdf

Dates are written YYYY-MM-DD and both are included. A bad date or an output that is neither
.pdf nor .docx is bad usage (exit 2); a period that ends before it starts is bad input (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from meetingroom.store import Workspace


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write it as YYYY-MM-DD") from None


def add_report_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = commands.add_parser(
        "report", help="write the involvement report for a period (4Pi standards, charts, easy-read page)")
    report.add_argument("--workspace", type=Path, dest="sub_workspace", metavar="PATH")
    report.add_argument("--from", type=_day, required=True, dest="start", metavar="DATE",
                        help="the first day, YYYY-MM-DD")
    report.add_argument("--to", type=_day, required=True, dest="end", metavar="DATE",
                        help="the last day, YYYY-MM-DD (included)")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                        help="a .pdf (for printing) or a .docx (the accessible version)")


def cmd_report(args: argparse.Namespace, workspace: Path, open_workspace: Callable[[Path], Workspace],
               usage_error: type[Exception]) -> int:
    from meetingroom.documents.involvement_report import REPORT_SUFFIXES, day_words, make_report

    out: Path = args.output
    if out.suffix.lower() not in REPORT_SUFFIXES:
        raise usage_error("the report's OUT must end .pdf or .docx")
    if args.end < args.start:
        print(f"meetingroom: the period ends ({args.end}) before it starts ({args.start})", file=sys.stderr)
        return 1
    if out.parent != Path() and not out.parent.is_dir():
        print(f"meetingroom: there is no folder {out.parent} to write the report in", file=sys.stderr)
        return 1
    with open_workspace(workspace) as ws:
        figures = make_report(ws, args.start, args.end, [out])
    held = figures.meetings_held
    print(f"Wrote the involvement report for {day_words(args.start)} to {day_words(args.end)} "
          f"({held} {'meeting' if held == 1 else 'meetings'} held) to {out}")
    return 0
