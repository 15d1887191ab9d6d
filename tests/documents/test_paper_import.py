"""Importing papers from .txt, .md and .docx: structure kept, nothing but markup dropped."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetingroom.documents.markdown_inline import BLOCK_TAGS, ENTITY, INLINE_TAGS, TAG
from meetingroom.documents.paper_import import PaperImportError, paper_from_text, read_paper
from meetingroom.domain.papers import Block, BlockKind, Paper, Run

WELSH = "Mae'r ŵyn yn y cae"
POLISH = "Zażółć gęślą jaźń"
ARABIC = "مرحبا بكم في الاجتماع"


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[^\W_]+", text))


def all_text(paper: Paper) -> str:
    return "\n".join([paper.title, paper.plain_text()])


def kinds(paper: Paper) -> list[tuple[str, int]]:
    return [(b.kind.value, b.level) for b in paper.body]


def bold(paper: Paper) -> list[str]:
    runs = [r for b in paper.body for r in (*b.runs, *(r for item in b.items for r in item))]
    return [r.text for r in runs if r.bold]


def test_markdown_headings_lists_and_bold(tmp_path: Path) -> None:
    path = tmp_path / "update.md"
    path.write_text("# Phase 2 update\n\nIntro with **bold words** and __more bold__.\n\n"
                    "## What changes\n\n- first\n- second\n\n### Timeline\n\n1. one\n2. two\n",
                    encoding="utf-8")
    paper = read_paper(path)
    assert paper.title == "Phase 2 update"
    assert kinds(paper) == [("paragraph", 1), ("heading", 2), ("bullets", 1), ("heading", 3),
                            ("numbered", 1)]
    assert bold(paper) == ["bold words", "more bold"]
    assert paper.body[2].plain_text() == "first\nsecond"
    assert paper.body[4].plain_text() == "one\ntwo"


def test_messy_markdown(tmp_path: Path) -> None:
    text = ("\ufeffOur update\r\n===========\r\n\r\nSome *emphasis*, <b>html bold</b>, <u>under</u>"
            " x<sup>2</sup>, a & b and <script>alert(1)</script>.\r\nA wrapped line\r\n"
            "continues.<br>New line after br. See [the site](https://example.org)"
            " or <a href=\"https://x.org/p\">this page</a>[^1].\r\n\r\nSetext two\r\n----------\r\n"
            "\t- item one\r\n\t\t- nested item\r\n* item\u00a0three\r\n\r\n"
            "| cell a | cell b |\r\n|---|---|\r\n| cell c | cell d |\r\n\r\n"
            "> quoted words\r\n\r\n```\r\ncode words\r\n```\r\n"
            "snake_case, 2 * 3 * 4, &amp; &lt;b&gt; and soft\u00adhyphen “smart” 😀\r\n"
            "[^1]: The footnote words.\r\n")
    paper = paper_from_text(text, markdown=True, title="file")
    assert paper.title == "Our update"
    body = paper.plain_text()
    assert "Some emphasis, html bold, under x2, a & b and <script>alert(1)</script>." in body
    assert "A wrapped line continues." in body
    assert "New line after br. See the site (https://example.org) or this page (https://x.org/p)[1]." in body
    assert "snake_case, 2 * 3 * 4, & <b> and soft\u00adhyphen “smart” 😀" in body
    assert "[1] The footnote words." in body
    assert bold(paper) == ["html bold"]
    assert ("heading", 2) in kinds(paper)
    bullets = [b for b in paper.body if b.kind is BlockKind.BULLETS]
    assert bullets[0].plain_text() == "item one\nnested item\nitem\u00a0three"
    for cell in ("cell a", "cell b", "cell c", "cell d", "quoted words", "code words"):
        assert Block(BlockKind.PARAGRAPH, (Run(cell),)) in paper.body
    assert "\r" not in body and "\ufeff" not in body and "*" not in body.replace("2 * 3 * 4", "")


def test_many_languages_come_through_exactly(tmp_path: Path) -> None:
    path = tmp_path / "languages.txt"
    path.write_text(f"{WELSH}.\n\n{POLISH}.\n\n{ARABIC}\n\nMeet at 10 😀 a & b <b>not bold</b>\n",
                    encoding="utf-8")
    paper = read_paper(path)
    assert paper.title == "languages"
    assert [b.plain_text() for b in paper.body] == [
        f"{WELSH}.", f"{POLISH}.", ARABIC, "Meet at 10 😀 a & b <b>not bold</b>"]


def test_plain_text_joins_wrapped_lines_and_keeps_short_ones_apart() -> None:
    wrapped = ("This is a long paragraph that was wrapped by an email program at\n"
               "about seventy characters, so its lines should be joined together\nagain.")
    paper = paper_from_text(f"{wrapped}\n\nDate: Monday\nPlace: Hall\n\n- tea\n- biscuits\n",
                            markdown=False)
    texts = [b.plain_text() for b in paper.body]
    assert texts[0] == " ".join(wrapped.split("\n"))
    assert texts[1:3] == ["Date: Monday", "Place: Hall"]
    assert paper.body[3].kind is BlockKind.BULLETS and texts[3] == "tea\nbiscuits"


def test_windows_1252_and_utf16_files(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes("Café “notes” – £5".encode("cp1252"))
    assert read_paper(old).plain_text() == "Café “notes” – £5"
    wide = tmp_path / "wide.md"
    wide.write_bytes(f"# {POLISH}\r\n\r\ntext".encode("utf-16"))
    paper = read_paper(wide)
    assert paper.title == POLISH and paper.plain_text() == "text"


def make_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading("Paper title", level=0)
    document.add_heading("Background", level=1)
    paragraph = document.add_paragraph("Plain words, ")
    paragraph.add_run("bold words").bold = True
    paragraph.add_run(f" and {WELSH}, {POLISH}, {ARABIC} 😀 <b>a & b</b> <script>.")
    document.add_heading("Details", level=2)
    document.add_heading("Smaller", level=4)
    document.add_paragraph("first point", style="List Bullet")
    document.add_paragraph("second point", style="List Bullet")
    document.add_paragraph("step one", style="List Number")
    document.add_paragraph("step two", style="List Number")
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("cell a", "cell b"), ("cell c", "cell d")), strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("After the table.")
    document.save(str(path))


def test_docx_headings_lists_bold_tables(tmp_path: Path) -> None:
    path = tmp_path / "paper.docx"
    make_docx(path)
    paper = read_paper(path)
    assert paper.title == "Paper title"
    assert kinds(paper) == [("heading", 1), ("paragraph", 1), ("heading", 2), ("heading", 3),
                            ("bullets", 1), ("numbered", 1)] + [("paragraph", 1)] * 5
    assert bold(paper) == ["bold words"]
    assert paper.body[1].plain_text() == (
        f"Plain words, bold words and {WELSH}, {POLISH}, {ARABIC} 😀 <b>a & b</b> <script>.")
    assert paper.body[4].plain_text() == "first point\nsecond point"
    assert paper.body[5].plain_text() == "step one\nstep two"
    assert [b.plain_text() for b in paper.body[6:]] == [
        "cell a", "cell b", "cell c", "cell d", "After the table."]


def test_docx_numbering_without_list_styles_and_link_text(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    path = tmp_path / "numbered.docx"
    document = docx.Document()
    reference = document.add_paragraph("x", style="List Number")
    num_id = reference.style.element.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId"))
    reference._p.getparent().remove(reference._p)
    paragraph = document.add_paragraph("numbered by numPr")
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = int(num_id.get(qn("w:val")))
    linked = document.add_paragraph("see ")
    link = OxmlElement("w:hyperlink")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "the linked words"
    run.append(text)
    link.append(run)
    linked._p.append(link)
    document.save(str(path))
    paper = read_paper(path)
    assert kinds(paper) == [("numbered", 1), ("paragraph", 1)]
    assert paper.body[1].plain_text() == "see the linked words"


@pytest.mark.parametrize(("name", "contents", "says"), [
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a Word .docx file"),
    ("empty.docx", b"", "not a Word .docx file"),
    ("picture.pdf", b"%PDF-1.7", "use a .txt, .md or .docx file"),
    ("binary.txt", b"\x00\x01\x02\xff\xfe\x00" * 10, "not text"),
])
def test_unreadable_files_give_one_plain_line(tmp_path: Path, name: str, contents: bytes,
                                              says: str) -> None:
    path = tmp_path / name
    path.write_bytes(contents)
    with pytest.raises(PaperImportError) as raised:
        read_paper(path)
    assert says in raised.value.reason and "\n" not in raised.value.reason


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(PaperImportError, match="no file called none.md"):
        read_paper(tmp_path / "none.md")
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(PaperImportError, match="folder"):
        read_paper(tmp_path / "folder.md")


def test_a_very_long_paragraph_stays_whole() -> None:
    long = " ".join(f"word{n}" for n in range(20_000))
    paper = paper_from_text(long, markdown=True)
    assert paper.plain_text() == long


# -- nothing is lost ----------------------------------------------------------------------

MARKUP_WORDS = re.compile(r"^(?:[ \t]*>)*[ \t]*\d{1,9}[.)][ \t]+", re.MULTILINE)  # a numbered list's numbers
PLAIN_NUMBERS = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+", re.MULTILINE)


def without_numbers(text: str) -> str:
    """Plain text: only the numbers of a numbered list are markup."""
    return PLAIN_NUMBERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def without_markup(text: str) -> str:
    """The input with what import treats as markup taken out: tags of known names, entities
    and list numbers. What is left has every word the paper must still have."""
    def tag(match: re.Match[str]) -> str:
        name = match.group(1).lower()
        return "" if name in INLINE_TAGS else " " if name in BLOCK_TAGS else match.group()

    text = re.sub(r"\[([^\[\]\n]+)\]\(([^()\s<>]+)\)", r"\1 (\2)", text)  # [words](address)
    text = re.sub(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", r"\2", text)  # `code`
    text = ENTITY.sub(" ", text)
    text = TAG.sub(tag, text)
    return MARKUP_WORDS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


TOKENS = st.sampled_from([
    "word", "Care", "ICB", WELSH, POLISH, ARABIC, "😀", "a & b", "<b>", "</b>", "<u>", "</u>",
    "<sup>", "</sup>", "<br>", "<script>", "**", "__", "*", "_", "#", "## ", "- ", "1. ", "> ",
    "`", "~~", "[^1]", "[x](y)", "&amp;", "\u00a0", "\u00ad", "\t", "\r\n", "\n", "\n\n", " ",
    "|", "===", "---", "\\", "“q”", "snake_case",
])


def in_order(expected: str, out: str) -> bool:
    """Every letter and digit of `expected` appears in `out`, in the same order."""
    letters = iter(c for c in out if c.isalnum())
    return all(c in letters for c in expected if c.isalnum())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=40).map("".join))
def test_every_word_of_plain_text_comes_through(text: str) -> None:
    paper = paper_from_text(text, markdown=False)
    assert not words(without_numbers(text)) - words(all_text(paper)), (text, paper)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=40).map("".join))
def test_every_word_of_markdown_comes_through(text: str) -> None:
    """Taking out marks can join words ("word`x`" is "wordx"), so letters are compared in order."""
    paper = paper_from_text(text, markdown=True)
    assert in_order(without_markup(text), all_text(paper)), (text, paper)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=40).map(" ".join))
def test_word_multisets_match_when_marks_stand_apart(text: str) -> None:
    """With a space between tokens no mark can join two words: compare the words themselves."""
    paper = paper_from_text(text, markdown=True)
    assert not words(without_markup(text)) - words(all_text(paper)), (text, paper)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.booleans())
def test_any_text_imports_without_crashing_and_keeps_its_words(text: str, markdown: bool) -> None:
    paper = paper_from_text(text, markdown=markdown)
    expected = without_markup(text) if markdown else without_numbers(text)
    assert in_order(expected, all_text(paper)), (text, paper)
