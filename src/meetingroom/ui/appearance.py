"""Theme and text size: applied to the whole app and remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from meetingroom.settings import Settings, clamp_text_scale
from meetingroom.themes import Theme, available_themes, load_theme
from meetingroom.ui.styling import apply_theme, system_theme_name

TEXT_SCALES = (100, 125, 150, 175, 200)


class Appearance(QObject):
    changed = Signal()

    def __init__(self, app: QApplication, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._settings = settings
        self.themes: list[Theme] = available_themes()
        names = {t.name for t in self.themes}
        # Until the person chooses, follow the system's high-contrast preference (UI5).
        saved = settings.get("theme") if settings.is_set("theme") else system_theme_name(app)
        self.theme = load_theme(saved if saved in names else "standard")
        self.text_scale = clamp_text_scale(settings.get("text_scale"))

    def apply(self) -> None:
        apply_theme(self._app, self.theme, self.text_scale)
        self.changed.emit()

    def set_theme(self, name: str) -> None:
        self.theme = load_theme(name)
        self._settings.set("theme", name)
        self.apply()

    def set_text_scale(self, percent: int) -> None:
        self.text_scale = clamp_text_scale(percent)
        self._settings.set("text_scale", self.text_scale)
        self.apply()

    def step_text_scale(self, steps: int) -> None:
        larger = [s for s in TEXT_SCALES if s > self.text_scale]
        smaller = [s for s in TEXT_SCALES if s < self.text_scale]
        if steps > 0 and larger:
            self.set_text_scale(larger[0])
        elif steps < 0 and smaller:
            self.set_text_scale(smaller[-1])
