"""The command line: every output scriptable and testable; with no command, the app opens.

Bad input gets one line on stderr and exit 1; bad usage exit 2; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from meetingroom import __version__
from meetingroom.logs import set_up_logging
from meetingroom.settings import TEXT_SCALE_MAX, TEXT_SCALE_MIN
from meetingroom.store import Workspace, WorkspaceError

LATER = {
    "check": "the plain-language check",
    "paper": "paper rendering",
    "members": "member import and export",
    "agenda": "agenda documents",
    "pack": "member packs",
    "letters": "feedback letters",
    "report": "the involvement report",
}


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _text_scale(value: str) -> int:
    try:
        percent = int(value.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"text scale must be a number, not {value!r}") from None
    if not TEXT_SCALE_MIN <= percent <= TEXT_SCALE_MAX:
        raise argparse.ArgumentTypeError(
            f"text scale must be between {TEXT_SCALE_MIN} and {TEXT_SCALE_MAX} per cent")
    return percent


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="meetingroom", description="Run accessible, inclusive meetings.")
    parser.add_argument("--version", action="version", version=f"MeetingRoom {__version__}")
    parser.add_argument("--workspace", type=Path, help="workspace file to open")
    parser.add_argument("--theme", help="standard, high-contrast-dark, high-contrast-light, low-glare")
    parser.add_argument("--text-scale", type=_text_scale, metavar="PERCENT", help="100 to 200")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    demo = commands.add_parser("demo", help="write the example workspace")
    demo.add_argument("path", type=Path)

    meetings = commands.add_parser("meetings", help="list the meetings of a workspace")
    meetings.add_argument("--workspace", type=Path, dest="sub_workspace")
    meetings.add_argument("--json", action="store_true")

    for name, what in LATER.items():
        later = commands.add_parser(name, help=f"{what} (coming soon)")
        later.add_argument("rest", nargs="*")
    return parser


def _workspace_path(args: argparse.Namespace) -> Path:
    path = getattr(args, "sub_workspace", None) or args.workspace
    if path is None:
        raise UsageError("--workspace PATH is needed")
    return Path(path)


def _open(path: Path) -> Workspace:
    try:
        return Workspace.open(path, backup=False)
    except WorkspaceError as error:
        if error.backup:
            raise WorkspaceError(
                path, f"{error.reason}; the newest good backup is {error.backup}") from None
        raise


def cmd_demo(args: argparse.Namespace) -> int:
    from meetingroom.example import write_example

    write_example(args.path)
    print(f"Example workspace written to {args.path}")
    return 0


def cmd_meetings(args: argparse.Namespace) -> int:
    from meetingroom.store.meetings import list_meetings

    with _open(_workspace_path(args)) as ws:
        meetings = list_meetings(ws)
    if args.json:
        rows = [{"id": m.id, "title": m.title, "start": m.start.isoformat(), "status": m.status.value}
                for m in meetings]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for m in meetings:
            print(f"{m.id}\t{m.start:%a %d %b %Y %H:%M}\t{m.status.value}\t{m.title}")
    return 0


def run_app(args: argparse.Namespace) -> int:
    from meetingroom.themes import load_theme

    if args.theme is not None:
        try:
            load_theme(args.theme)
        except ValueError as error:
            raise UsageError(str(error)) from None
    from meetingroom.app import run

    return run(workspace=args.workspace, theme=args.theme, text_scale=args.text_scale)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        set_up_logging()
        args, unknown = parser.parse_known_args(argv)
        if unknown and args.command not in LATER:
            raise UsageError(f"unrecognised arguments: {' '.join(unknown)}")
        if args.command is None:
            return run_app(args)
        if args.command in LATER:
            print(f"meetingroom {args.command}: not available yet ({LATER[args.command]} comes in a later version)",
                  file=sys.stderr)
            return 2
        return {"demo": cmd_demo, "meetings": cmd_meetings}[args.command](args)
    except UsageError as error:
        print(f"meetingroom: {error}", file=sys.stderr)
        return 2
    except WorkspaceError as error:
        print(f"meetingroom: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"meetingroom: {error.strerror or error}{where}", file=sys.stderr)
        return 1


