"""The Papers view: the group's papers on the left (new, import, rename, delete — all undoable),
and the chosen paper on the right in two tabs: its editor (plain-language check, "Make this
paper…") and its hand-made easy read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meetingroom.documents.paper_import import SUFFIXES, PaperImportError, read_paper
from meetingroom.domain.papers import Paper
from meetingroom.store.groups import get_group
from meetingroom.ui.easy_read_editor import EasyReadEditor
from meetingroom.ui.paper_audio import PaperAudioMaker
from meetingroom.ui.paper_commands import AddPaper, DeletePaper
from meetingroom.ui.paper_editor import PaperEditor
from meetingroom.ui.paper_list_model import PAPER_ID_ROLE, PaperListModel
from meetingroom.ui.paper_print import PaperPrinter
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import LazyTabs, View, explanation, heading


class PapersView(View):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("PapersView", "Papers")

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.message: QMessageBox | None = None
        self._showing: int | None = None
        self._row = 0  # the row last chosen: after a delete, the paper below it is shown
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(explanation(self.tr(
            "Write or import a paper, check it for plain language, and make it in standard, "
            "large print or easy read.")))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self._list_panel())
        self.editor = PaperEditor(session)
        self.audio, self.printer = PaperAudioMaker(self.editor), PaperPrinter(self.editor)
        self.easy_read: EasyReadEditor | None = None
        self.tabs = LazyTabs(self.tr("Parts of the chosen paper"))
        self.tabs.add(self.tr("P&aper"), lambda: self.editor)
        self.tabs.add(self.tr("&Easy read"), self._make_easy_read)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)
        self.model.modelReset.connect(self._reselect)
        self.list.selectionModel().currentChanged.connect(self._chosen)
        self._reselect()

    def _list_panel(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        self.model = PaperListModel(self.session)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Papers"))
        self.list.setAccessibleDescription(self.tr("F2 renames the chosen paper"))
        self.list.setTabKeyNavigation(False)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        label = QLabel(self.tr("&Papers:"))
        label.setBuddy(self.list)
        column.addWidget(label)
        column.addWidget(self.list, 1)
        self.new_button = QPushButton(self.tr("&New paper"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.setToolTip(self.tr("Read a paper from a .txt, .md or .docx file"))
        self.rename_button = QPushButton(self.tr("&Rename"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.new_button.clicked.connect(self.new_paper)
        self.import_button.clicked.connect(self.ask_import)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        buttons = QGridLayout()
        for index, button in enumerate((self.new_button, self.import_button, self.rename_button,
                                        self.delete_button)):
            buttons.addWidget(button, index // 2, index % 2)
        column.addLayout(buttons)
        return panel

    # Choosing ------------------------------------------------------------------------------

    def current_paper_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(PAPER_ID_ROLE) if index.isValid() else None

    def select(self, paper_id: int | None) -> None:
        row = self.model.row_of(paper_id)
        if row < 0 and self.model.rowCount() > 0:
            row = min(max(self._row, 0), self.model.rowCount() - 1)
        if row < 0:
            self.list.setCurrentIndex(self.model.index(-1, 0))
            self._show(None)
            return
        self.list.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show(self.model.paper(row).id)

    def _make_easy_read(self) -> QWidget:
        self.easy_read = EasyReadEditor(self.session)
        self.easy_read.show_paper(self._showing)
        return self.easy_read

    def _reselect(self) -> None:
        self.select(self._showing)

    def _chosen(self) -> None:
        self._row = self.list.currentIndex().row()
        self._show(self.current_paper_id())

    def _show(self, paper_id: int | None) -> None:
        self._showing = paper_id
        self.editor.show_paper(paper_id)
        if self.easy_read is not None:
            self.easy_read.show_paper(paper_id)
        for button in (self.rename_button, self.delete_button):
            button.setEnabled(paper_id is not None)

    # Changing ------------------------------------------------------------------------------

    def _group_id(self) -> int | None:
        group = get_group(self.session.workspace)
        return group.id if group else None

    def _add(self, paper: Paper, text: str) -> int | None:
        self.editor.commit()
        command = AddPaper(self.session.workspace, paper, text)
        self.session.undo_stack.push(command)
        self.select(command.paper_id)
        return command.paper_id

    def new_paper(self) -> int | None:
        """Add a blank paper, show it, and put the cursor in its title."""
        paper_id = self._add(Paper(self.tr("New paper"), self._group_id()), self.tr("New paper"))
        self.tabs.setCurrentWidget(self.editor)
        self.editor.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.title.selectAll()
        return paper_id

    def import_file(self, path: Path) -> int | None:
        """Read a paper from a .txt, .md or .docx file and add it; say why when it cannot be read."""
        try:
            paper = read_paper(Path(path))
        except PaperImportError as error:
            self._tell(self.tr("The paper could not be imported"), error.reason)
            return None
        paper.group_id = self._group_id()
        return self._add(paper, self.tr("Import paper"))

    def ask_import(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUFFIXES)
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import a paper"), str(self.session.path.parent),
                                                self.tr("Papers (%1)").replace("%1", patterns))
        if chosen:
            self.import_file(Path(chosen))

    def rename(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.list.edit(index)

    def delete(self) -> None:
        paper_id = self.current_paper_id()
        if paper_id is None:
            return
        self.editor.commit()
        self._row = self.list.currentIndex().row()
        self.session.undo_stack.push(DeletePaper(self.session.workspace, paper_id))

    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Close, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.message = box
        box.open()
