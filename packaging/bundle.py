"""Finish the Linux bundle PyInstaller left in dist/MeetingRoom, and pack it to hand out.

Run by `make package` after `pyinstaller packaging/meetingroom.spec`. Adds the installer
(install.sh), the desktop entry, AppStream metadata and MIME type (linux/) and a short
README.txt, then writes dist/MeetingRoom-VERSION-linux-MACHINE.tar.gz and prints the sizes.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import stat
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.meetingroom.MeetingRoom"
LINUX_FILES = (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", f"{APP_ID}.mime.xml")

README = """MeetingRoom {version}: run accessible, inclusive meetings, offline.

Nothing else needs installing: Python, Qt, the fonts, the pictures and the speech engine
are all in this folder.

To install it for yourself (adds it to your applications menu):
    ./install.sh
For everyone on this computer:
    sudo ./install.sh --system
To try it without installing:
    ./MeetingRoom
To remove it again (your workspaces are kept):
    ./install.sh --uninstall

The command line is the same program: ./MeetingRoom --help
"""


def version() -> str:
    text = (ROOT / "src" / "meetingroom" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise SystemExit("bundle.py: no __version__ in src/meetingroom/__init__.py")
    return found.group(1)


def folder_bytes(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_dir())


def finish(app: Path, app_version: str) -> None:
    """Add the installer, the desktop files and README.txt to the bundle folder `app`."""
    linux = app / "linux"
    linux.mkdir(exist_ok=True)
    for name in LINUX_FILES:
        shutil.copy2(LINUX / name, linux / name)
    installer = app / "install.sh"
    shutil.copy2(LINUX / "install.sh", installer)
    installer.chmod(installer.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    (app / "README.txt").write_text(README.format(version=app_version), encoding="utf-8")


def archive(app: Path, out: Path) -> None:
    """A .tar.gz of `app` under its own name, with owners cleared (anyone may unpack it)."""
    def anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    partial = out.with_name(out.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(app, arcname=app.name, filter=anonymous)
    os.replace(partial, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="PyInstaller's dist folder")
    args = parser.parse_args(argv)
    app = args.dist / "MeetingRoom"
    if not (app / "MeetingRoom").is_file():
        print(f"bundle.py: {app} has no MeetingRoom program: run PyInstaller first", file=sys.stderr)
        return 1
    app_version = version()
    finish(app, app_version)
    out = args.dist / f"MeetingRoom-{app_version}-linux-{platform.machine()}.tar.gz"
    archive(app, out)
    print(f"Bundle: {app} ({folder_bytes(app) / 2**20:.0f} MiB)")
    print(f"Archive to hand out: {out} ({out.stat().st_size / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
