"""The About box: what MeetingRoom is, and the licences of what it ships."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from meetingroom import __version__


def about_text() -> str:
    return QCoreApplication.translate(
        "About",
        "<h2>MeetingRoom %1</h2>"
        "<p>Run accessible, inclusive meetings: co-produced agendas, papers in every format, "
        "fair speaking turns, and follow-up letters that say what happened.</p>"
        "<p>Everything stays on this computer. Nothing is sent anywhere.</p>"
        "<h3>Licences and attributions</h3>"
        "<ul>"
        "<li>Pictures: all emojis designed by OpenMoji, the open-source emoji and icon project. "
        "Licence: CC BY-SA 4.0.</li>"
        "<li>Font: Atkinson Hyperlegible by the Braille Institute of America, "
        "SIL Open Font Licence 1.1.</li>"
        "<li>Qt for Python (PySide6), LGPL 3. reportlab, BSD. python-docx, MIT. "
        "pyttsx3, MPL 2.0. eSpeak NG, GPL 3. platformdirs, MIT. textstat, MIT. "
        "icalendar, BSD.</li>"
        "</ul>"
    ).replace("%1", __version__)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "About MeetingRoom"), about_text())
