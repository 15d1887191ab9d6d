"""Print and print preview of a paper in any printed format: the format dialog and the
"Print or preview…" button of the paper editor. The page layout is in `print_layout`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingroom.documents.layout import clean_text
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.pack_contents import paper_document
from meetingroom.language.glossary import Glossary
from meetingroom.store.glossary import group_terms
from meetingroom.store.groups import get_group
from meetingroom.store.papers import get_paper
from meetingroom.ui.paper_editor import PaperEditor
from meetingroom.ui.paper_make_dialog import PrintedFormatChoice
from meetingroom.ui.print_layout import a4_printer, print_document, print_pages

__all__ = ["PaperPrinter", "PrintPaperDialog", "a4_printer", "print_document", "print_pages"]


def _t(text: str) -> str:
    return QCoreApplication.translate("paper_print", text)

class PrintPaperDialog(QDialog, PrintedFormatChoice):
    """Asks for the printed format and size, then shows the preview or the print dialog."""

    def __init__(self, paper_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Print this paper"))
        layout = QVBoxLayout(self)
        intro = QLabel(_t("Print “%1”. Choose the format.").replace("%1", paper_title))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        PrintedFormatChoice.add_to(self, form)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = buttons.addButton(_t("Pre&view…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = buttons.addButton(_t("&Print…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview_button.setDefault(True)
        self.wants_preview = True
        self.preview_button.clicked.connect(lambda: self._chosen(preview=True))
        self.print_button.clicked.connect(lambda: self._chosen(preview=False))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _chosen(self, preview: bool) -> None:
        self.wants_preview = preview
        self.accept()


def name_preview_controls(dialog: QPrintPreviewDialog) -> None:
    """Qt's preview leaves its page number box, zoom box and pages without names (UI1)."""
    for edit in dialog.findChildren(QLineEdit):
        if not edit.accessibleName():
            edit.setAccessibleName(_t("Page number"))
    for box in dialog.findChildren(QComboBox):
        if not box.accessibleName():
            box.setAccessibleName(_t("Zoom"))
    for pages in dialog.findChildren(QGraphicsView):
        if not pages.accessibleName():
            pages.setAccessibleName(_t("Pages"))


class PaperPrinter(QObject):
    """Adds "Print…" to a paper editor: a format, then the preview (which can print) or the
    print dialog. `preview` and `printing` are the dialogs last shown (for tests)."""

    def __init__(self, editor: PaperEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.preview: QPrintPreviewDialog | None = None
        self.printing: QPrintDialog | None = None
        self.chooser: PrintPaperDialog | None = None
        self._kept: tuple[QPrinter, QTextDocument] | None = None
        self.button: QPushButton = editor.add_maker(_t("Print or pre&view…"), self.ask)
        self.button.setToolTip(_t("Print the paper, or see it first: standard, large print or easy read"))

    def document(self, paper_id: int) -> Document:
        ws = self.editor.session.workspace
        group = get_group(ws)
        return paper_document(get_paper(ws, paper_id), Glossary.load(tuple(group_terms(ws))),
                              group.name if group else "")

    def ask(self, paper_id: int) -> None:
        self.chooser = PrintPaperDialog(get_paper(self.editor.session.workspace, paper_id).title, self.editor)
        self.chooser.accepted.connect(lambda: self._chosen(paper_id))
        self.chooser.open()

    def _chosen(self, paper_id: int) -> None:
        assert self.chooser is not None
        if self.chooser.wants_preview:
            self.show_preview(paper_id, self.chooser.profile())
        else:
            self.show_print_dialog(paper_id, self.chooser.profile())

    def show_preview(self, paper_id: int, profile: FormatProfile) -> QPrintPreviewDialog:
        source = self.document(paper_id)
        printed = print_document(source, profile)
        printer = a4_printer(source.title)
        dialog = QPrintPreviewDialog(printer, self.editor)
        self._kept = (printer, printed)  # the dialog uses both and owns neither
        dialog.setWindowTitle(_t("Print preview: %1").replace("%1", clean_text(source.title)))
        dialog.paintRequested.connect(lambda chosen: print_pages(printed, chosen))
        name_preview_controls(dialog)
        dialog.finished.connect(self._preview_closed)
        self.preview = dialog
        dialog.open()
        return dialog

    def _preview_closed(self) -> None:
        if self.preview is not None:
            self.preview.deleteLater()
            self.preview = None

    def show_print_dialog(self, paper_id: int, profile: FormatProfile) -> QPrintDialog:
        source = self.document(paper_id)
        printed = print_document(source, profile)
        printer = a4_printer(source.title)
        dialog = QPrintDialog(printer, self.editor)
        self._kept = (printer, printed)
        dialog.accepted.connect(lambda: print_pages(printed, printer))
        dialog.finished.connect(dialog.deleteLater)
        self.printing = dialog
        dialog.open()
        return dialog
