import pytest

from meetingroom.domain.people import FORMER_MEMBER, FormatKind, FormatNeed, Member, Role


def test_large_print_defaults_to_18_and_checks_size() -> None:
    assert FormatNeed(FormatKind.LARGE_PRINT).size == 18
    assert FormatNeed(FormatKind.LARGE_PRINT, 24).size == 24
    with pytest.raises(ValueError, match="16, 18, 20, 24, 28"):
        FormatNeed(FormatKind.LARGE_PRINT, 17)
    with pytest.raises(ValueError):
        FormatNeed(FormatKind.EASY_READ, 18)


def test_names_for_display_and_speech() -> None:
    member = Member(name="Siobhan Kelly", preferred_name="Shiv", pronunciation="shiv")
    assert member.display_name == "Shiv"
    assert member.spoken_name == "shiv"
    member.erased = True
    assert member.display_name == FORMER_MEMBER


def test_lived_experience_roles() -> None:
    assert Role.CARER.has_lived_experience
    assert not Role.PROFESSIONAL.has_lived_experience
