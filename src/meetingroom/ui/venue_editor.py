"""The dialog that adds or changes a venue: its name, address, directions and access features."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.meeting import Venue, VenueFeature
from meetingroom.ui.form_fields import TextBox, buddy, form
from meetingroom.ui.labels import label


class VenueEditor(QDialog):
    """Add a venue (no `venue` given) or change one; read `venue()` after OK."""

    def __init__(self, parent: QWidget | None = None, venue: Venue | None = None) -> None:
        super().__init__(parent)
        self._venue = venue or Venue("")
        self.setWindowTitle(self.tr("Add a venue") if venue is None else self.tr("Change the venue"))
        self.name = QLineEdit(self._venue.name)
        self.address = TextBox(2)
        self.address.setPlainText(self._venue.address)
        self.directions = TextBox(3)
        self.directions.setPlainText(self._venue.directions)
        rows = form()
        rows.addRow(buddy(self.tr("&Name:"), self.name, self.tr("Venue name")), self.name)
        rows.addRow(buddy(self.tr("&Address:"), self.address, self.tr("Address")), self.address)
        rows.addRow(buddy(self.tr("&How to get there:"), self.directions, self.tr("How to get there")),
                    self.directions)
        features = QGroupBox(self.tr("Access features the venue has"))
        grid = QGridLayout(features)
        self.features: dict[VenueFeature, QCheckBox] = {}
        for number, feature in enumerate(VenueFeature):
            box = QCheckBox(label(feature))
            box.setChecked(feature in self._venue.features)
            self.features[feature] = box
            grid.addWidget(box, number // 2, number % 2)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(rows)
        layout.addWidget(features)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def venue(self) -> Venue:
        """The venue as the dialog has it (with its id, if it had one)."""
        chosen = frozenset(f for f, box in self.features.items() if box.isChecked())
        return dataclasses.replace(
            self._venue, name=self.name.text().strip(), address=self.address.toPlainText().strip(),
            directions=self.directions.toPlainText().strip(), features=chosen)

    def accept(self) -> None:
        if not self.name.text().strip():
            self.problem.setText(self.tr("Problem: give the venue a name."))
            self.problem.show()
            self.name.setFocus()
            return
        super().accept()
