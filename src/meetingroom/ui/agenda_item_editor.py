"""The agenda item editor: every field of an item, with a plain-words hint under the title.

The dialog only collects values; the panel turns them into an undoable command. Also here:
`title_hard_words`, which finds the jargon and unexplained acronyms in a title for the
co-production checks and for the hint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.agenda import AgendaItem, ItemPurpose
from meetingroom.domain.agenda_checks import HardWord
from meetingroom.domain.papers import Paper
from meetingroom.domain.people import Member
from meetingroom.language.glossary import Glossary, find_acronyms
from meetingroom.ui.labels import label

HardWords = Callable[[str], Sequence[HardWord]]
MAX_MINUTES = 480
EDITOR_CHARACTERS = 60  # the editor's width, in characters of the current text size


def title_hard_words(glossary: Glossary) -> HardWords:
    """Jargon, and acronyms neither well known nor spelled out, in the order they appear."""

    def find(title: str) -> list[HardWord]:
        uses = {use.start: use for use in find_acronyms(title)}
        found: list[tuple[int, HardWord]] = []
        seen: set[str] = set()
        for hit in glossary.find_jargon(title):
            entry = hit.entry
            use = uses.pop(hit.start, None)
            if entry.term in seen or (entry.is_acronym and (entry.well_known or (use and use.explained))):
                continue
            seen.add(entry.term)
            found.append((hit.start, HardWord(hit.text, entry.plain,
                                              entry.expansion if entry.is_acronym else "",
                                              acronym=entry.is_acronym)))
        for use in uses.values():
            if not use.explained and use.term not in seen:
                seen.add(use.term)
                found.append((use.start, HardWord(use.text, acronym=True)))
        return [word for _, word in sorted(found, key=lambda pair: pair[0])]

    return find


def describe_hard_words(words: Sequence[HardWord]) -> str:
    parts = []
    for word in words:
        better = word.expansion or word.plain
        parts.append(f"\u2018{word.text}\u2019 \u2192 \u2018{better}\u2019" if better
                     else f"\u2018{word.text}\u2019")
    return ", ".join(parts)


class AgendaItemEditor(QDialog):
    """Edit one agenda item (or a new one): title, summary, purpose, people, time, papers."""

    def __init__(self, item: AgendaItem, members: Sequence[Member], papers: Sequence[Paper],
                 hard_words: HardWords | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item = item
        self._hard_words = hard_words
        self.setWindowTitle(self.tr("Agenda item") if item.id is None else self.tr("Edit agenda item"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.title = QLineEdit(item.title)
        form.addRow(self._buddy(self.tr("&Title"), self.title), self.title)
        self.title_hint = QLabel()
        self.title_hint.setWordWrap(True)
        form.addRow(self.title_hint)

        self.summary = QPlainTextEdit(item.plain_summary)
        self.summary.setTabChangesFocus(True)
        self.summary.setAccessibleName(self.tr("Plain summary"))
        self.summary.setAccessibleDescription(self.tr("A sentence or two in everyday words"))
        form.addRow(self._buddy(self.tr("Plain &summary"), self.summary), self.summary)

        self.purpose = QComboBox()
        for purpose in ItemPurpose:
            self.purpose.addItem(label(purpose), purpose)
        self.purpose.setCurrentIndex(self.purpose.findData(item.purpose))
        self.purpose.setAccessibleName(self.tr("Purpose"))
        form.addRow(self._buddy(self.tr("P&urpose"), self.purpose), self.purpose)

        self.proposed_by = self._people(members, item.proposed_by_id, self.tr("The group"),
                                        self.tr("Proposed by"))
        form.addRow(self._buddy(self.tr("Pr&oposed by"), self.proposed_by), self.proposed_by)
        self.presenter = self._people(members, item.presenter_id, self.tr("Nobody"), self.tr("Presenter"))
        form.addRow(self._buddy(self.tr("Pr&esenter"), self.presenter), self.presenter)

        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setValue(max(1, item.minutes))
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setAccessibleName(self.tr("Minutes allowed"))
        form.addRow(self._buddy(self.tr("&Minutes allowed"), self.minutes), self.minutes)

        self.is_break = QCheckBox(self.tr("This is a &break"))
        self.is_break.setChecked(item.is_break)
        form.addRow(self.is_break)

        self.papers = QListWidget()
        self.papers.setAccessibleName(self.tr("Papers attached"))
        self.papers.setTabKeyNavigation(False)
        self.papers.setWordWrap(True)
        for paper in papers:
            entry = QListWidgetItem(paper.title, self.papers)
            entry.setData(Qt.ItemDataRole.UserRole, paper.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if paper.id in item.paper_ids
                                else Qt.CheckState.Unchecked)
        if papers:
            self.papers.setCurrentRow(0)
        form.addRow(self._buddy(self.tr("P&apers attached"), self.papers), self.papers)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.title.textChanged.connect(self._update_hint)
        self.is_break.toggled.connect(self._update_break)
        self._update_hint()
        self._update_break()
        lines = self.fontMetrics().lineSpacing()
        self.summary.setMinimumHeight(5 * lines)
        self.papers.setMinimumHeight(5 * lines)
        self.setMinimumWidth(EDITOR_CHARACTERS * self.fontMetrics().averageCharWidth())

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        buddy = QLabel(text)
        buddy.setBuddy(widget)
        buddy.setWordWrap(True)
        return buddy

    def _people(self, members: Sequence[Member], chosen: int | None, nobody: str, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem(nobody, None)
        for member in members:
            if member.id is not None and (member.active or member.id == chosen):
                combo.addItem(f"{member.display_name} ({label(member.role)})", member.id)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        return combo

    def _update_hint(self) -> None:
        words = list(self._hard_words(self.title.text())) if self._hard_words else []
        self.title_hint.setVisible(bool(words))
        self.title_hint.setText(self.tr("Words some people may not know: %1").replace(
            "%1", describe_hard_words(words)) if words else "")
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for every wrapped line at this width: Qt sizes a window by its
        unwrapped text, so a hint that wraps would otherwise overlap the fields below."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalMinimumSize().height()
        if layout.hasHeightForWidth():
            needed = max(needed, layout.totalHeightForWidth(self.width()))
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def _update_break(self) -> None:
        talk = not self.is_break.isChecked()
        for widget in (self.purpose, self.proposed_by, self.presenter, self.papers):
            widget.setEnabled(talk)

    @property
    def original(self) -> AgendaItem:
        """The item as it was when the editor opened."""
        return self._item

    def item(self) -> AgendaItem:
        """The item as the fields now say."""
        papers = tuple(
            int(entry.data(Qt.ItemDataRole.UserRole))
            for entry in (self.papers.item(row) for row in range(self.papers.count()))
            if entry.checkState() == Qt.CheckState.Checked
        )
        return replace(
            self._item, title=self.title.text().strip(), plain_summary=self.summary.toPlainText().strip(),
            purpose=self.purpose.currentData(), proposed_by_id=self.proposed_by.currentData(),
            presenter_id=self.presenter.currentData(), minutes=self.minutes.value(),
            is_break=self.is_break.isChecked(), paper_ids=papers,
        )

    def accept(self) -> None:
        if not self.title.text().strip():
            self.problem.setText(self.tr("Problem: the item needs a title. Type one, then choose OK."))
            self.problem.show()
            self.title.setFocus()
            return
        super().accept()
