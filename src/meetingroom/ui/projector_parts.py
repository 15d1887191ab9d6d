"""The pieces the projector view is built from: plain-text labels sized by role, a clock in
figures and words, card tiles, ground-rule rows, and `fit_type`, which sizes them all.

Type on the projector follows the window's height (a role's share of it), never fixed points,
so the same view reads well on a 720p TV and a 4K projector; `fit_type` shrinks every role
together until the whole board fits the window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.conduct import CardKind, GroundRule
from meetingroom.ui.clock_words import figures, is_over, left_or_over
from meetingroom.ui.labels import label
from meetingroom.ui.picture_icons import picture_pixmap
from meetingroom.ui.styling import BASE_POINT_SIZE

CLOSE_ENOUGH = 0.04  # the type that fits is found to within 4%


def tr(text: str) -> str:
    return QCoreApplication.translate("Projector", text)


@dataclass(frozen=True)
class Role:
    """How big one kind of text is: its share of the window height, at 100% text scale."""

    share: float
    bold: bool = False
    picture: float = 0.0  # a picture beside it, as a multiple of the text size


ROLES: dict[str, Role] = {
    "title": Role(0.035),
    "item": Role(0.06, bold=True),
    "figures": Role(0.07, bold=True),
    "words": Role(0.045),
    "speaker": Role(0.08, bold=True),
    "detail": Role(0.045),
    "next": Role(0.05),
    "break": Role(0.08, bold=True),
    "break-figures": Role(0.15, bold=True),
    "break-words": Role(0.06),
    "heading": Role(0.04, bold=True),
    "card": Role(0.05, bold=True, picture=1.6),
    "rule": Role(0.032, bold=True, picture=2.4),
    "easy-read": Role(0.032),
}

# A picture for each card, so it reads at a glance as well as in words.
CARD_PICTURES: dict[CardKind, str] = {
    CardKind.JARGON: "2753",  # question mark
    CardKind.SLOW_DOWN: "1F40C",  # snail
    CardKind.CANT_HEAR: "1F9BB",  # ear with hearing aid
    CardKind.BREAK_NEEDED: "2615",  # hot drink
    CardKind.WANT_TO_SPEAK: "270B",  # raised hand
}


def text_label(role: str, text: str = "") -> QLabel:
    """A word-wrapped label of plain text (names are never read as markup, AD4)."""
    words = QLabel()
    words.setTextFormat(Qt.TextFormat.PlainText)
    words.setProperty("role", role)
    words.setText(text)
    words.setWordWrap(True)
    # QLabel marks itself height-for-width only once it has held text; the fit needs it now.
    policy = words.sizePolicy()
    policy.setHeightForWidth(True)
    words.setSizePolicy(policy)
    return words


def size_text(widget: QLabel, base: QFont, px: int) -> None:
    font = QFont(base)
    font.setPixelSize(px)
    font.setBold(ROLES[str(widget.property("role"))].bold)
    widget.setFont(font)


class Picture(QLabel):
    """An OpenMoji picture that keeps to the size of the text beside it."""

    def __init__(self, code: str, name: str, role: str) -> None:
        super().__init__()
        self.code = code
        self.role = role
        self.setAccessibleName(name)
        self.setAlignment(Qt.AlignmentFlag.AlignTop)

    def reserve(self, text_px: int) -> None:
        """Take the room the picture needs now; draw it later with `draw` (drawing is slow)."""
        px = max(16, round(text_px * ROLES[self.role].picture))
        self.setFixedSize(px, px)

    def draw(self) -> None:
        if self.pixmap().width() != self.width():
            self.setPixmap(picture_pixmap(self.code, self.width()))


class Clock(QFrame):
    """A countdown in big figures with the same time in words beside it ("2 min 5 sec left").

    Once time is up it says so in words and turns to the warning colours with a thick edge,
    so running out is never shown by colour alone (UI6).
    """

    def __init__(self, name: str, figures_role: str = "figures", words_role: str = "words",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clock")
        self.setAccessibleName(name)
        self.setProperty("over", False)
        self.figures = text_label(figures_role)
        self.words = text_label(words_role)
        self.figures.setWordWrap(False)
        self.figures.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.addWidget(self.figures, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.words, 1, Qt.AlignmentFlag.AlignVCenter)
        self.over = False

    def show_time(self, seconds: float, paused: bool = False) -> None:
        words = left_or_over(seconds)
        self.figures.setText(figures(seconds))
        self.words.setText(tr("Paused: %1").replace("%1", words) if paused else words)
        over = is_over(seconds)
        if over != self.over:
            self.over = over
            self.setProperty("over", over)
            for widget in (self, self.figures, self.words):
                widget.style().unpolish(widget)
                widget.style().polish(widget)


class CardTile(QFrame):
    """One kind of card on show: its picture and its name in big words ("Slow down")."""

    def __init__(self, kind: CardKind, count: int) -> None:
        super().__init__()
        self.setObjectName("card")
        words = label(kind)
        if count > 1:
            words = tr("%1 (%2 cards)").replace("%1", words).replace("%2", str(count))
        self.setAccessibleName(tr("Card: %1").replace("%1", words))
        self.words = text_label("card", words)
        layout = QHBoxLayout(self)
        layout.addWidget(Picture(CARD_PICTURES[kind], label(kind), "card"), 0,
                         Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.words, 1, Qt.AlignmentFlag.AlignVCenter)


class RuleRow(QWidget):
    """One ground rule: its picture on the left (ER3), the rule and its easy-read words."""

    def __init__(self, rule: GroundRule) -> None:
        super().__init__()
        self.setAccessibleName(rule.text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if rule.picture:
            layout.addWidget(Picture(rule.picture, rule.easy_read_text or rule.text, "rule"), 0,
                             Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(text_label("rule", rule.text))
        if rule.easy_read_text and rule.easy_read_text != rule.text:
            words.addWidget(text_label("easy-read", rule.easy_read_text))
        words.addStretch(1)
        layout.addLayout(words, 1)



def add_shown(grid: QGridLayout, widget: QWidget, row: int, column: int, columns: int = 1) -> None:
    """Add and show at once, so the fit that follows measures it (Qt would show it later)."""
    grid.addWidget(widget, row, column, 1, columns)
    widget.ensurePolished()  # so its style sheet edges count too
    widget.show()


def empty_grid(grid: QGridLayout) -> None:
    while grid.count():
        item = grid.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


def fit_type(content: QWidget, width: int, height: int, dpi_y: float,
             previous: float | None = None) -> float:
    """Size every role's type for the largest scale at which `content` fits; return the scale.

    Every role shrinks together, so the board keeps its order of sizes. The app's text scale
    makes the search start larger (up to twice the size) when there is room; the smallest
    text never goes below the app's standard size, and past that the board scrolls. Starting
    from the `previous` scale, a new speaker's name usually costs two tries, not eight, and
    the type does not jump when it still fits within a step.
    """
    width, height = max(1, width), max(1, height)
    high = max(1.0, QApplication.font().pointSizeF() / BASE_POINT_SIZE)
    smallest_px = BASE_POINT_SIZE * dpi_y / 72
    low = min(high, smallest_px / (height * min(role.share for role in ROLES.values())))
    if previous is not None and low < previous < high:
        if not _fits(content, previous, width, height):
            high = previous
        elif _fits(content, min(high, previous * (1 + CLOSE_ENOUGH)), width, height):
            low = previous
        else:
            low = high = previous
    if low < high and _fits(content, high, width, height):
        low = high
    while high - low > low * CLOSE_ENOUGH:
        middle = (low + high) / 2
        if _fits(content, middle, width, height):
            low = middle
        else:
            high = middle
    _size_type(content, low, height)
    for picture in content.findChildren(Picture):
        picture.draw()
    return low


def _fits(content: QWidget, scale: float, width: int, height: int) -> bool:
    _size_type(content, scale, height)
    # Nested layouts keep their old sizes until the event loop runs: forget them all now.
    for widget in content.findChildren(QWidget):
        widget.updateGeometry()
    for nested in content.findChildren(QLayout):
        nested.invalidate()
    layout = content.layout()
    if layout.totalMinimumSize().width() > width:
        return False
    return layout.totalHeightForWidth(width) <= height


def _size_type(content: QWidget, scale: float, height: int) -> None:
    base = QFont(QApplication.font())
    for words in content.findChildren(QLabel):
        role = words.property("role")
        if role in ROLES:
            size_text(words, base, max(1, round(height * ROLES[str(role)].share * scale)))
    for picture in content.findChildren(Picture):
        picture.reserve(max(1, round(height * ROLES[picture.role].share * scale)))
    margin = max(8, round(height * 0.02 * scale))
    content.layout().setContentsMargins(margin * 2, margin, margin * 2, margin)
    content.layout().setSpacing(margin)
    for clock in content.findChildren(Clock):
        clock.layout().setContentsMargins(margin, margin // 2, margin, margin // 2)
        clock.layout().setSpacing(margin)

STYLE = """
ProjectorWindow, QWidget#projectorContent, QScrollArea#projectorScroll {
    background-color: {window};
}
QLabel {
    color: {window_text};
}
QFrame#clock {
    border: 6px solid {window};
    border-radius: 8px;
}
QFrame#clock[over="true"] {
    background-color: {warning_base};
    border: 6px solid {window_text};
}
QFrame#clock[over="true"] QLabel {
    color: {warning_text};
    background-color: {warning_base};
}
QFrame#speaker {
    border: 3px solid {border};
    border-radius: 8px;
}
QFrame#card {
    border: 4px solid {highlight};
    border-radius: 8px;
}
"""
