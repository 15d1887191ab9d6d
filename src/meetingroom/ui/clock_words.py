"""Times said in words as well as figures: "2:05 left", "1 minute over" (UI6).

A timer running out must never be shown by colour alone, so every countdown in the console
and on the projector goes through these. Seconds are whole seconds, rounded up while time is
left (so "0:00 left" only shows at the end) and down once it is over.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("ClockWords", text)


def whole_seconds(seconds: float) -> int:
    """Seconds left as a whole number: up while time is left, down once it is over."""
    return math.ceil(seconds) if seconds >= 0 else -math.ceil(-seconds)


def figures(seconds: float) -> str:
    """"2:05", for a countdown; over time shows as "+1:10"."""
    whole = whole_seconds(seconds)
    sign = "+" if whole < 0 else ""
    minutes, secs = divmod(abs(whole), 60)
    return f"{sign}{minutes}:{secs:02d}"


def _amount(whole: int) -> str:
    minutes, secs = divmod(abs(whole), 60)
    if minutes and secs:
        return _tr("%1 min %2 sec").replace("%1", str(minutes)).replace("%2", str(secs))
    if minutes:
        return (_tr("1 minute") if minutes == 1 else _tr("%1 minutes")).replace("%1", str(minutes))
    return (_tr("1 second") if secs == 1 else _tr("%1 seconds")).replace("%1", str(secs))


def left_or_over(seconds: float) -> str:
    """"2 min 5 sec left", "1 minute over", "Time is up": the words beside a countdown."""
    whole = whole_seconds(seconds)
    if whole == 0:
        return _tr("Time is up")
    if whole > 0:
        return _tr("%1 left").replace("%1", _amount(whole))
    return _tr("%1 over").replace("%1", _amount(whole))


def is_over(seconds: float | None) -> bool:
    return seconds is not None and whole_seconds(seconds) <= 0


def mark_over(label: QWidget, over: bool) -> None:
    """Style a countdown as run out (the theme's `QLabel[over="true"]`), re-polishing on change."""
    if bool(label.property("over")) == over:
        return
    label.setProperty("over", over)
    label.style().unpolish(label)
    label.style().polish(label)
