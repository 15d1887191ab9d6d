"""The menu bar: File, Edit, View and Help, with the shortcuts people expect."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from meetingroom.ui.appearance import TEXT_SCALES

if TYPE_CHECKING:
    from meetingroom.ui.main_window import MainWindow


def _action(menu: QMenu, text: str, slot: Callable[[], object],
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
    action = QAction(text, menu)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


class MenuBar(QMenuBar):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setAccessibleName(self.tr("Menu bar"))
        tr = self.tr

        file_menu = self.addMenu(tr("&File"))
        self.new_action = _action(file_menu, tr("&New group…"), window.new_group, QKeySequence.StandardKey.New)
        self.open_action = _action(file_menu, tr("&Open workspace…"), window.choose_workspace,
                                   QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(tr("&Recent workspaces"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.example_action = _action(file_menu, tr("Explore the &example group"), window.open_example)
        file_menu.addSeparator()
        self.quit_action = _action(file_menu, tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.addMenu(tr("&Edit"))
        self.edit_menu = edit_menu
        self.undo_action = QAction(tr("&Undo"), edit_menu)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(tr("&Redo"), edit_menu)
        # Ctrl+Shift+Z and Ctrl+Y everywhere, without listing a key twice (Qt then ignores it).
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        redo_keys += [k for k in (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")) if k not in redo_keys]
        self.redo_action.setShortcuts(redo_keys)
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
            edit_menu.addAction(action)
        self.undo_action.triggered.connect(window.undo)
        self.redo_action.triggered.connect(window.redo)

        view_menu = self.addMenu(tr("&View"))
        theme_menu = view_menu.addMenu(tr("&Theme"))
        self.theme_group = QActionGroup(self)
        appearance = window.appearance
        for theme in appearance.themes:
            action = QAction(theme.label, theme_menu, checkable=True)
            action.setData(theme.name)
            action.setChecked(theme.name == appearance.theme.name)
            action.triggered.connect(lambda _checked=False, n=theme.name: appearance.set_theme(n))
            self.theme_group.addAction(action)
            theme_menu.addAction(action)
        size_menu = view_menu.addMenu(tr("Text &size"))
        _action(size_menu, tr("&Larger text"), lambda: appearance.step_text_scale(1),
                QKeySequence.StandardKey.ZoomIn)
        _action(size_menu, tr("&Smaller text"), lambda: appearance.step_text_scale(-1),
                QKeySequence.StandardKey.ZoomOut)
        _action(size_menu, tr("&Normal size"), lambda: appearance.set_text_scale(100), "Ctrl+0")
        size_menu.addSeparator()
        self.size_group = QActionGroup(self)
        for percent in TEXT_SCALES:
            action = QAction(tr("%1 per cent").replace("%1", str(percent)), size_menu, checkable=True)
            action.setData(percent)
            action.triggered.connect(lambda _checked=False, p=percent: appearance.set_text_scale(p))
            self.size_group.addAction(action)
            size_menu.addAction(action)
        appearance.changed.connect(self._show_appearance)
        self._show_appearance()

        help_menu = self.addMenu(tr("&Help"))
        self.about_action = _action(help_menu, tr("&About MeetingRoom"), window.show_about)

    def _show_appearance(self) -> None:
        appearance = self._window.appearance
        for action in self.theme_group.actions():
            action.setChecked(action.data() == appearance.theme.name)
        for action in self.size_group.actions():
            action.setChecked(action.data() == appearance.text_scale)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self._window.settings.get("recent_workspaces")
        if not recent:
            empty = self.recent_menu.addAction(self.tr("No recent workspaces"))
            empty.setEnabled(False)
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self._window.open_workspace(Path(p)))
