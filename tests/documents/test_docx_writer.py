"""The DOCX writer read back with python-docx (AD1, CP1, LP1-LP7, ER1, ER3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

from meetingroom.documents.docx import write_docx
from meetingroom.documents.docx_styles import PARAGRAPH_ORDER, RUN_ORDER, TABLE_ORDER
from meetingroom.documents.model import FormatProfile
from meetingroom.domain.people import FormatKind
from tests.documents.readback import PROFILES, agenda_like, docx_file

EASY_READ = FormatProfile(FormatKind.EASY_READ)


def _written(tmp_path: Path, profile: FormatProfile):  # noqa: ANN202
    path = tmp_path / f"{profile.name}-{profile.size}.docx"
    write_docx(agenda_like(), profile, path)
    return docx_file(path)


def _half_points(style, tag: str) -> int:  # noqa: ANN001
    element = style.element.rPr.find(qn(tag))
    return int(element.get(qn("w:val")))


def test_real_headings_without_skipped_levels_and_title(tmp_path: Path) -> None:
    document = _written(tmp_path, FormatProfile())
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 1", "Partnership Board: agenda"),
        ("Heading 2", "Items"), ("Heading 3", "Who is coming"), ("Heading 2", "Papers"),
        ("Heading 1", "Getting there"), ("Heading 2", "By bus"),
    ]
    assert document.core_properties.title == "Partnership Board: agenda"
    assert document.core_properties.author == "Learning Disability Partnership Board"


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_language_and_sizes_in_the_styles(tmp_path: Path, profile: FormatProfile) -> None:
    document = _written(tmp_path, profile)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert run_defaults.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    body = profile.body_pt * 2
    assert int(run_defaults.find(qn("w:sz")).get(qn("w:val"))) == body
    for name in ("Normal", "List Bullet", "List Number", "Header", "Footer"):
        style = document.styles[name]
        assert _half_points(style, "w:sz") == body, name
        assert _half_points(style, "w:szCs") == body, name  # Arabic, Hebrew: same size
        assert style.element.rPr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Atkinson Hyperlegible"
    sizes = [_half_points(document.styles[f"Heading {level}"], "w:sz") for level in (1, 2, 3)]
    assert sizes[0] > sizes[1] > sizes[2] > body
    for level in (1, 2, 3):
        style = document.styles[f"Heading {level}"]
        assert style.font.bold and not style.font.italic
        assert str(style.font.color.rgb) == "000000"
        assert style.element.rPr.find(qn("w:rFonts")).get(qn("w:asciiTheme")) is None


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_a4_left_aligned_one_and_a_half_no_italics_or_hyphens(tmp_path: Path,
                                                            profile: FormatProfile) -> None:
    document = _written(tmp_path, profile)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 25
    normal = document.styles["Normal"]
    assert normal.paragraph_format.line_spacing == 1.5
    assert normal.paragraph_format.space_after.pt == profile.body_pt * 1.5
    assert normal.element.pPr.find(qn("w:suppressAutoHyphens")) is not None
    xml = document.element.xml
    assert 'w:jc w:val="both"' not in xml and "<w:i/>" not in xml and "<w:u " not in xml
    assert "<w:caps/>" not in xml
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert document.sections[0].header.paragraphs[0].text == "Partnership Board: agenda"


def test_numbered_lists_restart_and_bullets_use_list_styles(tmp_path: Path) -> None:
    document = _written(tmp_path, FormatProfile())
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("List Number") == 4 and styles.count("List Bullet") == 2
    first = next(p for p in document.paragraphs if p.style.name == "List Number")
    assert first._p.pPr.numPr.numId.val != document.styles["List Number"].element.pPr.numPr.numId.val


def test_easy_read_is_a_borderless_two_column_table_picture_left(tmp_path: Path) -> None:
    document = _written(tmp_path, EASY_READ)
    assert len(document.tables) == 2  # one per group of points, split by the heading
    rows = [row for table in document.tables for row in table.rows]
    assert [row.cells[1].text for row in rows] == [
        "The meeting is on Friday 14 March.", "Come by bus or taxi.",
        "We will talk about day services.", "You can come in a wheelchair."]
    for table in document.tables:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    for row in rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        picture_cell, text_cell = row.cells
        assert picture_cell.text == "" and text_cell.text
        assert picture_cell._tc.findall(".//" + qn("w:drawing"))
        assert not text_cell._tc.findall(".//" + qn("w:drawing"))
        extent = picture_cell._tc.find(".//" + qn("wp:extent"))
        assert int(extent.get("cx")) / 12700 >= 70 and int(extent.get("cy")) / 12700 >= 70
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[-1] == "Hard words"
    assert document.paragraphs[-1].text.startswith("Pictures: OpenMoji")
    assert "OpenMoji" in document.core_properties.comments


def test_every_picture_has_alt_text(tmp_path: Path) -> None:
    document = _written(tmp_path, EASY_READ)
    described = document.element.body.findall(".//" + qn("wp:docPr"))
    assert len(described) == 4
    for doc_pr in described:
        assert doc_pr.get("descr", "").startswith("Picture: ")
        assert doc_pr.get("title") == doc_pr.get("descr")
    assert described[3].get("descr") == "Picture: wheelchair"


@pytest.mark.parametrize("profile", [FormatProfile(), EASY_READ], ids=lambda p: p.name)
def test_properties_in_the_order_word_requires(tmp_path: Path, profile: FormatProfile) -> None:
    document = _written(tmp_path, profile)
    orders = {"rPr": RUN_ORDER, "pPr": PARAGRAPH_ORDER, "tblPr": TABLE_ORDER}
    checked = 0
    for root in (document.styles.element, document.element):
        for name, order in orders.items():
            rank = {qn(f"w:{tag}"): index for index, tag in enumerate(order)}
            for properties in root.iter(qn(f"w:{name}")):
                ranks = [rank[child.tag] for child in properties if child.tag in rank]
                assert ranks == sorted(ranks), (name, [child.tag for child in properties])
                checked += 1
    assert checked > 20
