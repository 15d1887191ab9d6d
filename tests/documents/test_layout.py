"""Sizes per format, heading levels that never skip, and user text made safe to write."""

from __future__ import annotations

import pytest

from meetingroom.documents.layout import Layout, clean_text, heading_levels, without_repeated_title
from meetingroom.documents.model import FormatProfile
from meetingroom.domain.papers import BlockKind
from meetingroom.domain.people import FormatKind
from tests.documents.readback import heading, paragraph


@pytest.mark.parametrize(("profile", "body"), [
    (FormatProfile(), 14), (FormatProfile(FormatKind.LARGE_PRINT), 18),
    (FormatProfile(FormatKind.LARGE_PRINT, 28), 28), (FormatProfile(FormatKind.EASY_READ), 16)])
def test_body_and_heading_sizes(profile: FormatProfile, body: int) -> None:
    layout = Layout.for_profile(profile)
    assert layout.body == body and layout.leading == body * 1.5
    assert layout.headings[0] > layout.headings[1] > layout.headings[2] >= body + 2
    assert layout.heading_size(7) == layout.headings[2]


def test_heading_levels_never_skip() -> None:
    blocks = (heading("a", 3), paragraph("x"), heading("b", 1), heading("c", 3), heading("d", 2),
              heading("e", 9), heading("f", 0))
    assert list(heading_levels(blocks)) == [2, 1, 2, 2, 3, 1]
    assert list(heading_levels((heading("a", 3),), start=0)) == [1]


def test_a_first_heading_that_repeats_the_title_is_dropped() -> None:
    blocks = (heading("Agenda"), paragraph("x"))
    assert without_repeated_title("Agenda", blocks) == blocks[1:]
    assert without_repeated_title("Other", blocks) == blocks
    assert without_repeated_title("Agenda", (heading("Agenda", 2),))[0].kind is BlockKind.HEADING


def test_clean_text_keeps_everything_but_what_files_cannot_hold() -> None:
    assert clean_text("a\x00b\x0bc\r\nd\re\tf\u00adg") == "abc\nd\ne fg"
    assert clean_text("Zoë 😀 مرحبا <b>&") == "Zoë 😀 مرحبا <b>&"
    assert clean_text("\ud800x\uffff") == "x"
