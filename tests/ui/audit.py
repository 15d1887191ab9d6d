"""The accessibility audit: accessible names, contrast, and a full Tab cycle, for any widget tree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from meetingroom.themes import Theme, contrast_ratio


def focusable_widgets(root: QWidget) -> list[QWidget]:
    """Visible, enabled widgets under root that Tab can reach (focus proxies resolved)."""
    found: list[QWidget] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root.window()) or not widget.isVisible() or not widget.isEnabled():
            continue
        if widget.focusProxy() is not None:
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus:
            found.append(widget)
    return found


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or widget.accessibleName() or '?'})"


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def unnamed(root: QWidget) -> list[str]:
    """UI1: every control that takes keyboard focus has a non-empty accessible name."""
    return [describe(w) for w in focusable_widgets(root) if not accessible_name(w).strip()]


def tab_cycle(start: QWidget, qtbot, limit: int = 400) -> tuple[list[QWidget], bool]:  # type: ignore[no-untyped-def]
    """Press Tab from `start` until focus comes back to it; return what was visited."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=2000)
    visited: list[QWidget] = []
    for _ in range(limit):
        current = QApplication.focusWidget()
        assert current is not None, "focus was lost"
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start:
            return visited, True
        if now is not None:
            visited.append(now)
    return visited, False


def contrast_problems(theme: Theme, palette: QPalette) -> list[str]:
    """UI3: the applied palette's text pairs and the theme's focus colour meet the ratio."""
    need = theme.required_text_ratio
    groups = QPalette.ColorGroup
    roles = QPalette.ColorRole
    pairs = [
        ("text on window", roles.WindowText, roles.Window, need),
        ("text on base", roles.Text, roles.Base, need),
        ("text on alternate base", roles.Text, roles.AlternateBase, need),
        ("button text", roles.ButtonText, roles.Button, need),
        ("selected text", roles.HighlightedText, roles.Highlight, need),
        ("tooltip", roles.ToolTipText, roles.ToolTipBase, need),
    ]
    problems = []
    for what, fg, bg, ratio in pairs:
        for group in (groups.Active, groups.Inactive):
            got = contrast_ratio(palette.color(group, fg).name(), palette.color(group, bg).name())
            if got < ratio:
                problems.append(f"{theme.name}: {what} ({group.name}) is {got:.2f}:1, needs {ratio}:1")
    window = palette.color(groups.Active, roles.Window).name()
    base = palette.color(groups.Active, roles.Base).name()
    for background in (window, base):
        got = contrast_ratio(theme.colours["focus"], background)
        if got < 3.0:
            problems.append(f"{theme.name}: focus indicator is {got:.2f}:1 on {background}, needs 3:1")
    return problems + theme.contrast_failures()
