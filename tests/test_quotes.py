"""Quotes carry "…" wherever they were cut out of their sentence, in every format."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from annualcheck.prose.quotes import (
    ELLIPSIS,
    ends_sentence,
    mark_cut,
    mark_cuts,
    starts_sentence,
    strip_marks,
)

PARAGRAPH = ("With regard to the gender of the victims, 26 were female (19 less than in 2017) "
             "and one was male (same as in 2017). The rest were minors.")  # fmt: skip


def test_a_whole_sentence_is_left_as_it_is():
    sentence = PARAGRAPH.split(". ")[0] + "."
    assert mark_cuts(sentence, [PARAGRAPH]) == sentence
    assert mark_cuts("The rest were minors.", [PARAGRAPH]) == "The rest were minors."


def test_cuts_are_marked_on_the_side_they_were_made():
    assert mark_cuts("26 were female (19 less than in 2017)", [PARAGRAPH]) == (
        "… 26 were female (19 less than in 2017) …"
    )
    assert mark_cuts("With regard to the gender of the victims, 26 were female", [PARAGRAPH]) == (
        "With regard to the gender of the victims, 26 were female …"
    )
    assert mark_cuts("one was male (same as in 2017).", [PARAGRAPH]) == (
        "… one was male (same as in 2017)."
    )


def test_without_its_paragraph_the_quote_s_own_ends_decide():
    assert mark_cuts("of sexual exploitation (eight less than in 2017), four were") == (
        "… of sexual exploitation (eight less than in 2017), four were …"
    )
    assert (
        mark_cuts("Of the 27 victims, five were minors.") == "Of the 27 victims, five were minors."
    )


@given(st.integers(0, len(PARAGRAPH) - 2), st.integers(1, 60))
def test_any_cut_of_the_paragraph_is_marked_and_never_twice(start, length):
    piece = PARAGRAPH[start : start + length].strip()
    if not piece:
        return
    marked = mark_cuts(piece, [PARAGRAPH])
    assert ELLIPSIS + " " + ELLIPSIS not in marked
    assert mark_cuts(marked, [PARAGRAPH]).count(ELLIPSIS) == marked.count(ELLIPSIS)
    cut_left = start > 0 and not ends_sentence(PARAGRAPH[:start].rstrip())
    assert marked.startswith(ELLIPSIS) == cut_left or starts_sentence(piece)


def test_findings_json_of_the_real_series_marks_every_cut(records):
    from annualcheck.checks import run_checks
    from annualcheck.model.findings import findings_document
    from annualcheck.profiles import get_profile

    series = [records[2019], records[2020], records[2021]]
    doc = findings_document(run_checks(series, profile=get_profile("jp-tip")))
    quotes = [e["quote"] for f in doc["findings"] for e in f["evidence"] if e["quote"]]
    cut = [q for q in quotes if ELLIPSIS in q]
    assert cut, "report 2019's long sentences are quoted in part"
    for q in quotes:
        if q.startswith(ELLIPSIS):
            continue
        assert starts_sentence(q) or q.startswith(("[", "Contents")), q
    assert json.dumps(doc, ensure_ascii=False)


# -- the extractor marks the cuts it makes ------------------------------------------------------


def test_mark_cut_marks_the_sides_where_words_were_left_out():
    assert mark_cut("26 were female", "With regard to the gender, ", " (19 less).") == (
        "… 26 were female …"
    )
    assert mark_cut("The rest were minors", "", ".") == "The rest were minors"  # a stop alone
    assert mark_cut("one was male.", "26 were female and ", "") == "… one was male."
    assert mark_cut("… already marked", "words ", "") == "… already marked"


def test_a_marked_quote_keeps_its_marks_and_gets_no_more():
    # marked by the one who cut it: the paragraph is not asked again
    assert mark_cuts("… one was male (same as in 2017)", [PARAGRAPH]) == (
        "… one was male (same as in 2017)"
    )
    assert mark_cuts("… 26 were female (19 less than in 2017) …", [PARAGRAPH]) == (
        "… 26 were female (19 less than in 2017) …"
    )


@given(st.integers(0, len(PARAGRAPH) - 2), st.integers(1, 60))
def test_stripping_the_marks_gives_the_printed_words_back(start, length):
    piece = " ".join(PARAGRAPH[start : start + length].split())
    if not piece:
        return
    marked = mark_cuts(piece, [PARAGRAPH])
    assert strip_marks(marked) == piece
    assert strip_marks(marked) in PARAGRAPH


def test_quote_of_a_long_sentence_is_marked_where_it_was_cut():
    from annualcheck.extract.figures.mentions import Mention
    from annualcheck.extract.figures.pipeline import quote_of
    from annualcheck.prose.numbers import find_numbers

    head = "With regard to the forms of trafficking, " + "many words here, " * 10
    count = "12 were forced to work as nightclub hostesses (eight more than in 2018)"
    sentence = head + count + ", and " + "more words there, " * 10 + "and so on."
    at = sentence.index(count)
    token = next(t for t in find_numbers(sentence) if t.start == at)
    mention = Mention(token, count, count, at, at + len(count))
    quote = quote_of(sentence, mention)
    assert quote.startswith(ELLIPSIS + " ") and quote.endswith(" " + ELLIPSIS)
    assert count in quote and strip_marks(quote) in sentence
    assert quote_of(count + ".", Mention(token, count, count, 0, len(count))) == count + "."


def test_record_quotes_of_the_real_reports_mark_their_cuts(records):
    """Every figure quote of the three reports: its words (marks stripped) stand in a paragraph
    of its page, and it carries "…" exactly on the sides where its sentence (as the extractor
    splits sentences: "e.g." ends none) goes on there."""
    from annualcheck.extract.figures.mentions import split_sentences
    from annualcheck.model.record import record_to_dict
    from annualcheck.profiles import get_profile

    words = get_profile("jp-tip").figures
    marked = 0
    for year in (2019, 2020, 2021):
        record = records[year]
        for f in record.figures:
            printed = strip_marks(f.quote)
            texts = [p.text for p in record.paragraphs if p.page == f.page]
            hits = [(t, t.find(printed)) for t in texts if printed in t]
            assert hits, f.quote
            text, at = hits[0]
            start, end = next(
                (a, b) for a, b in split_sentences(text, words) if a <= at < b
            )  # fmt: skip
            sentence_before = text[start:at]
            sentence_after = text[at + len(printed) : end]
            assert f.quote.startswith(ELLIPSIS) == any(c.isalnum() for c in sentence_before), (
                year, f.key, f.quote)  # fmt: skip
            assert f.quote.endswith(ELLIPSIS) == any(c.isalnum() for c in sentence_after), (
                year, f.key, f.quote)  # fmt: skip
            marked += f.quote != printed
    assert marked > 20, "the long sentences of section 2 are quoted in part"
    figures = {
        f["key"]: f for f in record_to_dict(records[2020])["figures"] if f["period"] == "2019"
    }
    # the contract's sentence is whole: no mark
    assert figures["victims.total"]["quote"] == (
        "The number of victims of trafficking in persons who were put under protection in 2019 "
        "was 47 (20 more than in 2018)."
    )
    hostess = figures["victims.form.nightclub_hostess"]["quote"]
    assert "12 were forced to work as nightclub hostesses (eight more than in 2018)" in hostess
    assert ELLIPSIS in hostess


def test_a_quote_clipped_for_display_is_cut_at_a_word_and_marked():
    from annualcheck.render.common import clip

    quote = "… " + "forced to work as nightclub hostesses " * 8 + "(eight more than in 2018)."
    short = clip(quote, 100)
    assert len(short) <= 100 and short.endswith(" …") and short.startswith("… ")
    assert strip_marks(short) in quote and not short.endswith("… …")
    assert strip_marks(short).split()[-1] in quote.split()  # a whole word, not half of one
    assert clip("The rest were minors.", 100) == "The rest were minors."
