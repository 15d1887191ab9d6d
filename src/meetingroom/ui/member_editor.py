"""The member editor: every detail MeetingRoom keeps about a person, on one keyboard-friendly form."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.people import (
    DEFAULT_LARGE_PRINT_SIZE,
    LARGE_PRINT_SIZES,
    AccessNeed,
    ContactPreference,
    FormatKind,
    FormatNeed,
    Member,
    Role,
)
from meetingroom.ui.labels import label

NO_CONSENT = QDate(2000, 1, 1)  # shown as "No consent recorded", never saved


def _combo(name: str, values: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, value in values:
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


E = TypeVar("E", bound=StrEnum)


def chosen(combo: QComboBox, kind: type[E]) -> E:
    """The enumeration value a combo box holds (Qt hands back a StrEnum as a plain str)."""
    return kind(combo.currentData())


def _notes(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)  # Tab moves on; the box is no focus trap
    box.setSizeAdjustPolicy(QPlainTextEdit.SizeAdjustPolicy.AdjustToContents)
    return box


class MemberEditor(QDialog):
    """Edit a copy of a member; `member()` gives the result once the dialog is accepted."""

    def __init__(self, member: Member | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = member or Member(name="")
        self.setWindowTitle(self.tr("Add a member") if member is None else self.tr("Edit member"))
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page = QWidget()
        scroll.setWidget(page)
        outer.addWidget(scroll, 1)
        column = QVBoxLayout(page)
        column.addWidget(self._person_box())
        column.addWidget(self._contact_box())
        column.addWidget(self._needs_box())
        column.addWidget(self._consent_box())
        column.addStretch(1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Add member") if member is None else self.tr("Save changes"))
        outer.addWidget(self.buttons)
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)
        self._show(self._original)
        self._set_tab_order()
        self._fit(page)

    def _fit(self, page: QWidget) -> None:
        """As big as the form wants, within the screen; the form scrolls if the screen is smaller."""
        wanted = page.sizeHint().expandedTo(QSize(self.fontMetrics().averageCharWidth() * 64, 0))
        room = self.screen().availableGeometry()
        extra = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent) + 40
        self.resize(min(wanted.width() + extra, int(room.width() * 0.9)),
                    min(wanted.height() + self.buttons.sizeHint().height() + extra,
                        int(room.height() * 0.9)))

    # -- building --------------------------------------------------------------------------

    def _row(self, form: QFormLayout, text: str, field: QWidget, name: str) -> None:
        field.setAccessibleName(name)
        caption = QLabel(text)
        caption.setBuddy(field)  # not word-wrapped: a long label puts its field below it instead
        form.addRow(caption, field)

    def _form(self, box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return form

    def _person_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The person"))
        form = self._form(box)
        self.name = QLineEdit()
        self._row(form, self.tr("&Name (needed):"), self.name, self.tr("Name"))
        self.name_problem = QLabel()
        self.name_problem.setTextFormat(Qt.TextFormat.RichText)
        self.name_problem.setWordWrap(True)
        self.name_problem.hide()
        form.addRow(self.name_problem)
        self.preferred_name = QLineEdit()
        self._row(form, self.tr("&Preferred name:"), self.preferred_name, self.tr("Preferred name"))
        self.pronunciation = QLineEdit()
        self.pronunciation.setPlaceholderText(self.tr("For example: shiv-AWN"))
        self._row(form, self.tr("How to sa&y their name:"), self.pronunciation,
                  self.tr("How to say their name"))
        self.pronouns = QLineEdit()
        self._row(form, self.tr("Pron&ouns:"), self.pronouns, self.tr("Pronouns"))
        self.role = _combo(self.tr("Role"), [(label(r), r) for r in Role])
        self._row(form, self.tr("&Role:"), self.role, self.tr("Role"))
        self.organisation = QLineEdit()
        self._row(form, self.tr("Or&ganisation:"), self.organisation, self.tr("Organisation"))
        return box

    def _contact_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contact and payment"))
        form = self._form(box)
        self.contact_preference = _combo(self.tr("Contact preference"),
                                         [(label(c), c) for c in ContactPreference])
        self._row(form, self.tr("&Contact by:"), self.contact_preference, self.tr("Contact preference"))
        self.contact_details = _notes(self.tr("Contact details"))
        self._row(form, self.tr("Contact &details:"), self.contact_details, self.tr("Contact details"))
        self.payment_preference = QLineEdit()
        self._row(form, self.tr("Pay&ment preference:"), self.payment_preference,
                  self.tr("Payment preference"))
        return box

    def _needs_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Format and access needs"))
        form = self._form(box)
        self.format_kind = _combo(self.tr("Format for papers"), [(label(k), k) for k in FormatKind])
        self._row(form, self.tr("&Format for papers:"), self.format_kind, self.tr("Format for papers"))
        self.print_size = _combo(self.tr("Large print size"),
                                 [(self.tr("%1 point").replace("%1", str(s)), s) for s in LARGE_PRINT_SIZES])
        self._row(form, self.tr("Large print si&ze:"), self.print_size, self.tr("Large print size"))
        self.language = QLineEdit()
        self._row(form, self.tr("&Language:"), self.language, self.tr("Language for papers"))
        self.language_problem = QLabel()
        self.language_problem.setTextFormat(Qt.TextFormat.RichText)
        self.language_problem.setWordWrap(True)
        self.language_problem.hide()
        form.addRow(self.language_problem)
        self.format_kind.currentIndexChanged.connect(self._format_changed)

        needs = QGroupBox(self.tr("Access needs"))
        column = QVBoxLayout(needs)  # one column: nothing pushed off-screen at 200% text
        self.access_needs: dict[AccessNeed, QCheckBox] = {}
        for need in AccessNeed:
            check = QCheckBox(label(need))
            self.access_needs[need] = check
            column.addWidget(check)
        form.addRow(needs)
        self.access_notes = _notes(self.tr("Access notes"))
        self.access_notes.setPlaceholderText(self.tr("Food, other needs, anything that helps"))
        self._row(form, self.tr("Access no&tes:"), self.access_notes, self.tr("Access notes"))
        return box

    def _consent_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Consent and status"))
        form = self._form(box)
        why = QLabel(self.tr("Did they agree to the group keeping their details? "
                             "Record the date they agreed."))
        why.setWordWrap(True)
        form.addRow(why)
        self.consent_given = QCheckBox(self.tr("Con&sent given"))
        self.consent_given.setAccessibleDescription(why.text())
        form.addRow(self.consent_given)
        self.consent_date = QDateEdit()
        self.consent_date.setDisplayFormat("d MMMM yyyy")
        self.consent_date.setMinimumDate(NO_CONSENT)
        self.consent_date.setSpecialValueText(self.tr("No consent recorded"))
        self._row(form, self.tr("Date they agr&eed:"), self.consent_date, self.tr("Date they agreed"))
        self.consent_given.toggled.connect(self._consent_toggled)
        self.active = QCheckBox(self.tr("&Active: invited to meetings"))
        form.addRow(self.active)
        return box

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.name, self.preferred_name, self.pronunciation, self.pronouns, self.role,
            self.organisation, self.contact_preference, self.contact_details,
            self.payment_preference, self.format_kind, self.print_size, self.language,
            *self.access_needs.values(), self.access_notes, self.consent_given,
            self.consent_date, self.active, *self.buttons.buttons(),
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- showing and reading ---------------------------------------------------------------

    def _show(self, m: Member) -> None:
        self.name.setText(m.name)
        self.preferred_name.setText(m.preferred_name)
        self.pronunciation.setText(m.pronunciation)
        self.pronouns.setText(m.pronouns)
        _select(self.role, m.role)
        self.organisation.setText(m.organisation)
        _select(self.contact_preference, m.contact_preference)
        self.contact_details.setPlainText(m.contact_details)
        self.payment_preference.setText(m.payment_preference)
        _select(self.format_kind, m.format_need.kind)
        _select(self.print_size, m.format_need.size or DEFAULT_LARGE_PRINT_SIZE)
        self.language.setText(m.format_need.language)
        for need, check in self.access_needs.items():
            check.setChecked(need in m.access_needs)
        self.access_notes.setPlainText(m.access_notes)
        consent = m.consent_date
        self.consent_given.setChecked(consent is not None)
        self.consent_date.setDate(QDate(consent.year, consent.month, consent.day) if consent else NO_CONSENT)
        self._consent_toggled(consent is not None)
        self.active.setChecked(m.active)
        self._format_changed()

    def _format_changed(self) -> None:
        kind = chosen(self.format_kind, FormatKind)
        self.print_size.setEnabled(kind is FormatKind.LARGE_PRINT)
        self.language.setEnabled(kind is FormatKind.OTHER_LANGUAGE)

    def _consent_toggled(self, given: bool) -> None:
        self.consent_date.setEnabled(given)
        if not given:
            self.consent_date.setDate(NO_CONSENT)
        elif self.consent_date.date() == NO_CONSENT:
            self.consent_date.setDate(QDate.currentDate())  # shown to the person, who can change it

    def member(self) -> Member:
        """The member as the form now says (the original id kept)."""
        kind = chosen(self.format_kind, FormatKind)
        need = FormatNeed(
            kind,
            int(self.print_size.currentData()) if kind is FormatKind.LARGE_PRINT else None,
            self.language.text().strip() if kind is FormatKind.OTHER_LANGUAGE else "",
        )
        consent: date | None = None
        if self.consent_given.isChecked() and self.consent_date.date() != NO_CONSENT:
            consent = self.consent_date.date().toPython()  # type: ignore[assignment]
        return Member(
            name=self.name.text().strip(),
            role=chosen(self.role, Role),
            id=self._original.id,
            preferred_name=self.preferred_name.text().strip(),
            pronunciation=self.pronunciation.text().strip(),
            pronouns=self.pronouns.text().strip(),
            organisation=self.organisation.text().strip(),
            contact_preference=chosen(self.contact_preference, ContactPreference),
            contact_details=self.contact_details.toPlainText().strip(),
            format_need=need,
            access_needs=frozenset(n for n, check in self.access_needs.items() if check.isChecked()),
            access_notes=self.access_notes.toPlainText().strip(),
            payment_preference=self.payment_preference.text().strip(),
            consent_date=consent,
            active=self.active.isChecked(),
            erased=self._original.erased,
        )

    def _check_and_accept(self) -> None:
        name_missing = not self.name.text().strip()
        language_missing = (chosen(self.format_kind, FormatKind) is FormatKind.OTHER_LANGUAGE
                            and not self.language.text().strip())
        self._problem(self.name, self.name_problem, name_missing,
                      self.tr("Problem: the name is needed. Type the person's name."))
        self._problem(self.language, self.language_problem, language_missing,
                      self.tr("Problem: say which language their papers should be in."))
        if name_missing:
            self.name.setFocus()
        elif language_missing:
            self.language.setFocus()
        else:
            self.accept()

    def _problem(self, field: QWidget, note: QLabel, shown: bool, text: str) -> None:
        note.setText(f"<b>{text}</b>" if shown else "")  # bold, not coloured: colour is never the only sign
        note.setVisible(shown)
        field.setAccessibleDescription(text if shown else "")
