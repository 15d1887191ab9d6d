"""OpenMoji pictures as pixmaps for lists of pictures, drawn only when a list asks for one.

Drawing a picture takes Pillow about 15 ms, and OpenMoji has 4,000, so a list must never draw
them all: `pixmap` gives a cached picture at once, or a blank and queues it; the queue is drawn
a few at a time between events (newest request first, so what is on screen now comes first)
and `ready` says which picture can now be shown. Pixmaps are kept for the life of the app.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap

from meetingroom.documents.picture_images import picture_png

TURN_MS = 25  # longest stretch of drawing before the event loop runs again

_drawn: dict[tuple[str, int], QPixmap] = {}


def picture_pixmap(code: str, px: int) -> QPixmap:
    """The picture now, drawn if it is not yet (for the one large picture of a point)."""
    key = (code, px)
    pixmap = _drawn.get(key)
    if pixmap is None:
        pixmap = QPixmap()
        pixmap.loadFromData(picture_png(code, px), "PNG")
        _drawn[key] = pixmap
    return pixmap


class PictureIcons(QObject):
    """Pictures of one size for a list; `ready(code)` when a queued picture is drawn."""

    ready = Signal(str)

    def __init__(self, px: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.px = px
        self._queue: list[str] = []
        self._blank: QPixmap | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._draw_some)

    def set_size(self, px: int) -> None:
        self.px = px
        self._queue.clear()

    def pixmap(self, code: str) -> QPixmap:
        """The picture if it is drawn, else a blank of the same size while it is drawn."""
        drawn = _drawn.get((code, self.px))
        if drawn is not None:
            return drawn
        if code in self._queue:
            self._queue.remove(code)
        self._queue.append(code)
        if not self._timer.isActive():
            self._timer.start()
        if self._blank is None or self._blank.width() != self.px:
            self._blank = QPixmap(self.px, self.px)
            self._blank.fill(Qt.GlobalColor.transparent)
        return self._blank

    def pending(self) -> int:
        return len(self._queue)

    def _draw_some(self) -> None:
        until = time.monotonic() + TURN_MS / 1000
        done: list[str] = []
        while self._queue and (not done or time.monotonic() < until):
            code = self._queue.pop()
            picture_pixmap(code, self.px)
            done.append(code)
        for code in done:
            self.ready.emit(code)
        if self._queue:
            self._timer.start()
