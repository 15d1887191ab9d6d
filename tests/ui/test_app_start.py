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
