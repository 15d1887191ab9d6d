"""The main window: welcome page or an open workspace, menus, and the status bar."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from meetingroom import paths
from meetingroom.domain.group import Group
from meetingroom.settings import Settings
from meetingroom.store import Workspace, WorkspaceError
from meetingroom.store.backups import restore_copy
from meetingroom.store.groups import get_group, save_group
from meetingroom.ui.appearance import Appearance
from meetingroom.ui.menus import MenuBar
from meetingroom.ui.new_group_dialog import NewGroupDialog
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.welcome import WelcomePage
from meetingroom.ui.workspace_page import WorkspacePage

log = logging.getLogger(__name__)

EXAMPLE_FILE = "example-group" + paths.WORKSPACE_SUFFIX


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, appearance: Appearance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.appearance = appearance
        self.session: WorkspaceSession | None = None
        self.workspace_page: WorkspacePage | None = None
        self.refusal: QMessageBox | None = None
        self.setWindowTitle("MeetingRoom")
        self.setAccessibleName(self.tr("MeetingRoom"))
        self.resize(1100, 720)

        self.pages = QStackedWidget()
        self.welcome = WelcomePage()
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)
        self.welcome.new_group_requested.connect(self.new_group)
        self.welcome.example_requested.connect(self.open_example)
        self.welcome.open_requested.connect(self.choose_workspace)

        self.menu = MenuBar(self)
        self.setMenuBar(self.menu)
        self.workspace_label = QLabel()
        self.saved_label = QLabel()
        self.statusBar().addWidget(self.workspace_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._show_status()

    # -- workspaces ------------------------------------------------------------------------

    def open_workspace(self, path: Path) -> bool:
        """Open a workspace; a refused file gets its reason and the offer of a good backup."""
        try:
            workspace = Workspace.open(path, backup_in_background=True)
        except WorkspaceError as error:
            self._refuse(error)
            return False
        self._use(workspace)
        return True

    def _use(self, workspace: Workspace) -> None:
        if self.session is not None:
            self._finish_editing()
            self.session.close()
        if self.workspace_page is not None:
            self.pages.removeWidget(self.workspace_page)
            self.workspace_page.deleteLater()
        self.session = WorkspaceSession(workspace, self)
        self.session.changed.connect(lambda _tables: self._show_status(saved=True))
        self.session.undo_stack.canUndoChanged.connect(self.menu.undo_action.setEnabled)
        self.session.undo_stack.canRedoChanged.connect(self.menu.redo_action.setEnabled)
        self.session.undo_stack.undoTextChanged.connect(
            lambda text: self.menu.undo_action.setText(self.tr("&Undo %1").replace("%1", text).strip()))
        self.session.undo_stack.redoTextChanged.connect(
            lambda text: self.menu.redo_action.setText(self.tr("&Redo %1").replace("%1", text).strip()))
        self.workspace_page = WorkspacePage(self.session)
        self.pages.addWidget(self.workspace_page)
        self.pages.setCurrentWidget(self.workspace_page)
        self.settings.add_recent(workspace.path)
        self.welcome.show_message("")
        self._show_status()
        self.workspace_page.navigation.setFocus()

    def _refuse(self, error: WorkspaceError) -> None:
        text = self.tr("MeetingRoom cannot open “%1”: %2.").replace("%1", error.path.name).replace(
            "%2", error.reason)
        text += " " + self.tr("The file has not been changed.")
        self.welcome.show_message(text)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot open workspace"), text,
                          QMessageBox.StandardButton.Close, self)
        restore = None
        if error.backup is not None:
            box.setInformativeText(self.tr("A good backup from %1 is available.").replace(
                "%1", _backup_when(error.backup)))
            restore = box.addButton(self.tr("Open a copy of the backup"), QMessageBox.ButtonRole.AcceptRole)
        box.finished.connect(lambda _result: self._after_refusal(box, error, restore))
        self.refusal = box
        box.open()

    def _after_refusal(self, box: QMessageBox, error: WorkspaceError, restore: object) -> None:
        self.refusal = None
        if restore is not None and box.clickedButton() is restore and error.backup is not None:
            copy = restore_copy(error.backup, error.path)
            self.open_workspace(copy)

    def new_group(self) -> None:
        dialog = NewGroupDialog(self)
        dialog.accepted.connect(lambda: self._create_group(dialog.name.text().strip(), dialog.path()))
        dialog.open()

    def create_workspace_at(self, path: Path) -> None:
        """A --workspace path that does not exist yet starts a new group named after the file."""
        self._create_group(path.stem.replace("-", " ").replace("_", " ").strip().capitalize()
                           or self.tr("New group"), path)

    def _create_group(self, name: str, path: Path) -> None:
        try:
            workspace = Workspace.create(path)
        except (WorkspaceError, OSError) as error:
            reason = error.reason if isinstance(error, WorkspaceError) else str(error.strerror)
            QMessageBox.warning(self, self.tr("Cannot create workspace"), reason)
            return
        save_group(workspace, Group(name=name))
        self._use(workspace)

    def open_example(self) -> None:
        path = paths.data_dir() / EXAMPLE_FILE
        if not path.exists():
            from meetingroom.example import write_example  # only needed on this path

            write_example(path)
        self.open_workspace(path)

    def choose_workspace(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a workspace"), str(paths.data_dir()),
            self.tr("MeetingRoom workspaces (*.meetingroom);;All files (*)"))
        if chosen:
            self.open_workspace(Path(chosen))

    # -- edit, help, status ----------------------------------------------------------------

    def undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    def show_about(self) -> None:
        from meetingroom.ui.about import show_about

        show_about(self)

    def _show_status(self, saved: bool = False) -> None:
        if self.session is None:
            self.setWindowTitle("MeetingRoom")
            self.workspace_label.setText(self.tr("No workspace open"))
            self.saved_label.setText("")
            return
        group = get_group(self.session.workspace)
        name = group.name if group else self.session.name
        self.setWindowTitle(self.tr("%1 — MeetingRoom").replace("%1", name))
        self.workspace_label.setText(self.tr("Workspace: %1").replace("%1", name))
        when = QTime.currentTime().toString("HH:mm") if saved else ""
        self.saved_label.setText(
            self.tr("All changes saved at %1").replace("%1", when) if when else self.tr("All changes saved"))

    def _finish_editing(self) -> None:
        """Fields save on losing focus: let the one being typed in save before the workspace closes."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None:
            self._finish_editing()
            self.session.close()
            self.session = None
        super().closeEvent(event)


def _backup_when(backup: Path) -> str:
    """The date and time in a backup's file name (…-YYYYmmdd-HHMMSS-ffffff)."""
    parts = backup.stem.split("-")
    if len(parts) >= 3 and parts[-3].isdigit() and parts[-2].isdigit():
        day, clock = parts[-3], parts[-2]
        return f"{day[6:8]}/{day[4:6]}/{day[0:4]} {clock[0:2]}:{clock[2:4]}"
    return backup.name
