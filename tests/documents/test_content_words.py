"""Charts, tables and picture scales reach the words-only writers (audio, braille text) whole."""

from __future__ import annotations

from meetingroom.documents.audio import audio_script
from meetingroom.documents.model import (
    Chart,
    ChartKind,
    DataTable,
    Document,
    PageBreak,
    PictureScale,
    Series,
)
from meetingroom.documents.pack_contents import plain_text
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Run

CHART = Chart("Cards shown", ChartKind.BARS, ("Jargon", "Slow down"), (Series("Cards", (3.0, None)),))
TABLE = DataTable("Payments", ("What for", "Paid"), (("Travel <&>", "£4.80"), ("Care", "")))
SCALE = PictureScale("I was listened to", (EasyReadPoint("No, not at all", "1F61E"), EasyReadPoint("Yes", "1F600")))
DOCUMENT = Document("Report", (Block(BlockKind.HEADING, (Run("Report"),)), CHART, PageBreak(), TABLE, SCALE,
                               EasyReadPoint("We had 1 meeting.", "1F465")))


def test_the_audio_script_says_every_figure() -> None:
    script = audio_script(DOCUMENT)
    assert "Bar chart: Cards shown. Jargon 3, Slow down no figure." in script
    assert "What for: Travel <&>; Paid: £4.80." in script
    assert "What for: Care." in script  # an empty cell is left out, not read as nothing
    assert "I was listened to." in script and "No, not at all; Yes." in script
    assert "We had 1 meeting." in script


def test_the_braille_text_has_the_table_rows_and_the_chart() -> None:
    text = plain_text(DOCUMENT)
    assert text.splitlines()[0] == "Report"
    assert "Payments" in text and "What for: Travel <&>; Paid: £4.80" in text
    assert CHART.alt_text() in text


def test_the_print_preview_shows_charts_and_tables_in_words(qapp) -> None:  # type: ignore[no-untyped-def]
    from meetingroom.documents.model import FormatProfile
    from meetingroom.ui.print_layout import print_document

    text = print_document(DOCUMENT, FormatProfile()).toPlainText()
    assert CHART.alt_text() in text and "What for: Travel <&>; Paid: £4.80" in text
