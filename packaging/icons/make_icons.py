"""Render the MeetingRoom app icon from its SVG source into PNG, ICO and ICNS files.

Each size is rendered from the SVG on its own (never scaled down from a big image), so small
sizes stay sharp. Run from the repository root; the output is the same byte for byte every time:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons/make_icons.py
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging" / "icons"
SOURCE = PACKAGING / "meetingroom.svg"
RESOURCES = ROOT / "resources" / "icons"

# The app's window icon and the Linux hicolor theme use these; the Windows .ico holds them all.
APP_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Pillow's ICNS writer takes a 1024 image and these as its smaller entries.
ICNS_SIZES = (32, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """Draw the SVG antialiased onto a transparent size x size image."""
    canvas = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    rgba = canvas.convertToFormat(QImage.Format.Format_RGBA8888)
    stride = rgba.bytesPerLine()
    return Image.frombuffer("RGBA", (size, size), bytes(rgba.constBits()), "raw", "RGBA", stride, 1)


def write_png(image: Image.Image, path: Path) -> None:
    """Save one PNG (Pillow writes no timestamp, so reruns give identical files)."""
    image.save(path, format="PNG", optimize=True)


def write_ico(images: dict[int, Image.Image], path: Path) -> None:
    """Windows icon: one separately rendered frame per size in APP_SIZES."""
    largest = images[max(APP_SIZES)]
    others = [images[size] for size in APP_SIZES if size != largest.width]
    largest.save(path, format="ICO", sizes=[(s, s) for s in APP_SIZES], append_images=others)


def write_icns(images: dict[int, Image.Image], path: Path) -> None:
    """macOS icon: a 1024 image with the smaller rendered sizes supplied alongside."""
    images[1024].save(path, format="ICNS", append_images=[images[s] for s in ICNS_SIZES])


def main() -> int:
    """Render every size and write the icon files; return a process exit status."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # QPainter needs a GUI application to exist while it draws.
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in sorted({*APP_SIZES, *ICNS_SIZES, 1024})}
    RESOURCES.mkdir(parents=True, exist_ok=True)
    for size in APP_SIZES:
        write_png(images[size], RESOURCES / f"meetingroom-{size}.png")
    shutil.copyfile(SOURCE, RESOURCES / "meetingroom.svg")
    write_png(images[512], PACKAGING / "meetingroom-512.png")
    write_ico(images, PACKAGING / "meetingroom.ico")
    write_icns(images, PACKAGING / "meetingroom.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
