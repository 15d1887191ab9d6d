"""The Reports view as a chair uses it: choose a period, read the report on screen (the same
charts and tables the files print), make it as PDF and DOCX in the background, and export the
period's payments for finance; by keyboard, with every chart and table named."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from meetingroom.documents.model import Chart
from meetingroom.ui.chart_view import ChartView
from meetingroom.ui.main_window import MainWindow
from meetingroom.ui.views.reports import ReportsView
from tests.documents.readback import pdf_reader, squash
from tests.ui.audit import tab_cycle, unnamed

pytestmark = pytest.mark.gui


def reports(window: MainWindow, qtbot) -> ReportsView:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    view = window.workspace_page.current_view()
    assert isinstance(view, ReportsView)
    return view


def shown_text(view: ReportsView) -> str:
    from PySide6.QtWidgets import QLabel

    page = view.page.widget()
    return squash(" ".join(label.text() for label in page.findChildren(QLabel)))


def test_the_report_on_screen_says_what_the_files_say(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = reports(window, qtbot)
    assert unnamed(view) == []
    figures = view.figures
    assert figures is not None and figures.meetings_held == 1
    text = shown_text(view)
    # The example's held meeting, worked out by hand (tests/store/test_involvement_read.py).
    assert "Papers reached members on time: 77% (10 of 13)." in text
    assert "Contributions answered: 67% (4 of 6)." in text
    assert "Presence: who is involved?" in text and "Impact: what difference has involvement made?" in text
    charts = view.page.charts
    assert charts and all(isinstance(c.chart, Chart) for c in charts)
    for chart in charts:
        assert chart.accessibleName() == chart.chart.title
        assert chart.accessibleDescription() == chart.chart.alt_text()
        assert chart.height() >= chart.heightForWidth(chart.width()) - 1, "never squashed"
    evaluation = next(c for c in charts if c.chart.title.startswith("Evaluation"))
    assert "I was listened to 4.5" in evaluation.accessibleDescription()
    assert view.page.tables and all(t.accessibleName() for t in view.page.tables)


def test_tab_reaches_every_chart_and_table_with_no_trap(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = reports(window, qtbot)
    order, closed = tab_cycle(view.make_button, qtbot)  # (Tab steps through a date's day, month, year)
    assert closed
    for widget in [*view.page.charts, *view.page.tables, view.finance_button]:
        assert widget in order
    chart = view.page.charts[0]
    chart.setFocus()
    qtbot.waitUntil(lambda: chart.hasFocus())
    view.page.ensureWidgetVisible(chart)
    assert chart.visibleRegion().boundingRect().height() > 0


def test_a_new_period_reads_the_figures_again(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = reports(window, qtbot)
    later = date.today() + timedelta(days=400)
    view.end.setDate(QDate(later))
    view.start.setDate(QDate(later - timedelta(days=30)))
    qtbot.waitUntil(lambda: view.figures is not None and view.figures.meetings_held == 0)
    assert "No meeting was held in this period" in shown_text(view)
    assert not any(c.chart.title.startswith("Cards shown") for c in view.page.charts)


def test_make_the_report_in_the_background(example_path: Path, open_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = reports(window, qtbot)
    run = view.start_making(tmp_path / "out" / "Our report.pdf")
    assert unnamed(run.progress) == []
    with qtbot.waitSignal(run.done, timeout=120_000) as done:
        pass
    assert done.args == [True]
    assert run.message is not None and "accessible version" in run.message.text()
    run.message.close()
    pdf, docx = tmp_path / "out" / "Our report.pdf", tmp_path / "out" / "Our report.docx"
    assert pdf.exists() and docx.exists()
    start, end = view.period()
    assert pdf_reader(pdf).metadata.title == (
        f"Involvement report: {start.day} {start:%B %Y} to {end.day} {end:%B %Y}")


def test_export_payments_for_finance(example_path: Path, open_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = reports(window, qtbot)
    assert view.export_finance(tmp_path / "finance.csv") == 9
    rows = list(csv.reader(io.StringIO((tmp_path / "finance.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 10
    assert view.summary.text().startswith("9 payments saved to")


def test_the_chart_draws_at_200_percent_in_high_contrast(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path, theme="high-contrast-dark", text_scale=200)
    view = reports(window, qtbot)
    chart = view.page.charts[0]
    assert isinstance(chart, ChartView)
    drawing = chart.drawing()
    assert drawing.width <= chart.width() and drawing.height <= chart.height()
    image = chart.grab().toImage()
    assert image.pixelColor(1, chart.height() // 2).lightness() < 60  # the theme's dark base
    QApplication.processEvents()
