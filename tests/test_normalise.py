"""Text normalised the same whatever the producer (pdf/text.py, layout join_lines) and OCR's
misread digits kept out of the numbers (prose/numbers.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.layout.blocks import join_lines
from annualcheck.pdf.text import canonical_bullet, fold_ligatures, join_hyphenated, vocabulary
from annualcheck.prose.numbers import find_numbers

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}


@pytest.mark.parametrize("lig,letters", sorted(LIGATURES.items()))
def test_every_ligature_folds(lig, letters):
    assert fold_ligatures(f"tra{lig}x") == f"tra{letters}x"


@given(st.text(alphabet="abcfilst ﬀﬁﬂﬃﬄﬅﬆ", max_size=40))
def test_folding_leaves_no_ligature_and_is_idempotent(text):
    once = fold_ligatures(text)
    assert not any("\ufb00" <= ch <= "\ufb06" for ch in once)
    assert fold_ligatures(once) == once


@pytest.mark.parametrize("glyph", ["•", "◦", "▪", "\uf0b7", "○", "●", "■", "*", "¢", "@"])
def test_bullets_of_every_kind_become_one(glyph):
    assert canonical_bullet(f"{glyph} With regard to the victims") == "• With regard to the victims"


@pytest.mark.parametrize(
    "text", ["*1 footnote", "@home", "e-mail address", "o clock", "19 were minors", "2,116 cases"]
)
def test_text_that_is_no_bullet_is_kept(text):
    assert canonical_bullet(text) == text


def test_line_end_hyphen_of_a_word_is_joined():
    words = vocabulary(["seven were not prosecuted due to problems", "persons prosecuted"])
    assert join_lines(["seven were not prose-", "cuted due to problems"], words) == (
        "seven were not prosecuted due to problems"
    )


@pytest.mark.parametrize(
    "first,second,joined",
    [
        ("violation of the Anti-", "Prostitution Act", "violation of the Anti-Prostitution Act"),
        ("a self-", "reliance plan", "a self-reliance plan"),
    ],
)
def test_compounds_keep_their_hyphen(first, second, joined):
    words = vocabulary(["prosecuted", "reliance", "self"])
    assert join_lines([first, second], words) == joined


def test_soft_hyphen_and_u2010_breaks_are_dropped():
    assert join_lines(["prose\u00ad", "cuted"]) == "prosecuted"
    assert join_lines(["prose\u2010", "cuted"]) == "prosecuted"


def test_join_hyphenated_needs_the_word():
    assert join_hyphenated("prose-", "cuted", {"prosecuted"}.__contains__) == "prosecuted"
    assert join_hyphenated("prose-", "cuted", set().__contains__) is None


@pytest.mark.parametrize(
    "text", ["there were 4O victims", "l9 were minors", "a fine of 1O,000 yen", "3,O59 cases"]
)
def test_ocr_misread_digits_are_no_numbers(text):
    values = [t.value for t in find_numbers(text) if t.value is not None]
    assert values == []


@pytest.mark.parametrize(
    "text,value", [("40 victims", 40), ("19 were minors", 19), ("3,059 cases", 3059)]
)
def test_clean_numbers_still_read(text, value):
    assert [t.value for t in find_numbers(text)] == [value]


@pytest.mark.parametrize(
    "ocr,clean",
    [
        ("zero were male (one less:than in 2018)", "zero were male (one less than in 2018)"),
        ("victims of trafficking.in persons", "victims of trafficking in persons"),
        ("e.g. the Act", "e.g. the Act"),
        ("was 12. Of these", "was 12. Of these"),
    ],
)
def test_ocr_punctuation_between_words_is_a_space(ocr, clean):
    from annualcheck.pdf.text import clean_ocr_text

    assert clean_ocr_text(ocr) == clean


@pytest.mark.parametrize(
    "ocr,clean",
    [
        ("(14 more than in-2018)", "(14 more than in 2018)"),
        ("(one more than in.2018)", "(one more than in 2018)"),
        ("Act No.52 of 1999, a rate of 1.5", "Act No.52 of 1999, a rate of 1.5"),
        ("contributed US$130,000:to the IOM", "contributed US$130,000 to the IOM"),
        ("since FY2016.the posters", "since FY2016 the posters"),
        ("In FY2016,.182 reports", "In FY2016, 182 reports"),
        ("from 17:00 to 22:00. In 2019. The", "from 17:00 to 22:00. In 2019. The"),
        ("3,059 cases, 1,5 and 2,116", "3,059 cases, 1,5 and 2,116"),
        ("(one less than. in 2018)", "(one less than in 2018)"),
        ("the Anti-Prostitution Act", "the Anti-Prostitution Act"),
        ("COVID-19 measures", "COVID-19 measures"),
        # table cells of the OCR'd scan (Tables 2 and 3)
        ("1 year.6 months imprisonment", "1 year 6 months imprisonment"),
        ("1 year 6. months imprisonment", "1 year 6 months imprisonment"),
        ("suspension of 3 years,.200,000 yen fine", "suspension of 3 years, 200,000 yen fine"),
        ("100,000. yen fine", "100,000 yen fine"),
        (
            "2 years 6 months imprisonment, 300;000 yen fine",
            "2 years 6 months imprisonment, 300,000 yen fine",
        ),
        ("the Chiba Prefectural:Ordinance of", "the Chiba Prefectural Ordinance of"),
        ("Punishment-of Acts Relating-to Child", "Punishment of Acts Relating to Child"),
        ("Violation-of the Act. on Regulation", "Violation of the Act on Regulation"),
        # and what stays as it is
        (
            "a mid-2019 survey, an out-of-court settlement",
            "a mid-2019 survey, an out-of-court settlement",
        ),
        ("Business, etc. and the Act", "Business, etc. and the Act"),
        ("Note: The ratio 3:2 at 17:00", "Note: The ratio 3:2 at 17:00"),
        ("in 2019. The Act", "in 2019. The Act"),
    ],
)
def test_ocr_marks_before_numbers_and_stray_stops(ocr, clean):
    from annualcheck.pdf.text import clean_ocr_text

    assert clean_ocr_text(ocr) == clean


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("aZk \n-\u212aİé1"), max_size=12), max_size=6))
def test_vocabulary_is_the_words_of_each_text_lowered(texts):
    """Searching the texts as one must find what searching each apart finds: no word made
    across two texts, none lost at a text's edge, and the words lowered, not the text
    (the Kelvin sign lowers to an ASCII k, which must not join a word)."""
    import re

    one_by_one = {w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", text)}
    assert vocabulary(texts) == one_by_one
