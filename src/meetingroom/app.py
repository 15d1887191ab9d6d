"""Builds the QApplication: logging, translations, theme and fonts, then the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from meetingroom import APP_NAME, __version__, paths
from meetingroom.settings import Settings
from meetingroom.ui.appearance import Appearance
from meetingroom.ui.main_window import MainWindow

log = logging.getLogger("meetingroom.app")
APP_ID = "org.meetingroom.MeetingRoom"  # the desktop entry, AppStream, installers and macOS bundle

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _log_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    level = _QT_LEVELS.get(kind, logging.WARNING)
    logging.getLogger("qt").log(level, "%s", message)
    if level >= logging.ERROR:
        print(f"meetingroom: {message.splitlines()[0] if message else 'Qt error'}", file=sys.stderr)


# The X11 libraries Qt's xcb plugin loads (from its ELF NEEDED list) and their Debian packages.
# Every Linux desktop has them; a minimal or server install may not.
_X11_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
}


def missing_window_library() -> str | None:
    """On X11, say plainly which desktop libraries are missing instead of letting Qt abort."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("WAYLAND_DISPLAY") or not os.environ.get("DISPLAY"):
        return None
    import ctypes

    missing = []
    for library, package in _X11_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    if not missing:
        return None
    return ("this system lacks X11 libraries that Qt needs to open a window; a desktop install "
            f"has them (Debian or Ubuntu packages: {' '.join(missing)})")


def install_translations(app: QApplication) -> list[QTranslator]:
    """en-GB is the source language; other languages load from resources/i18n when present."""
    translators = []
    locale = QLocale()
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("meetingroom", str(paths.resources_dir() / "i18n")),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(APP_ID)
    if sys.platform == "win32":  # group its windows with the Start-menu shortcut's (same id)
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_ID)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setWindowIcon(app_icon())
    install_translations(app)
    return app


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """MeetingRoom's icon at every size it ships (resources/icons), for every window."""
    icon = QIcon()
    folder = paths.resources_dir() / "icons"
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"meetingroom-{size}.png"))
    return icon


def seconds_since_start() -> float | None:
    """Wall-clock seconds since this process started (on Linux, from /proc), else None."""
    try:
        after_name = Path("/proc/self/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        started = int(after_name[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime, in ticks
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return uptime - started


class FirstPaint(QObject):
    """Logs once when the main window has been shown and painted, with how long start-up took:
    a figure for support ("it is slow to start on this laptop") and for the package test."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)  # after the whole window has been painted
        return False

    def report(self) -> None:
        age = seconds_since_start()
        log.info("main window shown and painted%s, with %s",
                 "" if age is None else f" {age:.2f} s after the process started",
                 "a workspace open" if self.window.session is not None else "no workspace open")


def build_window(
    app: QApplication,
    settings: Settings,
    workspace: Path | None = None,
    theme: str | None = None,
    text_scale: int | None = None,
) -> MainWindow:
    appearance = Appearance(app, settings, parent=app)
    if theme is not None:
        appearance.set_theme(theme)
    if text_scale is not None:
        appearance.set_text_scale(text_scale)
    if theme is None and text_scale is None:
        appearance.apply()
    window = MainWindow(settings, appearance)
    start_with = workspace or _last_workspace(settings)
    if start_with is not None:
        if start_with.exists():
            window.open_workspace(start_with)
        else:
            window.create_workspace_at(start_with)
    return window


def _last_workspace(settings: Settings) -> Path | None:
    last = settings.get("last_workspace")
    if last and Path(last).exists():
        return Path(last)
    default = paths.default_workspace()
    return default if default.exists() else None


def run(workspace: Path | None = None, theme: str | None = None, text_scale: int | None = None) -> int:
    freeze_support()  # a frozen app's child processes (documents, speech)
    qInstallMessageHandler(_log_qt_message)
    missing = missing_window_library()
    if missing:
        log.error("cannot open a window: libxcb-cursor missing")
        print(f"meetingroom: cannot open a window: {missing}", file=sys.stderr)
        return 1
    log.info("MeetingRoom %s starting", __version__)
    app = create_application()
    window = build_window(app, Settings(), workspace, theme, text_scale)
    window.installEventFilter(FirstPaint(window))
    window.show()
    code = app.exec()
    log.info("MeetingRoom closed")
    return code


def freeze_support() -> None:
    """What a frozen (PyInstaller) app needs before its child processes can start; nothing
    otherwise, so a normal start does not pay for importing multiprocessing."""
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()


def main() -> int:
    freeze_support()
    from meetingroom.cli import main as cli_main

    return cli_main(sys.argv[1:])
