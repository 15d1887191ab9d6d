"""Benchmark: with 5,000 members, each members-panel filter updates the view within 50 ms.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/members_filter.py`

Writes a workspace of 5,000 members (with `large_workspace.generate`), opens the real
MembersPanel, and for each filter (role, format, access need, active, name search) times the
whole update as a person sees it: the control changes, the proxy filters, the table is
repainted. Each figure is the median of several runs, printed next to the 50 ms target and
two references: reloading the same model, and Qt's own QSortFilterProxyModel doing a
name search over the same model. Prints PASS or FAIL per figure; always exits 0.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from large_workspace import generate  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QTableView, QWidget  # noqa: E402

from meetingroom.domain.people import AccessNeed, FormatKind, Role  # noqa: E402
from meetingroom.store import Workspace  # noqa: E402
from meetingroom.themes import load_theme  # noqa: E402
from meetingroom.ui.labels import label  # noqa: E402
from meetingroom.ui.members_panel import MembersPanel  # noqa: E402
from meetingroom.ui.session import WorkspaceSession  # noqa: E402
from meetingroom.ui.styling import apply_theme  # noqa: E402

MEMBERS = 5000
RUNS = 15
TARGET_MS = 50.0


class PaintCounter(QObject):
    """Counts the paint events a widget gets, to be sure a timed update was painted."""

    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self.paints = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def shown(app: QApplication, table: QTableView) -> None:
    """Let the view lay out and paint the new rows, as it does before the person sees them.

    The pending events include the repaint Qt scheduled; if none came (nothing changed on
    screen), one is forced, so every timed figure includes a full paint of the table.
    """
    counter = table.viewport().findChild(PaintCounter) or PaintCounter(table.viewport())
    before = counter.paints
    app.processEvents()
    if counter.paints == before:
        table.viewport().repaint()


def timed(app: QApplication, table: QTableView, change: Callable[[], None]) -> float:
    start = time.perf_counter()
    change()
    shown(app, table)
    return (time.perf_counter() - start) * 1000


def median_of(app: QApplication, table: QTableView, there: Callable[[], None],
              back: Callable[[], None]) -> float:
    """Median time of applying a filter (each run starts from the unfiltered list)."""
    times = []
    for _ in range(RUNS):
        times.append(timed(app, table, there))
        back()
        shown(app, table)
    return statistics.median(times)


def combo_steps(combo: QComboBox, text: str) -> tuple[Callable[[], None], Callable[[], None]]:
    index = combo.findText(text)
    assert index > 0, text
    return (lambda: combo.setCurrentIndex(index)), (lambda: combo.setCurrentIndex(0))


def report(what: str, ms: float, rows: int | None = None) -> bool:
    ok = ms <= TARGET_MS
    extra = f", {rows} rows shown" if rows is not None else ""
    print(f"  {what:<34} {ms:7.1f} ms   target <= {TARGET_MS:.0f} ms   {'PASS' if ok else 'FAIL'}{extra}")
    return ok


def main() -> int:
    app = QApplication(sys.argv[:1])
    apply_theme(app, load_theme("standard"), 100)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "members.meetingroom"
        generate(path, members=MEMBERS, meetings=10, turns=100)
        session = WorkspaceSession(Workspace.open(path, backup=False))
        panel = MembersPanel(session)
        panel.resize(1100, 760)
        panel.show()
        shown(app, panel.table)
        table = panel.table
        print(f"Members panel filtering, {panel.model.rowCount()} members, median of {RUNS} runs")

        results = []
        for what, combo, text in (
            ("role (carer)", panel.role_filter, label(Role.CARER)),
            ("format (large print)", panel.format_filter, label(FormatKind.LARGE_PRINT)),
            ("access need (step-free access)", panel.need_filter, label(AccessNeed.STEP_FREE)),
            ("active (inactive only)", panel.activity_filter, panel.activity_filter.itemText(2)),
        ):
            there, back = combo_steps(combo, text)
            ms = median_of(app, table, there, back)
            there()
            results.append(report(what, ms, panel.proxy.rowCount()))
            back()

        def search() -> None:
            panel.search.setText("ai")

        ms = median_of(app, table, search, panel.search.clear)
        search()
        results.append(report("name search (\"ai\")", ms, panel.proxy.rowCount()))
        panel.search.clear()

        def typing() -> None:  # one more letter on a search already made
            panel.search.setText("aish")

        ms = median_of(app, table, typing, search)
        typing()
        results.append(report("name search, next letter (\"aish\")", ms, panel.proxy.rowCount()))
        panel.search.clear()
        shown(app, table)

        header = table.horizontalHeader()
        ms = statistics.median(
            timed(app, table, lambda column=column: table.sortByColumn(column, Qt.SortOrder.AscendingOrder))
            for column in (1, 2, 3, 0) * 3)
        print(f"  {'sorting by a column (for reference)':<34} {ms:7.1f} ms")
        assert header.sortIndicatorSection() == 0

        ms = statistics.median(timed(app, table, panel.model.reload) for _ in range(RUNS))
        print(f"  {'reference: reload the same model':<34} {ms:7.1f} ms   (read 5,000 members again)")

        qt_proxy = QSortFilterProxyModel()
        qt_proxy.setSourceModel(panel.model)
        qt_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        qt_proxy.setFilterKeyColumn(0)
        qt_table = QTableView()
        qt_table.setModel(qt_proxy)
        qt_table.setSortingEnabled(True)
        qt_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        qt_table.resize(1100, 600)
        qt_table.show()
        shown(app, qt_table)
        ms = median_of(app, qt_table, lambda: qt_proxy.setFilterFixedString("ai"),
                       lambda: qt_proxy.setFilterFixedString(""))
        print(f"  {'reference: QSortFilterProxyModel':<34} {ms:7.1f} ms   (the same name search)")

        print("PASS: every filter within target" if all(results) else "FAIL: a filter missed the target")
        panel.close()
        qt_table.close()
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
