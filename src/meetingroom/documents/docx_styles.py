"""The Word styles every MeetingRoom DOCX carries, sized for its format (AD1, CP, LP, ER).

python-docx's template styles use theme fonts, blue headings and 11 pt text, and name no
language Word honours. Here every style the writer uses (Normal, Heading 1-3, List Bullet,
List Number, Header, Footer, and Table Text for the words in data tables, added when a
table is written) gets Atkinson Hyperlegible at the profile's sizes in black, and
the document defaults get the language (w:lang en-GB, which Word and LibreOffice read; the
core property alone is ignored), the body size and the font.
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from meetingroom.documents.fonts import FAMILY
from meetingroom.documents.layout import LINE_SPACING, Layout

_THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme")
# Word rejects a file whose properties are out of the schema's order: insert in this order.
RUN_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split()
PARAGRAPH_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange").split()
TABLE_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription").split()


def insert_in_order(parent: Any, child: Any, order: list[str]) -> None:
    """Put `child` into `parent` before the first element the schema puts after it."""
    rank = {qn(f"w:{name}"): index for index, name in enumerate(order)}
    mine = rank[child.tag]
    for index, existing in enumerate(parent):
        if rank.get(existing.tag, -1) > mine:
            parent.insert(index, child)
            return
    parent.append(child)


def _child(parent: Any, tag: str, order: list[str] | None = None) -> Any:
    """The first child element `tag` of `parent`, created (in schema order) if missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if order is None:
            parent.append(found)
        else:
            insert_in_order(parent, found, order)
    return found


def _set_run_properties(rpr: Any, size: float, bold: bool | None = None) -> None:
    """Font, both sizes (w:sz, and w:szCs for Arabic, Hebrew and other complex scripts),
    black, and bold for both kinds of script when asked."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        insert_in_order(rpr, fonts, RUN_ORDER)
    for attribute in _THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), FAMILY)
    fonts.set(qn("w:hAnsi"), FAMILY)
    for tag in ("w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:u", "w:color", "w:sz", "w:szCs"):
        for element in rpr.findall(qn(tag)):
            rpr.remove(element)
    values = {"w:color": "000000", "w:sz": str(round(size * 2)), "w:szCs": str(round(size * 2))}
    if bold is not None:
        values |= {"w:b": "1" if bold else "0", "w:bCs": "1" if bold else "0"}
    for tag, value in values.items():  # sizes in half-points
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        insert_in_order(rpr, element, RUN_ORDER)


def _set_defaults(styles: Any, layout: Layout, language: str) -> None:
    defaults = _child(styles.element, "w:docDefaults")
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    _set_run_properties(rpr, layout.body)
    lang = _child(rpr, "w:lang", RUN_ORDER)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)


def _no_hyphens(style: Any) -> None:
    ppr = style.element.get_or_add_pPr()
    if ppr.find(qn("w:suppressAutoHyphens")) is None:
        insert_in_order(ppr, OxmlElement("w:suppressAutoHyphens"), PARAGRAPH_ORDER)


def set_styles(document: Any, layout: Layout, language: str) -> None:
    """Give `document` (a python-docx Document) MeetingRoom's styles for `layout`."""
    styles = document.styles
    _set_defaults(styles, layout, language)

    normal = styles["Normal"]
    _set_run_properties(normal.element.get_or_add_rPr(), layout.body, bold=False)
    paragraph = normal.paragraph_format
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT  # LP4: never justified
    paragraph.line_spacing = LINE_SPACING
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(layout.paragraph_gap)
    paragraph.widow_control = True
    _no_hyphens(normal)

    for level in (1, 2, 3):
        heading = styles[f"Heading {level}"]
        _set_run_properties(heading.element.get_or_add_rPr(), layout.heading_size(level), bold=True)
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading_format = heading.paragraph_format
        heading_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        heading_format.line_spacing = 1.15
        heading_format.space_before = Pt(layout.body if level > 1 else 0)
        heading_format.space_after = Pt(layout.body * 0.75)
        heading_format.keep_with_next = True

    for name in ("List Bullet", "List Number"):
        item = styles[name]
        _set_run_properties(item.element.get_or_add_rPr(), layout.body)
        item.paragraph_format.space_after = Pt(layout.body * 0.5)
        item.paragraph_format.line_spacing = LINE_SPACING

    for name in ("Header", "Footer"):
        edge = styles[name]
        _set_run_properties(edge.element.get_or_add_rPr(), layout.body, bold=False)
        edge.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT


TABLE_TEXT = "Table Text"


def table_text_style(document: Any, layout: Layout) -> Any:
    """The paragraph style of words in a table cell: body size (LP2), no space after."""
    styles = document.styles
    for style in styles:
        if style.name == TABLE_TEXT:
            return style
    style = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    _set_run_properties(style.element.get_or_add_rPr(), layout.body)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = LINE_SPACING
    return style
