""""Make this paper…": choose a printed format (standard, large print at a size, easy read) and a
folder; the files are then made in the background by `paper_making`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingroom.documents.model import FormatProfile
from meetingroom.domain.people import DEFAULT_LARGE_PRINT_SIZE, LARGE_PRINT_SIZES, FormatKind
from meetingroom.ui.labels import label

PRINTED = (FormatKind.STANDARD, FormatKind.LARGE_PRINT, FormatKind.EASY_READ)


class PrintedFormatChoice:
    """The format and large-print size rows both paper dialogs ask with, and their answers.

    A dialog calls `add_to(self, form)` and inherits `choose`, `kind` and `profile`; the size
    is only enabled for large print."""

    format: QComboBox
    size: QComboBox
    size_label: QLabel

    def add_to(self, form: QFormLayout) -> None:
        self.format = QComboBox()
        self.format.setAccessibleName(_t("Format"))
        for kind in PRINTED:
            self.format.addItem(label(kind), kind.value)
        format_label = QLabel(_t("&Format:"))
        format_label.setBuddy(self.format)
        form.addRow(format_label, self.format)
        self.size = QComboBox()
        self.size.setAccessibleName(_t("Print size"))
        for size in LARGE_PRINT_SIZES:
            self.size.addItem(_t("%1 point").replace("%1", str(size)), size)
        self.size.setCurrentIndex(LARGE_PRINT_SIZES.index(DEFAULT_LARGE_PRINT_SIZE))
        self.size_label = QLabel(_t("Print &size:"))
        self.size_label.setBuddy(self.size)
        form.addRow(self.size_label, self.size)
        self.format.currentIndexChanged.connect(self._show_size)
        self._show_size()

    def _show_size(self) -> None:
        large = self.kind() is FormatKind.LARGE_PRINT
        self.size.setEnabled(large)
        self.size_label.setEnabled(large)

    def choose(self, kind: FormatKind, size: int | None = None) -> None:
        self.format.setCurrentIndex(self.format.findData(kind.value))
        if size is not None:
            self.size.setCurrentIndex(self.size.findData(size))

    def kind(self) -> FormatKind:
        return FormatKind(self.format.currentData())

    def profile(self) -> FormatProfile:
        kind = self.kind()
        return FormatProfile(kind, self.size.currentData() if kind is FormatKind.LARGE_PRINT else None)


def _t(text: str) -> str:
    return QCoreApplication.translate("PrintedFormatChoice", text)


class MakePaperDialog(QDialog, PrintedFormatChoice):
    """Asks for the format, the large-print size and the folder. `profile()` and `folder()`
    give the answers once accepted."""

    def __init__(self, paper_title: str, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make this paper"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Make “%1” as a PDF for printing and a Word file.").replace("%1", paper_title))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        PrintedFormatChoice.add_to(self, form)
        self.folder_edit = QLineEdit(str(folder))
        self.folder_edit.setAccessibleName(self.tr("Folder"))
        browse = QPushButton(self.tr("&Choose…"))
        browse.setAccessibleName(self.tr("Choose the folder"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        folder_label = QLabel(self.tr("F&older:"))
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make_button = buttons.addButton(self.tr("&Make the files"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.folder_edit.textChanged.connect(self._check)

    def _check(self) -> None:
        self.make_button.setEnabled(bool(self.folder_edit.text().strip()))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the files"),
                                                  self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()
