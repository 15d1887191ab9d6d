"""`make package-test`: the stand-alone app does real work on its own, as on a venue's laptop.

After `make package`, runs dist/MeetingRoom/MeetingRoom with every Python on this machine
hidden (a private mount namespace in which each Python install is an empty folder and each
python executable is /dev/null) and with no network (an empty network namespace), in a
clean environment, offscreen. It checks, reading the files back:

1. the bundle holds every module of the app (the views are imported by name, late);
2. `demo` writes the example workspace and `meetings --json` lists its two meetings;
3. `agenda --format large-print --size 20` writes a PDF whose every character is 20 pt or
   more, in embedded Atkinson Hyperlegible, with the meeting's title in it;
4. `pack` writes every member's pack (speech runs in a child process of the frozen app):
   each audio member's .wav files hold real speech, each large-print member's PDF is at
   their size; `paper NOTES.md --format audio` writes speech too;
5. unpacked from the .tar.gz, install.sh installs into a folder (desktop entry, AppStream, MIME type, icons, the
   `meetingroom` command, which then works) and --uninstall removes it all; the desktop
   entry and AppStream files pass desktop-file-validate and appstreamcli when installed;
6. the bundled app opens the workspace and paints its window: how long that takes, from
   process start (the app logs it), against the same app run from the venv;
7. where Xvfb and xdotool are installed (Debian packages xvfb, xdotool), the bundled app in a
   real X window shows every view by its shortcut, Ctrl+1 to Ctrl+6 (each view's code is
   imported when first shown), without an error; with ImageMagick's `import`, a screenshot
   of each goes in dist/package-test/ to look at.

Prints the bundle's size and the figures; exits 1 on the first failed check.
"""

from __future__ import annotations

import glob
import json
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from array import array
from collections.abc import Sequence
from pathlib import Path

import pdfplumber
import pypdf

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
APP = DIST / "MeetingRoom"
PROGRAM = APP / "MeetingRoom"
STARTS = 5  # start-up samples for each program, alternated
PAINTED = re.compile(r"main window shown and painted ([0-9.]+) s after the process started, "
                     r"with a workspace open")


class Failed(Exception):
    """A check did not hold."""


def check(condition: bool, what: str) -> None:
    if not condition:
        raise Failed(what)
    print(f"  ok: {what}")


# -- running the bundled program on its own -------------------------------------------------

def python_places() -> tuple[list[str], list[str]]:
    """Every Python install (folders) and python executable (files) on this machine."""
    folders = {sys.prefix, sys.base_prefix, str(Path.home() / ".pyenv")}
    folders.update(glob.glob("/usr/lib/python3*") + glob.glob("/usr/local/lib/python3*"))
    files = set(glob.glob("/usr/bin/python*") + glob.glob("/usr/local/bin/python*"))
    for name in ("python3", "python"):
        found = shutil.which(name)
        if found:
            files.add(str(Path(found).resolve()))
    app = str(APP)
    folders = {f for f in folders if Path(f).is_dir() and not app.startswith(f.rstrip("/") + "/")}
    folders = {f for f in folders if not any(f.startswith(other + "/") for other in folders)}
    files = {f for f in files if Path(f).is_file() and not any(f.startswith(d + "/") for d in folders)}
    return sorted(folders), sorted(files)


def sandbox() -> list[str]:
    """A command prefix that hides Python and the network, or [] where this cannot be done."""
    folders, files = python_places()
    script = "set -e\n"
    script += "".join(f"mount -t tmpfs tmpfs {shlex.quote(f)}\n" for f in folders)
    script += "".join(f"mount --bind /dev/null {shlex.quote(f)}\n" for f in files)
    script += 'exec "$@"\n'
    prefix = ["unshare", "--mount", "--net", "--", "/bin/sh", "-c", script, "sandbox"]
    try:
        works = subprocess.run([*prefix, "true"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        works = False
    return prefix if works else []


class Bundle:
    """The bundled program, run in the sandbox with a clean environment."""

    def __init__(self, home: Path, prefix: list[str]) -> None:
        self.prefix = prefix
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home / "home"),
            "MEETINGROOM_HOME": str(home / "meetingroom"),
            "TMPDIR": str(home / "tmp"),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
        }
        for name in ("home", "tmp"):
            (home / name).mkdir()
        self.log = home / "meetingroom" / "logs" / "meetingroom.log"

    def command(self, *args: str) -> list[str]:
        return [*self.prefix, str(PROGRAM), *args]

    def run(self, *args: str, timeout: float = 300) -> str:
        done = subprocess.run(self.command(*args), env=self.env, capture_output=True, text=True,
                              timeout=timeout)
        if done.returncode != 0:
            raise Failed(f"MeetingRoom {' '.join(args)} exited {done.returncode}:\n"
                         f"{done.stdout}{done.stderr}")
        return done.stdout


# -- reading the outputs back ---------------------------------------------------------------

def check_large_print(pdf: Path, size: int, words: str) -> None:
    with pdfplumber.open(pdf) as document:
        chars = [c for page in document.pages for c in page.chars if c["text"].strip()]
        text = " ".join((page.extract_text() or "") for page in document.pages)
    smallest = min(c["size"] for c in chars)
    check(smallest >= size - 0.05, f"{pdf.name}: every character is {size} pt or more "
          f"(smallest {smallest:.1f} pt, {len(chars)} characters)")
    check(words in " ".join(text.split()), f"{pdf.name}: says {words!r}")
    fonts = set()
    for page in pypdf.PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            embedded = any(key in descendant.get("/FontDescriptor", {})
                           for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add((str(font["/BaseFont"]).split("+")[-1], embedded))
    check(all(embedded for _, embedded in fonts), f"{pdf.name}: every font embedded {sorted(fonts)}")
    check(any("AtkinsonHyperlegible" in name for name, _ in fonts), f"{pdf.name}: in Atkinson Hyperlegible")


def check_speech(wav: Path) -> float:
    """A real recording of speech: seconds of sound, not silence. Returns its length."""
    with wave.open(str(wav), "rb") as sound:
        width, rate, frames = sound.getsampwidth(), sound.getframerate(), sound.getnframes()
        samples = array("h", sound.readframes(frames)) if width == 2 else array("h")
    seconds = frames / rate if rate else 0.0
    loud = sum(1 for sample in samples if abs(sample) > 1000) / max(len(samples), 1)
    check(width == 2 and seconds > 1.0 and loud > 0.05,
          f"{wav.name}: {seconds:.1f} s of speech at {rate} Hz ({loud:.0%} of samples loud)")
    return seconds


# -- the checks -----------------------------------------------------------------------------

def check_modules() -> None:
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(PROGRAM)).open_embedded_archive("PYZ.pyz")
    bundled = {name for name in archive.toc if name.startswith("meetingroom")}
    source = ROOT / "src"
    wanted = {".".join(path.relative_to(source).with_suffix("").parts).removesuffix(".__init__")
              for path in (source / "meetingroom").rglob("*.py")}
    missing = sorted(wanted - bundled)
    check(not missing, f"every one of the app's {len(wanted)} modules is in the bundle"
          + (f" (missing: {', '.join(missing)})" if missing else ""))


def check_outputs(bundle: Bundle, work: Path) -> None:
    workspace = work / "Network.meetingroom"
    bundle.run("demo", str(workspace))
    meetings = json.loads(bundle.run("meetings", "--workspace", str(workspace), "--json"))
    check(len(meetings) == 2, f"demo wrote the example workspace: {[m['title'] for m in meetings]}")
    planning = next(m for m in meetings if m["status"] == "planning")
    meeting = str(planning["id"])

    agenda = work / "agenda-large-print.pdf"
    bundle.run("agenda", "--workspace", str(workspace), "--meeting", meeting,
               "--format", "large-print", "--size", "20", "-o", str(agenda))
    check_large_print(agenda, 20, " ".join(planning["title"].split())[:40])

    packs = work / "packs"
    started = time.monotonic()
    bundle.run("pack", "--workspace", str(workspace), "--meeting", meeting, "-o", str(packs))
    took = time.monotonic() - started
    manifest = json.loads((packs / "manifest.json").read_text(encoding="utf-8"))
    audio = [entry for entry in manifest if entry["format"] == "audio"]
    large = [entry for entry in manifest if entry["format"] == "large-print"]
    check(bool(audio) and bool(large), f"pack wrote {len(manifest)} packs in {took:.1f} s, "
          f"{len(audio)} in audio and {len(large)} in large print")
    for entry in audio:
        sounds = [name for name in entry["files"] if name.endswith(".wav")]
        check(bool(sounds), f"an audio member's pack has {len(sounds)} recordings")
        for name in sounds:
            check_speech(packs / name)
    for entry in large:
        pdfs = [name for name in entry["files"] if name.endswith("agenda.pdf")]
        check(bool(pdfs), f"a large-print member's pack has an agenda at {entry['size']} pt")
        check_large_print(packs / pdfs[0], int(entry["size"]), "Agenda")

    notes = work / "notes.md"
    notes.write_text("# Getting to the meeting\n\nThe number 42 bus stops outside the centre. "
                     "Tell us if you need a taxi, and we will book one for you.\n", encoding="utf-8")
    report = json.loads(bundle.run("check", str(notes), "--json"))
    check(report["words"] > 20 and report["reading_age"] > 0,
          f"check reads the paper for plain English: {report['words']} words, "
          f"reading age {report['reading_age']}")
    spoken = work / "notes.wav"
    bundle.run("paper", str(notes), "--format", "audio", "-o", str(spoken))
    check_speech(spoken)


def check_install(bundle: Bundle, work: Path) -> None:
    """Unpack the archive a user is given and install from it, as README.txt says."""
    archives = sorted(DIST.glob("MeetingRoom-*-linux-*.tar.gz"))
    check(len(archives) == 1, f"one archive to hand out: {[a.name for a in archives]}")
    unpacked = work / "unpacked"
    unpacked.mkdir()
    subprocess.run(["tar", "xzf", str(archives[0]), "-C", str(unpacked)], check=True, timeout=300)
    installer = unpacked / "MeetingRoom" / "install.sh"
    prefix = work / "installed"
    done = subprocess.run([str(installer), "--prefix", str(prefix)], env=bundle.env,
                          capture_output=True, text=True, timeout=300)
    check(done.returncode == 0, f"unpacked, install.sh --prefix installs "
          f"({done.stderr.strip() or 'no errors'})")
    app_id = "org.meetingroom.MeetingRoom"
    share = prefix / "share"
    desktop = share / "applications" / f"{app_id}.desktop"
    wanted = [desktop, share / "metainfo" / f"{app_id}.metainfo.xml",
              share / "mime" / "packages" / f"{app_id}.xml",
              share / "icons" / "hicolor" / "48x48" / "apps" / f"{app_id}.png",
              share / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg"]
    check(all(path.is_file() for path in wanted), "the desktop entry, AppStream data, MIME type "
          "and icons are installed")
    exec_line = next(line for line in desktop.read_text().splitlines() if line.startswith("Exec="))
    check(str(prefix / "lib" / "meetingroom" / "MeetingRoom") in exec_line,
          f"the menu starts the installed program ({exec_line})")
    version = subprocess.run([*bundle.prefix, str(prefix / "bin" / "meetingroom"), "--version"],
                             env=bundle.env, capture_output=True, text=True, timeout=60)
    check(version.returncode == 0 and version.stdout.startswith("MeetingRoom "),
          f"the installed `meetingroom` command runs: {version.stdout.strip()}")
    for tool, args in (("desktop-file-validate", [str(desktop)]),
                       ("appstreamcli", ["validate", "--no-net",
                                         str(share / "metainfo" / f"{app_id}.metainfo.xml")])):
        if shutil.which(tool) is None:
            print(f"  (not checked: {tool} is not installed here)")
            continue
        result = subprocess.run([tool, *args], capture_output=True, text=True, timeout=60)
        check(result.returncode == 0, f"{tool} passes ({result.stdout.strip().splitlines()[-1:]})")
    subprocess.run([str(installer), "--prefix", str(prefix), "--uninstall"], env=bundle.env,
                   capture_output=True, text=True, timeout=60, check=True)
    caches = ("mimeinfo.cache", "icon-theme.cache")  # the desktop's own, remade by install.sh
    left = sorted(str(p.relative_to(prefix)) for p in prefix.rglob("*")
                  if p.is_file() and p.name not in caches and "mime" not in p.parts)
    check(not left, f"install.sh --uninstall removes it all (left: {left})")


def log_since(log: Path, offset: int) -> str:
    if not log.exists():
        return ""
    with log.open(encoding="utf-8") as text:
        text.seek(offset)
        return text.read()


def wait_for_paint(process: subprocess.Popen[bytes], log: Path, offset: int) -> float:
    """Seconds from process start to the main window painted, once the app has logged it."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise Failed(f"the app stopped before painting its window: "
                         f"{process.stderr.read().decode() if process.stderr else ''}")
        found = PAINTED.search(log_since(log, offset))
        if found:
            return float(found.group(1))
        time.sleep(0.05)
    raise Failed("the app did not paint its window, with the workspace open, within 2 minutes")


def time_start(command: Sequence[str], env: dict[str, str], log: Path) -> float:
    """Seconds from process start to the main window painted, as the app logs it."""
    offset = log.stat().st_size if log.exists() else 0
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        return wait_for_paint(process, log, offset)
    finally:
        process.terminate()
        process.wait(timeout=30)


VIEW_NAMES = ("Group & members", "Meetings & agenda", "Papers", "Meeting console", "Follow-up",
              "Reports")


def check_views_on_a_screen(bundle: Bundle, work: Path) -> None:
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        print("  (not checked: the views on a real screen need Xvfb and xdotool, Debian packages "
              "xvfb and xdotool)")
        return
    display = ":73"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {key: value for key, value in bundle.env.items() if key != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = display
    shots = DIST / "package-test"
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir()
    screenshot = shutil.which("import")
    offset = bundle.log.stat().st_size if bundle.log.exists() else 0
    time.sleep(1)  # the X server's socket
    app = subprocess.Popen(bundle.command("--workspace", str(work / "Network.meetingroom")),
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_paint(app, bundle.log, offset)

        def xdotool(*args: str) -> str:
            return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True,
                                  timeout=30, check=True).stdout

        window = xdotool("search", "--name", " — MeetingRoom$").split()[0]
        xdotool("windowfocus", "--sync", window)
        pictures = set()
        for number, name in enumerate(VIEW_NAMES, start=1):
            xdotool("key", f"ctrl+{number}")
            time.sleep(2)
            check(app.poll() is None, f"Ctrl+{number} shows {name} in a real X window")
            if screenshot:
                picture = shots / f"view-{number}.png"
                subprocess.run([screenshot, "-window", "root", str(picture)], env=env,
                               timeout=60, check=True)
                pictures.add(picture.read_bytes())
        if screenshot:
            check(len(pictures) == len(VIEW_NAMES), f"every view looks different (screenshots in {shots})")
        problems = [line for line in log_since(bundle.log, offset).splitlines()
                    if " ERROR " in line or " CRITICAL " in line or "uncaught" in line]
        check(not problems, "the log has no errors: " + ("; ".join(problems) or "none"))
    finally:
        app.terminate()
        app.wait(timeout=30)
        server.terminate()
        server.wait(timeout=30)


def check_start_up(bundle: Bundle, work: Path) -> tuple[float, float]:
    workspace = work / "Network.meetingroom"
    bundled_command = bundle.command("--workspace", str(workspace))
    venv_command = [sys.executable, "-m", "meetingroom", "--workspace", str(workspace)]
    venv_env = {**bundle.env, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"}
    bundled, from_venv = [], []
    for _ in range(STARTS):
        bundled.append(time_start(bundled_command, bundle.env, bundle.log))
        from_venv.append(time_start(venv_command, venv_env, bundle.log))
    check(all(seconds > 0 for seconds in bundled), f"the bundled app opened the workspace and "
          f"painted its window {len(bundled)} times")
    return statistics.median(bundled), statistics.median(from_venv)


def folder_mib(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir()) / 2**20


def main() -> int:
    if not PROGRAM.is_file():
        print("package_test.py: no dist/MeetingRoom/MeetingRoom: run `make package` first",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="meetingroom-package-") as scratch:
        work = Path(scratch)
        prefix = sandbox()
        if prefix:
            folders, files = python_places()
            print(f"The bundled program runs with no network and Python hidden ({len(folders)} "
                  f"folders, {len(files)} executables: {', '.join(folders + files)}).")
        else:
            print("WARNING: cannot make a namespace here (unshare needs root): the bundled "
                  "program runs with a clean environment only, Python and the network not hidden.")
        bundle = Bundle(work, prefix)
        try:
            if prefix:
                probe = subprocess.run([*prefix, "/bin/sh", "-c", "python3 -c pass || python -c pass"],
                                       env=bundle.env, capture_output=True, timeout=60)
                check(probe.returncode != 0, "inside the sandbox no python runs")
            print("The bundle:")
            check_modules()
            print("Its outputs:")
            check_outputs(bundle, work)
            print("Installing it:")
            check_install(bundle, work)
            print("Starting it:")
            bundled, from_venv = check_start_up(bundle, work)
            print("On a screen:")
            check_views_on_a_screen(bundle, work)
        except Failed as failure:
            print(f"FAILED: {failure}", file=sys.stderr)
            return 1
    archives = sorted(DIST.glob("MeetingRoom-*-linux-*.tar.gz"))
    print()
    print(f"Bundle dist/MeetingRoom: {folder_mib(APP):.0f} MiB on disk"
          + (f"; {archives[-1].name}: {archives[-1].stat().st_size / 2**20:.0f} MiB" if archives else ""))
    print(f"Start to window painted (median of {STARTS}, example workspace): bundled "
          f"{bundled:.2f} s; the same app from the venv {from_venv:.2f} s "
          f"({bundled / from_venv:.2f}×)")
    print("package-test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
