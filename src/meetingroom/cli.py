"""The command line: every output scriptable and testable; with no command, the app opens.

Bad input gets one line on stderr and exit 1; bad usage exit 2; never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from meetingroom import __version__, cli_report, paths
from meetingroom.cli_report import add_report_parser
from meetingroom.logs import set_up_logging
from meetingroom.settings import TEXT_SCALE_MAX, TEXT_SCALE_MIN
from meetingroom.store import Workspace, WorkspaceError

if TYPE_CHECKING:
    from meetingroom.documents.model import Document, FormatProfile



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

    members = commands.add_parser("members", help="import or export members as a CSV spreadsheet")
    member_actions = members.add_subparsers(dest="members_action", required=True, parser_class=_Parser)
    for action, what in (("import", "add or update members from a CSV file; nothing if a row is bad"),
                         ("export", "write every member to a CSV file")):
        member_action = member_actions.add_parser(action, help=what)
        member_action.add_argument("csv", type=Path, metavar="CSV")
        member_action.add_argument("--workspace", type=Path, dest="sub_workspace")

    _add_agenda_parser(commands)
    _add_folder_parser(commands, "pack", "write each invited member's pack, in their format, to a folder",
                       "the folder for the packs and manifest.json")
    _add_folder_parser(commands, "letters",
                       "write each invited member's feedback letter after a meeting, in their format",
                       "the folder for the letters and manifest.json")
    _add_folder_parser(commands, "evaluation-forms",
                       "write each invited member's evaluation form for a meeting, in their format, "
                       "and blank forms", "the folder for the forms and manifest.json")
    _add_check_parser(commands)
    _add_paper_parser(commands)
    add_report_parser(commands)
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


def cmd_members(args: argparse.Namespace) -> int:
    """Export every member, or import a file: every bad row listed and nothing imported, or all."""
    from meetingroom.store import backups, member_csv

    workspace = _workspace_path(args)
    if args.members_action == "export":
        with _open(workspace) as ws:
            try:
                count = member_csv.write_member_file(ws, args.csv)
            except OSError as error:
                print(f"meetingroom: cannot write {args.csv}: {error.strerror or error}", file=sys.stderr)
                return 1
        print(f"Exported {count} members to {args.csv}")
        return 0
    try:
        sheet = member_csv.read_member_file(args.csv)
    except member_csv.MemberCsvError as error:
        print(f"meetingroom: {args.csv.name}: {error.reason}", file=sys.stderr)
        return 1
    with _open(workspace) as ws:
        plan = member_csv.plan_import(ws, sheet)
        if plan.bad:
            for bad in plan.bad:
                print(f"meetingroom: {args.csv.name}: {bad}", file=sys.stderr)
            print(f"meetingroom: nothing imported: {len(plan.bad)} of "
                  f"{len(plan.bad) + len(plan.good_rows)} rows have problems", file=sys.stderr)
            return 1
        if plan.to_add or plan.to_update:
            backups.make_backup(ws.connection, workspace)
            member_csv.apply_import(ws, plan)
    print(f"Imported {args.csv.name}: {len(plan.to_add)} added, {len(plan.to_update)} updated, "
          f"{plan.unchanged} unchanged")
    return 0


AGENDA_FORMATS = ("standard", "large-print", "easy-read")


def _add_agenda_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    agenda = commands.add_parser(
        "agenda", help="write a meeting's agenda; to a folder, also its calendar file and invitations")
    agenda.add_argument("--workspace", type=Path, dest="sub_workspace", metavar="PATH")
    agenda.add_argument("--meeting", required=True, metavar="ID", help="the meeting's number")
    agenda.add_argument("--format", metavar="FORMAT", help=", ".join(AGENDA_FORMATS))
    agenda.add_argument("--size", metavar="PT", help="large print size: 16, 18, 20, 24 or 28")
    agenda.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="a .pdf or .docx file, or a folder for everything")


class _BadInput(Exception):
    """Bad input for a command (exit 1), as opposed to bad usage (exit 2)."""


def _agenda_profile(args: argparse.Namespace) -> FormatProfile | None:
    if args.format is None and args.size is None:
        return None
    return _profile(args.format or "large-print", args.size, AGENDA_FORMATS)


def _profile(name: str, size_text: str | None, formats: tuple[str, ...]) -> FormatProfile:
    """A format profile from the command line's words: `name` must be one of `formats`, and a
    size ("18" or "18pt") is only for large print. Bad words are bad input (exit 1)."""
    from meetingroom.documents.model import FormatProfile
    from meetingroom.domain.people import FormatKind

    if name not in formats:
        raise _BadInput(f"unknown format {name!r}: use {', '.join(formats)}")
    size = None
    if size_text is not None:
        try:
            size = int(str(size_text).removesuffix("pt"))
        except ValueError:
            raise _BadInput(f"size must be a number of points, not {size_text!r}") from None
    try:
        return FormatProfile(FormatKind(name), size)
    except ValueError as error:
        raise _BadInput(str(error)) from None


def cmd_agenda(args: argparse.Namespace) -> int:
    """The agenda as one .pdf or .docx file; or, to a folder, everything sent before a meeting."""
    from meetingroom.documents import meeting_pack
    from meetingroom.documents.model import FormatProfile
    from meetingroom.domain.people import FormatKind

    workspace = _workspace_path(args)
    try:
        meeting_id = int(args.meeting)
        profile = _agenda_profile(args)
    except ValueError:
        print(f"meetingroom: the meeting must be a number, not {args.meeting!r}", file=sys.stderr)
        return 1
    except _BadInput as error:
        print(f"meetingroom: {error}", file=sys.stderr)
        return 1
    out = str(args.output)
    suffix = Path(out).suffix.lower()
    as_folder = out.endswith(("/", "\\")) or Path(out).is_dir() or not suffix
    if not as_folder and suffix not in (".pdf", ".docx"):
        print(f"meetingroom: OUT must end .pdf or .docx, or be a folder (not {suffix})", file=sys.stderr)
        return 1
    with _open(workspace) as ws:
        try:
            if as_folder:
                from meetingroom.documents.snapshot import take_snapshot

                snapshot = take_snapshot(ws, meeting_id)
                files = meeting_pack.write_meeting_documents(
                    snapshot, Path(out), formats=None if profile is None else [profile])
            else:
                meeting_pack.write_agenda_file(
                    ws, meeting_id, profile or FormatProfile(FormatKind.STANDARD), Path(out))
        except KeyError:
            print(f"meetingroom: there is no meeting {meeting_id} in this workspace", file=sys.stderr)
            return 1
    if as_folder:
        print(f"Wrote {len(files)} files to {out}")
        for note in meeting_pack.pack_notes(snapshot):
            print(f"Note: {note}")
    else:
        print(f"Agenda written to {out}")
    return 0


def _add_folder_parser(commands: argparse._SubParsersAction[_Parser], name: str, help_text: str,
                       output_help: str) -> None:
    """A command that writes one meeting's documents for every invited member to a folder."""
    command = commands.add_parser(name, help=help_text)
    command.add_argument("--workspace", type=Path, dest="sub_workspace", metavar="PATH")
    command.add_argument("--meeting", required=True, metavar="ID", help="the meeting's number")
    command.add_argument("-o", "--output", required=True, type=Path, metavar="DIR", help=output_help)


def _meeting_for_folder(args: argparse.Namespace) -> int | None:
    """The meeting's number, once it and the output folder are sound; None (said why) if not."""
    try:
        meeting_id = int(args.meeting)
    except ValueError:
        print(f"meetingroom: the meeting must be a number, not {args.meeting!r}", file=sys.stderr)
        return None
    if args.output.exists() and not args.output.is_dir():
        print(f"meetingroom: {args.output} is a file, not a folder", file=sys.stderr)
        return None
    return meeting_id


def _speech_if(needed: bool, stack: contextlib.ExitStack) -> Any:
    """A speech process of the command's own, when someone reads audio (closed with `stack`)."""
    if not needed:
        return None
    from meetingroom.speech.process import SpeechProcess

    return stack.enter_context(SpeechProcess())


def cmd_pack(args: argparse.Namespace) -> int:
    """A folder per invited member with their covering letter, agenda and papers."""
    from meetingroom.documents.packs import needs_audio, read_pack_source, write_packs

    workspace = _workspace_path(args)
    meeting_id = _meeting_for_folder(args)
    if meeting_id is None:
        return 1
    with _open(workspace) as ws, contextlib.ExitStack() as stack:
        try:
            source = read_pack_source(ws, meeting_id)
            speech = _speech_if(needs_audio(source), stack)
            entries = write_packs(source, meeting_id, args.output, speech=speech)
        except KeyError:
            print(f"meetingroom: there is no meeting {meeting_id} in this workspace", file=sys.stderr)
            return 1
        except OSError as error:
            print(f"meetingroom: the packs could not be written: {error.strerror or error}", file=sys.stderr)
            return 1
    files = sum(len(entry.files) for entry in entries)
    print(f"Wrote {len(entries)} packs ({files} files) to {args.output}")
    notes = [entry.note for entry in entries if entry.note]
    if notes:
        packs = "1 pack is" if len(notes) == 1 else f"{len(notes)} packs are"
        print(f"Note: {packs} not in the member's own format; the covering letter says why.")
    return 0


def _write_member_files(args: argparse.Namespace, what: str, write: Callable[..., list[Any]],
                        after: Callable[[Workspace, int, list[Any]], None] | None = None) -> list[Any] | None:
    """Read the meeting's record and write a file set per invited member with `write` (a
    speech process of the command's own when someone reads audio); then `after`, while the
    workspace is still open. None, having said why, when there is no such meeting or the
    files could not be written."""
    from meetingroom.documents.meeting_record import read_meeting_record
    from meetingroom.documents.member_folders import needs_audio

    workspace = _workspace_path(args)
    meeting_id = _meeting_for_folder(args)
    if meeting_id is None:
        return None
    with _open(workspace) as ws, contextlib.ExitStack() as stack:
        try:
            record = read_meeting_record(ws, meeting_id)
            entries = write(record, meeting_id, args.output, speech=_speech_if(needs_audio(record), stack))
        except KeyError:
            print(f"meetingroom: there is no meeting {meeting_id} in this workspace", file=sys.stderr)
            return None
        except OSError as error:
            print(f"meetingroom: the {what} could not be written: {error.strerror or error}", file=sys.stderr)
            return None
        if after is not None:
            after(ws, meeting_id, entries)
    return entries


def _files_and_notes(entries: list[Any]) -> tuple[int, str]:
    """How many files, and "; 2 are not in the member's own format and say why" (or "")."""
    files = sum(len(entry.files) for entry in entries)
    others = sum(bool(entry.note) for entry in entries)
    if not others:
        return files, ""
    return files, (f"; {'1 is' if others == 1 else f'{others} are'} not in the member's own format "
                   f"and {'says' if others == 1 else 'say'} why")


def cmd_letters(args: argparse.Namespace) -> int:
    """A feedback letter per invited member, recorded in the workspace as made."""
    from datetime import datetime

    from meetingroom.documents.letters import write_letters
    from meetingroom.domain.followup import LetterKind
    from meetingroom.store.followup import record_letters_made

    def record_made(ws: Workspace, meeting_id: int, entries: list[Any]) -> None:
        record_letters_made(ws, meeting_id, LetterKind.FEEDBACK, [e.letter_made() for e in entries],
                            datetime.now().replace(microsecond=0))

    entries = _write_member_files(args, "letters", write_letters, record_made)
    if entries is None:
        return 1
    files, note = _files_and_notes(entries)
    print(f"Wrote {len(entries)} feedback letters ({files} files) to {args.output}{note}")
    return 0


def cmd_evaluation_forms(args: argparse.Namespace) -> int:
    """An evaluation form per invited member, in their format, and blank forms in `blank/`."""
    from meetingroom.documents.evaluation_forms import BLANK_FOLDER, write_evaluation_forms

    entries = _write_member_files(args, "evaluation forms", write_evaluation_forms)
    if entries is None:
        return 1
    files, note = _files_and_notes(entries)
    print(f"Wrote {len(entries)} evaluation forms ({files} files) to {args.output}, and blank forms "
          f"in standard print and easy read to {args.output / BLANK_FOLDER}{note}")
    return 0


def _add_check_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    check = commands.add_parser("check", help="check a paper for plain English (.txt, .md or .docx)")
    check.add_argument("file", type=Path, metavar="FILE")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument("--workspace", type=Path, dest="sub_workspace", metavar="PATH",
                       help="also use this group's own glossary terms")


def cmd_check(args: argparse.Namespace) -> int:
    """The plain-language report for one paper (PE1-PE5), as text or as JSON."""
    from meetingroom.documents.paper_import import PaperImportError, read_paper
    from meetingroom.language.glossary import Glossary
    from meetingroom.language.plain_check import check_paper

    try:
        paper = read_paper(args.file)
    except PaperImportError as error:
        print(f"meetingroom: {args.file.name}: {error.reason}", file=sys.stderr)
        return 1
    workspace = getattr(args, "sub_workspace", None) or args.workspace
    glossary = Glossary.load()
    if workspace is not None:
        from meetingroom.store.glossary import group_terms

        with _open(Path(workspace)) as ws:
            glossary = Glossary.load(tuple(group_terms(ws)))
    report = check_paper(paper, glossary)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    for line in _check_lines(args.file.name, report.to_json()):
        print(line)
    return 0


def _check_lines(name: str, found: dict[str, Any]) -> list[str]:
    lines = [f"{name}: {found['words']} words in {found['sentences']} sentences, "
             f"{found['average_sentence_words']} words a sentence on average (aim for 15 to 20)."]
    if found["reading_age"] is not None:
        lines.append(f"Reading age about {found['reading_age']:g}, Flesch Reading Ease "
                     f"{found['flesch_reading_ease']:g} (GOV.UK writes for a reading age of 9).")
    long = found["long_sentences"]
    lines.append(f"Sentences over 25 words: {len(long) or 'none'}")
    for sentence in long:
        text = " ".join(sentence["text"].split())
        lines.append(f"  {sentence['words']} words: {text[:70]}{'...' if len(text) > 70 else ''}")
    unexplained = [a for a in found["acronyms"] if not a["explained"] and not a["well_known"]]
    lines.append(f"Acronyms not spelled out the first time: {len(unexplained) or 'none'}")
    lines.extend(f"  {a['term']}" + (f" ({a['expansion']})" if a["expansion"] else "")
                 for a in unexplained)
    lines.append(f"Jargon with plainer words: {len(found['jargon']) or 'none'}")
    lines.extend(f"  {j['term']} ({j['count']}): try \"{j['suggestion']}\"" for j in found["jargon"])
    return lines


PAPER_FORMATS = ("standard", "large-print", "easy-read", "audio")
_PAPER_ENDINGS = {".pdf": "a PDF", ".docx": "a Word file", ".wav": "audio"}


def _add_paper_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    paper = commands.add_parser(
        "paper", help="write a paper (.txt, .md or .docx) as a PDF, a Word file or audio")
    paper.add_argument("file", type=Path, metavar="FILE")
    paper.add_argument("--format", metavar="FORMAT",
                       help=f"{', '.join(PAPER_FORMATS)} (by default audio for .wav, else standard)")
    paper.add_argument("--size", metavar="PT", help="large print size: 16, 18, 20, 24 or 28")
    paper.add_argument("-o", "--output", required=True, type=Path, metavar="OUT",
                       help="a .pdf, .docx or .wav file")
    paper.add_argument("--workspace", type=Path, dest="sub_workspace", metavar="PATH",
                       help="also use this group's own glossary terms and name")


def _paper_profile(args: argparse.Namespace) -> FormatProfile:
    """The format asked for, checked against the ending of OUT."""
    suffix = args.output.suffix.lower()
    if suffix not in _PAPER_ENDINGS:
        raise _BadInput(f"OUT must end .pdf, .docx or .wav (not {suffix or 'with no ending'})")
    name = args.format or ("audio" if suffix == ".wav" else "large-print" if args.size else "standard")
    if name not in PAPER_FORMATS:
        raise _BadInput(f"unknown format {name!r}: use {', '.join(PAPER_FORMATS)}")
    if (name == "audio") != (suffix == ".wav"):
        wanted = "OUT must end .wav" if name == "audio" else "use .pdf or .docx for OUT"
        raise _BadInput(f"{name} cannot be written as {_PAPER_ENDINGS[suffix]}: {wanted}")
    return _profile(name, args.size, PAPER_FORMATS)


def cmd_paper(args: argparse.Namespace) -> int:
    """One paper in one format: a PDF or Word file in print, or a WAV file read aloud."""
    from meetingroom.documents.pack_contents import paper_document
    from meetingroom.documents.paper_import import PaperImportError, read_paper
    from meetingroom.language.glossary import Glossary

    out: Path = args.output
    try:
        profile = _paper_profile(args)
        if not out.absolute().parent.is_dir():
            raise _BadInput(f"the folder {out.absolute().parent} does not exist")
        if out.is_dir():
            raise _BadInput(f"{out} is a folder: give a file name")
        paper = read_paper(args.file)
    except _BadInput as error:
        print(f"meetingroom: {error}", file=sys.stderr)
        return 1
    except PaperImportError as error:
        print(f"meetingroom: {args.file.name}: {error.reason}", file=sys.stderr)
        return 1
    glossary, author = Glossary.load(), ""
    workspace = getattr(args, "sub_workspace", None) or args.workspace
    if workspace is not None:
        from meetingroom.store.glossary import group_terms
        from meetingroom.store.groups import get_group

        with _open(Path(workspace)) as ws:
            glossary = Glossary.load(tuple(group_terms(ws)))
            group = get_group(ws)
            author = group.name if group else ""
    document = paper_document(paper, glossary, author)
    if out.suffix.lower() == ".wav":
        return _paper_audio(document, out)
    if out.suffix.lower() == ".pdf":
        from meetingroom.documents.pdf import write_pdf

        write_pdf(document, profile, out)
    else:
        from meetingroom.documents.docx import write_docx

        write_docx(document, profile, out)
    print(f"Wrote the paper in {profile.name} to {out}")
    return 0


def _paper_audio(document: Document, out: Path) -> int:
    from meetingroom.documents.audio import AudioFailed, AudioUnavailable, write_audio
    from meetingroom.speech.process import SpeechProcess

    with SpeechProcess() as speech:
        try:
            write_audio(document, out, speech=speech)
        except AudioUnavailable as error:
            print(f"meetingroom: no audio can be made on this computer: {error}", file=sys.stderr)
            return 1
        except AudioFailed as error:
            print(f"meetingroom: the audio could not be made: {error}", file=sys.stderr)
            return 1
    print(f"Wrote the paper read aloud to {out}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    return cli_report.cmd_report(args, _workspace_path(args), _open, UsageError)


def run_app(args: argparse.Namespace) -> int:
    from meetingroom.themes import load_theme

    if args.theme is not None:
        try:
            load_theme(args.theme)
        except ValueError as error:
            raise UsageError(str(error)) from None
    from meetingroom.app import run

    return run(workspace=args.workspace, theme=args.theme, text_scale=args.text_scale)


def opened_file_arguments(argv: Sequence[str]) -> list[str]:
    """A desktop opens a workspace file by passing its path alone (a double-click, "Open with"
    MeetingRoom, the installers' file association): that means `--workspace PATH`."""
    if len(argv) == 1 and argv[0].lower().endswith(paths.WORKSPACE_SUFFIX) and not argv[0].startswith("-"):
        return ["--workspace", argv[0]]
    return list(argv)


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # in a frozen app a child process starts here: before argparse
        import multiprocessing

        multiprocessing.freeze_support()
    for stream in ("stdout", "stderr"):
        if getattr(sys, stream) is None:  # a windowed app on Windows or macOS has no console
            setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    parser = build_parser()
    try:
        set_up_logging()
        args = parser.parse_args(opened_file_arguments(sys.argv[1:] if argv is None else argv))
        if args.command is None:
            return run_app(args)
        return {"demo": cmd_demo, "meetings": cmd_meetings, "members": cmd_members,
                "agenda": cmd_agenda, "check": cmd_check, "pack": cmd_pack, "letters": cmd_letters,
                "evaluation-forms": cmd_evaluation_forms, "report": cmd_report,
                "paper": cmd_paper}[args.command](args)
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


