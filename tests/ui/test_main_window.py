"""The main window as a person uses it: welcome, example, menus, undo, themes, text size."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from meetingroom import paths
from meetingroom.logs import log_file
from meetingroom.settings import Settings
from meetingroom.store import Workspace
from meetingroom.store.groups import get_group
from meetingroom.store.members import list_members
from meetingroom.ui.new_group_dialog import NewGroupDialog
from meetingroom.ui.views import VIEWS


def test_first_start_shows_the_welcome_screen(open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    assert window.pages.currentWidget() is window.welcome
    assert window.workspace_label.text() == "No workspace open"


def test_explore_the_example_group_from_the_welcome_screen(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    qtbot.mouseClick(window.welcome.example, Qt.MouseButton.LeftButton)
    assert window.workspace_page is not None
    assert window.pages.currentWidget() is window.workspace_page
    assert window.saved_label.text() == "All changes saved"
    assert "Workspace:" in window.workspace_label.text()
    view = window.workspace_page.current_view()
    assert view.model.rowCount() >= 10
    assert Settings().get("last_workspace").endswith("example-group.meetingroom")


def test_start_a_new_group_by_keyboard(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.welcome.new_group.setFocus()
    qtbot.keyClick(window.welcome.new_group, Qt.Key.Key_Space)
    dialog = window.findChild(NewGroupDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Carers' Voice <Wrexham>")
    target = dialog.path()
    assert target.parent == paths.data_dir() and target.suffix == ".meetingroom"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session is not None)
    assert target.exists() and oct(target.stat().st_mode & 0o777) == "0o600"
    with Workspace.open(target, backup=False) as ws:
        group = get_group(ws)
        assert group is not None and group.name == "Carers' Voice <Wrexham>"
    assert "Carers' Voice <Wrexham>" in window.windowTitle()


def test_new_group_needs_a_name(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.new_group()
    dialog = window.findChild(NewGroupDialog)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "name" in dialog.problem.text()


def test_rename_group_is_undoable_from_the_edit_menu(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(workspace=example_path)
    view = window.workspace_page.current_view().settings()
    old = view.group_name.text()
    view.group_name.selectAll()
    qtbot.keyClicks(view.group_name, "Renamed & Co")
    qtbot.keyClick(view.group_name, Qt.Key.Key_Return)
    assert get_group(window.session.workspace).name == "Renamed & Co"
    assert window.menu.undo_action.isEnabled()
    assert "Rename group" in window.menu.undo_action.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_group(window.session.workspace).name == old
    assert view.group_name.text() == old
    window.menu.redo_action.trigger()
    assert view.group_name.text() == "Renamed & Co"


def test_navigation_by_keyboard_shortcuts(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(workspace=example_path)
    page = window.workspace_page
    for number, entry in enumerate(VIEWS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert isinstance(page.current_view(), entry.load())
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert page.current_view().model.rowCount() == 2


def test_menus_have_the_usual_shortcuts(open_window) -> None:  # type: ignore[no-untyped-def]
    menu = open_window().menu
    assert menu.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert menu.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert menu.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert menu.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    titles = [action.text() for action in menu.actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]


def test_theme_and_text_size_persist_between_runs(open_window, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    base = QApplication.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.appearance.text_scale == 125
    assert QApplication.font().pointSizeF() > base
    dark = next(a for a in window.menu.theme_group.actions() if a.data() == "high-contrast-dark")
    dark.trigger()
    assert QApplication.palette().window().color().name() == "#000000"
    window.close()
    again = open_window()
    assert again.appearance.theme.name == "high-contrast-dark"
    assert again.appearance.text_scale == 125
    assert Settings().get("theme") == "high-contrast-dark"


def test_text_scale_and_theme_from_the_command_line(open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(theme="low-glare", text_scale=200)
    assert window.appearance.text_scale == 200
    assert QApplication.font().family() == "Atkinson Hyperlegible"


def test_a_damaged_workspace_is_refused_and_a_backup_offered(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    Workspace.open(example_path).close()  # a good backup
    data = example_path.read_bytes()
    example_path.write_bytes(data[: len(data) // 3])
    before = hashlib.sha256(example_path.read_bytes()).hexdigest()
    window = open_window(workspace=example_path)
    assert window.session is None
    assert "cut short" in window.welcome.message.text()
    box = window.refusal
    assert box is not None and box.isVisible()
    restore = next(b for b in box.buttons() if "backup" in b.text())
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None)
    assert "restored" in window.session.path.name
    assert len(list_members(window.session.workspace)) >= 10
    assert hashlib.sha256(example_path.read_bytes()).hexdigest() == before


def test_the_log_has_no_personal_details(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    import logging

    from meetingroom.logs import set_up_logging

    set_up_logging()
    window = open_window(workspace=example_path)
    names = [m.name for m in list_members(window.session.workspace)]
    logging.getLogger("meetingroom").error("a test error")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file().read_text(encoding="utf-8")
    assert "a test error" in text
    assert not [name for name in names if name in text]


def test_first_run_follows_the_systems_high_contrast_preference(open_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from meetingroom.ui import appearance

    monkeypatch.setattr(appearance, "system_theme_name", lambda app: "high-contrast-light")
    assert open_window().appearance.theme.name == "high-contrast-light"
    Settings().set("theme", "low-glare")
    assert open_window().appearance.theme.name == "low-glare"


@pytest.mark.parametrize("keys", [(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
                                  (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)])
def test_redo_by_either_key(keys, example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(workspace=example_path)
    name = window.workspace_page.current_view().settings().group_name
    old = name.text()
    name.selectAll()
    qtbot.keyClicks(name, "Redone")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_group(window.session.workspace).name == old
    qtbot.keyClick(window, *keys)
    assert get_group(window.session.workspace).name == "Redone"


def test_each_view_title_is_known_before_its_module_loads() -> None:
    for entry in VIEWS:
        assert entry.load().title() == entry.title()
