"""Quotes carry "…" wherever they were cut out of their sentence, in every format."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from annualcheck.prose.quotes import ELLIPSIS, ends_sentence, mark_cuts, starts_sentence

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
