"""The packaging files agree with the app and with each other, and the Linux installer works.

The bundles themselves are built and run by `make package-test` (packaging/package_test.py);
these checks are fast and run with `make test`, so a renamed program, icon, version or file
type is caught before anyone builds an installer on Windows or a Mac.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from meetingroom import __version__, paths
from meetingroom.app import ICON_SIZES

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "org.meetingroom.MeetingRoom"
MIME_TYPE = "application/x-meetingroom-workspace"
SPEC = (PACKAGING / "meetingroom.spec").read_text(encoding="utf-8")


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_one_app_id_everywhere() -> None:
    from meetingroom import app

    assert app.APP_ID == APP_ID
    assert f'APP_ID = "{APP_ID}"' in SPEC
    metainfo = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert metainfo.findtext("id") == APP_ID
    assert metainfo.find("launchable").text == f"{APP_ID}.desktop"  # type: ignore[union-attr]
    assert desktop_entry()["Icon"] == APP_ID


def test_the_latest_release_is_this_version() -> None:
    metainfo = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    releases = metainfo.findall("releases/release")
    assert releases and releases[0].get("version") == __version__
    assert re.search(r'__version__ = "\(\[\^"\]\+\)"', SPEC), "the spec reads the version itself"


def test_the_desktop_entry_opens_workspace_files() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Exec"] == "meetingroom %f"  # install.sh makes it the installed program's path
    assert entry["MimeType"] == f"{MIME_TYPE};"
    mime = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", namespace)
    assert kind is not None and kind.get("type") == MIME_TYPE
    assert kind.find("m:glob", namespace).get("pattern") == f"*{paths.WORKSPACE_SUFFIX}"  # type: ignore[union-attr]
    assert kind.find("m:icon", namespace).get("name") == APP_ID  # type: ignore[union-attr]


def test_icons_exist_at_every_size_the_app_and_installers_use() -> None:
    icons = paths.resources_dir() / "icons"
    for size in ICON_SIZES:
        with Image.open(icons / f"meetingroom-{size}.png") as image:
            assert image.size == (size, size)
    assert (icons / "meetingroom.svg").read_bytes() == (PACKAGING / "icons" / "meetingroom.svg").read_bytes()
    installer = (LINUX / "install.sh").read_text(encoding="utf-8")
    assert f'SIZES="{" ".join(str(size) for size in ICON_SIZES)}"' in installer
    with Image.open(PACKAGING / "icons" / "meetingroom.ico") as ico:
        assert {(s, s) for s in (16, 32, 48, 256)} <= set(ico.info["sizes"])
    with Image.open(PACKAGING / "icons" / "meetingroom.icns") as icns:
        assert icns.size[0] >= 512
    for name in ("meetingroom.ico", "meetingroom.icns"):
        assert f'"{name}"' in SPEC or name in SPEC


def test_the_spec_ships_every_folder_of_data_the_app_reads() -> None:
    assert '(str(root / "resources"), "meetingroom/resources")' in SPEC
    assert '(str(root / "themes"), "meetingroom/themes")' in SPEC
    assert 'collect_submodules("meetingroom")' in SPEC  # the views are imported by name
    for package in ("fontpkg_atkinson_hyperlegible", "reportlab", "docx", "espeakng_loader"):
        assert f'collect_data_files("{package}"' in SPEC
    assert "openmoji/font/glyf_colr0.ttf" in SPEC
    from meetingroom.documents.fonts import openmoji_font_file

    assert openmoji_font_file().name == "glyf_colr0.ttf"


def fake_bundle(folder: Path) -> Path:
    """A folder laid out as `make package` leaves dist/MeetingRoom, with a shell script as
    the program, so the installer can be tried without building."""
    app = folder / "MeetingRoom"
    icons = app / "_internal" / "meetingroom" / "resources" / "icons"
    shutil.copytree(paths.resources_dir() / "icons", icons)
    (app / "linux").mkdir()
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", f"{APP_ID}.mime.xml"):
        shutil.copy2(LINUX / name, app / "linux" / name)
    shutil.copy2(LINUX / "install.sh", app / "install.sh")
    program = app / "MeetingRoom"
    program.write_text(f'#!/bin/sh\necho "MeetingRoom {__version__}"\n', encoding="utf-8")
    program.chmod(0o755)
    return app


def installer(app: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(app.parent / "home")}
    return subprocess.run(["sh", str(app / "install.sh"), *args], capture_output=True, text=True,
                          timeout=60, env=env)


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_install_sh_installs_and_uninstalls_into_a_folder_with_spaces(tmp_path: Path) -> None:
    app = fake_bundle(tmp_path / "unpacked here")
    prefix = tmp_path / "my apps"
    done = installer(app, "--prefix", str(prefix))
    assert done.returncode == 0, done.stderr
    program = prefix / "lib" / "meetingroom" / "MeetingRoom"
    share = prefix / "share"
    desktop = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{program}" %f' in desktop.splitlines()
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    command = subprocess.run([str(prefix / "bin" / "meetingroom")], capture_output=True, text=True)
    assert command.stdout.strip() == f"MeetingRoom {__version__}"
    assert f"installed in {program.parent}." in done.stdout

    again = installer(app, "--prefix", str(prefix))  # installing over itself is an upgrade
    assert again.returncode == 0, again.stderr
    assert not (prefix / "lib" / "meetingroom.new").exists()

    gone = installer(app, "--prefix", str(prefix), "--uninstall")
    assert gone.returncode == 0, gone.stderr
    assert "workspaces have not been touched" in gone.stdout
    left = [p for p in prefix.rglob("*") if p.is_file()
            and p.name not in ("mimeinfo.cache", "icon-theme.cache") and "mime" not in p.parts]
    assert left == []


def test_install_sh_refuses_unknown_options_in_one_line(tmp_path: Path) -> None:
    app = fake_bundle(tmp_path)
    done = installer(app, "--everywhere")
    assert done.returncode == 2
    assert done.stderr.strip() == "install.sh: unknown option --everywhere (try --help)"


ISS = (PACKAGING / "windows" / "meetingroom.iss").read_text(encoding="utf-8")
MACOS = (PACKAGING / "macos" / "README.md").read_text(encoding="utf-8")


def test_the_spec_is_python_and_names_the_programs_the_installers_use() -> None:
    compile(SPEC, "meetingroom.spec", "exec")
    assert 'name="MeetingRoom", console=False' in SPEC
    assert 'name="meetingroom-cli", console=True' in SPEC
    assert 'name="MeetingRoom.app"' in SPEC and "bundle_identifier=APP_ID" in SPEC
    assert '"LSBackgroundOnly": False' in SPEC  # else the console program makes it dock-less
    assert '"public.filename-extension": ["meetingroom"]' in SPEC
    assert 'COLLECT(*programs, a.binaries, a.datas, strip=strip, upx=False, name="MeetingRoom")' in SPEC


def test_the_windows_installer_matches_the_spec_and_the_app() -> None:
    assert f'#define AppVersion "{__version__}"' in ISS
    assert 'Source: "..\\..\\dist\\MeetingRoom\\*"' in ISS
    for program in ("MeetingRoom.exe", "meetingroom-cli.exe"):
        assert program in ISS
    assert "SetupIconFile=..\\icons\\meetingroom.ico" in ISS
    assert (PACKAGING / "icons" / "meetingroom.ico").is_file()
    assert f'AppUserModelID: "{APP_ID}"' in ISS
    assert f'Subkey: "Software\\Classes\\{paths.WORKSPACE_SUFFIX}"' in ISS
    # Double-clicking a workspace passes its path alone, which the app opens.
    assert '""{app}\\MeetingRoom.exe"" ""%1""' in ISS
    assert "PrivilegesRequired=lowest" in ISS  # a venue's laptop without an administrator
    sections = re.findall(r"^\[(\w+)\]", ISS, flags=re.MULTILINE)
    assert "Setup" in sections and "UninstallDelete" not in sections  # never anyone's workspaces


def test_the_macos_notes_match_the_spec() -> None:
    assert "dist/MeetingRoom.app" in MACOS and APP_ID in MACOS
    assert "MeetingRoom.app/Contents/MacOS/meetingroom-cli" in MACOS
    assert "pyinstaller --noconfirm packaging/meetingroom.spec" in MACOS
    minimum = re.search(r'"LSMinimumSystemVersion": "(\d+)\.0"', SPEC)
    assert minimum is not None and f"macOS {minimum.group(1)}" in MACOS
