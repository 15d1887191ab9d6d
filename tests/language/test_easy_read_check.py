"""What an easy-read author is told about one sentence (ER2, ER4, ER5), and finding pictures."""

from __future__ import annotations

from meetingroom.language.easy_read_check import EasyReadFlag, Problem, check_sentence
from meetingroom.language.picture_search import pictures_for, search_pictures
from meetingroom.language.pictures import choose_picture, picture_name


def test_a_short_plain_sentence_has_nothing_to_change() -> None:
    assert check_sentence("We meet on 7 May at the library.") == []
    assert check_sentence("No one is left out.") == []  # "one" here is not a number


def test_long_sentences_acronyms_and_number_words_are_flagged() -> None:
    sentence = ("The ICB and the ICB team will tell seven people about the plan for the next "
                "twenty weeks and more")
    assert check_sentence(sentence) == [
        EasyReadFlag(Problem.TOO_LONG, sentence, words=20),
        EasyReadFlag(Problem.ACRONYM, "ICB"),
        EasyReadFlag(Problem.NUMBER_WORD, "seven", digits="7"),
        EasyReadFlag(Problem.NUMBER_WORD, "twenty", digits="20"),
    ]
    assert check_sentence("   ") == [EasyReadFlag(Problem.EMPTY)]
    assert [f.problem for f in check_sentence(" ".join(["word"] * 15))] == []


def test_a_word_finds_its_pictures_best_first_without_skin_tone_repeats() -> None:
    found = [picture_name(code) for code in search_pictures("bus")]
    assert found[0] == "bus" and "bus stop" in found and "minibus" in found
    hands = search_pictures("waving hand")
    assert hands and not any("1F3FB" in code for code in hands)
    assert any("1F3FB" in code for code in search_pictures("waving hand skin tone"))
    assert search_pictures("qqzzxx") == []


def test_with_no_search_the_suggestion_comes_first_then_the_current_picture() -> None:
    sentence = "We pay for your bus ticket."
    listed = pictures_for(sentence, "1F68F")
    assert listed[0] == choose_picture(sentence) and listed[1] == "1F68F"
    assert len(listed) == len(set(listed)) > 50
