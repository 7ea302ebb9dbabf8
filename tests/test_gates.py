"""A pattern gated by the words its matches need (prose/gates.py) finds what it finds ungated.

The gate may only skip a search that finds nothing. Checked four ways: the words read off
patterns whose needs are known by reading them; every code point a case-blind pattern takes
for an ASCII letter is folded to it; hypothesis' patterns, made by a grammar of literals,
groups, alternatives, repeats, classes and lookarounds, searched in texts of the same letters
in both cases and the look-alikes; and every pattern of the profile over every paragraph and
sentence of the reports.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.extract.figures.mentions import split_sentences
from annualcheck.prose import gates
from annualcheck.prose.gates import fold, gated, required_words

FLAGS = re.IGNORECASE | re.DOTALL


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bcleared\b", ("cleared",)),
        (r"\b(?:persons|people)\b[^.]{0,30}\barrested\b", ("arrested",)),
        (r"\bminors?\b|\bunder (?:the age of )?18\b", ("minor", "under ")),
        (r"\bthan in (?:19|20)\d\d\b|\bcompared (?:with|to)\b", ("compared ", "than in ")),
        (r"(?:of|among)\s+these", ("these",)),
        (r"Women.s Consulting Offices?", ("s consulting office",)),
        (r"(?:victims?){2,}", ("victim",)),
        # nothing every match needs: searched ungated
        (r"a?", None),
        (r"(?=abc)\d", None),  # a lookahead's words are not part of the match
        (r"x|\d+", None),  # one alternative needs no word
        (r"(?:abc)*", None),
        (r"[abc]+", None),
        (r"(\w+)\1", None),  # a back-reference gives no word
        (r"(\w+) \1", (" ",)),
        (r"caf\u00e9", None),  # not ASCII
    ],
)
def test_the_words_a_pattern_needs(pattern, words):
    assert required_words(pattern, FLAGS) == words


def test_every_look_alike_of_an_ascii_letter_is_folded_to_it():
    letter = re.compile("[a-z]", re.IGNORECASE)
    look_alikes = {
        chr(c): next(a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, chr(c), re.I))
        for c in range(128, 0x110000)
        if letter.fullmatch(chr(c))
    }
    assert look_alikes == dict(zip(gates._CASE_BLIND_CHARS, "iisk", strict=True))
    assert {ch: fold(ch) for ch in look_alikes} == look_alikes
    # lower() turns no other character into ASCII
    assert [hex(c) for c in range(128, 0x110000) if any(x.isascii() for x in chr(c).lower())] == [
        "0x130",
        "0x212a",
    ]


_ALPHABET = "abkisAKIS 19-.\u0130\u0131\u017f\u212a\u00e9"


@st.composite
def patterns(draw, depth: int = 0) -> str:
    """A pattern of the grammar gates reads: a sequence of parts."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(["lit", "lit", "group", "branch", "opt", "rep", "class", "look"])
        )
        if kind == "lit" or depth >= 2:
            parts.append(re.escape(draw(st.text(alphabet=_ALPHABET, min_size=1, max_size=4))))
        elif kind == "group":
            parts.append(f"(?:{draw(patterns(depth + 1))})")
        elif kind == "branch":
            parts.append(f"(?:{draw(patterns(depth + 1))}|{draw(patterns(depth + 1))})")
        elif kind == "opt":
            parts.append(f"(?:{draw(patterns(depth + 1))})?")
        elif kind == "rep":
            low = draw(st.integers(0, 2))
            parts.append(f"(?:{draw(patterns(depth + 1))}){{{low},3}}")
        elif kind == "class":
            parts.append(draw(st.sampled_from([r"\w", r"\d", r"\s", "[ak]", "[^s]", r"\b", "."])))
        else:
            parts.append(f"(?={draw(patterns(depth + 1))})")
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(patterns(), st.text(alphabet=_ALPHABET, max_size=40), st.sampled_from([0, FLAGS]))
def test_a_gated_search_finds_what_the_search_finds(pattern, text, flags):
    found = gated(pattern, flags).search(text)
    expected = re.compile(pattern, flags).search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_every_profile_pattern_finds_in_the_reports_what_it_finds_ungated(records):
    from annualcheck.extract.figures.pipeline import _gated_pattern
    from annualcheck.profiles import get_profile

    vocab = get_profile().figures
    sources = {rs.skip_topic for rs in vocab.rule_sets if rs.skip_topic}
    sources |= {p for rs in vocab.rule_sets for p in rs.topic}
    for rs in vocab.rule_sets:
        for rule in rs.rules:
            sources |= {p for p in (rule.near, rule.clause, rule.about, rule.unless) if p}
    sources |= {p for pairs in vocab.vocabularies.values() for p, _ in pairs}
    texts = []
    for record in records.values():
        for paragraph in record.paragraphs:
            texts.append(paragraph.text)
            texts += [paragraph.text[s:e] for s, e in split_sentences(paragraph.text, vocab)]
    gated_ones = 0
    for source in sorted(sources):
        pattern = _gated_pattern(source)
        gated_ones += pattern.needs is not None
        plain = re.compile(source, FLAGS)
        for text in texts:
            assert bool(pattern.search(text)) == bool(plain.search(text)), (source, text[:80])
    assert gated_ones > len(sources) // 2  # the gate applies to most of them


@pytest.mark.parametrize("look_alike", gates._CASE_BLIND_CHARS)
def test_a_word_is_found_through_its_look_alikes(look_alike):
    letter = fold(look_alike)
    text = f"the {look_alike}{letter.upper()}{letter} count"
    pattern = f"{letter}{letter}{letter} count"
    assert re.search(pattern, text, FLAGS)
    assert gated(pattern, FLAGS).search(text)
