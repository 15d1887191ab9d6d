"""Start-up guards: a missing X11 library is named plainly instead of Qt aborting."""

from __future__ import annotations

import ctypes

import pytest

from meetingroom import app


def test_missing_x11_libraries_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(app.sys, "platform", "linux")

    def cdll(name: str) -> object:
        if name in ("libxcb-icccm.so.4", "libxcb-cursor.so.0"):
            raise OSError(name)
        return object()

    monkeypatch.setattr(ctypes, "CDLL", cdll)
    message = app.missing_window_library()
    assert message is not None and "libxcb-icccm4" in message and "libxcb-cursor0" in message
    assert "libxcb-keysyms1" not in message


def test_no_check_when_qt_platform_is_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.missing_window_library() is None


def test_the_app_icon_has_every_size_it_ships(qapp: object) -> None:
    icon = app.app_icon()
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert sizes == {(n, n) for n in app.ICON_SIZES}
    small = icon.pixmap(16, 16).toImage()
    assert not small.isNull() and small.pixelColor(8, 8).alpha() == 255


def test_the_log_says_when_the_window_was_painted_and_with_a_workspace(
        open_window, example_path, qtbot, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    window.hide()
    window.installEventFilter(app.FirstPaint(window))
    with caplog.at_level("INFO", logger="meetingroom.app"):
        window.show()
        qtbot.waitUntil(lambda: "main window shown and painted" in caplog.text)
    line = next(r.getMessage() for r in caplog.records if "painted" in r.getMessage())
    assert line.endswith("after the process started, with a workspace open"), line
    seconds = float(line.split("painted ")[1].split(" s ")[0])
    assert 0 < seconds < 600


def test_seconds_since_start_is_this_process_age() -> None:
    import time

    first = app.seconds_since_start()
    time.sleep(0.2)
    second = app.seconds_since_start()
    assert first is not None and second is not None
    assert 0.1 <= second - first <= 5
